import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/contract/errors';
import { extractDocument, htmlToPlainText, ImportError, type ImportFailureReason, pdfItemsToText } from '../../electron/core/documents/extract';
import { countTurns } from '../helpers/seeded';

const root = path.resolve(__dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/documents');
const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(fixtures, name)));

async function extractFixture(name: string, extra: Partial<Parameters<typeof extractDocument>[0]> = {}) {
  return extractDocument({ fileName: name, bytes: read(name), ...extra });
}

/** Runs the extraction and returns the ImportError it must throw. */
async function failure(fileName: string, bytes: Uint8Array, extra: Partial<Parameters<typeof extractDocument>[0]> = {}): Promise<ImportError> {
  try {
    await extractDocument({ fileName, bytes, ...extra });
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error(`${fileName} was imported but should have failed`);
}

function expectFailure(error: ImportError, reason: ImportFailureReason, fileName: string): void {
  expect(error.reason).toBe(reason);
  expect(error.code).toBe('VALIDATION_FAILED');
  expect(error).toBeInstanceOf(ApiError);
  expect(error.message).toContain(`"${fileName}"`);
  // The sentence travels as a catalogue entry too, so that each client shows it in its own language.
  expect(error.toPayload()).toEqual({ code: 'VALIDATION_FAILED', message: error.message, text: { id: expect.stringMatching(/^errorsFiles\./), values: expect.objectContaining({ file: fileName }) } });
}

describe('extractDocument: PDF', () => {
  it('reads the three pages of ru-kk.pdf (English, Russian, Kazakh) with its title', async () => {
    const progress: [number, number][] = [];
    const bytes = read('ru-kk.pdf');
    const copy = bytes.slice();
    const doc = await extractDocument({ fileName: 'ru-kk.pdf', bytes, onProgress: (done, total) => progress.push([done, total]) });
    expect(doc.format).toBe('pdf');
    expect(doc.mimeType).toBe('application/pdf');
    expect(doc.title).toBe('Election observation in Kazakhstan (test fixture)');
    expect(doc.warnings).toEqual([]);
    expect(doc.pages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const [en, ru, kk] = doc.pages.map((p) => p.text);
    expect(en).toMatch(/^Election observation in Kazakhstan\n\nTest fixture, illustrative text\. An OSCE\/ODIHR election\n/);
    expect(en).toContain('Observers were admitted to polling stations under the 1995');
    expect(ru).toContain('Выборы в Казахстане наблюдала миссия БДИПЧ ОБСЕ.');
    expect(ru).toContain('международных наблюдателей на избирательных участках.');
    expect(kk).toContain('Қазақстан');
    // Chromium splits words where glyphs come from another font subset (қ, ә, ң...): they must be joined again.
    expect(kk).toContain('Қазақстан Республикасының Орталық сайлау комиссиясы');
    expect(kk).toContain('нәтижелерін');
    expect(kk).toContain('Алматы — ірі шаһар, онда сайлауға көп адам');
    for (const letter of ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і']) expect(kk).toContain(letter);
    // Paragraphs are kept apart by a blank line; lines by a line break.
    expect(kk!.split('\n\n')).toHaveLength(3);
    for (const text of [en, ru, kk]) expect(text).toBe(text!.normalize('NFC'));
    // pdf.js detaches the buffers it is given: the caller's bytes must be untouched (they are stored afterwards).
    expect(bytes.byteLength).toBe(copy.byteLength);
    expect(Buffer.from(bytes).equals(Buffer.from(copy))).toBe(true);
  });

  it('can be cancelled between pages, and before it starts', async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    const run = extractFixture('ru-kk.pdf', {
      signal: controller.signal,
      onProgress: (done) => {
        progress.push(done);
        if (done === 1) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'CONFLICT', message: 'The import of "ru-kk.pdf" was cancelled.' });
    expect(progress).toEqual([1]);

    const aborted = AbortSignal.abort();
    await expect(extractFixture('ru-kk.pdf', { signal: aborted })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(extractFixture('interview.docx', { signal: aborted })).rejects.toBeInstanceOf(ApiError);
  });

  it('lets the event loop run between pages (the app keeps answering during a long import)', async () => {
    const loop = countTurns();
    const pagesSeen: number[] = [];
    await extractFixture('ru-kk.pdf', { onProgress: () => pagesSeen.push(loop.turns) });
    loop.stop();
    // Without a macrotask yield, pdf.js's promise-only fake worker starves the loop: `turns` would not move.
    expect(pagesSeen).toHaveLength(3);
    expect(pagesSeen[2]!).toBeGreaterThan(pagesSeen[0]!);
  });

  it('refuses a password-protected PDF', async () => {
    const error = await failure('encrypted.pdf', read('encrypted.pdf'));
    expectFailure(error, 'encrypted', 'encrypted.pdf');
    expect(error.message).toMatch(/password-protected/);
  });

  it('refuses a truncated PDF and a text file named .pdf as corrupt', async () => {
    expectFailure(await failure('truncated.pdf', read('truncated.pdf')), 'corrupt', 'truncated.pdf');
    const notPdf = await failure('notapdf.pdf', read('notapdf.pdf'));
    expectFailure(notPdf, 'corrupt', 'notapdf.pdf');
    expect(notPdf.message).toMatch(/not a valid PDF/);
  });

  it('marks the pages of a PDF without a text layer that hold a picture as scanned, for text recognition', async () => {
    const doc = await extractDocument({ fileName: 'image-only.pdf', bytes: read('image-only.pdf') });
    expect(doc.pages).toEqual([{ number: 1, text: '', scanned: true }]);
    expect(doc.warnings).toEqual([]);
  });

  it('reads a photo as one scanned page of its own type, whatever its name says', async () => {
    const png = new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'ocr', 'ru-kk.png')));
    expect(await extractDocument({ fileName: 'scan.png', bytes: png })).toMatchObject({ format: 'image', mimeType: 'image/png', pages: [{ number: 1, text: '', scanned: true }], warnings: [] });
    expect((await extractDocument({ fileName: 'scan.txt', bytes: png })).warnings[0]).toContain('is an image despite its name');
    expectFailure(await failure('photo.jpg', read('notes.txt')), 'corrupt', 'photo.jpg');
  });

  it('reads a PDF by its content when the extension is wrong, with a warning', async () => {
    const doc = await extractDocument({ fileName: 'report.txt', bytes: read('ru-kk.pdf') });
    expect(doc.format).toBe('pdf');
    expect(doc.pages).toHaveLength(3);
    expect(doc.warnings[0]).toContain('"report.txt" is a PDF file');
  });
});

describe('pdfItemsToText', () => {
  const item = (str: string, x: number, y: number, width: number, hasEOL = false) => ({
    str,
    dir: 'ltr',
    transform: [10, 0, 0, 10, x, y],
    width,
    height: 10,
    fontName: 'f',
    hasEOL,
  });

  it('adds a space at a visible gap, none between touching items, and breaks lines where y changes', () => {
    const text = pdfItemsToText([item('Қ', 0, 100, 7), item('азақстан', 7, 100, 50), item('Республикасы', 62, 100, 70), item('next', 0, 88, 20), item('line', 20.5, 88, 20, true), item('after', 0, 60, 25)]);
    expect(text).toBe('Қазақстан Республикасы\nnextline\n\nafter');
  });

  it('ignores marked-content items and empty pages', () => {
    expect(pdfItemsToText([{ type: 'beginMarkedContent', id: 'x' }])).toBe('');
    expect(pdfItemsToText([])).toBe('');
  });
});

describe('extractDocument: DOCX', () => {
  it('reads interview.docx paragraph by paragraph, with the bold run and the list items', async () => {
    const doc = await extractFixture('interview.docx');
    expect(doc.format).toBe('docx');
    expect(doc.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(doc.pages).toHaveLength(1);
    const paragraphs = doc.pages[0]!.text.split('\n\n');
    expect(paragraphs).toEqual([
      'Interview transcript: CEC member 2',
      'Interviewer: When were international observers first admitted?',
      'Respondent: Наблюдателей допустили после принятия закона о выборах 1995 года.',
      'Interviewer: Which topics did the commission discuss?',
      'Состав избирательных комиссий',
      'Access of observers to the count',
      'Қазақстан жолы (the "Kazakh path")',
      'Respondent: Мы говорили о двойных стандартах.',
    ]);
  });

  it('refuses an empty document and a damaged one', async () => {
    expectFailure(await failure('empty.docx', read('empty.docx')), 'no-text', 'empty.docx');
    expectFailure(await failure('corrupt.docx', read('corrupt.docx')), 'corrupt', 'corrupt.docx');
    expectFailure(await failure('fake.docx', new TextEncoder().encode('not a zip')), 'corrupt', 'fake.docx');
  });
});

describe('extractDocument: text, Markdown, HTML', () => {
  it('splits notes.txt at the form feed into two pages', async () => {
    const progress: [number, number][] = [];
    const doc = await extractFixture('notes.txt', { onProgress: (d, t) => progress.push([d, t]) });
    expect(doc.format).toBe('txt');
    expect(doc.mimeType).toBe('text/plain');
    expect(doc.title).toBeNull();
    expect(doc.pages).toEqual([
      { number: 1, text: 'Field notes, Almaty, page one.\nНаблюдатели на участке № 12.\n\nSecond paragraph of page one.' },
      { number: 2, text: 'Field notes, page two.\nҚазақстан: карусель и вбросы.' },
    ]);
    expect(progress).toEqual([[1, 1]]);
  });

  it('decodes UTF-16LE with a BOM, and strips a UTF-8 BOM and CRLF', async () => {
    const doc = await extractFixture('notes-utf16.txt');
    expect(doc.pages).toEqual([{ number: 1, text: 'UTF-16 notes: Выборы в Казахстане.\nҚазақстан — ірі мемлекет.' }]);
    const bom = await extractDocument({ fileName: 'bom.txt', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Ёлка\r\nвторая')]) });
    expect(bom.pages[0]!.text).toBe('Ёлка\nвторая');
  });

  it('refuses text that is not UTF-8 (e.g. Windows-1251) or binary, with advice to save as UTF-8', async () => {
    const cp1251 = new Uint8Array([0xc2, 0xfb, 0xe1, 0xee, 0xf0, 0xfb]); // "Выборы" in Windows-1251
    const error = await failure('old-notes.txt', cp1251);
    expectFailure(error, 'corrupt', 'old-notes.txt');
    expect(error.message).toMatch(/UTF-8/);
    expectFailure(await failure('binary.txt', new Uint8Array([0x41, 0x00, 0x42, 0x00, 0x43])), 'corrupt', 'binary.txt');
    expectFailure(await failure('blank.md', new TextEncoder().encode(' \n\f\n ')), 'no-text', 'blank.md');
  });

  it('takes a Markdown title from its first heading', async () => {
    const doc = await extractDocument({ fileName: 'memo.markdown', bytes: new TextEncoder().encode('Intro line\n\n# Қазақстан: memo #\n\nText.') });
    expect(doc.format).toBe('md');
    expect(doc.mimeType).toBe('text/markdown');
    expect(doc.title).toBe('Қазақстан: memo');
    expect(doc.pages[0]!.text).toContain('# Қазақстан: memo #');
  });

  it('keeps the article text of clipping.html and nothing executable', async () => {
    const doc = await extractFixture('clipping.html');
    expect(doc.format).toBe('html');
    expect(doc.mimeType).toBe('text/html');
    expect(doc.title).toBe('Наблюдатели ОБСЕ & выборы — clipping');
    expect(doc.pages).toHaveLength(1);
    const text = doc.pages[0]!.text;
    expect(text.split('\n')[0]).toBe('Observers & the count');
    expect(text).toContain('The election commission admitted observers to the count in Almaty.');
    expect(text).toContain('Председатель комиссии заявил о «двойных стандартах» наблюдателей.');
    expect(text).toContain('Read the full statement or the report.');
    expect(text).toContain('Қазақстан сайлауы');
    for (const marker of ['SCRIPT-MARKER', 'ONLOAD-MARKER', 'ONCLICK-MARKER', 'ONERROR-MARKER', 'HREF-MARKER', 'IFRAME-MARKER', 'MODULE-MARKER', 'NOSCRIPT-MARKER', 'javascript:', 'alert', 'cookie', 'secret-style-marker', 'example.invalid', '<']) {
      expect(text, marker).not.toContain(marker);
    }
  });

  it('sanitises before converting: no tag or handler survives in the intermediate HTML', () => {
    const text = htmlToPlainText('<svg><script>alert(1)</script></svg><a href="javascript:alert(2)" onclick="x()">link</a><object data="x">OBJ</object><h2>Заголовок</h2>');
    expect(text).toBe('link\n\nЗаголовок');
    // An unclosed <head> (sloppy saved pages) must not swallow the body.
    expect(htmlToPlainText('<head><meta charset=utf-8><title>T</title><p>Body text')).toBe('Body text');
  });

  it('honours a declared charset for HTML that is not UTF-8', async () => {
    const head = new TextEncoder().encode('<html><head><meta charset="windows-1251"></head><body><p>');
    const body = new Uint8Array([0xc2, 0xfb, 0xe1, 0xee, 0xf0, 0xfb]);
    const tail = new TextEncoder().encode('</p></body></html>');
    const doc = await extractDocument({ fileName: 'old.htm', bytes: new Uint8Array([...head, ...body, ...tail]) });
    expect(doc.pages[0]!.text).toBe('Выборы');
  });
});

describe('extractDocument: refusals', () => {
  it('refuses an empty file', async () => {
    expectFailure(await failure('empty.txt', read('empty.txt')), 'empty-file', 'empty.txt');
  });

  it('refuses unsupported types and lists what is supported', async () => {
    const error = await failure('unsupported.xyz', read('unsupported.xyz'));
    expectFailure(error, 'unsupported-type', 'unsupported.xyz');
    expect(error.message).toContain('.docx');
    expect(error.message).toContain('.pdf');
    const doc = await failure('C:\\Users\\me\\old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
    expectFailure(doc, 'unsupported-type', 'old.doc');
    expect(doc.message).toMatch(/Save it as \.docx/);
    expectFailure(await failure('README', new TextEncoder().encode('hello')), 'unsupported-type', 'README');
  });

  it('refuses a file above maxBytes', async () => {
    const error = await failure('ru-kk.pdf', read('ru-kk.pdf'), { maxBytes: 1024 });
    expectFailure(error, 'too-large', 'ru-kk.pdf');
    expect(error.message).toMatch(/limit is 1 KB/);
  });
});

describe('the CommonJS bundle', () => {
  it('loads pdf.js through a dynamic import from the esbuild CJS output', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'extract-bundle-'));
    try {
      const outfile = path.join(dir, 'extract.cjs');
      await build({ entryPoints: [path.join(root, 'electron/core/documents/extract.ts')], bundle: true, platform: 'node', format: 'cjs', packages: 'external', outfile, logLevel: 'silent' });
      const script = path.join(dir, 'run.cjs');
      fs.writeFileSync(
        script,
        `const { extractDocument } = require(${JSON.stringify(outfile)});
         const bytes = require('node:fs').readFileSync(${JSON.stringify(path.join(fixtures, 'ru-kk.pdf'))});
         extractDocument({ fileName: 'ru-kk.pdf', bytes }).then((d) => console.log(JSON.stringify({ pages: d.pages.length, kk: d.pages[2].text.includes('Қазақстан') })), (e) => { console.error(e); process.exit(1); });`,
      );
      // The bundle lives outside the project: NODE_PATH points it at the project's node_modules, as a packaged app would.
      const out = execFileSync(process.execPath, [script], { env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') }, encoding: 'utf8' });
      expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ pages: 3, kk: true });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
