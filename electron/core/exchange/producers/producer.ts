/** The unit `startPosition`/`endPosition` count in: Unicode code points (the standard) or UTF-16 code units. */
export type PositionUnit = 'codepoint' | 'utf16';

export interface Producer {
  id: 'comparanda' | 'nvivo' | 'maxqda' | 'atlasti' | 'qualcoder' | 'other';
  /** The program's name, for the report. */
  label: string;
  /**
   * The unit the program is known to count text positions in. Only a first guess: the selections of the file
   * decide when they fit one unit better (see units.ts), since versions and platforms differ.
   */
  positionUnit: PositionUnit;
  /** Whether a file's `origin` attribute names this program. */
  matches(origin: string): boolean;
}
