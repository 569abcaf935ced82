/**
 * Where things sit on the XY plot: one square of memberships 0–1 inside a margin for the axes. The SVG draws in
 * these units (its viewBox); the focusable points over it are placed in percentages of the same box, so that both
 * scale together.
 */
import type { QcaXyPointDto } from '../../../electron/contract/qca';

export const VIEW = 320;
export const PAD = { left: 52, right: 14, top: 14, bottom: 52 } as const;
export const INNER = VIEW - PAD.left - PAD.right;

export const px = (x: number) => PAD.left + x * INNER;
export const py = (y: number) => PAD.top + (1 - y) * INNER;

/** A point's centre in percent of the plot's box (left, top). */
export function percent(p: Pick<QcaXyPointDto, 'x' | 'y'>): { left: string; top: string } {
  return { left: `${(px(p.x) / VIEW) * 100}%`, top: `${(py(p.y) / VIEW) * 100}%` };
}

/** Arrow-key order: left to right, then bottom to top, then by name (cases on one spot are reached one by one). */
export function keyboardOrder(points: readonly QcaXyPointDto[]): QcaXyPointDto[] {
  return [...points].sort((a, b) => a.x - b.x || a.y - b.y || a.caseName.localeCompare(b.caseName));
}

/** The names of every case on the same spot (crisp data puts many on one corner). */
export function sameSpot(points: readonly QcaXyPointDto[], p: QcaXyPointDto): string[] {
  return points.filter((q) => Math.abs(q.x - p.x) < 1e-9 && Math.abs(q.y - p.y) < 1e-9).map((q) => q.caseName);
}

/** The triangle marking a case outside the consistent region (x > y): a shape, not only a colour. */
export function triangle(cx: number, cy: number, r = 6): string {
  return `${cx},${cy - r} ${cx + r * 0.9},${cy + r * 0.6} ${cx - r * 0.9},${cy + r * 0.6}`;
}

/** Spots holding more than one case, with how many: crisp data stack whole groups of cases on one corner. */
export function crowdedSpots(points: readonly QcaXyPointDto[]): { x: number; y: number; count: number }[] {
  const spots = new Map<string, { x: number; y: number; count: number }>();
  for (const p of points) {
    const key = `${p.x.toFixed(9)} ${p.y.toFixed(9)}`;
    const spot = spots.get(key) ?? { x: p.x, y: p.y, count: 0 };
    spot.count++;
    spots.set(key, spot);
  }
  return [...spots.values()].filter((s) => s.count > 1);
}
