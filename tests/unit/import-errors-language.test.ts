import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorText } from '../../electron/contract/i18n/format';
import type { DisplayLanguage } from '../../electron/contract/i18n/languages';
import { extractDocument, ImportError } from '../../electron/core/documents/extract';
import { type ArchiveLimits, DEFAULT_LIMITS, openArchive } from '../../electron/core/exchange/archive';
import { previewQdpx } from '../../electron/core/exchange';
import { loadFile } from '../../electron/core/exchange/load';
import { parseBibliography, type BibliographyFormat } from '../../electron/core/sources/bibliography';
import { cli } from '../helpers/cli';
import { withoutAllowedLatin } from '../helpers/latin-allowed';
import { tempDir } from '../helpers/temp';

const root = path.resolve(__dirname, '../..');
const documents = path.join(root, 'tests/fixtures/documents');
const qda = path.join(root, 'tests/fixtures/refi-qda');
const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(documents, name)));

async function caught(run: () => unknown): Promise<ImportError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected the import to fail');
}

const extractFailure = (fileName: string, bytes: Uint8Array) => caught(() => extractDocument({ fileName, bytes }));
const bibliographyFailure = (text: string, format: BibliographyFormat, fileName: string) => caught(() => parseBibliography(text, format, fileName));
const loadFailure = (file: string, expect: 'project' | 'codebook' = 'project') => caught(() => loadFile(file, expect));

/**
 * The Latin words of a sentence once the user's own names (the file, a name inside it) and file extensions (names
 * of formats, arguments of the message) are taken out.
 */
function englishLeft(sentence: string, names: string[]): string[] {
  let rest = sentence;
  for (const name of names) rest = rest.split(name).join(' ');
  rest = rest.replace(/(?<![\p{L}\d])\.[a-z]{2,4}\b/gu, ' ');
  return withoutAllowedLatin(rest).match(/[A-Za-z]{3,}/g) ?? [];
}

/** Checks that the error reads in Russian and Kazakh with no English left, and unchanged in English. */
function expectTranslated(error: ImportError, names: string[], english: string | RegExp): void {
  expect(error.text?.id, error.message).toMatch(/^errorsFiles\./);
  expect(error.toPayload()).toEqual({ code: 'VALIDATION_FAILED', message: error.message, text: error.text });
  if (typeof english === 'string') expect(error.message).toBe(english);
  else expect(error.message).toMatch(english);
  expect(errorText('en', error)).toBe(error.message);
  for (const language of ['ru', 'kk'] satisfies DisplayLanguage[]) {
    const text = errorText(language, error);
    expect(text, language).not.toBe(error.message);
    expect(text, language).toMatch(/[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]{3,}/);
    for (const name of names) expect(text, `${language}: the name "${name}" is kept`).toContain(name);
    expect(englishLeft(text, names), `${language}: ${text}`).toEqual([]);
  }
}

