/**
 * The claims register's column widths. The researcher sets them by dragging or from the keyboard (they are kept
 * per project by ClaimsRegister.tsx); the claim's own text takes whatever width the others leave until it is given
 * one. Plain functions, without the DOM, so that the layout rules are tested on their own.
 */

export const REGISTER_COLUMNS = ['claimant', 'date', 'claim', 'versus', 'dimension', 'assessment', 'verification'] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

export type ColumnWidths = Partial<Record<RegisterColumn, number>>;

/** The width each column would like, with room to spare; the claim's text fills what the others leave. */
export const PREFERRED_WIDTHS: Readonly<Record<RegisterColumn, number>> = {
  claimant: 180,
  date: 88,
  claim: 320,
  versus: 170,
  dimension: 150,
  assessment: 128,
  verification: 150,
};

/**
 * How narrow a column gets before the register scrolls sideways instead (a date on one line, a tag on two): all
 * seven fit the centre pane at 1280×720 with the details pane open.
 */
const FLOOR_WIDTHS: Readonly<Record<RegisterColumn, number>> = {
  claimant: 96,
  date: 80,
  claim: 100,
  versus: 80,
  dimension: 76,
  assessment: 112,
  verification: 100,
};

export const MIN_WIDTH = 56;
export const MAX_WIDTH = 1200;
/** One arrow-key press; Shift+arrow moves four times as far. */
export const WIDTH_STEP = 16;

export function clampWidth(width: number): number {
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));
}

/**
 * Every column's width in pixels for a register `available` pixels wide. Columns the researcher sized keep their
 * width; the others take their preferred width, shrunk in proportion (down to a floor) when the register is
 * narrower than that, and the claim, unless sized, takes any width left over. Below the floors it scrolls sideways.
 */
export function resolveWidths(widths: ColumnWidths, available: number): Record<RegisterColumn, number> {
  const free = REGISTER_COLUMNS.filter((c) => widths[c] === undefined);
  const fixed = REGISTER_COLUMNS.reduce((sum, c) => sum + (widths[c] ?? 0), 0);
  const at = (scale: number) => Object.fromEntries(free.map((c) => [c, Math.max(FLOOR_WIDTHS[c], Math.floor(PREFERRED_WIDTHS[c] * scale))])) as Partial<Record<RegisterColumn, number>>;
  const sum = (w: Partial<Record<RegisterColumn, number>>) => free.reduce((total, c) => total + w[c]!, fixed);
  let low = 0;
  let high = 1;
  if (sum(at(1)) > available) {
    for (let i = 0; i < 24; i++) {
      const mid = (low + high) / 2;
      if (sum(at(mid)) > available) high = mid;
      else low = mid;
    }
  }
  const chosen = at(sum(at(1)) > available ? low : 1);
  if (chosen.claim !== undefined) chosen.claim += Math.max(0, Math.floor(available - sum(chosen)));
  return Object.fromEntries(REGISTER_COLUMNS.map((c) => [c, widths[c] ?? chosen[c]!])) as Record<RegisterColumn, number>;
}
