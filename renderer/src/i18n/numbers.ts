/**
 * Kazakh numbers where the runtime's Intl has no Kazakh. Chromium's ICU data (and so Electron's) lacks `kk`:
 * `Intl.NumberFormat('kk-KZ')` accepts the tag and writes the root locale's "12,345.5", which reads in Kazakhstan
 * as twelve and a fraction. Kazakh groups digits with a non-breaking space and writes a decimal comma, "12 345,5",
 * as Russian does; so where Kazakh is missing, a Kazakh number is formatted with Russian's data. Plural rules and
 * every other language are left alone. See docs/i18n.md and renderer/src/evidence/day.ts for dates.
 */

type NumberFormatConstructor = typeof Intl.NumberFormat;

const SAMPLE = 12345.5;

function isKazakh(locale: string): boolean {
  return /^kk(?:[-_]|$)/i.test(locale);
}

/** Whether this Intl writes Kazakh numbers in the root form, i.e. has no Kazakh data. */
export function lacksKazakhNumbers(NumberFormat: NumberFormatConstructor): boolean {
  return new NumberFormat('kk-KZ').format(SAMPLE) === new NumberFormat('und').format(SAMPLE);
}

/** `NumberFormat` with Kazakh written as Kazakhstan writes it; the same constructor where it already does. */
export function withKazakhNumbers(NumberFormat: NumberFormatConstructor): NumberFormatConstructor {
  if (!lacksKazakhNumbers(NumberFormat)) return NumberFormat;
  const first = (locales: string | readonly string[] | undefined) => (typeof locales === 'string' ? locales : locales?.[0]);
  const Kazakh = function (locales?: string | readonly string[], options?: Intl.NumberFormatOptions) {
    const locale = first(locales);
    return new NumberFormat(locale !== undefined && isKazakh(locale) ? 'ru-RU' : (locales as string | string[] | undefined), options);
  } as unknown as NumberFormatConstructor;
  Object.defineProperty(Kazakh, 'prototype', { value: NumberFormat.prototype });
  Object.defineProperty(Kazakh, 'supportedLocalesOf', { value: NumberFormat.supportedLocalesOf.bind(NumberFormat) });
  return Kazakh;
}

let installed = false;

/** Makes every `Intl.NumberFormat` of the renderer (react-intl's `#` and `{n, number}` included) write Kazakh numbers. */
export function installKazakhNumbers(): void {
  if (installed || typeof Intl === 'undefined') return;
  installed = true;
  Intl.NumberFormat = withKazakhNumbers(Intl.NumberFormat);
}
