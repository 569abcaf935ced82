/**
 * What a screen says, and whether it says it in the chosen language. The text a user sees (and the aria-labels,
 * titles and placeholders of what is visible) is read from the page in blocks, the way it reads; each block is
 * checked twice:
 * - against the English catalogue: a block that is an English message (its literal words, any argument values)
 *   whose translation differs is an untranslated message;
 * - for English words that are not the researcher's data: every text the sample project holds (source titles,
 *   quotes, case and stage names — whatever its SQLite file stores) is data and is taken out first, so no English
 *   dictionary is needed and the sample's English never counts against the interface.
 * What stays Latin in Russian and Kazakh (Comparanda, CSV, Chicago, key names…: tests/helpers/latin-allowed.ts, the
 * list the catalogue test holds ru/kk messages to) passes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Locator, Page } from '@playwright/test';
import { catalogue, messageIds, type MessageId } from '../../electron/contract/i18n/catalogue';
import type { Language } from '../../electron/contract/i18n/languages';
import { writeSampleProject } from '../../electron/core/sample';
import { withoutAllowedLatin } from './latin-allowed';

export interface Fragment {
  /** 'text', or the attribute it came from ('aria-label', 'title', 'placeholder', 'alt'), or 'option'. */
  kind: string;
  text: string;
  /** Where on the page: the element and two of its ancestors. */
  where: string;
}

export interface TextFinding {
  screen: string;
  kind: string;
  text: string;
  where: string;
  /** "untranslated main.addCase" or "English words: Add, case". */
  problem: string;
}

/**
 * Runs in the page (a string, so that the tests' tsconfig needs no DOM library). A block is the text of a visible
 * element that is not inline, with the text of its inline descendants: a sentence with a <b> in it is one block.
 * Form fields' values are the user's data and are not read; sandboxed preview frames are not entered.
 */
const COLLECT = String.raw`((root, skip) => {
  const out = [];
  // Code and keys (a command to type, <code>comparanda team create</code>) are typed as they are, in any language.
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'IFRAME', 'TEMPLATE', 'CODE', 'KBD', 'SAMP']);
  const pageLanguage = document.documentElement.lang;
  const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription', 'aria-valuetext'];
  const visible = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const inline = (style) => style.display === 'inline' || style.display === 'contents';
  const where = (el) => {
    const parts = [];
    for (let e = el, i = 0; e && e !== document.body && i < 3; e = e.parentElement, i++) {
      let part = e.tagName.toLowerCase();
      const role = e.getAttribute('role');
      const testid = e.getAttribute('data-testid');
      if (role) part += '[role=' + role + ']';
      if (testid) part += '[data-testid=' + testid + ']';
      else if (e.classList.length > 0) part += '.' + e.classList[0];
      parts.unshift(part);
    }
    return parts.join(' > ');
  };
  const inlineText = (el) => {
    let text = '';
    for (const node of el.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) text += node.nodeValue;
      else if (node.nodeType === Node.ELEMENT_NODE) {
        if (SKIP.has(node.tagName)) { text += ' '; continue; }
        if (node.tagName === 'BR') { text += ' '; continue; }
        const style = getComputedStyle(node);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        if (!inline(style)) { text += ' '; continue; }
        // Inline pieces set apart by a margin ("Belarus" and its code "BLR") read as two words, as they look.
        const apart = (side) => parseFloat(style['margin' + side]) + parseFloat(style['padding' + side]) > 0 ? ' ' : '';
        text += apart('Left') + inlineText(node) + apart('Right');
      }
    }
    return text;
  };
  // Text that says it is in another language (an excerpt, a quotation) or is not to be translated is not the interface's.
  const foreign = (el) => {
    const marked = el.closest('[lang], [translate="no"]');
    if (!marked || marked === document.documentElement) return false;
    return marked.getAttribute('translate') === 'no' || (!!pageLanguage && (marked.getAttribute('lang') || '').slice(0, 2) !== pageLanguage.slice(0, 2));
  };
  const elements = root === document.body ? [...root.querySelectorAll('*')] : [root, ...root.querySelectorAll('*')];
  for (const el of elements) {
    if (el.tagName === 'OPTION' || el.closest('template') || (skip && el.closest(skip)) || foreign(el)) continue;
    if (!visible(el)) continue;
    const style = getComputedStyle(el);
    if (!SKIP.has(el.tagName) && !inline(style)) {
      const text = inlineText(el).replace(/\s+/g, ' ').trim();
      if (text) out.push({ kind: 'text', text, where: where(el) });
    }
    for (const name of ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value && value.trim()) out.push({ kind: name, text: value.replace(/\s+/g, ' ').trim(), where: where(el) });
    }
    // The language picker names each language in itself ("English", "Системный (English)") on purpose.
    if (el.tagName === 'SELECT' && !el.closest('.language-picker')) {
      // An option marked as another language (a language named in itself) is that language's on purpose.
      for (const option of el.options) if (!option.lang || option.lang === pageLanguage) out.push({ kind: 'option', text: option.text.replace(/\s+/g, ' ').trim(), where: where(el) });
    }
    if (el.tagName === 'INPUT' && ['button', 'submit', 'reset'].includes(el.type) && el.value) {
      out.push({ kind: 'text', text: el.value, where: where(el) });
    }
  }
  return out;
})`;

