-- Placeholder: format 11 belongs to another branch of this round and is renumbered at merge. Intentionally empty.
SELECT 1;
