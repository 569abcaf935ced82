/**
 * Seeded pseudo-text in English, Russian and Kazakh: document pages of a given size in bytes, Markdown summaries for
 * cells, memos. Pages are already in the form the product stores (NFC, \n line ends, paragraphs separated by one blank
 * line, no trailing blanks), so the product's extraction leaves them as they are and excerpt offsets stay exact.
 */
import { Zipf, type Rng } from './rng';
import { LANGUAGES, PHRASES, WORDS, type Language } from './words';

const OTHER: Record<Language, Language[]> = { en: ['ru', 'kk'], ru: ['en', 'kk'], kk: ['ru', 'en'] };

export class TextGenerator {
  private readonly zipf: Record<Language, Zipf<string>>;

  constructor(private readonly rng: Rng) {
    this.zipf = { en: new Zipf(WORDS.en, 1.05), ru: new Zipf(WORDS.ru, 1.05), kk: new Zipf(WORDS.kk, 1.05) };
  }

  /** One sentence, mostly in `lang`; now and then a set phrase. */
  sentence(lang: Language, minWords = 7, maxWords = 22): string {
    const n = this.rng.int(minWords, maxWords);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      if (this.rng.chance(0.025)) parts.push(this.rng.pick(PHRASES[lang]));
      else parts.push(this.zipf[lang].draw(this.rng));
      if (i > 2 && i < n - 2 && this.rng.chance(0.06)) parts[parts.length - 1] += ',';
    }
    const first = parts[0]!;
    parts[0] = first.charAt(0).toLocaleUpperCase() + first.slice(1);
    return `${parts.join(' ')}${this.rng.chance(0.1) ? ';' : '.'}`.replace(/,([.;])$/, '$1');
  }

  /** A sentence in the document's language, or (15%) in one of the other two, as real sources quote each other. */
  mixedSentence(lang: Language): string {
    return this.sentence(this.rng.chance(0.15) ? this.rng.pick(OTHER[lang]) : lang);
  }

  paragraph(lang: Language): string {
    const n = this.rng.int(2, 6);
    const sentences: string[] = [];
    for (let i = 0; i < n; i++) sentences.push(this.mixedSentence(lang));
    return sentences.join(' ');
  }

  /** A page of about `targetBytes` bytes of UTF-8. */
  page(lang: Language, targetBytes: number): string {
    const paragraphs: string[] = [];
    let bytes = 0;
    while (bytes < targetBytes) {
      const p = this.paragraph(lang);
      paragraphs.push(p);
      bytes += Buffer.byteLength(p) + 2;
    }
    return paragraphs.join('\n\n');
  }

  language(): Language {
    const x = this.rng.float();
    return x < 0.4 ? 'en' : x < 0.8 ? 'ru' : 'kk';
  }

  /** A cell summary in Markdown: bold case, emphasis, a link and a short list, in the three languages. */
  summary(caseName: string, stageLabel: string, revision: number): string {
    const lang = this.language();
    const lines = [
      `**${caseName}**, ${stageLabel.toLowerCase()}${revision > 0 ? ` (revision ${revision})` : ''}: ${this.sentence(lang, 10, 30)} *${this.rng.pick(PHRASES[lang])}*; see the [final report](https://www.osce.org/odihr/elections/${this.rng.int(1000, 99999)}).`,
    ];
    const items = this.rng.int(0, 4);
    for (let i = 0; i < items; i++) lines.push(`- ${this.sentence(this.rng.pick(LANGUAGES), 6, 18)}`);
    if (this.rng.chance(0.3)) lines.push('', this.sentence(lang, 12, 30));
    return lines.join('\n');
  }

  memo(): string {
    if (this.rng.chance(0.5)) return '';
    return this.sentence(this.language(), 8, 30);
  }
}

/** Sentence starts of a page (offsets where an excerpt may begin). */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (let i = 1; i < text.length - 1; i++) {
    const c = text.charCodeAt(i - 1);
    // After ". " or "; " or a paragraph break.
    if ((c === 32 || c === 10) && (text.charCodeAt(i - 2) === 46 || text.charCodeAt(i - 2) === 59 || c === 10) && text.charCodeAt(i) !== 10) starts.push(i);
  }
  return starts;
}

/** An exact excerpt of a page: [start, end) from a sentence start, ending at a word boundary, 60-420 characters long. */
export function pickExcerpt(rng: Rng, text: string, starts: number[]): { start: number; end: number } {
  const start = rng.pick(starts);
  const want = rng.int(60, 420);
  let end = Math.min(text.length, start + want);
  while (end < text.length && !/\s/.test(text.charAt(end))) end++;
  if (end <= start) end = Math.min(text.length, start + 1);
  // No trailing white space inside the quote.
  while (end > start + 1 && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
}
