/**
 * Finds English interface words left on a screen shown in Russian or Kazakh: visible text that equals, or holds,
 * a message of the English catalogue whose text in that language is different (so English there is a miss, not a
 * name such as "Comparanda" or "OK" that every language keeps).
 *
 * Only the interface is judged, never the project's data: text inside an element that says it is in another
 * language (`lang`, as excerpts and quotations do) or must not be translated (`translate="no"`) is skipped, and a
 * caller can skip more with `skip` (a CSS selector). A message of one word counts only when a text is that word
 * (give or take numbers and punctuation: "3 sources"), because one English word may well be part of a source's
 * title; a phrase of two words or more counts wherever it appears.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Locator, Page } from '@playwright/test';
import { catalogue, messageIds, type MessageId } from '../../electron/contract/i18n/catalogue';
import type { Language } from '../../electron/contract/i18n/languages';

export interface UntranslatedText {
  /** The text as the page shows it. */
  text: string;
  /** The English words found in it, and the message they come from. */
  english: string;
  id: MessageId;
}

interface Fragment {
  words: string;
  id: MessageId;
  phrase: boolean;
}

/** The literal runs of a message (arguments, plural and select branches split them), each trimmed. */
function literalRuns(elements: MessageFormatElement[], into: string[] = [], current: string[] = ['']): string[] {
  const cut = () => {
    into.push(current[0]!);
    current[0] = '';
  };
  for (const element of elements) {
    if (element.type === TYPE.literal) current[0] += element.value;
    else if (element.type === TYPE.tag) {
      cut();
      literalRuns(element.children, into, current);
      cut();
    } else if (element.type === TYPE.plural || element.type === TYPE.select) {
      cut();
      for (const option of Object.values(element.options)) {
        literalRuns(option.value, into, current);
        cut();
      }
    } else cut();
  }
  cut();
  return into;
}

/** A text without the numbers and punctuation around and between its words: "3 sources." is "sources". */
function bare(text: string): string {
  return text
    .replace(/[\d\s.,:;!?·…–—\-()[\]“”«»"'’+×=/|*#]+/gu, ' ')
    .trim();
}

const fragmentsByLanguage = new Map<Language, Fragment[]>();

function fragments(language: Exclude<Language, 'en'>): Fragment[] {
  let found = fragmentsByLanguage.get(language);
  if (found) return found;
  const english = catalogue('en');
  const other = catalogue(language);
  found = [];
  const seen = new Set<string>();
  for (const id of messageIds()) {
    // Framework templates become the project's own data once a project is made (the sample's stages are in English).
    if (english[id] === other[id] || id.startsWith('templates.')) continue;
    for (const run of literalRuns(parse(english[id]))) {
      const words = bare(run);
      // Runs without a Latin word of three letters ("e.g.", "×") say nothing about the language shown.
      if (!/[A-Za-z]{3}/.test(words) || seen.has(words)) continue;
      seen.add(words);
      found.push({ words, id, phrase: words.includes(' ') });
    }
  }
  fragmentsByLanguage.set(language, found);
  return found;
}

/**
 * Every visible text (and placeholder) inside `within` (default: the whole page) that shows an English message in
 * a page meant to be in `language`. An empty list means nothing was left untranslated.
 */
export async function untranslatedText(
  page: Page,
  language: Exclude<Language, 'en'>,
  options: { within?: Locator; skip?: string } = {},
): Promise<UntranslatedText[]> {
  const root = options.within ?? page.locator('body');
  const texts = await root.evaluateAll(
    (roots, skip) => {
      // Runs in the page: DOM types are not in the tests' tsconfig, hence the loose typing.
      /* eslint-disable @typescript-eslint/no-explicit-any */
      const document = (globalThis as any).document;
      const out: string[] = [];
      const pageLanguage = (document.documentElement.lang || '').slice(0, 2);
      const foreign = (element: any): boolean => {
        const marked = element.closest('[lang], [translate="no"]');
        if (!marked) return false;
        if (marked.getAttribute('translate') === 'no') return true;
        return marked !== document.documentElement && (marked.getAttribute('lang') || '').slice(0, 2) !== pageLanguage;
      };
      const shown = (element: any): boolean => {
        if (element.closest('option')) return shownSelect(element.closest('select'));
        return typeof element.checkVisibility === 'function' ? element.checkVisibility({ visibilityProperty: true }) : true;
      };
      const shownSelect = (select: any): boolean => !!select && select.checkVisibility({ visibilityProperty: true });
      for (const root of roots as any[]) {
        const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
        for (let node = walker.nextNode() as any; node; node = walker.nextNode()) {
          const parent = node.parentElement;
          const text = (node.textContent || '').trim();
          if (!parent || text === '' || (skip && parent.closest(skip)) || foreign(parent) || !shown(parent)) continue;
          out.push(text);
        }
        for (const field of root.querySelectorAll('[placeholder]') as any[]) {
          if ((skip && field.closest(skip)) || foreign(field) || !field.checkVisibility()) continue;
          out.push(field.getAttribute('placeholder') || '');
        }
      }
      return out;
      /* eslint-enable @typescript-eslint/no-explicit-any */
    },
    options.skip ?? '',
  );
  const known = fragments(language);
  const found: UntranslatedText[] = [];
  for (const text of texts) {
    const words = bare(text);
    const hit = known.find((f) => words === f.words || (f.phrase && ` ${words} `.includes(` ${f.words} `)));
    if (hit) found.push({ text, english: hit.words, id: hit.id });
  }
  return found;
}