export async function collectFragments(page: Page): Promise<Fragment[]> {
  return collectFragmentsIn(page.locator('body'));
}

/** What a region shows, as `collectFragments`; `skip`: a CSS selector of elements (the project's data) left out. */
export async function collectFragmentsIn(region: Locator, skip = ''): Promise<Fragment[]> {
  // Playwright only calls a function given as a function; the collector is a string (no DOM types here), made one in the page.
  return (await region.evaluate((element, [source, selector]) => (0, eval)(source)(element, selector) as unknown, [COLLECT, skip] as const)) as Fragment[];
}

const LATIN_WORD = /[A-Za-z][A-Za-z'’]*[A-Za-z]|[A-Za-z]{2}/g;

function latinWords(text: string): string[] {
  return text.match(LATIN_WORD) ?? [];
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A message as a pattern of what it can show: literals as they are, any argument as some text. */
function pattern(elements: MessageFormatElement[]): string {
  return elements
    .map((element) => {
      switch (element.type) {
        case TYPE.literal:
          return escapeRegExp(element.value).replace(/\s+/g, '\\s*');
        case TYPE.pound:
          return '[\\d\\s.,]+';
        case TYPE.plural:
        case TYPE.select:
          return `(?:${Object.values(element.options)
            .map((option) => pattern(option.value))
            .join('|')})`;
        case TYPE.tag:
          return pattern(element.children);
        default:
          return '.+?';
      }
    })
    .join('');
}

/** The Latin words of a message's literal text: the top level's when it has any, else every branch's. */
function indexWords(elements: MessageFormatElement[]): string[] {
  const top = elements.filter((e) => e.type === TYPE.literal).flatMap((e) => latinWords((e as { value: string }).value));
  if (top.length > 0) return [top.reduce((a, b) => (b.length > a.length ? b : a)).toLowerCase()];
  const all: string[] = [];
  for (const element of elements) {
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) all.push(...indexWords(option.value));
    } else if (element.type === TYPE.tag) all.push(...indexWords(element.children));
  }
  return all;
}

/**
 * A file's path (a backup's, a project's) is the user's, whatever words its folders have; the interface shows it as
 * it is. A block that is one path, from a root or a drive, is not checked.
 */
function isFilePath(text: string): boolean {
  return /^(?:~?\/|[A-Za-z]:\\)[^\n]*[\\/][^\n]*$/.test(text) && !/\s[a-z]+\s[a-z]+\s/.test(text);
}

/** Whether a message has anything but literal text and tags: an argument, a plural, a select, a number. */
function hasArguments(elements: MessageFormatElement[]): boolean {
  return elements.some((element) => (element.type === TYPE.tag ? hasArguments(element.children) : element.type !== TYPE.literal));
}

/**
 * A message with arguments is only recognised on screen by its own words: one whose literal text is connectives
 * and punctuation ("{a} and {b}", "{case} in {org}", "{a} vs {b}", "{shown} of {total}") matches any data that
 * happens to hold the connective. Such messages are left to the English-words check, which takes the data out first.
 */
