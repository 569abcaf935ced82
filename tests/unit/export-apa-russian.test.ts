/**
 * Issue 15, finding 6: APA in Russian. APA spells its dates out month before day ("(2012, April 25)"); in Russian
 * the day comes first and the month is in the genitive, as Russian journals print APA: "(2012, 25 апреля)". A month
 * without a day stays nominative ("(2012, апрель)"). English APA is unchanged. Golden strings checked by hand
 * against the APA 7 manual's newspaper pattern and Russian usage.
 */
import { describe, expect, it } from 'vitest';
import { CitationSession, loadStyle } from '../../electron/core/export/citations';
import { styleXmlFor } from '../../electron/core/export/i18n/csl-locale';

async function apa(locale: string, item: Record<string, unknown>): Promise<{ cite: string; bibliography: string }> {
  const session = new CitationSession(loadStyle('apa'), locale, new Map([['x', { id: 'x', ...item }]]));
  const c = session.cite([{ sourceId: 'x' }])!;
  await session.finish();
  return { cite: c.runs.map((r) => r.text).join(''), bibliography: session.bibliography().map((e) => e.runs.map((r) => r.text).join(''))[0]! };
}

const newspaper = {
  type: 'article-newspaper',
  title: 'Выборы прошли спокойно',
  'container-title': 'Казахстанская правда',
  author: [{ family: 'Иванова', given: 'Анна' }],
  issued: { 'date-parts': [[2012, 4, 25]] },
};

describe('APA in Russian', () => {
  it('puts the day before the genitive month: “(2012, 25 апреля)”', async () => {
    const { bibliography, cite } = await apa('ru-RU', newspaper);
    expect(bibliography).toBe('Иванова, А. (2012, 25 апреля). Выборы прошли спокойно. Казахстанская правда.');
    expect(bibliography).not.toContain('апреля 25');
    expect(cite).toBe('(Иванова, 2012)');
  });

  it('keeps a month without a day in the nominative: “(2012, апрель)”', async () => {
    const { bibliography } = await apa('ru-RU', { ...newspaper, issued: { 'date-parts': [[2012, 4]] } });
    expect(bibliography).toBe('Иванова, А. (2012, апрель). Выборы прошли спокойно. Казахстанская правда.');
  });

  it('prints a year alone with no stray comma: “(2012)”', async () => {
    const { bibliography } = await apa('ru-RU', { ...newspaper, issued: { 'date-parts': [[2012]] } });
    expect(bibliography).toBe('Иванова, А. (2012). Выборы прошли спокойно. Казахстанская правда.');
  });

  it('leaves English APA as the style writes it: “(2012, April 25)”', async () => {
    const { bibliography } = await apa('en-US', { ...newspaper, title: 'Elections passed calmly', 'container-title': 'Kazakhstanskaya Pravda', author: [{ family: 'Ivanova', given: 'Anna' }] });
    expect(bibliography).toBe('Ivanova, A. (2012, April 25). Elections passed calmly. Kazakhstanskaya Pravda.');
  });

  it('swaps only month-before-day dates, the month’s prefix on the date and the day’s between the parts; Harvard’s day-first dates are untouched', () => {
    const xml = '<date variable="issued"><date-part prefix=", " name="month"/><date-part prefix=" " name="day"/></date>';
    expect(styleXmlFor('ru-RU', xml)).toBe('<date variable="issued" prefix=", " delimiter=" "><date-part name="day"/><date-part name="month"/></date>');
    expect(styleXmlFor('en-US', xml)).toBe(xml);
    const harvard = loadStyle('harvard').xml;
    expect(styleXmlFor('ru-RU', harvard)).toBe(harvard);
  });
});
