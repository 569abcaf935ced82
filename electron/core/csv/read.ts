/**
 * Reading a spreadsheet's CSV as Excel and LibreOffice write it: UTF-8 with or without a byte order mark, UTF-16
 * ("Unicode text"), or the Windows code page of the user's locale (Windows-1252 in Western Europe, Windows-1251 for
 * Cyrillic); commas, or semicolons (and a "sep=;" first line) where the decimal mark is a comma. A file is never
 * read with characters silently replaced: a legacy encoding is converted and named in a notice, and a file whose
 * encoding cannot be told is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import chardet from 'chardet';
import { parse } from 'csv-parse/sync';
import type { CsvKind } from '../../contract/api';
import type { Notice } from '../../contract/errors';
import { localError, localText, textOf } from '../../contract/i18n/format';
import { restoreFormulaCell } from './formulas';
import { ATTRIBUTE_COLUMN, CSV_HEADERS, REQUIRED, type Row } from './headers';

export interface Parsed {
  header: string[];
  records: { line: number; row: Row }[];
  /** The encoding the file was read in, e.g. "UTF-8" or "Windows-1251". */
  encoding: string;
  delimiter: string;
  /** What the reader did that the user should know about (a conversion from a legacy encoding), in every language. */
  notices: Notice[];
}


/** The scripts users know code pages by (the notice names them in the reader's language); others by their label. */
const CODE_PAGE_SCRIPTS: Record<string, 'western' | 'cyrillic' | 'central' | 'baltic' | 'turkish'> = {
  'windows-1252': 'western',
  'windows-1251': 'cyrillic',
  'windows-1250': 'central',
  'windows-1257': 'baltic',
  'koi8-r': 'cyrillic',
  'iso-8859-2': 'central',
  'iso-8859-9': 'turkish',
};

/**
 * The code pages to consider for a file that is not UTF-8: the detector's candidates (chardet), plus the two that
 * spreadsheets in this field save in most. A detector alone misreads a short file (a 10-row Cyrillic CSV comes out as
 * Portuguese ISO-8859-1), so every candidate is decoded and the most plausible text wins, the detector's confidence
 * breaking ties.
 */
function legacyCandidates(bytes: Buffer): { label: string; confidence: number }[] {
  const found = new Map<string, number>([
    ['windows-1252', 0],
    ['windows-1251', 0],
  ]);
  for (const match of chardet.analyse(bytes)) {
    // WHATWG decodes ISO-8859-1 as Windows-1252 (a superset), as browsers and Excel do.
    const label = match.name.toLowerCase() === 'iso-8859-1' ? 'windows-1252' : match.name.toLowerCase();
    // Single-byte code pages only: multi-byte East Asian encodings read any bytes as plausible text, and a
    // spreadsheet of this field is not in one.
    if (!/^(windows-125\d|iso-8859-\d+|koi8-[ru])$/.test(label) || !isDecodable(label)) continue;
    found.set(label, Math.max(found.get(label) ?? 0, match.confidence));
  }
  return [...found].map(([label, confidence]) => ({ label, confidence }));
}