function isRecognisable(elements: MessageFormatElement[]): boolean {
  return !hasArguments(elements) || fewestOwnWords(elements) >= 2;
}

/** The fewest words of three letters or more the message shows of its own, whatever branch its plurals and selects take. */
function fewestOwnWords(elements: MessageFormatElement[]): number {
  let count = 0;
  for (const element of elements) {
    if (element.type === TYPE.literal) count += latinWords(element.value).filter((word) => word.length >= 3).length;
    else if (element.type === TYPE.tag) count += fewestOwnWords(element.children);
    else if (element.type === TYPE.plural || element.type === TYPE.select) count += Math.min(...Object.values(element.options).map((option) => fewestOwnWords(option.value)));
  }
  return count;
}

/** Every text the sample project's file holds (and the strings its JSON columns hold): the researcher's data. */
export function sampleProjectTexts(): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparanda-i18n-sample-'));
  try {
    const file = path.join(dir, 'sample.comparanda');
    writeSampleProject(file);
    const db = new Database(file, { readonly: true });
    const texts = new Set<string>();
    const add = (value: unknown): void => {
      if (typeof value === 'string') {
        if (/^[[{]/.test(value)) {
          try {
            add(JSON.parse(value));
            return;
          } catch {
            // plain text that starts with a bracket
          }
        }
        // A key the schema stores ("paraphrase", "not-reached") is not the researcher's words: the screen shows its label.
        if (!/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/.test(value)) texts.add(normalise(value));
      } else if (Array.isArray(value)) value.forEach(add);
      else if (value && typeof value === 'object') Object.values(value).forEach(add);
    };
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'fts_%'").all() as { name: string }[];
      for (const { name } of tables) {
        const columns = db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[];
        for (const column of columns) {
          const rows = db.prepare(`SELECT "${column.name}" AS v FROM "${name}" WHERE typeof("${column.name}") = 'text'`).all() as { v: string }[];
          for (const row of rows) add(row.v);
        }
      }
    } finally {
      db.close();
    }
    return [...texts].filter((text) => /[A-Za-z]{2}/.test(text));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface EnglishMessage {
  id: MessageId;
  regex: RegExp;
  /** The message's own word it is indexed by; for a message with arguments, it must be on screen outside the data. */
  word: string;
  withArguments: boolean;
}

export class LanguageChecker {
  private readonly messagesByWord = new Map<string, EnglishMessage[]>();
  private readonly dataByWord = new Map<string, string[]>();
  private readonly dataSet: Set<string>;

  /** `data`: the sample project's texts, plus anything else of the user's on screen (the file's path, the user). */
  constructor(
    readonly language: Exclude<Language, 'en'>,
    data: string[],
  ) {
    const english = catalogue('en');
    const translated = catalogue(language);
    for (const id of messageIds()) {
      if (english[id] === translated[id]) continue;
      const ast = parse(english[id]);
      if (!isRecognisable(ast)) continue;
      for (const word of new Set(indexWords(ast))) {
        const list = this.messagesByWord.get(word) ?? [];
        list.push({ id, regex: new RegExp(`^\\s*${pattern(ast)}\\s*$`, 'i'), word, withArguments: hasArguments(ast) });
        this.messagesByWord.set(word, list);
      }
    }
    this.dataSet = new Set(data.map(normalise));
    const sorted = [...this.dataSet].sort((a, b) => b.length - a.length);
    for (const text of sorted) {
      for (const word of new Set(latinWords(text).map((w) => w.toLowerCase()))) {
        const list = this.dataByWord.get(word) ?? [];
        list.push(text);
        this.dataByWord.set(word, list);
      }
    }
  }

  /** Null when the block is in the chosen language (or is the researcher's data), else what is wrong with it. */
  check(raw: string): string | null {
    const text = normalise(raw);
    const words = latinWords(text);
    if (words.length === 0) return null;
    if (this.isData(text) || isFilePath(text)) return null;
    const lower = new Set(words.map((w) => w.toLowerCase()));
    for (const word of lower) {
      for (const message of this.messagesByWord.get(word) ?? []) {
        // A message made of arguments and a few words ("{case} · {organisation} on the {date} election") also matches
        // data joined by the interface's separators: it counts only when its own word is there outside the data.
        if (message.regex.test(text) && (!message.withArguments || latinWords(this.withoutData(text, 1)).some((w) => w.toLowerCase() === message.word))) return `untranslated ${message.id}`;
      }
    }

    // The block in pieces as the interface joins them ("(пересказ)— speaker · title · locator"): its separators, its
    // own words in brackets, a dash before a name. A piece that is data goes.
    const pieces = this.withoutDataCutAtEnd(text)
      .split(/\s[·—–|]\s|\([^()A-Za-z]*\)|^\s*[—–]\s*/)
      .map((piece) => piece.replace(/^\s*[—–]\s*/, ''))
      .filter((piece) => piece.trim() && !this.isData(piece));
    const english: string[] = [];
    const runs = /[«»“”"„()[\]:;·|—–…]+|\s-\s|\.\s/;
    for (const piece0 of pieces) {
      // Whole data texts of three words or more go first, before a shorter one inside them could break them up.
      const whole = this.withoutData(piece0, 3);
      // Data the interface adds to in brackets ("Combating … (“three evils”) (SCO)"): the longest start of the piece
      // that is data goes first.
      let original = whole;
      for (let cut = whole.lastIndexOf(' ('); cut > 0; cut = whole.lastIndexOf(' (', cut - 1)) {
        if (latinWords(whole.slice(0, cut)).length >= 3 && this.isData(whole.slice(0, cut))) {
          original = whole.slice(cut);
          break;
        }
      }
      // A word the interface cut short ("Kazakhstan (se…") is the start of a data word; a run that is part of some
      // data text is data, before shorter data texts inside it are taken out.
      const piece = original
        .replace(/([A-Za-z]+)…/g, (whole, start: string) => (this.isDataWordStart(start) ? '…' : whole))
        .replace(/[^«»“”"„()[\]:;·|—–…]+/g, (run) => (latinWords(run).length >= 3 && this.isData(run) ? ' ¦ ' : run));
      const residue = this.withoutData(piece, 0);
      // What is left, in runs between punctuation: a run that is a piece of some data text is data.
      for (const run of residue.split(/¦/).flatMap((part) => part.split(runs))) {
        const runWords = latinWords(withoutAllowedLatin(run));
        if (runWords.length === 0) continue;
        if (runWords.length >= 3 && this.isData(run)) continue;
        english.push(...runWords);
      }
    }
    return english.length > 0 ? `English words: ${[...new Set(english)].join(', ')}` : null;
  }

  /** The text with every data text of at least `minWords` Latin words that it holds cut out, longest first. */
  private withoutData(text: string, minWords: number): string {
    const found = new Set<string>();
    for (const word of new Set(latinWords(text).map((w) => w.toLowerCase()))) {
      for (const data of this.dataByWord.get(word) ?? []) if (text.includes(data) && latinWords(data).length >= minWords) found.add(data);
    }
    let residue = text;
    for (const data of [...found].sort((a, b) => b.length - a.length)) residue = residue.split(data).join(' ¦ ');
    return minWords >= 3 ? this.withoutShortenedData(residue) : residue;
  }

  /**
   * The text with data the interface shortened cut out: a data text's start of three words or more that stops at
   * "…", at the end of the text, or at the end of one of the data's sentences or clauses (a tooltip's first sentence).
   */
  /**
   * A select's option cuts a long label ("title (publisher)") at a fixed length, with no "…": the data text in the
   * brackets the block ends with, however short its start (down to part of a word), goes.
   */
  private withoutDataCutAtEnd(text: string): string {
    const trimmed = text.replace(/[A-Za-z]+$/, (start) => (this.isDataWordStart(start) ? '' : start));
    let cut = trimmed.length;
    for (const word of new Set(latinWords(trimmed).map((w) => w.toLowerCase()))) {
      for (const data of this.dataByWord.get(word) ?? []) {
        const first = data.match(LATIN_WORD)?.[0];
        if (!first) continue;
        const key = data.slice(0, data.indexOf(first) + first.length);
        for (let at = trimmed.indexOf(key); at >= 0 && at < cut; at = trimmed.indexOf(key, at + 1)) {
          let length = key.length;
          while (at + length < trimmed.length && length < data.length && trimmed[at + length] === data[length]) length++;
          if (at + length === trimmed.length && /\(\s*$/.test(trimmed.slice(0, at))) cut = at;
        }
      }
    }
    if (cut < trimmed.length) return `${trimmed.slice(0, cut)} ¦ `;
    return trimmed !== text && /\(\s*$/.test(trimmed) ? `${trimmed} ¦ ` : text;
  }

  private withoutShortenedData(text: string): string {
    const cuts: [number, number][] = [];
    for (const word of new Set(latinWords(text).map((w) => w.toLowerCase()))) {
      for (const data of this.dataByWord.get(word) ?? []) {
        const third = [...data.matchAll(LATIN_WORD)][2];
        if (!third || third.index === undefined) continue;
        const key = data.slice(0, third.index + third[0].length);
        for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
          let length = key.length;
          while (at + length < text.length && length < data.length && text[at + length] === data[length]) length++;
          const end = at + length;
          if (text[end] === '…' || end === text.length || /[.;:!?]\s*$/.test(data.slice(0, length))) cuts.push([at, end]);
        }
      }
    }
    const merged: [number, number][] = [];
    for (const [from, to] of cuts.sort((a, b) => a[0] - b[0])) {
      const last = merged[merged.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
    let residue = text;
    for (const [from, to] of merged.reverse()) residue = `${residue.slice(0, from)} ¦ ${residue.slice(to)}`;
    return residue;
  }

  private isDataWordStart(start: string): boolean {
    const lower = start.toLowerCase();
    for (const word of this.dataByWord.keys()) if (word.startsWith(lower)) return true;
    return false;
  }

  /** The whole block (or a piece of at least three words, cut short with "…") is in a data text. */
  private isData(raw: string): boolean {
    // Quotation marks and brackets around it, and an ellipsis where the interface cut it short, are not the data's.
    const text = normalise(raw.replace(/…+\s*$/, '').replace(/^[\s“”"«»„(—–·]+|[\s“”"«»)]+$/g, ''));
    if (this.dataSet.has(text)) return true;
    const words = latinWords(text);
    if (words.length < 3 || !words[0]) return false;
    return (this.dataByWord.get(words[0].toLowerCase()) ?? []).some((data) => data.includes(text));
  }
}

/** Findings grouped by screen; a text already listed on an earlier screen is only counted. */
export function reportFindings(findings: TextFinding[]): string {
  const seen = new Set<string>();
  const byScreen = new Map<string, TextFinding[]>();
  for (const finding of findings) {
    const list = byScreen.get(finding.screen) ?? [];
    list.push(finding);
    byScreen.set(finding.screen, list);
  }
  const lines: string[] = [];
  for (const [screen, list] of byScreen) {
    const fresh = list.filter((f) => !seen.has(`${f.kind}\u0000${f.text}`));
    for (const f of fresh) seen.add(`${f.kind}\u0000${f.text}`);
    lines.push(`[${screen}] ${list.length} finding(s)${fresh.length < list.length ? `, ${list.length - fresh.length} listed on an earlier screen` : ''}`);
    for (const f of fresh) lines.push(`    ${f.kind === 'text' ? '' : `(${f.kind}) `}"${f.text.slice(0, 160)}" — ${f.problem}  @ ${f.where}`);
  }
  return lines.join('\n');
}

const checkers = new Map<Exclude<Language, 'en'>, LanguageChecker>();

/**
 * The English left in a region of a screen shown in `language` with the sample project open: what
 * LanguageChecker finds in each text the region shows. An empty list means the region speaks the language.
 */
export async function englishLeft(
  region: Locator,
  language: Exclude<Language, 'en'>,
  options: { skip?: string } = {},
): Promise<{ kind: string; text: string; where: string; problem: string }[]> {
  let checker = checkers.get(language);
  if (!checker) {
    checker = new LanguageChecker(language, sampleProjectTexts());
    checkers.set(language, checker);
  }
  const found: { kind: string; text: string; where: string; problem: string }[] = [];
  for (const fragment of await collectFragmentsIn(region, options.skip ?? '')) {
    const problem = checker.check(fragment.text);
    if (problem) found.push({ ...fragment, problem });
  }
  return found;
}
