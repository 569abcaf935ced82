/**
 * The very long PDF of the streaming import benchmark (issue 22): 30,000 pages of short Russian, Kazakh and English
 * text, written directly (Chromium would need minutes and gigabytes to print it). One standard font whose encoding
 * maps the upper 128 codes to Cyrillic glyph names, so that a PDF reader extracts the text as Unicode; content
 * streams compressed; pages in a two-level page tree of 100 pages per node, as office suites write long documents.
 * Cached beside the projects, never committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { wrap } from '../../electron/cli/help';
import { Rng } from './rng';
import { TextGenerator } from './text';
import type { Language } from './words';

const FIXTURE_VERSION = 1;
const PER_NODE = 100;

/** The Cyrillic letters the word lists use (Russian and Kazakh), given the codes 128 and up. */
const CYRILLIC = [...'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяӘәҒғҚқҢңӨөҰұҮүҺһІі'];
const CODE = new Map(CYRILLIC.map((ch, i) => [ch, 128 + i]));

/** A PDF string literal of `text` in the font's encoding: ASCII as is, Cyrillic by its code, anything else as "?". */
function pdfString(text: string): string {
  let out = '(';
  for (const ch of text) {
    const code = CODE.get(ch);
    if (code !== undefined) out += `\\${code.toString(8).padStart(3, '0')}`;
    else if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (ch.charCodeAt(0) >= 32 && ch.charCodeAt(0) < 127) out += ch;
    else out += '?';
  }
  return `${out})`;
}

export function writeLargePdf(file: string, pages: number, seed: number): void {
  const gen = new TextGenerator(new Rng(`pdf-large:${seed}`));
  const order: Language[] = ['ru', 'kk', 'ru', 'en'];
  const fd = fs.openSync(file, 'w');
  let offset = 0;
  const offsets: number[] = [];
  const write = (chunk: string | Buffer) => {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    fs.writeSync(fd, buffer);
    offset += buffer.length;
  };
  const object = (id: number, body: string | Buffer[]) => {
    offsets[id] = offset;
    write(`${id} 0 obj\n`);
    if (typeof body === 'string') write(body);
    else for (const part of body) write(part);
    write('\nendobj\n');
  };
  // Objects: 1 catalog, 2 root page tree, 3 font, 4 info; then the intermediate nodes; then page + content per page.
  const nodes = Math.ceil(pages / PER_NODE);
  const nodeId = (n: number) => 5 + n;
  const pageId = (i: number) => 5 + nodes + 2 * i;
  write('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Count ${pages} /Kids [${Array.from({ length: nodes }, (_, n) => `${nodeId(n)} 0 R`).join(' ')}] >>`);
  object(3, `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [128 ${CYRILLIC.map((ch) => `/uni${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ')}] >> >>`);
  object(4, `<< /Title (Election observation mission report, benchmark fixture) /Producer (Comparanda benchmark) >>`);
  for (let n = 0; n < nodes; n++) {
    const first = n * PER_NODE;
    const count = Math.min(PER_NODE, pages - first);
    object(nodeId(n), `<< /Type /Pages /Parent 2 0 R /Count ${count} /Kids [${Array.from({ length: count }, (_, k) => `${pageId(first + k)} 0 R`).join(' ')}] >>`);
  }
  for (let i = 0; i < pages; i++) {
    const lang = order[(i + 1) % order.length]!;
    const heading = `${lang === 'kk' ? 'Бет' : lang === 'ru' ? 'Страница' : 'Page'} ${i + 1}`;
    const lines = [heading, ...wrap(gen.paragraph(lang), 90).slice(0, 2)];
    const content = `BT /F1 10 Tf 14 TL 56 780 Td ${lines.map((l) => `${pdfString(l)} Tj T*`).join(' ')} ET`;
    const stream = zlib.deflateSync(Buffer.from(content, 'latin1'));
    object(pageId(i), `<< /Type /Page /Parent ${nodeId(Math.floor(i / PER_NODE))} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageId(i) + 1} 0 R >>`);
    object(pageId(i) + 1, [Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), stream, Buffer.from('\nendstream', 'latin1')]);
  }
  const size = pageId(pages);
  const xref = offset;
  write(`xref\n0 ${size}\n0000000000 65535 f \n`);
  for (let id = 1; id < size; id++) write(`${String(offsets[id]).padStart(10, '0')} 00000 n \n`);
  write(`trailer\n<< /Size ${size} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  fs.closeSync(fd);
}

/** The cached fixture's path, writing it first if needed. */
export function ensureLargePdf(dir: string, pages: number, seed: number, log: (m: string) => void): string {
  const file = path.join(dir, `import-large-${pages}p-seed${seed}-v${FIXTURE_VERSION}.pdf`);
  if (fs.existsSync(file)) return file;
  log(`Writing the ${pages.toLocaleString('en')}-page PDF for the streaming import benchmark ...`);
  fs.mkdirSync(dir, { recursive: true });
  const temp = `${file}.${process.pid}.partial`;
  writeLargePdf(temp, pages, seed);
  fs.renameSync(temp, file);
  return file;
}
