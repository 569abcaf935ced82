/**
 * What each program that writes REFI-QDA does its own way. The import pipeline (../import.ts) asks `producerOf` for
 * the file's producer and reads its quirks from here, so supporting the next program is a new file in this folder,
 * not a longer importer. Quirks that are plain faults any file may have (braces in GUIDs, RGB colours, a lower-case
 * `sources/` folder, a capital `Project.qde`) are handled for every file by the reader (../model.ts, ../load.ts).
 */
import { atlasti } from './atlasti';
import { comparanda } from './comparanda';
import { maxqda } from './maxqda';
import { nvivo } from './nvivo';
import { qualcoder } from './qualcoder';
import type { Producer } from './producer';

export type { PositionUnit, Producer } from './producer';
export { decidePositionUnit, type UnitDecision } from './units';

const KNOWN: readonly Producer[] = [comparanda, nvivo, maxqda, atlasti, qualcoder];

/** Any other program: the standard as written (positions in characters, i.e. Unicode code points). */
export const otherProducer: Producer = { id: 'other', label: 'the program that wrote the file', positionUnit: 'codepoint', matches: () => true };

/** The producer of a file, from its `origin` attribute. */
export function producerOf(origin: string | null): Producer {
  const value = (origin ?? '').trim();
  return KNOWN.find((p) => p.matches(value)) ?? otherProducer;
}
