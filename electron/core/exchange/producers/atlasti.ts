import type { Producer } from './producer';

/**
 * ATLAS.ti: positions in characters (code points). Its files have a capital `Project.qde` with CRLF line endings, write
 * a PDF quotation twice (as a PDF area and as a text selection of the same GUID) and count PDF pages from 0; the
 * reader and the import pipeline handle those for every file.
 */
export const atlasti: Producer = { id: 'atlasti', label: 'ATLAS.ti', positionUnit: 'codepoint', matches: (origin) => /\batlas\.?ti\b/i.test(origin) };
