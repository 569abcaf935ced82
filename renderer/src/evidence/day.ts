/**
 * A day as the evidence views show it ("7 Dec 2026", "7 дек. 2026 г."). Where the runtime's Intl has no data for
 * the language — Chromium's ICU lacks Kazakh, and shows "2026 M12 7" — the day is written as in Kazakhstan's own
 * documents, "07.12.2026", rather than in a form nobody uses.
 */
const known = new Map<string, boolean>();

/**
 * Whether Intl has month names for this locale. Without data it still claims the locale but falls back to the root
 * locale's pattern, whose month is written "M12".
 */
function hasDateData(locale: string): boolean {
  let found = known.get(locale);
  if (found === undefined) {
    const december = new Date(2026, 11, 7);
    found = !/^M\d+$/.test(new Intl.DateTimeFormat(locale, { month: 'long' }).format(december));
    known.set(locale, found);
  }
  return found;
}

export function formatDay(locale: string, when: string | number | Date): string {
  const date = new Date(when);
  if (Number.isNaN(date.getTime())) return String(when);
  if (hasDateData(locale)) return date.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getDate())}.${two(date.getMonth() + 1)}.${date.getFullYear()}`;
}
