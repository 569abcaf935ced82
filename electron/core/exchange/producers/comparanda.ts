import type { Producer } from './producer';

/** Our own export: code points, as the standard says (see docs/refi-qda.md). */
export const comparanda: Producer = { id: 'comparanda', label: 'Comparanda', positionUnit: 'codepoint', matches: (origin) => /^Comparanda\b/.test(origin) };
