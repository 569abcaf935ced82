/** Numbers and names as the QCA view shows them: three decimals in the interface language, R's term notation. */
import { useCallback, useState } from 'react';
import { useIntl } from 'react-intl';

/** A fit (inclusion, PRI, coverage) with three decimals; null is R's "-" (the unique coverage of a lone term). */
export function useFit(): (x: number | null) => string {
  const intl = useIntl();
  return useCallback((x) => (x === null ? '–' : intl.formatNumber(x, { minimumFractionDigits: 3, maximumFractionDigits: 3 })), [intl]);
}

/** A raw value or a membership score: as few decimals as it has, up to three. */
export function useValue(): (x: number | null) => string {
  const intl = useIntl();
  return useCallback((x) => (x === null ? '–' : intl.formatNumber(x, { maximumFractionDigits: 3 })), [intl]);
}

/** "0,8" and "0.8" both read as 0.8 (a Russian or Kazakh keyboard types a decimal comma); "" is undefined. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().replace(',', '.');
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** "1; 3" or "1 3" (commas may be decimal commas, so only semicolons and spaces separate thresholds). */
export function parseList(text: string): number[] {
  return text
    .split(/[;\s]+/)
    .filter(Boolean)
    .map((s) => parseNumber(s) ?? Number.NaN);
}

/** Punctuation and marks that are the same in every language (R's notation included). */
export const MARK = {
  list: ', ',
  rows: '; ',
  dot: ' · ',
  space: ' ',
  arrow: ' → ',
  plus: ' + ',
  /** A truth-table row's outcome as a shape, beside its word: ⚠ contradiction, ● positive, ○ negative, · remainder. */
  out: { C: '⚠', '1': '●', '0': '○', '?': '·' },
  /** A case outside the region consistent with sufficiency, as the XY plot marks it. */
  triangle: '▲',
  /** How many cases share one spot of the XY plot (×3). */
  times: '×',
} as const;

/** The last answer while a query is asked again, so that what shows it (and its state) is not taken down meanwhile. */
export function useLastDefined<T>(value: T | undefined): T | undefined {
  const [last, setLast] = useState<T | undefined>(value);
  if (value !== undefined && value !== last) setLast(value);
  return value ?? last;
}