function isDecodable(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/**
 * How implausible a decoding looks: C1 control characters (bytes a code page leaves undefined), symbols inside words, words that mix
 * Latin and Cyrillic letters ("Mьller" is German read as Cyrillic), and Latin words made mostly of accented letters
 * ("Ïðåçèäåíò" is Russian read as Western European).
 */
function implausibility(text: string): number {
  let score = 0;
  for (const ch of text) if (/[\u0080-\u009f\ufffd]/.test(ch)) score += 10;
  // A symbol or superscript inside a word, or opening one ("Wa³êsa", "£odzi": Polish read as Turkish or Western).
  score += 5 * (text.match(/\p{L}[\p{S}\p{No}]\p{L}/gu) ?? []).length;
  score += 3 * (text.match(/(?<![\p{L}\p{N}])[\p{S}\p{No}]\p{Ll}/gu) ?? []).length;
  for (const word of text.match(/\p{L}+/gu) ?? []) {
    const latin = (word.match(/\p{Script=Latin}/gu) ?? []).length;
    const cyrillic = (word.match(/\p{Script=Cyrillic}/gu) ?? []).length;
    if (latin > 0 && cyrillic > 0) score += 5;
    const accented = (word.match(/[\u00c0-\u024f]/g) ?? []).length;
    if (word.length >= 3 && accented * 2 > word.length) score += 2;
  }
  return score;
}

function utf16WithoutBom(bytes: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Decodes a file's bytes, saying which encoding was used and whether the user should be told. */
export function decode(bytes: Buffer, fileName: string): { text: string; encoding: string; notice: Notice | null } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8', notice: null };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE', notice: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE', notice: null };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16.toUpperCase(), notice: null };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8', notice: null };
  } catch {
    // Not UTF-8: one of the code pages a spreadsheet saves in.
  }
  const candidates = legacyCandidates(bytes)
    .map((c) => {
      const text = new TextDecoder(c.label).decode(bytes);
      return { ...c, name: c.label.toUpperCase().replace(/^WINDOWS/, 'Windows'), script: CODE_PAGE_SCRIPTS[c.label] ?? 'other', text, score: implausibility(text) };
    })
    .sort((a, b) => a.score - b.score || b.confidence - a.confidence);
  const best = candidates[0]!;
  const runner = candidates.find((c) => c.text !== best.text);
  const words = Math.max(1, (best.text.match(/[^\p{ASCII}]+/gu) ?? []).length);
  // No reading is clean, or two differ and look equally right: guessing would risk storing mangled names.
  if (best.score > words * 2 || (runner && runner.score === best.score && runner.confidence === best.confidence)) {
    throw localError('VALIDATION_FAILED', 'errorsImport.csvEncodingUnknown', { file: fileName, candidates: candidates.map((c) => c.name.replace(/ .*/, '')).join(', ') });
  }
  return { text: best.text, encoding: best.name, notice: localText({ id: 'errorsCsv.readAsLegacy', values: { encoding: best.name, script: best.script } }) };
}

/** The delimiter of the header line: the most frequent of comma, semicolon and tab outside quotes (comma on a tie). */
function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/**
 * The line each record starts on (csv-parse counts the line a record ends on), and the line of a quote that is
 * never closed. Mirrors csv-parse: a quote opens only at the start of a cell, "" inside quotes is a quote, and lines
 * that are empty are skipped.
 */
function scan(text: string, delimiter: string): { starts: number[]; unclosed: number | null } {
  const starts: number[] = [];
  let line = 1;
  let quoted = false;
  let quoteLine = 0;
  let cellStart = true;
  let recordStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      } else if (ch === '\n') line++;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      recordStart = true;
      cellStart = true;
      continue;
    }
    if (recordStart) {
      starts.push(line);
      recordStart = false;
    }
    if (ch === '"' && cellStart) {
      quoted = true;
      quoteLine = line;
    }
    cellStart = ch === delimiter;
  }
  return { starts, unclosed: quoted ? quoteLine : null };
}

const NO_INFO = { lines: 0 };

/** A line end other than the file's own: \r alone, or \n alone in a file of \r\n. */
const ODD_LINE_END = /\r(?!\n)|(?<!\r)\n/;

/**
 * A file without a quote character whose lines all end with \n (or all with \r\n), read without csv-parse: split at
 * line ends and delimiters, empty lines skipped, each record with its line — what csv-parse and the scan make of
 * such a file (tests/db/csv-plain.test.ts holds them to each other), at a fraction of their cost on 100,000 rows. Null
 * for any other file, which goes to csv-parse.
 */
export function parsePlain(text: string, delimiter: string): { records: string[][]; lines: number[] } | null {
  if (delimiter === '"' || delimiter === '\r' || delimiter === '\n' || text.includes('"')) return null;
  const crlf = text.includes('\r');
  if (crlf && ODD_LINE_END.test(text)) return null;
  const pieces = text.split(crlf ? '\r\n' : '\n');
  const records: string[][] = [];
  const lines: number[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece === '') continue;
    records.push(piece.split(delimiter));
    lines.push(i + 1);
  }
  return { records, lines };
}

