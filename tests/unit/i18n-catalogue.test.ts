import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { catalogue, messageIds } from '../../electron/contract/i18n/catalogue';
import { formatMessage } from '../../electron/contract/i18n/format';
import { LANGUAGES, LANGUAGE_TAGS, languageFromLocales } from '../../electron/contract/i18n/languages';
import { withoutAllowedLatin } from '../helpers/latin-allowed';

interface Shape {
  args: Set<string>;
  plurals: Map<string, Set<string>>;
}

function shape(elements: MessageFormatElement[], into: Shape = { args: new Set(), plurals: new Map() }): Shape {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      into.args.add(`<${element.value}>`);
      shape(element.children, into);
      continue;
    }
    into.args.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      if (element.type === TYPE.plural) into.plurals.set(element.value, new Set(Object.keys(element.options)));
      for (const option of Object.values(element.options)) shape(option.value, into);
    }
  }
  return into;
}

/** The words a message shows, without its syntax: every literal, in every plural and select branch. */
function literals(elements: MessageFormatElement[]): string {
  return elements
    .map((element) => {
      if (element.type === TYPE.literal) return element.value;
      if (element.type === TYPE.tag) return literals(element.children);
      if (element.type === TYPE.plural || element.type === TYPE.select) return Object.values(element.options).map((o) => literals(o.value)).join(' ');
      return '';
    })
    .join('');
}

describe('interface messages', () => {
  const english = catalogue('en');

  it('parse as ICU MessageFormat in every language, with the arguments English has', () => {
    for (const language of LANGUAGES) {
      const messages = catalogue(language);
      for (const id of messageIds()) {
        const text = messages[id];
        expect(text, `${language} ${id}`).toBeTruthy();
        const ours = shape(parse(text));
        const theirs = shape(parse(english[id]));
        expect([...ours.args].sort(), `${language} ${id}`).toEqual([...theirs.args].sort());
      }
    }
  });

  it('give every plural the categories its language distinguishes', () => {
    for (const language of LANGUAGES) {
      const needed = new Intl.PluralRules(LANGUAGE_TAGS[language]).resolvedOptions().pluralCategories;
      for (const id of messageIds()) {
        for (const [arg, categories] of shape(parse(catalogue(language)[id])).plurals) {
          for (const category of needed) expect(categories.has(category), `${language} ${id} {${arg}} lacks "${category}"`).toBe(true);
        }
      }
    }
  });

  it('leave no English words in Russian or Kazakh', () => {
    for (const language of ['ru', 'kk'] as const) {
      for (const id of messageIds()) {
        const literal = withoutAllowedLatin(literals(parse(catalogue(language)[id])));
        expect(literal, `${language} ${id}: "${catalogue(language)[id]}"`).not.toMatch(/[A-Za-z]{2,}/);
      }
    }
  });

  it('count in Russian and Kazakh by their own plural rules', () => {
    expect([1, 2, 5, 21, 22, 25].map((count) => formatMessage('ru', 'common.claimsCount', { count }))).toEqual([
      '1 утверждение',
      '2 утверждения',
      '5 утверждений',
      '21 утверждение',
      '22 утверждения',
      '25 утверждений',
    ]);
    expect([1, 2].map((count) => formatMessage('en', 'common.claimsCount', { count }))).toEqual(['1 claim', '2 claims']);
    expect(formatMessage('kk', 'common.claimsCount', { count: 3 })).toBe('3 мәлімдеме');
  });

  it('make a pseudo-locale 40% longer that keeps every argument', () => {
    const pseudo = catalogue('en-XA');
    for (const id of messageIds()) {
      expect(shape(parse(pseudo[id])).args, id).toEqual(shape(parse(english[id])).args);
      const shown = literals(parse(pseudo[id]));
      expect(shown.length, id).toBeGreaterThanOrEqual(Math.floor(literals(parse(english[id])).length * 1.3));
      expect(shown, id).not.toMatch(/[a-z]{3,}/);
    }
    expect(formatMessage('en-XA', 'common.claimsCount', { count: 2 })).toMatch(/^\[2 çļáíɱš ~+\]$/);
    expect(formatMessage('en-XA', 'menu.file')).toMatch(/^\[&Fíļé ~+\]$/);
  });
});

describe('the language a system asks for', () => {
  it('is read from BCP 47 tags and POSIX locales, English when none is known', () => {
    expect(languageFromLocales(['ru-KZ', 'en-US'])).toBe('ru');
    expect(languageFromLocales(['de-DE', 'kk'])).toBe('kk');
    expect(languageFromLocales(['ru_RU.UTF-8'])).toBe('ru');
    expect(languageFromLocales(['C', undefined, 'fr'])).toBe('en');
    expect(languageFromLocales([])).toBe('en');
  });
});
