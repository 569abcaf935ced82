-- Version 9: region excerpts. An area drawn on a PDF page (a table, a stamp, a scanned paragraph) is kept as the
-- rectangle itself, in PDF points with the origin at the page's upper left corner and y growing downwards, as
-- REFI-QDA's PDFSelection writes it (firstX/firstY the upper left corner, secondX/secondY the lower right). The page
-- is the excerpt's `page` (1-based here; REFI-QDA counts from 0). An excerpt with a region may also hold offsets
-- (the text under it) or none (a scan).

ALTER TABLE excerpts ADD COLUMN region_x1 REAL CHECK (region_x1 IS NULL OR region_x1 >= 0);
ALTER TABLE excerpts ADD COLUMN region_y1 REAL CHECK (region_y1 IS NULL OR region_y1 >= 0);
ALTER TABLE excerpts ADD COLUMN region_x2 REAL CHECK (region_x2 IS NULL OR region_x2 >= 0);
ALTER TABLE excerpts ADD COLUMN region_y2 REAL CHECK (region_y2 IS NULL OR region_y2 >= 0);