export function readCsv(input: { kind: CsvKind; path?: string | undefined; text?: string | undefined }): Parsed {
  const fileName = input.path ? path.basename(input.path) : 'the CSV';
  let decoded: { text: string; encoding: string; notice: Notice | null };
  if (input.path !== undefined) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(input.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw localError(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'VALIDATION_FAILED', 'errorsImport.cannotRead', { file: fileName, code: code ?? 'error' });
    }
    decoded = decode(bytes, fileName);
  } else decoded = { text: input.text ?? '', encoding: 'UTF-8', notice: null };
  let text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw localError('VALIDATION_FAILED', 'errorsImport.csvEmpty', { file: fileName, header: CSV_HEADERS[input.kind].join(',') });

  // Excel's "sep=;" line names the delimiter; it is line 1 of the file, so every record is one line further down.
  let lineOffset = 0;
  let delimiter: string;
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) {
    delimiter = sep[1]!;
    text = text.slice(sep[0].length);
    lineOffset = 1;
  } else delimiter = detectDelimiter(text.split(/\r?\n/, 1)[0]!);

  const plainText = parsePlain(text, delimiter);
  const { starts, unclosed } = plainText ? { starts: plainText.lines, unclosed: null } : scan(text, delimiter);
  let rows: { record: string[]; info: { lines: number } }[];
  if (plainText) rows = plainText.records.map((record) => ({ record, info: NO_INFO }));
  else {
    try {
      // Where the scan found every record's line, csv-parse need not describe each record (a large file's cost).
      const plain = parse(text, { relax_column_count: true, skip_empty_lines: true, delimiter }) as string[][];
      rows =
        plain.length === starts.length
          ? plain.map((record) => ({ record, info: NO_INFO }))
          : (parse(text, { info: true, relax_column_count: true, skip_empty_lines: true, delimiter }) as unknown as { record: string[]; info: { lines: number } }[]);
    } catch (error) {
      const e = error as { lines?: number; message: string };
      if (unclosed !== null) throw localError('VALIDATION_FAILED', 'errorsImport.csvUnclosedQuote', { file: fileName, line: String(unclosed + lineOffset) });
      const reason = e.message.replace(/^Invalid\s+/i, '');
      throw e.lines
        ? localError('VALIDATION_FAILED', 'errorsImport.csvInvalidAt', { file: fileName, line: String(e.lines + lineOffset), reason })
        : localError('VALIDATION_FAILED', 'errorsImport.csvInvalid', { file: fileName, reason });
    }
  }
  const lineOf = (index: number, info: { lines: number }) => (starts.length === rows.length ? starts[index]! : info.lines) + lineOffset;

  // An attribute's column keeps its name as written (it may name a new attribute); the fixed columns are read in any case.
  const header = (rows[0]?.record ?? []).map((h) => {
    const attribute = input.kind === 'cases' ? ATTRIBUTE_COLUMN.exec(h.trim()) : null;
    return attribute ? `attr:${attribute[1]!.trim()}` : h.trim().toLowerCase();
  });
  // Spreadsheets often save a trailing empty column; a named column may not be empty.
  while (header.length > 0 && header.at(-1) === '') header.pop();
  const known = CSV_HEADERS[input.kind];
  const unknown = header.filter((h) => !known.includes(h) && !(input.kind === 'cases' && h.startsWith('attr:')));
  const separated = delimiter === ',' ? '' : textOf('errorsCore.csvSeparated', { separator: delimiter === ';' ? 'semicolon' : delimiter === '\t' ? 'tab' : 'other', char: delimiter });
  if (unknown.length > 0) {
    throw localError('VALIDATION_FAILED', 'errorsCore.csvUnknownColumns', {
      quoted: input.path ? 'yes' : 'no',
      file: fileName,
      kind: input.kind,
      separated,
      // A column without a name is shown as "", which reads the same in every language.
      unknown: unknown.map((u) => u || '""').join(', '),
      known: known.join(', '),
      prefix: 'attr:',
    });
  }
  const same = header.map((h) => h.toLocaleLowerCase());
  const twice = header.filter((h, i) => same.indexOf(same[i]!) !== i);
  if (twice.length > 0) throw localError('VALIDATION_FAILED', 'errorsImport.csvColumnTwice', { file: fileName, count: twice.length, columns: [...new Set(twice)].join(', ') });
  const missing = REQUIRED[input.kind].filter((h) => !header.includes(h));
  if (missing.length > 0) throw localError('VALIDATION_FAILED', 'errorsImport.csvMissingColumns', { file: fileName, count: missing.length, columns: missing.join(', '), kind: input.kind });
  return {
    header,
    records: rows.slice(1).map(({ record, info }, i) => {
      // Set in the header's order, one by one, so that every row of a file shares one shape (fast to read a field
      // of, 100,000 times), and no array of pairs is made per row. A cell Comparanda neutralised on export ('=…)
      // comes back as it was.
      const row: Row = {};
      for (let j = 0; j < header.length; j++) row[header[j]!] = restoreFormulaCell(record[j] ?? '');
      return { line: lineOf(i + 1, info), row };
    }),
    encoding: decoded.encoding,
    delimiter,
    notices: decoded.notice ? [decoded.notice] : [],
  };
}
