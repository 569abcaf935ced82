/**
 * Rich inline text, the one representation every export format renders: runs of text with italic, bold,
 * superscript and small caps, line breaks, and citations (filled in by citations.ts after citeproc has run).
 */
import MarkdownIt from 'markdown-it';

export interface TextRun {
  text: string;
  italic?: boolean;
  bold?: boolean;
  sup?: boolean;
  sub?: boolean;
  smallCaps?: boolean;
}

export interface LineBreak {
  br: true;
}

/** One citation cluster: a note (note styles) or author-date text in place (in-text styles). */
export interface Cite {
  readonly id: string;
  /** The note number (note styles), in document order; null for in-text styles. */
  noteNumber: number | null;
  /** The formatted citation: the note's text, or the in-text citation with its parentheses. */
  runs: TextRun[];
  /** What is cited, in order: citation keys and locators as recorded (LaTeX writes them as biblatex \cite commands). */
  refs?: readonly { key: string; locator: string }[];
}

export interface CiteInline {
  cite: Cite;
}

export type Inline = TextRun | LineBreak | CiteInline;

export const isCite = (x: Inline): x is CiteInline => 'cite' in x;
export const isBreak = (x: Inline): x is LineBreak => 'br' in x;
export const isRun = (x: Inline): x is TextRun => 'text' in x;

export const text = (value: string, format: Omit<TextRun, 'text'> = {}): TextRun => ({ text: value, ...format });

/** The plain text of inline content (citations as their formatted text, note numbers omitted). */
export function plain(content: readonly Inline[]): string {
  return content.map((x) => (isCite(x) ? (x.cite.noteNumber === null ? plain(x.cite.runs) : '') : isBreak(x) ? '\n' : x.text)).join('');
}

// ---------------------------------------------------------------------------------------------------------------
// citeproc's HTML output to runs

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

type Format = Omit<TextRun, 'text'>;

function formatOfTag(tag: string): Format | null {
  const name = /^<\s*([a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase() ?? '';
  if (name === 'i' || name === 'em') return { italic: true };
  if (name === 'b' || name === 'strong') return { bold: true };
  if (name === 'sup') return { sup: true };
  if (name === 'sub') return { sub: true };
  if (name === 'span') {
    const style = /style\s*=\s*"([^"]*)"/i.exec(tag)?.[1] ?? '';
    if (/font-style\s*:\s*italic/i.test(style)) return { italic: true };
    if (/font-style\s*:\s*normal/i.test(style)) return { italic: false };
    if (/font-weight\s*:\s*bold/i.test(style)) return { bold: true };
    if (/font-weight\s*:\s*normal/i.test(style)) return { bold: false };
    if (/font-variant\s*:\s*small-caps/i.test(style)) return { smallCaps: true };
    return {};
  }
  return {};
}

/**
 * Parses the small HTML vocabulary citeproc writes (i, b, sup, sub, span with font styles, divs of bibliographies,
 * links) into runs. Block elements become spaces; adjacent runs with the same format are merged.
 */
export function htmlToRuns(html: string): TextRun[] {
  const runs: TextRun[] = [];
  // Each open element's format merged with those around it (a bibliography of 5,000 entries merged the whole stack
  // for every piece of text).
  const stack: Format[] = [];
  const push = (value: string) => {
    if (!value) return;
    const format = stack.at(-1) ?? {};
    const clean: TextRun = { text: value };
    if (format.italic) clean.italic = true;
    if (format.bold) clean.bold = true;
    if (format.sup) clean.sup = true;
    if (format.sub) clean.sub = true;
    if (format.smallCaps) clean.smallCaps = true;
    const last = runs.at(-1);
    if (last && sameFormat(last, clean)) last.text += value;
    else runs.push(clean);
  };
  const tokens = html.split(/(<[^>]+>)/);
  for (const token of tokens) {
    if (!token) continue;
    if (token.startsWith('<')) {
      if (/^<\s*\//.test(token)) {
        const name = /^<\s*\/\s*([a-z0-9]+)/i.exec(token)?.[1]?.toLowerCase();
        if (name === 'div' || name === 'p') push(' ');
        stack.pop();
      } else if (/\/\s*>$/.test(token) || /^<\s*br/i.test(token)) {
        push(' ');
      } else {
        const name = /^<\s*([a-z0-9]+)/i.exec(token)?.[1]?.toLowerCase();
        if (name === 'div' || name === 'p') push(' ');
        stack.push({ ...stack.at(-1), ...formatOfTag(token) });
      }
      continue;
    }
    push(decodeEntities(token).replace(/\s+/g, ' '));
  }
  return tidyRuns(runs);
}