describe('file import errors in the user’s language', () => {
  it('a damaged PDF, as a failed import job shows it', async () => {
    const error = await extractFailure('Отчёт БДИПЧ.pdf', read('truncated.pdf'));
    expectTranslated(error, ['Отчёт БДИПЧ.pdf'], '"Отчёт БДИПЧ.pdf" is damaged or incomplete and cannot be read as a PDF. Download or export it again and import the new file.');
    expect(error.reason).toBe('corrupt');
    expect(errorText('ru', error)).toBe('Файл «Отчёт БДИПЧ.pdf» повреждён или неполон и не читается как PDF. Скачайте или экспортируйте его заново и импортируйте новый файл.');
  });

  it('an empty file, a file named .pdf that is not one, a password-protected PDF', async () => {
    expectTranslated(await extractFailure('interview.txt', new Uint8Array(0)), ['interview.txt'], '"interview.txt" is empty (0 bytes). Check that the file was saved or copied completely, and import it again.');
    expectTranslated(await extractFailure('notapdf.pdf', read('notapdf.pdf')), ['notapdf.pdf'], /^"notapdf\.pdf" is not a valid PDF file \(it has no PDF header\)/);
    expectTranslated(await extractFailure('encrypted.pdf', read('encrypted.pdf')), ['encrypted.pdf'], /^"encrypted\.pdf" is password-protected\./);
  });

  it('an unsupported extension, and a word processor’s own format, with the supported types listed', async () => {
    const odd = await extractFailure('unsupported.xyz', read('unsupported.xyz'));
    expectTranslated(odd, ['unsupported.xyz'], '"unsupported.xyz" cannot be imported: .xyz files cannot be imported. Convert it to PDF (.pdf), Word (.docx), plain text (.txt), Markdown (.md), HTML (.html, .htm) or a photo or scan (.jpg, .png, .tif) and import it again.');
    expect(errorText('ru', odd)).toContain('PDF (.pdf), Word (.docx), обычный текст (.txt), Markdown (.md), HTML (.html, .htm) или фото либо скан (.jpg, .png, .tif)');
    const odt = await extractFailure('Протокол.odt', new TextEncoder().encode('PK not really'));
    expectTranslated(odt, ['Протокол.odt'], /^"Протокол\.odt" is a \.odt file, which cannot be imported\. Save it as \.docx or PDF and import that file; supported are PDF \(\.pdf\)/);
    const bare = await extractFailure('README', new TextEncoder().encode('x'));
    expectTranslated(bare, ['README'], /^"README" cannot be imported: files without an extension cannot be imported\./);
  });

  it('text that is not UTF-8, a DOCX that is not a zip, a page with no text', async () => {
    const cp1251 = new Uint8Array([0xcf, 0xf0, 0xee, 0xf2, 0xee, 0xea, 0xee, 0xeb, 0x20, 0xb9, 0x31]);
    expectTranslated(await extractFailure('протокол.txt', cp1251), ['протокол.txt', 'Windows-1251'], /^"протокол\.txt" is not UTF-8 text \(it may be in another encoding such as Windows-1251/);
    expectTranslated(await extractFailure('fake.docx', new TextEncoder().encode('not a zip')), ['fake.docx'], '"fake.docx" is damaged or is not a Word document. Open it in Word or LibreOffice, save it as .docx and import it again.');
    expectTranslated(await extractFailure('corrupt.docx', read('corrupt.docx')), ['corrupt.docx'], /^"corrupt\.docx" is not a Word document \(the archive has no word\/document\.xml\)|^"corrupt\.docx" is damaged and cannot be read as a Word document/);
    expectTranslated(await extractFailure('blank.txt', new TextEncoder().encode('  \n\n ')), ['blank.txt'], '"blank.txt" contains only blank space. Check that it is the right file and import it again.');
  });

  it('a file too large to import, its sizes written the language’s way', async () => {
    const error = await caught(() => extractDocument({ fileName: 'scan.pdf', bytes: new Uint8Array(3 * 1024 * 1024 + 512 * 1024), maxBytes: 1024 * 1024 }));
    expectTranslated(error, ['scan.pdf'], '"scan.pdf" is too large to import (3.5 MB; the limit is 1 MB). Split it into smaller files and import those.');
    expect(errorText('ru', error)).toContain('3,5 МБ');
  });

  it('bibliographies: empty, with no entries, broken', async () => {
    expectTranslated(await bibliographyFailure('', 'bibtex', 'library.bib'), ['library.bib'], '"library.bib" is empty. Export the bibliography again (for example from Zotero) and import the new file.');
    expectTranslated(await bibliographyFailure('just some words', 'bibtex', 'words.bib'), ['words.bib', '@article{key, ...}'], /^"words\.bib" contains no BibTeX entries\. Check that it is a BibTeX file \(entries look like @article\{key, \.\.\.\}\)/);
    const braces = await bibliographyFailure('@article{osce2021,\n  title = {Report\n}\n', 'bibtex', 'zotero.bib');
    expectTranslated(braces, ['zotero.bib', 'osce2021'], /^"zotero\.bib" is not valid BibTeX: the braces of entry "osce2021" \(line 1\) do not match — a "\{" is never closed or a "\}" is extra\. Fix that entry/);
    const ris = await bibliographyFailure('TY  - JOUR\nTI  - A\n', 'ris', 'export.ris');
    expectTranslated(ris, ['export.ris', 'ER  - '], '"export.ris" is not valid RIS: the entry starting at line 1 is not closed with an "ER  - " line. Fix that entry (or export the library again as RIS) and import the file again.');
    expectTranslated(await bibliographyFailure('[1]', 'csl-json', 'items.json'), ['items.json'], /^"items\.json" is not valid CSL-JSON: item 1 is not an object\. Export the library again as "CSL JSON"/);
  });

  it('REFI-QDA: a .qdpx that is not a zip, a damaged zip, a path outside the folder, a DOCTYPE', async () => {
    const dir = tempDir();
    const notZip = path.join(dir, 'Kazakhstan.qdpx');
    fs.writeFileSync(notZip, 'this is plain text, not an archive');
    expectTranslated(await loadFailure(notZip), ['Kazakhstan.qdpx'], '"Kazakhstan.qdpx" is neither a REFI-QDA project (.qdpx, a ZIP archive) nor a QDA-XML file. Check that it is the right file.');
    const noEnd = path.join(dir, 'broken.qdpx');
    fs.writeFileSync(noEnd, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)]));
    expectTranslated(await loadFailure(noEnd), ['broken.qdpx'], '"broken.qdpx" is not a REFI-QDA project: it is not a ZIP archive (or it is damaged).');
    const empty = path.join(dir, 'empty.qdpx');
    fs.writeFileSync(empty, '');
    expectTranslated(await loadFailure(empty), ['empty.qdpx'], '"empty.qdpx" is empty (0 bytes). Export it again from the program that made it.');
    expectTranslated(await loadFailure(path.join(qda, 'bad-escape-entry.qdpx')), ['bad-escape-entry.qdpx', '../../escaped.txt'], /^"bad-escape-entry\.qdpx" was refused: it holds a file named "\.\.\/\.\.\/escaped\.txt", which would lie outside the project's folder\. Nothing was imported\.$/);
    expectTranslated(await loadFailure(path.join(qda, 'bad-doctype.qdpx')), ['bad-doctype.qdpx', 'project.qde', 'DOCTYPE'], /^"bad-doctype\.qdpx" was refused: its project\.qde declares a DOCTYPE or entities/);
    expectTranslated(await loadFailure(path.join(qda, 'bad-no-project.qdpx')), ['bad-no-project.qdpx', 'project.qde'], /^"bad-no-project\.qdpx" is not a REFI-QDA project: the archive contains no project\.qde/);
    const ratio = await loadFailure(path.join(qda, 'bad-bomb-ratio.qdpx'));
    expectTranslated(ratio, ['bad-bomb-ratio.qdpx', 'Sources/B2000000-0000-4000-8000-000000000001.txt'], /would inflate from 8 KB to 8\.0 MB \(more than 100 times\)/);
    expect(errorText('ru', ratio)).toContain('с 8 КБ до 8,0 МБ');
    expectTranslated(await loadFailure(path.join(qda, 'codebook-foreign.qdc')), ['codebook-foreign.qdc'], '"codebook-foreign.qdc" holds a codebook, not a project. Import it as a codebook (.qdc).');
  });

  it('REFI-QDA: a source that points outside the folder or is too large, named as a source in the language', async () => {
    const preview = (name: string, limits?: Partial<ArchiveLimits>) => caught(() => previewQdpx(path.join(qda, name), { limits }));
    const escape = await preview('bad-escape-path.qdpx');
    expectTranslated(escape, ['bad-escape-path.qdpx', 'Report.txt', 'internal://../../../etc/passwd'], /^"bad-escape-path\.qdpx" was refused: the source “Report\.txt” points at "internal:\/\/\.\.\/\.\.\/\.\.\/etc\/passwd", a path that leads outside/);
    expect(errorText('ru', escape)).toContain('источник «Report.txt» указывает на «internal://../../../etc/passwd»');
    const huge = await preview('bad-huge-source.qdpx', { maxSourceBytes: 100_000 });
    const entry = 'Sources/B2000000-0000-4000-8000-000000000001.txt';
    expectTranslated(huge, ['bad-huge-source.qdpx', 'Report.txt', entry], /the source “Report\.txt” \(Sources\/B2000000-0000-4000-8000-000000000001\.txt\) is 283 KB, more than one source may be \(98 KB\)/);
    expect(errorText('kk', huge)).toContain(`«Report.txt» дереккөзі (${entry}) көлемі 283 КБ`);
    const total = await preview('forgiving.qdpx', { maxTotalBytes: 20_000 });
    expectTranslated(total, ['forgiving.qdpx'], /^"forgiving\.qdpx" was refused: its contents come to more than 20 KB uncompressed/);
  });

  it('a damaged archive entry names what is wrong in the language too', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(qda, 'forgiving.qdpx')));
    const archive = openArchive(bytes, 'forgiving.qdpx', DEFAULT_LIMITS);
    const entry = archive.entries.find((e) => e.compressedSize > 0)!;
    const lying = openArchive(bytes, 'forgiving.qdpx', DEFAULT_LIMITS);
    const error = await caught(() => lying.read({ ...entry, crc: (entry.crc + 1) >>> 0 }));
    expectTranslated(error, ['forgiving.qdpx', entry.name], `"forgiving.qdpx" is a damaged archive: ${entry.name} fails its checksum. Export it again from the program that made it.`);
  });

  // The CLI runs from dist/: `npm run build:node` first.
  it('on the command line, in the language of the locale or of --language', () => {
    const dir = tempDir();
    const notZip = path.join(dir, 'Отчёт.qdpx');
    fs.writeFileSync(notZip, 'plain text');
    expect(cli(['sample', '--out', 's.comparanda'], dir).code).toBe(0);
    const ru = cli(['import', 's.comparanda', '--from', 'qdpx', notZip], dir, { LC_ALL: 'ru_RU.UTF-8' });
    expect(ru.code).not.toBe(0);
    expect(ru.stderr).toContain('Файл «Отчёт.qdpx» — ни проект REFI-QDA (.qdpx, ZIP-архив), ни файл QDA-XML. Проверьте, тот ли это файл.');
    const kk = cli(['import', 's.comparanda', '--from', 'qdc', path.join(qda, 'forgiving.qdpx'), '--language', 'kk'], dir);
    expect(kk.stderr).toContain('«forgiving.qdpx» файлы — кодтар кітабы емес, REFI-QDA жобасы');
    expect(kk.stderr).toContain('(командалық жолда: --from qdpx)');
  });
});
