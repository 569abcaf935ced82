/**
 * Fixes to the bundled CSL locales that citeproc-js needs to print dates correctly in Russian.
 *
 * CSL has one form for a month's name, used both with a day and without one. The ru-RU locale of the CSL locales
 * repository gives the nominative ("апрель"), so a full date prints "25 апрель 2012 г.", which is wrong: with a day
 * Russian takes the genitive ("25 апреля 2012 г."), alone the nominative ("апрель 2012 г."). So:
 * - the ru locale's month terms (long form) are given in the genitive (`localeXmlFor`), and
 * - a date with a month and no day reaches citeproc with the month as a literal season in the nominative
 *   (`monthAloneAsSeason`), which CSL prints where the month goes ("апрель 2012 г."); its sort key stays the year.
 * The short forms ("апр.") are the same in both cases and are left alone.
 */
import type { CslItem } from '../../../contract/api';

/** Part of the formatting cache's key: formattings made before these fixes are not reused. */
export const LOCALE_FIXES_VERSION = 'ru-genitive-months-1;ru-day-month-1';

const RU_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const RU_NOMINATIVE = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

const isRussian = (locale: string | undefined) => !!locale && /^ru\b/i.test(locale);

/** The locale's XML as citeproc gets it: for Russian, the long month terms in the genitive. */
export function localeXmlFor(locale: string, xml: string): string {
  if (!isRussian(locale)) return xml;
  return xml.replace(/<term name="month-(\d\d)">[^<]*<\/term>/g, (_all, n: string) => `<term name="month-${n}">${RU_GENITIVE[Number(n) - 1]}</term>`);
}

const DATE_FIELDS = ['issued', 'accessed', 'event-date', 'original-date', 'submitted'];

/** For Russian: dates with a month and no day get the month as a nominative season (see the module's comment). */
export function monthAloneAsSeason(out: CslItem, locale: string | undefined): void {
  if (!isRussian(locale)) return;
  for (const field of DATE_FIELDS) {
    const date = out[field] as { 'date-parts'?: unknown; season?: unknown } | undefined;
    const parts = date?.['date-parts'];
    if (!Array.isArray(parts) || parts.length !== 1 || !Array.isArray(parts[0]) || date?.season !== undefined) continue;
    const [year, month, day] = parts[0] as unknown[];
    if (typeof month !== 'number' || month < 1 || month > 12 || day !== undefined) continue;
    out[field] = { ...date, 'date-parts': [[year]], season: RU_NOMINATIVE[month - 1] };
  }
}

/**
 * The style's XML as citeproc gets it: for Russian, a date the style spells out part by part with the month before
 * the day ("<date-part name="month"/><date-part name="day"/>", APA's "(2012, April 25)") has the day first, as
 * Russian writes it and Russian journals print APA: "(2012, 25 апреля)", not "(2012, апреля 25)".
 *
 * Why in the style and not in the locale: a CSL locale can only reorder *localized* dates (`<date form="text">`,
 * whose parts the locale defines); APA spells its dates out in the style itself (a non-localized `<date>` with its
 * own `date-part` children, CSL 1.0.2 §Date), and for those the spec gives the locale no say over the order. Nor is
 * there a Russian APA variant in the CSL styles repository to use instead. So the order is swapped here, for
 * Russian only, keeping each position's prefix (", " before the first part, " " before the second). Styles that
 * already put the day first (Harvard: "25 April 2012") or use localized dates (Chicago) are unchanged.
 */
export function styleXmlFor(locale: string | undefined, xml: string): string {
  if (!isRussian(locale)) return xml;
  const ATTRS = '((?:\\s+[\\w-]+="[^"]*")*)';
  const monthThenDay = new RegExp(`<date${ATTRS}>(\\s*)<date-part${ATTRS}\\s+name="month"${ATTRS}\\s*/>\\s*<date-part${ATTRS}\\s+name="day"${ATTRS}\\s*/>(\\s*)</date>`, 'g');
  const prefixOf = (attrs: string) => /\sprefix="([^"]*)"/.exec(attrs)?.[1] ?? '';
  const withoutPrefix = (attrs: string) => attrs.replace(/\sprefix="[^"]*"/, '');
  return xml.replace(monthThenDay, (all, date: string, open: string, m1: string, m2: string, d1: string, d2: string, close: string) => {
    if (/\s(prefix|delimiter)="/.test(date)) return all;
    // The month's prefix (", ") goes on the date, printed only when there is a month; the day's (" ") between them.
    return `<date${date} prefix="${prefixOf(m1 + m2)}" delimiter="${prefixOf(d1 + d2)}">${open}<date-part name="day"${withoutPrefix(d1 + d2)}/><date-part name="month"${withoutPrefix(m1 + m2)}/>${close}</date>`;
  });
}
