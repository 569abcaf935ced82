/** How sizes and times read in the safety and export views: short, tabular, in the user's time zone and language. */
import { LANGUAGE_TAGS } from '../../../electron/contract/i18n/languages';
import { currentLanguage } from '../i18n/current';

function tag(): string {
  return LANGUAGE_TAGS[currentLanguage()];
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  // Intl names the units in the interface language ("12 MB", "12 МБ").
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return new Intl.NumberFormat(tag(), { style: 'unit', unit: units[unit], unitDisplay: unit === 0 ? 'narrow' : 'short', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export function formatDateTime(iso: string, withSeconds = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(tag(), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
  });
}

/** "3 codes", "1 code": a count with its noun. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? singular : pluralForm}`;
}
