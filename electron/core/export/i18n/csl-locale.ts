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
export const LOCALE_FIXES_VERSION = 'ru-genitive-months-1';

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
