import type { Producer } from './producer';

/** QualCoder (Python): positions are Python string indexes, i.e. code points. */
export const qualcoder: Producer = { id: 'qualcoder', label: 'QualCoder', positionUnit: 'codepoint', matches: (origin) => /\bqualcoder\b/i.test(origin) };
