import { paletteColour } from '../ui/palette';

interface StatusSwatchProps {
  /** Okabe–Ito slot; omitted for a cell nobody has assessed yet (drawn hollow). */
  palette?: number | undefined;
}

/** The colour of a status. Decorative: the status label next to it carries the meaning. */
export function StatusSwatch({ palette }: StatusSwatchProps) {
  if (palette === undefined) return <span className="swatch swatch-empty" aria-hidden="true" />;
  return <span className="swatch" aria-hidden="true" style={{ backgroundColor: paletteColour(palette) }} />;
}
