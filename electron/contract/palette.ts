/**
 * The status colours, shared by the UI and every export. `StatusLevelDto.palette` indexes this list. Slots 1-7 are
 * the Okabe–Ito palette (Okabe & Ito 2002), which stays distinguishable with the common forms of colour blindness;
 * slot 0 is a neutral grey for "no colour" (e.g. no data). The status label is always shown next to the colour, so
 * colour is never the only signal and tables print in greyscale.
 */
export const STATUS_PALETTE = [
  { name: 'neutral grey', hex: '#A3A3A3' },
  { name: 'orange', hex: '#E69F00' },
  { name: 'sky blue', hex: '#56B4E9' },
  { name: 'bluish green', hex: '#009E73' },
  { name: 'yellow', hex: '#F0E442' },
  { name: 'blue', hex: '#0072B2' },
  { name: 'vermillion', hex: '#D55E00' },
  { name: 'reddish purple', hex: '#CC79A7' },
] as const;

export function paletteColour(slot: number): string {
  const index = Number.isInteger(slot) && slot >= 0 && slot < STATUS_PALETTE.length ? slot : 0;
  return STATUS_PALETTE[index]!.hex;
}
