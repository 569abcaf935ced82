import { beforeAll, describe, expect, it } from 'vitest';
import { LanguageChecker, sampleProjectTexts } from '../helpers/i18n-text';

/**
 * The walk over every screen (tests/e2e/languages-walk.spec.ts) is only worth its findings: the sample's English
 * joined by the interface's separators and connectives is the researcher's data, while an English interface word
 * next to it is not.
 */
describe("the walk's language check", () => {
  let ru: LanguageChecker;
  beforeAll(() => {
    ru = new LanguageChecker('ru', sampleProjectTexts());
  });

  it('does not take data holding a connective for a message made of connectives ("{a} and {b}", "{case} in {org}")', () => {
    expect(ru.check('Переместить «Free and fair voting»')).toBeNull();
    expect(ru.check('(пересказ)Untitled manuscript on OSCE/ODIHR norm contestation in Kazakhstan · Stage 3, fn 53-54')).toBeNull();
    expect(ru.check('— Nursultan Nazarbayev · Kazakh president decries foreign influences (AP) · AP wire, Almaty, 25 Apr 2012 (RFE/RL carries the second sentence)')).toBeNull();
    expect(ru.check('Kazakhstan · Free and fair voting · Moment of contestation')).toBeNull();
    // "{case} · {organisation} on the {date} election": an excerpt's meta line whose locator holds "on the … election".
    expect(ru.check('— SCO observer mission experts · CACI Analyst field report on Kazakhstan\'s January 2012 parliamentary… · CACI Analyst, quoting SCO experts on the 15 Jan 2012 Majilis election')).toBeNull();
  });

  it('takes out data the interface shortened or wrapped in its own words', () => {
    expect(
      ru.check(
        'президентские выборы 9 сент. 2001 г. OSCE/ODIHR: Fundamental flaws: regime blocking opposition, election administration dependent on executive, intimidation, smear…',
      ),
    ).toBeNull();
    expect(ru.check('Combating terrorism, separatism and extremism (“three evils”): SCO 2001–')).toBeNull();
    // A select cuts "title (publisher)" at a fixed length.
    expect(ru.check('Apparent manipulation of some international observers in Belarus (Warsaw, 17 Oct 2000) (OS')).toBeNull();
    expect(ru.check('Freedom House: Kazakhstan remains a not free country (Interfax-Kazakhstan) (Altyn Orda (In')).toBeNull();
    expect(ru.check("CACI Analyst field report on Kazakhstan's January 2012 parliamentary elections (Central As")).toBeNull();
  });

  it('lets through what stays Latin in Russian: formats, styles, keys, the search operator, country codes', () => {
    for (const text of ['CSL-JSON (.json)', 'BibTeX (.bib)', 'Harvard (Cite Them Right)', 'F2 — переименовать · Delete — удалить', 'любое из Беларусь OR Белоруссия', 'Letter', 'Kazakhstan KAZ']) {
      expect(ru.check(text), text).toBeNull();
    }
  });

  it('still finds an English message, and English words next to data', () => {
    expect(ru.check('Claims')).toBe('untranslated exports.claims');
    expect(ru.check('Kazakhstan · OSCE/ODIHR on the 15 Jan 2012 election')).toBe('untranslated errorsCore.unverifiedMission');
    expect(ru.check('Kazakhstan vs Belarus')).toBe('English words: vs');
    expect(ru.check('5 claims')).toBe('English words: claims');
    expect(ru.check('Belarus · SCO member')).toBe('English words: member');
  });
});
