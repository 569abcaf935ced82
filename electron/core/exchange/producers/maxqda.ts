import type { Producer } from './producer';

/** MAXQDA: positions in characters (code points); exact colours as #RRGGBB; code sets as `<Sets>`. */
export const maxqda: Producer = { id: 'maxqda', label: 'MAXQDA', positionUnit: 'codepoint', matches: (origin) => /\bmaxqda\b/i.test(origin) };
