/**
 * Shared by the core (stored quotes, appendix quotations) and the renderer (the draft shows what will be stored).
 * A quotation is the author's sentences, not the PDF's lines. Page text keeps the line breaks of the page (excerpt
 * offsets, the page view and search all count in it), and a quotation taken from it joins the hard breaks inside each
 * paragraph: a line-end hyphen that only split a word goes ("поли-\nтика" → "политика"), the hyphen of a real compound
 * stays ("северо-\nзападный" → "северо-западный"). Paragraphs (blank lines) and list items stay on their own lines.
 */

/** Hyphens a typesetter or a PDF producer puts at the end of a line. The soft hyphen is only ever a break. */
const LINE_END_HYPHEN = /[-\u2010\u00ad]$/u;
/** A line that starts a list item keeps its own line. */
const LIST_ITEM = /^(?:[•·▪◦*–—-]\s|\d{1,3}[.)]\s|[\p{Ll}]\)\s)/u;
/**
 * Russian particles always written with a hyphen ("где-либо", "всё-таки", "кое-где", "вице-спикер"). "-то" is also
 * the end of many words ("мес-то"), so it counts only after a pronoun or adverb ("кто-то", "когда-то"). Kazakh pair
 * words ("ата-ана", "қоғамдық-саяси") have no such marker and are decided by the document's own spelling.
 */
const HYPHEN_SUFFIXES = new Set(['либо', 'нибудь', 'таки']);
const HYPHEN_PREFIXES = new Set(['кое', 'экс', 'вице']);
const TO_AFTER = /^(?:кт|чт|чь|чей|чья|где|куд|когд|как|почем|заче|откуд|скольк|ког|ком|чем|чег)/u;

const WORD_BEFORE = /[\p{L}\p{M}\p{N}]+$/u;
const WORD_AFTER = /^[\p{L}\p{M}\p{N}]+/u;

/**
 * How a word broken over two lines at a hyphen is put together again. Decided, in order:
 * 1. the next line starts with the hyphen again (Russian typesetting repeats a compound's hyphen): a compound;
 * 2. the part after the break starts with a capital or a digit, or the part before ends in one ("ОБСЕ-\nБДИПЧ",
 *    "2005-\n2010"): the hyphen stays;
 * 3. a particle always written with a hyphen ("кто-\nто", "кое-\nкак"): the hyphen stays;
 * 4. the document itself: if the joined word appears elsewhere in it, the hyphen goes; else, if the hyphenated form
 *    appears unbroken elsewhere, the hyphen stays;
 * 5. otherwise the hyphen goes: a break inside a word is far more common at a line end than a compound's hyphen.
 * A soft hyphen (U+00AD) is a break by definition and always goes.
 */
export function joinHyphenated(before: string, after: string, context: string): string {
  const hyphen = before.at(-1)!;
  const stem = before.slice(0, -1);
  if (hyphen === '\u00ad') return stem + after;
  if (after.startsWith('-') || after.startsWith('\u2010')) return `${stem}-${after.slice(1)}`;
  const left = WORD_BEFORE.exec(stem)?.[0] ?? '';
  const right = WORD_AFTER.exec(after)?.[0] ?? '';
  const keep = `${stem}-${after}`;
  if (left === '' || right === '') return keep;
  if (/^[\p{Lu}\p{Lt}\p{N}]/u.test(right) || /[\p{Lu}\p{N}]$/u.test(left)) return keep;
  const l = left.toLowerCase();
  const r = right.toLowerCase();
  if (HYPHEN_SUFFIXES.has(r) || HYPHEN_PREFIXES.has(l) || (r === 'то' && TO_AFTER.test(l))) return keep;
  // The joined word seen elsewhere wins over the compound: a compound never hides a plain word's spelling.
  const lower = context.toLowerCase();
  if (containsWord(lower, `${l}${r}`)) return stem + after;
  if (containsWord(lower, `${l}-${r}`)) return keep;
  return stem + after;
}

/** Whether `needle` starts a word in `haystack` (a compound may be inflected: "северо-запад" in "северо-западный"). */
function containsWord(haystack: string, needle: string): boolean {
  let at = haystack.indexOf(needle);
  while (at >= 0) {
    if (at === 0 || !/[\p{L}\p{M}]/u.test(haystack[at - 1]!)) return true;
    at = haystack.indexOf(needle, at + 1);
  }
  return false;
}

/**
 * The text of a quotation taken from page text: the hard line breaks inside each paragraph joined (see
 * joinHyphenated), blank lines between paragraphs kept as one blank line. `context` is the whole page (or document)
 * the text was taken from, used as evidence for hyphenated compounds; it defaults to the text itself.
 */
export function joinHardBreaks(text: string, context: string = text): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => joinParagraph(paragraph, context))
    .join('\n\n');
}

function joinParagraph(paragraph: string, context: string): string {
  const lines = paragraph.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  let out = '';
  for (const line of lines) {
    if (out === '') out = line;
    else if (LIST_ITEM.test(line)) out += `\n${line}`;
    else if (LINE_END_HYPHEN.test(out) && /[\p{L}\p{M}\p{N}][-\u2010\u00ad]$/u.test(out)) {
      const head = /[\p{L}\p{M}\p{N}]+$/u.exec(out.slice(0, -1))?.[0] ?? '';
      const base = out.slice(0, out.length - 1 - head.length);
      out = base + joinHyphenated(`${head}${out.at(-1)!}`, line, context);
    } else out += ` ${line}`;
  }
  return out;
}
