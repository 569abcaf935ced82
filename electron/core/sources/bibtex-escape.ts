/**
 * Field values made safe for a .bib file before citation-js writes it. With `asciiOnly` off (needed to keep Cyrillic
 * and Kazakh readable), citation-js writes values as they are: a title `Report \input{/etc/hostname}` would run
 * through biber into LaTeX, and a `}` would end the field and let the rest of the text write fields of its own.
 *
 * Every character LaTeX or BibTeX treats specially becomes a command that holds no unbalanced brace (`\{` would
 * still be counted by BibTeX's brace matching), so a field ends only where the writer ends it. Verbatim fields (URL,
 * DOI) are printed as they are by biblatex, so there the three characters that could end or escape them are
 * percent-encoded instead. Keys are not touched here: they are generated from a safe alphabet.
 */

const LATEX_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  $: '\\$',
  '%': '\\%',
  '#': '\\#',
  '&': '\\&',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};
const LATEX_SPECIAL = /[\\{}$%#&_^~]/g;

/** CSL variables citation-js writes to verbatim BibTeX fields (doi, url, eprint). */
const VERBATIM = new Set(['DOI', 'URL', 'PMID', 'PMCID']);
/** Keys, types and machine values that are not text of the item. */
const UNTOUCHED = new Set(['id', 'citation-key', 'type', 'date-parts', 'season']);

/** The markup citation-js turns into LaTeX groups (`<i>` → `\textit{`); an opening tag never closed leaves a `{` open. */
const RICH_TAG = /<(\/?(?:i|b|sc|sup|sub|span)|span .*?)>/g;
const RICH_OPENERS = new Set(['i', 'b', 'sc', 'sup', 'sub', 'span style="font-variant:small-caps;"', 'span class="nocase"']);

export function escapeLatex(text: string): string {
  return text.replace(LATEX_SPECIAL, (ch) => LATEX_ESCAPES[ch] ?? ch);
}

function escapeVerbatim(text: string): string {
  return text.replace(/[{}\\]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Drops opening tags that are never closed, matching tags the way citation-js does, so every group it opens closes. */
export function balanceRichText(text: string): string {
  const tokens = text.split(RICH_TAG);
  const open: { index: number; closing: string }[] = [];
  for (let i = 1; i < tokens.length; i += 2) {
    const tag = tokens[i]!;
    if (RICH_OPENERS.has(tag)) open.push({ index: i, closing: `/${tag.split(' ')[0]!}` });
    else if (open.length > 0 && tag === open[open.length - 1]!.closing) open.pop();
  }
  if (open.length === 0) return text;
  const unclosed = new Set(open.map((o) => o.index));
  return tokens.map((token, i) => (i % 2 === 0 ? token : unclosed.has(i) ? '' : `<${token}>`)).join('');
}

function escapeValue(value: unknown, verbatim: boolean): unknown {
  if (typeof value === 'string') return verbatim ? escapeVerbatim(value) : escapeLatex(balanceRichText(value));
  if (Array.isArray(value)) return value.map((v) => escapeValue(v, verbatim));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, UNTOUCHED.has(k) ? v : escapeValue(v, verbatim)]));
  }
  return value;
}

/** A copy of a CSL item whose every text value is safe to write between the braces of a BibTeX field. */
export function escapeForBibtex<T extends Record<string, unknown>>(item: T): T {
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, UNTOUCHED.has(k) ? v : escapeValue(v, VERBATIM.has(k))])) as T;
}
