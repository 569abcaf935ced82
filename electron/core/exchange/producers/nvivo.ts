import type { Producer } from './producer';

/**
 * NVivo (Windows and Mac) counts positions in UTF-16 code units, as .NET strings do: a character outside the Basic
 * Multilingual Plane (most emoji) counts 2. Read as code points, every selection after such a character is shifted.
 */
export const nvivo: Producer = { id: 'nvivo', label: 'NVivo', positionUnit: 'utf16', matches: (origin) => /\bnvivo\b/i.test(origin) };
