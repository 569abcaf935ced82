/** The figures of a run, the table printed at the end, and what --json writes. */
import { summarise } from './stats';

export interface Target {
  /** The figure must be at most this (in its unit), judged on `on`. */
  max?: number;
  on?: 'median' | 'p95';
  /** The ratio product / baseline must be at most this. */
  ratioMax?: number;
}

export interface Figure {
  id: string;
  label: string;
  unit: 'ms' | 'MB';
  median: number | null;
  p95: number | null;
  samples: number[];
  baseline: { label: string; median: number | null; p95: number | null; samples: number[] } | null;
  /** product / baseline, on the statistic the target judges (median unless the target says p95). */
  ratio: number | null;
  target: Target | null;
  met: boolean | null;
  /** Why not met: 'value', 'ratio' or both. */
  missed: string[];
  notes?: string;
  breakdown?: Record<string, number>;
}

export const RATIO_MAX = 3;

export function figure(input: {
  id: string;
  label: string;
  unit?: 'ms' | 'MB';
  samples: number[];
  baseline?: { label: string; samples: number[] } | null;
  target?: Target | null;
  notes?: string;
  breakdown?: Record<string, number>;
  /** Set when the measurement could not complete (e.g. over its time budget): the figure is then not met. */
  unfinished?: string;
}): Figure {
  const s = summarise(input.samples);
  const on = input.target?.on ?? 'median';
  const base = input.baseline ? summarise(input.baseline.samples) : null;
  const value = input.samples.length > 0 ? (on === 'p95' ? s.p95 : s.median) : null;
  const baseValue = base && input.baseline!.samples.length > 0 ? (on === 'p95' ? base.p95 : base.median) : null;
  const ratio = value !== null && baseValue !== null && baseValue > 0 ? value / baseValue : null;
  // Every figure with a baseline is held to the ratio target, whatever else it is held to.
  const target: Target | null = input.target ?? (input.baseline ? { ratioMax: RATIO_MAX } : null);
  if (target && input.baseline && target.ratioMax === undefined) target.ratioMax = RATIO_MAX;
  const missed: string[] = [];
  let met: boolean | null = null;
  if (target && value !== null) {
    met = true;
    if (target.max !== undefined && value > target.max) missed.push('value');
    if (target.ratioMax !== undefined && ratio !== null && ratio > target.ratioMax) missed.push('ratio');
    met = missed.length === 0;
  }
  if (input.unfinished) {
    missed.push(input.unfinished);
    met = false;
  }
  return {
    id: input.id,
    label: input.label,
    unit: input.unit ?? 'ms',
    median: input.samples.length ? s.median : null,
    p95: input.samples.length ? s.p95 : null,
    samples: input.samples.map(round),
    baseline: input.baseline
      ? { label: input.baseline.label, median: base!.n ? base!.median : null, p95: base!.n ? base!.p95 : null, samples: input.baseline.samples.map(round) }
      : null,
    ratio,
    target,
    met,
    missed,
    ...(input.notes || input.unfinished ? { notes: [input.unfinished, input.notes].filter(Boolean).join('; ') } : {}),
    ...(input.breakdown ? { breakdown: Object.fromEntries(Object.entries(input.breakdown).map(([k, v]) => [k, round(v)])) } : {}),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function num(value: number | null, unit: string): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (unit === 'MB') return `${value.toFixed(0)} MB`;
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

function targetText(f: Figure): string {
  if (!f.target) return '—';
  const parts: string[] = [];
  if (f.target.max !== undefined) parts.push(`${f.target.on === 'p95' ? 'p95 ' : ''}≤ ${num(f.target.max, f.unit)}`);
  if (f.target.ratioMax !== undefined && f.baseline) parts.push(`ratio ≤ ${f.target.ratioMax}`);
  return parts.join(', ') || '—';
}

/** The table: figure, median, p95, baseline, ratio, target, met? */
export function table(figures: readonly Figure[]): string {
  const header = ['figure', 'median', 'p95', 'baseline (median)', 'ratio', 'target', 'met?'];
  const rows = figures.map((f) => [
    f.label,
    num(f.median, f.unit),
    num(f.p95, f.unit),
    f.baseline ? `${num(f.baseline.median, f.unit)}  ${f.baseline.label}` : '—',
    f.ratio === null ? '—' : `${f.ratio.toFixed(2)}${f.target?.on === 'p95' ? ' (p95)' : ''}`,
    targetText(f),
    f.met === null ? '—' : f.met ? 'yes' : `NO (${f.missed.join(', ')})`,
  ]);
  const widths = header.map((h, i) => Math.min(i === 3 ? 46 : i === 0 ? 58 : 30, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
  const line = (cells: string[]) => cells.map((c, i) => cut(c, widths[i]!)).join(' │ ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)].join('\n');
}

/** The same table in Markdown (for the README): every figure with a baseline or a target, by id. */
export function markdownTable(figures: readonly Figure[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = figures
    .filter((f) => f.baseline || f.target)
    .map((f) =>
      [
        `\`${f.id}\``,
        num(f.median, f.unit),
        num(f.p95, f.unit),
        f.baseline ? `${num(f.baseline.median, f.unit)} (${f.baseline.label})` : '—',
        f.ratio === null ? '—' : f.ratio.toFixed(2),
        targetText(f),
        f.met === null ? '—' : f.met ? 'yes' : `**no** (${f.missed.join(', ')})`,
      ]
        .map(cell)
        .join(' | '),
    );
  return ['| figure | median | p95 | baseline (median) | ratio | target | met |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows.map((r) => `| ${r} |`)].join('\n');
}