function sameFormat(a: TextRun, b: TextRun): boolean {
  return !!a.italic === !!b.italic && !!a.bold === !!b.bold && !!a.sup === !!b.sup && !!a.sub === !!b.sub && !!a.smallCaps === !!b.smallCaps;
}

/** Trims the ends and collapses the double spaces citeproc leaves (e.g. before given names it cannot initialise). */
export function tidyRuns(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const run of runs) {
    const prev = out.at(-1);
    let value = run.text.replace(/[ \t\n\r]{2,}/g, ' ');
    if (prev && /\s$/.test(prev.text) && value.startsWith(' ')) value = value.slice(1);
    if (!value) continue;
    if (prev && sameFormat(prev, run)) prev.text += value;
    else out.push({ ...run, text: value });
  }
  if (out[0]) out[0].text = out[0].text.replace(/^\s+/, '');
  const last = out.at(-1);
  if (last) last.text = last.text.replace(/\s+$/, '');
  return out.filter((r) => r.text !== '');
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown (cell summaries, notes) to inline content

// The same subset the app allows in summaries and memos (see ../text.ts): bold, italics, lists, links.
const md = new MarkdownIt('zero').enable(['emphasis', 'list', 'link', 'newline', 'paragraph', 'escape', 'backticks']);

/**
 * Inline content of a Markdown summary: emphasis kept, links as their text followed by the address in parentheses
 * when it differs, list items as "• item" lines, paragraphs separated by line breaks.
 */
export function markdownToInline(source: string): Inline[] {
  const out: Inline[] = [];
  let italic = 0;
  let bold = 0;
  let href: string | null = null;
  let linkText = '';
  let needBreak = false;
  const emit = (value: string) => {
    if (!value) return;
    if (needBreak && out.length > 0) out.push({ br: true });
    needBreak = false;
    const run: TextRun = { text: value };
    if (italic > 0) run.italic = true;
    if (bold > 0) run.bold = true;
    out.push(run);
  };
  for (const token of md.parse(source, {})) {
    if (token.type === 'paragraph_close' || token.type === 'list_item_close') needBreak = true;
    if (token.type === 'list_item_open') {
      if (out.length > 0) needBreak = true;
      emit('• ');
    }
    if (token.type !== 'inline' || !token.children) continue;
    for (const child of token.children) {
      switch (child.type) {
        case 'text':
        case 'code_inline':
          if (href !== null) linkText += child.content;
          emit(child.content);
          break;
        case 'softbreak':
        case 'hardbreak':
          emit(' ');
          break;
        case 'em_open':
          italic++;
          break;
        case 'em_close':
          italic--;
          break;
        case 'strong_open':
          bold++;
          break;
        case 'strong_close':
          bold--;
          break;
        case 'link_open':
          href = String(child.attrGet('href') ?? '');
          linkText = '';
          break;
        case 'link_close':
          if (href && href !== linkText && !href.startsWith('#')) emit(` (${href})`);
          href = null;
          break;
      }
    }
  }
  return mergeRuns(out);
}

function mergeRuns(content: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const item of content) {
    const prev = out.at(-1);
    if (prev && isRun(prev) && isRun(item) && sameFormat(prev, item)) prev.text += item.text;
    else out.push(isRun(item) ? { ...item } : item);
  }
  return out;
}
