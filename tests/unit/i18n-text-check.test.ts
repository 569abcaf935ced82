import { beforeAll, describe, expect, it } from 'vitest';
import { LanguageChecker, sampleProjectTexts } from '../helpers/i18n-text';

/** The checker behind tests/e2e/languages-walk.spec.ts: interface English is found, the researcher's English is not. */
describe('the screen text checker', () => {
  let ru: LanguageChecker;
  beforeAll(() => {
    ru = new LanguageChecker('ru', sampleProjectTexts());
  });

  it('names the catalogue message a block of English is', () => {
    expect(ru.check('Open')).toBe('untranslated access.open');
    // A message with one word of its own ('{count} claims') is not matched as a message; its word still is English.
    expect(ru.check('3 claims')).toBe('English words: claims');
  });

  it('finds English words the catalogue does not have yet', () => {
    expect(ru.check('Move Belarus')).toBe('English words: Move');
    expect(ru.check('Copenhagen Document (CSCE, 29 June 1990) · para 8 · diffused by OSCE / ODIHR')).toBe('English words: diffused, by');
  });

  it('passes Russian, names and formats the translation keeps in Latin letters, and key names', () => {
    expect(ru.check('Открыть')).toBeNull();
    expect(ru.check('3 утверждения')).toBeNull();
    expect(ru.check('Файл «Kazakhstan.comparanda» не существует')).toBeNull();
    expect(ru.check('Отменить (Ctrl+Z)')).toBeNull();
  });

  it('leaves the sample project’s own English alone, whole, cut short or quoted', () => {
    expect(ru.check('Kazakhstan')).toBeNull();
    expect(ru.check('— Marat Tazhin (ex-Foreign Minister; FM 2007-2009) · Untitled manuscript on OSCE/ODIHR norm contestation in Kazakhstan (se… · Stage 3, fn 55')).toBeNull();
    expect(
      ru.check('“the OSCE should avoid double standards and adjust its structure; only to ensure uniformity in the interpretation of international standards will it achieve con…'),
    ).toBeNull();
  });

  it('tells data from the interface words around it', () => {
    expect(ru.check('Combating terrorism, separatism and extremism (“three evils”) (SCO) · Sovereignty and non-interference in internal affairs (SCO)')).toBeNull();
    // UKR is an ISO code, allowed in Latin letters; "vs" is English.
    expect(ru.check('Belarus vs UKR')).toBe('English words: vs');
  });

  it('takes a file’s path for the user’s, not for interface words', () => {
    expect(ru.check('/tmp/comparanda-e2e-MgK3WO/user-data/backups/Kazakhstan _ Belarus _sample_-e3c74cafa341/20261207T032417154Z-open.comparanda')).toBeNull();
    expect(ru.check('/home/me/Documents/Interviews.qdpx')).toBeNull();
    expect(ru.check('Choose where to save the copy')).toBe('English words: Choose, where, to, save, the, copy');
  });

  it('does not take a key the schema stores for the researcher’s words', () => {
    expect(ru.check('(paraphrase)Untitled manuscript on OSCE/ODIHR norm contestation in Kazakhstan (se… · Introduction, fn 2')).toBe('English words: paraphrase');
  });
});
