/**
 * The `comparanda` command line. Every failure exits non-zero with one line on stderr that names the problem;
 * usage mistakes exit 2, everything else 1.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import fs from 'node:fs';

import { CSV_KINDS, SEARCH_CANDIDATES, SNIPPET_CLOSE, SNIPPET_OPEN, SOURCE_KINDS, type CsvKind, type SourceKind } from '../contract/api';
import { ApiError } from '../contract/errors';
import { errorText, formatText, localError, textOf, type LocalText } from '../contract/i18n/format';
import { LANGUAGES, type Language } from '../contract/i18n/languages';
import { Backups } from '../core/backups';
import { SCHEMA_VERSION } from '../core/db/schema-version';
import { writeFileAtomically } from '../core/db/temp-files';
import { guardOutput, redactMessage, redactOutput, retainIdentitiesAfterClose } from '../core/privacy/gate';
import { CLI_OUTPUTS } from '../core/privacy/outputs';
import { defaultUserDataDir } from '../core/paths';
import { APP_VERSION } from '../core/project';
import { exportCsv, importCsv, previewCsv } from '../core/csv-data';
import { extractDocument } from '../core/documents/extract';
import { exportQdc, exportQdpx, importQdc, importQdpx } from '../core/exchange';
import { importBibliography, previewBibliography, storeDocument } from '../core/evidence';
import { recogniseScanned } from '../core/ocr/job';
import { matrixTables } from '../core/matrix';
import { matrixToCsv, matrixToJson, matrixToMarkdown } from '../core/matrix-format';
import { caseList, normList } from '../core/names';
import { writeSampleProject } from '../core/sample';
import { search } from '../core/search';
import { heldLocks, openForWriting, openProject, parse, readPassphrase, requireFile, UsageError, type Command } from './common';
import { EXPORT_USAGE, exportHelp, runExportCommand } from './export-command';
import { paragraph, renderEntries, type HelpEntry } from './help';
import { QCA_HELP, qcaCommand } from './qca-commands';
import { describeFormat, describeImport } from './reports';
import { cliLanguage, count, orList, print, say, setCliLanguage } from './say';
import { STRUCTURE_HELP, structureCommands } from './structure-commands';
import { chooseLanguage, environmentLanguage } from './language';
import { TEAM_HELP, teamCommands } from './team-commands';


const HELP: HelpEntry[] = [
  { synopsis: ['sample --out FILE'], description: 'helpSample', values: { file: 'FILE' } },
  ...STRUCTURE_HELP,
  { synopsis: ['info FILE [--json]'], description: 'helpInfo' },
  { synopsis: ['matrix FILE --norm NORM [--norm NORM]... [--cases A|B]... [--view NAME] [--format md|csv|json]'], description: 'helpMatrix', values: { all: '--norm all' } },
  {
    synopsis: ['import FILE --from csv --kind elections|missions|claims|indicators|regional|cases|cells PATH [--dry-run] [--skip-bad-rows] [--create-missing]'],
    description: 'helpImportCsv',
    values: { encodings: 'UTF-8, UTF-16, Windows-1252/1251', dryRun: '--dry-run', createMissing: '--create-missing' },
  },
  { synopsis: ['import FILE --from qdpx|qdc PATH [--json]'], description: 'helpImportQda', values: { tools: 'NVivo, MAXQDA, ATLAS.ti, QualCoder' } },
  { synopsis: ['import FILE --from bibtex|ris|csl-json PATH [--keep-duplicates] [--kind KIND]'], description: 'helpImportBibliography' },
  { synopsis: ['import FILE --from document PATH [--source ID] [--kind KIND]'], description: 'helpImportDocument' },
  { synopsis: ['search FILE QUERY [--json] [--limit N]'], description: 'helpSearch' },
  {
    synopsis: ['export FILE --what matrix|claims|observation|case|appendix --format pdf|docx|tex|csv|xlsx|md --out OUT [options]'],
    description: 'helpExport',
    values: { help: '"comparanda export --help"' },
  },
  { synopsis: ['export FILE --format qdpx|qdc --out OUT'], description: 'helpExportQda' },
  { synopsis: ['export FILE --data elections|missions|claims|indicators|regional|cases|cells [--out OUT.csv]'], description: 'helpExportData', values: { import: '"import --from csv"' } },
  { synopsis: ['check FILE [--json]'], description: 'helpCheck' },
  ...QCA_HELP,
  { synopsis: ['encrypt FILE --out NEW --new-passphrase-file PATH'], description: 'helpEncrypt' },
  ...TEAM_HELP,
  { synopsis: ['help'], description: 'helpHelp' },
  { synopsis: ['version'], description: 'helpVersion' },
];

function usage(): string {
  return [
    say('usage', { synopsis: 'comparanda <command> [options]' }),
    '',
    say('commands'),
    renderEntries(HELP),
    paragraph('helpPassphrase', { option: '--passphrase-file PATH' }),
    paragraph('helpNames', { example: '"--cases KAZ,BLR"' }),
    paragraph('helpExit', { file: 'FILE' }),
    paragraph('helpLanguage', { option: '--language', languages: orList(LANGUAGES), variables: 'LC_ALL, LC_MESSAGES, LANG' }),
    '',
  ].join('\n');
}

/** "3 codes, 2 memos" from an exchange's counts per kind, leaving out the kinds it has none of. */
function countsOf(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => say('countOf', { count: n, kind }))
    .join(', ');
}

const commands: Record<string, Command> = {
  ...structureCommands,
  ...teamCommands,
  qca: qcaCommand,
  sample(args) {
    const { values } = parse(args, { out: { type: 'string', short: 'o' } }, 0);
    if (!values.out) throw new UsageError('giveOutFile', { option: '--out FILE.comparanda' });
    const out = path.resolve(values.out);
    if (!out.toLowerCase().endsWith('.comparanda')) throw new UsageError('sampleNameEnds', { extension: '.comparanda' });
    writeSampleProject(out);
    print('wroteSample', { path: out });
  },

  info(args) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } }, 1);
    const project = openProject(requireFile(positionals), values, true);
    try {
      const summary = project.summary();
      const backups = new Backups(path.join(defaultUserDataDir(), 'backups')).list(project.path).length;
      if (values.json) {
        process.stdout.write(`${JSON.stringify({ schemaVersion: summary.schemaVersion, encrypted: summary.encrypted, counts: { ...summary.counts, backups } }, null, 2)}\n`);
        return;
      }
      const overview = project.overview();
      const cases = overview.cases.map((c) => (c.role === 'focal' ? say('focalCase', { name: c.name }) : c.name)).join(', ');
      const n = summary.counts;
      const rows: [string, string][] = [
        [say('infoFile'), summary.path],
        [say('infoFormat'), describeFormat(summary)],
        [say('infoCases'), `${count(n.cases)}${cases ? `: ${cases}` : ''}`],
        [say('infoNorms'), `${count(n.norms)}${overview.norms.length ? `: ${overview.norms.map((x) => x.shortLabel || x.label).join('; ')}` : ''}`],
        [say('infoStages'), count(n.stages)],
        [say('infoCells'), count(n.cells)],
        [say('infoEvidence'), say('evidenceCounts', { sources: n.sources, documents: n.documents, excerpts: n.excerpts, participants: n.participants })],
        [say('infoCoding'), say('codingCounts', { codes: n.codes, codings: n.codings, memos: n.memos })],
        [say('infoRecord'), say('recordCounts', { elections: n.elections, missions: n.missions, claims: n.claims, regional: n.regionalNorms, indicators: n.indicators })],
        [say('infoBackups'), count(backups)],
      ];
      // The labels' column is as wide as the longest label in the run's language (8 in English, as it always was).
      const width = Math.max(...rows.map(([label]) => label.length));
      process.stdout.write(`${[summary.title, ...rows.map(([label, value]) => `  ${label.padEnd(width)} ${value}`)].join('\n')}\n`);
    } finally {
      project.close();
    }
  },

  matrix(args) {
    const { values, positionals } = parse(
      args,
      { norm: { type: 'string', short: 'n', multiple: true }, cases: { type: 'string', multiple: true }, view: { type: 'string' }, format: { type: 'string', short: 'f', default: 'md' } },
      1,
    );
    const format = values.format ?? 'md';
    if (!['md', 'csv', 'json'].includes(format)) throw new UsageError('mustBe', { option: '--format', allowed: orList(['md', 'csv', 'json']), value: format });
    if (!values.norm?.length && !values.view) throw new UsageError('giveNormOrView', { norm: '--norm ID_OR_LABEL', all: '--norm all', view: '--view' });
    const project = openProject(requireFile(positionals), values, true);
    try {
      const overview = project.overview();
      const tables = matrixTables(project, {
        norms: normList(values.norm, overview.norms),
        cases: values.cases ? caseList(values.cases, overview.cases) : undefined,
        view: values.view,
      });
      if (tables.length === 0) throw localError('NOT_FOUND', 'cli.noNormsToShow');
      const out = format === 'json' ? `${JSON.stringify(matrixToJson(tables), null, 2)}\n` : format === 'csv' ? matrixToCsv(tables) : matrixToMarkdown(tables);
      guardOutput(project.db, 'matrix', [out]);
      process.stdout.write(out);
    } finally {
      project.close();
    }
  },

  async import(args) {
    const { values, positionals } = parse(
      args,
      {
        from: { type: 'string' },
        source: { type: 'string' },
        kind: { type: 'string' },
        'keep-duplicates': { type: 'boolean' },
        'skip-bad-rows': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        'create-missing': { type: 'boolean' },
        json: { type: 'boolean' },
      },
      2,
    );
    const file = requireFile(positionals);
    const input = positionals[1];
    if (!input) throw new UsageError('giveImportFile', { synopsis: 'comparanda import FILE --from FORMAT PATH' });
    const from = values.from;
    const formats = ['csv', 'bibtex', 'ris', 'csl-json', 'document', 'qdpx', 'qdc'];
    if (!from || !formats.includes(from)) throw new UsageError('mustBeOne', { option: '--from', allowed: orList(formats) });
    const kind = values.kind;
    if (from === 'csv') {
      if (!kind || !(CSV_KINDS as readonly string[]).includes(kind)) throw new UsageError('needs', { option: '--from csv', needed: `--kind ${CSV_KINDS.join('|')}` });
    } else if (kind !== undefined && !(SOURCE_KINDS as readonly string[]).includes(kind)) throw new UsageError('mustBeOneOf', { option: '--kind', allowed: SOURCE_KINDS.join(', ') });
    const project = openForWriting(file, values);
    try {
      if (from === 'qdpx' || from === 'qdc') {
        const { report } = from === 'qdpx' ? await importQdpx(project, { path: path.resolve(input) }) : await importQdc(project, { path: path.resolve(input) });
        if (values.json) {
          process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          return;
        }
        const counts = countsOf(report.imported);
        print(report.origin ? 'importedFromBy' : 'importedFrom', { file: path.basename(input), origin: report.origin ?? '', counts: counts || say('nothingNew') });
        for (const item of report.skipped) print('skippedItem', { kind: item.kind, name: errorText(cliLanguage(), { message: item.name, text: item.nameText }), message: errorText(cliLanguage(), item) });
        return;
      }
      if (from === 'csv') {
        const createMissing = values['create-missing'] ?? false;
        if (values['dry-run']) {
          const preview = previewCsv(project, { kind: kind as CsvKind, path: path.resolve(input), createMissing });
          if (values.json) process.stdout.write(`${JSON.stringify(preview, null, 2)}\n`);
          else process.stdout.write(`${say('dryRun')}\n${describeImport(kind as CsvKind, { ...preview, skipped: preview.problems }, true)}\n`);
          // Exit 1 when the import itself would be refused, so a script can check a file before importing it.
          const bad = preview.problems.length;
          if (bad > 0 && !values['skip-bad-rows']) {
            throw localError('VALIDATION_FAILED', 'cli.badRowsRefused', { count: bad, option: '--skip-bad-rows' });
          }
          return;
        }
        const result = importCsv(project, { kind: kind as CsvKind, path: path.resolve(input), skipBadRows: values['skip-bad-rows'] ?? false, createMissing });
        if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else process.stdout.write(`${describeImport(kind as CsvKind, result)}\n`);
        return;
      }
      if (from === 'document') {
        const documentPath = path.resolve(input);
        const fileName = path.basename(documentPath);
        if (!fs.existsSync(documentPath)) throw localError('FILE_NOT_FOUND', 'cli.documentMissing', { file: fileName });
        const bytes = new Uint8Array(fs.readFileSync(documentPath));
        const progress = process.stderr.isTTY ? (done: number, total: number) => process.stderr.write(`\r${say('readingPages', { file: fileName, done, total })}`) : undefined;
        const extracted = await extractDocument({ fileName, bytes, onProgress: progress });
        if (progress) process.stderr.write('\n');
        await recogniseScanned(extracted, bytes, {
          onProgress: process.stderr.isTTY ? (done, total) => process.stderr.write(`\r${say('recognisingPages', { file: fileName, done, total })}${done === total ? '\n' : ''}`) : undefined,
        });
        const document = storeDocument(project, { fileName, bytes }, extracted, { sourceId: values.source, kind: kind as SourceKind | undefined });
        if (values.json) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
        else print('importedDocument', { file: fileName, pages: document.pageCount, id: document.id });
        return;
      }
      const format = from as 'bibtex' | 'ris' | 'csl-json';
      const preview = previewBibliography(project, { format, path: path.resolve(input) });
      const include = preview.filter((item) => values['keep-duplicates'] || !item.duplicateOf).map((item) => item.index);
      const imported = include.length > 0 ? importBibliography(project, { format, path: path.resolve(input), include, kind: kind as SourceKind | undefined }) : [];
      const skipped = preview.filter((item) => !include.includes(item.index));
      if (values.json) {
        process.stdout.write(`${JSON.stringify({ imported: imported.map((s) => ({ id: s.id, citationKey: s.citationKey, title: s.title })), skipped: skipped.map((s) => ({ title: s.title, duplicateOf: s.duplicateOf?.id })) }, null, 2)}\n`);
        return;
      }
      print('importedSources', { count: imported.length });
      for (const item of skipped) print('skippedDuplicate', { existing: item.duplicateOf?.title ?? '', title: item.title });
    } finally {
      project.close();
    }
  },

  search(args) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, limit: { type: 'string' } }, 2);
    const file = requireFile(positionals);
    const q = positionals[1];
    if (!q) throw new UsageError('giveQuery', { synopsis: 'comparanda search FILE "QUERY"' });
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 1000)) throw new UsageError('limitRange', { option: '--limit' });
    const project = openProject(file, values, true);
    try {
      const result = redactOutput(project.db, 'search results', search(project, { q, limit }));
      if (values.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const marked = (s: string) => s.replaceAll(SNIPPET_OPEN, '[').replaceAll(SNIPPET_CLOSE, ']');
      if (result.total === 0) print('noResults', { query: JSON.stringify(q) });
      for (const group of result.groups) {
        process.stdout.write(`${group.source ? group.source.title : say('otherResults')}\n`);
        for (const hit of group.hits) {
          const where = hit.kind === 'page' ? say('hitPage', { page: hit.page ?? '' }) : say('hitKind', { kind: hit.kind });
          process.stdout.write(`  ${where.padEnd(9)} ${hit.label && hit.kind !== 'source' ? `${hit.label}: ` : ''}${marked(hit.snippet).replace(/\s+/g, ' ')}\n`);
        }
      }
      if (result.bounded.length > 0) {
        print('searchBounded', { limit: SEARCH_CANDIDATES, tables: result.bounded.map((kind) => say('hitKind', { kind })).join(', ') });
      }
    } finally {
      project.close();
    }
  },

  async export(args) {
    // Data tables for spreadsheets (the CSV the import reads) are written here; publication exports by export-command.
    const { values: peek } = parseArgs({
      args,
      options: { data: { type: 'string' }, format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' }, 'passphrase-file': { type: 'string' } },
      strict: false,
      allowPositionals: true,
    });
    const passphrase = { 'passphrase-file': typeof peek['passphrase-file'] === 'string' ? peek['passphrase-file'] : undefined };
    if (peek.data !== undefined) {
      // --language stays among an export's arguments (chooseLanguage); a data table has no words of its own to set.
      const { values, positionals } = parse(args, { data: { type: 'string' }, out: { type: 'string', short: 'o' }, language: { type: 'string' } }, 1);
      const kind = values.data;
      if (!kind || !(CSV_KINDS as readonly string[]).includes(kind)) throw new UsageError('mustBeOneOfList', { option: '--data', allowed: CSV_KINDS.join(', ') });
      const project = openProject(requireFile(positionals), values, true);
      try {
        const { text } = exportCsv(project, { kind: kind as CsvKind });
        guardOutput(project.db, 'data CSV', [text]);
        if (!values.out) {
          process.stdout.write(text);
          return;
        }
        const out = path.resolve(values.out);
        if (fs.existsSync(out)) throw localError('FILE_EXISTS', 'cli.fileExists', { file: path.basename(out) });
        writeFileAtomically(out, text);
        print('wrote', { path: out });
      } finally {
        project.close();
      }
      return;
    }
    if (peek.format === 'qdpx' || peek.format === 'qdc') {
      const { values, positionals } = parse(args, { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' }, language: { type: 'string' } }, 1);
      if (!values.out) throw new UsageError('giveOutFile', { option: `--out FILE.${values.format}` });
      const out = path.resolve(values.out);
      if (!out.toLowerCase().endsWith(`.${values.format}`)) throw new UsageError('fileNameEnds', { extension: `.${values.format}` });
      const project = openProject(requireFile(positionals), values, true);
      try {
        // At a terminal, a large project's export says where it is (one line, rewritten; minutes at the XL size).
        const onProgress =
          values.format === 'qdpx' && process.stderr.isTTY
            ? (done: number, total: number, message: LocalText) => {
                const line = `${formatText(cliLanguage(), textOf(message.id, message.values))} (${done}/${total})`;
                process.stderr.write(`\r\x1b[K${line.slice(0, Math.max(20, (process.stderr.columns ?? 80) - 1))}${done === total ? '\n' : ''}`);
              }
            : undefined;
        const result = values.format === 'qdpx' ? await exportQdpx(project, { out, onProgress }) : await exportQdc(project, { out });
        print('wroteCounts', { path: result.path, counts: countsOf(result.counts) });
      } finally {
        project.close();
      }
      return;
    }
    // ExportUsageError is a UsageError: exit status 2, its sentence in the run's language.
    await runExportCommand(args, (file) => openProject(file, passphrase, true));
  },

  check(args) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } }, 1);
    // The file as it is: an older format is not migrated first, and a schema changed elsewhere is reported, not refused.
    const project = openProject(requireFile(positionals), values, true, true);
    try {
      const report = project.check();
      const fileName = path.basename(project.path);
      if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else {
        if (report.schemaVersion < SCHEMA_VERSION) {
          print('checkOlder', { file: fileName, version: report.schemaVersion, current: SCHEMA_VERSION });
        }
        if (report.ok) print('checkOk', { file: fileName });
        for (const line of report.integrity) print('checkIntegrity', { problem: line });
        for (const fk of report.foreignKeys) print('checkReference', { table: fk.table, row: fk.rowid, parent: fk.parent });
        for (const d of report.schema) print('checkStructure', { type: d.type, name: d.name, change: d.change });
      }
      if (report.schema.length > 0 && report.integrity.length === 0 && report.foreignKeys.length === 0) {
        throw localError('PROJECT_SCHEMA_ALTERED', 'cli.schemaAltered', { file: fileName, count: report.schema.length });
      }
      if (!report.ok) throw localError('PROJECT_CORRUPT', 'cli.projectCorrupt', { file: fileName, count: report.integrity.length + report.foreignKeys.length + report.schema.length });
    } finally {
      project.close();
    }
  },

  encrypt(args) {
    const { values, positionals } = parse(args, { out: { type: 'string', short: 'o' }, 'new-passphrase-file': { type: 'string' } }, 1);
    const file = requireFile(positionals);
    if (!values.out) throw new UsageError('giveEncryptedOut', { option: '--out FILE.comparanda' });
    const passphrase = readPassphrase(values['new-passphrase-file']);
    if (!passphrase) throw new UsageError('newPassphraseFile', { option: '--new-passphrase-file PATH' });
    if (passphrase.length < 10) throw new UsageError('passphraseShort');
    // Read-only: the original is not written at all, not even updated to the current format (the copy is).
    const project = openProject(file, values, true);
    try {
      // The original's format (an older file is read through an updated private copy).
      const from = project.summary().schemaVersion;
      const target = project.encryptCopy(path.resolve(values.out), passphrase);
      if (from < SCHEMA_VERSION) print('wroteEncryptedUpdated', { path: target, format: SCHEMA_VERSION, from });
      else print('wroteEncrypted', { path: target });
    } finally {
      project.close();
    }
  },

  help() {
    process.stdout.write(usage());
  },

  version() {
    print('version', { app: 'comparanda', version: APP_VERSION, format: SCHEMA_VERSION });
  },
};

/**
 * What a command prints for the researcher to read (search results, a summary, an import report) is held until the
 * command ends and printed with identities replaced by pseudonyms (privacy/outputs.ts says which commands).
 */
function collectStdout(): { flush(redact: (text: string) => string): void } {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  return {
    flush(redact) {
      process.stdout.write = write;
      if (chunks.length > 0) write(redact(chunks.splice(0).join('')));
    },
  };
}

/** SQLite's own words for a damaged file become a sentence that says what to do; anything else stays "unexpected". */
function describeUnexpected(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const said = (error as Error).message ?? String(error);
  if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) {
    return say('damaged', { said, check: '"comparanda check FILE"' });
  }
  return say('unexpected', { said });
}

export async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  // Until the arguments are read (a mistake in --language itself), the environment's language.
  let language: Language = environmentLanguage();
  setCliLanguage(language);
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (name === '--version') return run(['version']);
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  // Messages may quote what a project holds: every identity of a project this run opened is redacted from them.
  retainIdentitiesAfterClose();
  const policy = Object.hasOwn(CLI_OUTPUTS, name) ? CLI_OUTPUTS[name as keyof typeof CLI_OUTPUTS] : undefined;
  const shown = policy?.kind === 'redacted' ? collectStdout() : undefined;
  try {
    const chosen = chooseLanguage(name, rest);
    language = chosen.language;
    setCliLanguage(language);
    if (!command) throw new UsageError('unknownCommand', { name, help: '"comparanda help"' });
    if (name === 'export' && (chosen.args.includes('--help') || chosen.args.includes('-h'))) {
      process.stdout.write(`${say('usage', { synopsis: EXPORT_USAGE })}\n${exportHelp()}\n`);
      return 0;
    }
    await command(chosen.args);
    shown?.flush(redactMessage);
    return 0;
  } catch (error) {
    shown?.flush(redactMessage);
    if (error instanceof UsageError) {
      process.stderr.write(`comparanda ${name}: ${errorText(language, error)}\n`);
      return 2;
    }
    const message = error instanceof ApiError ? errorText(language, error) : describeUnexpected(error);
    process.stderr.write(redactMessage(`comparanda ${name}: ${message}\n`));
    if (!(error instanceof ApiError) && process.env.COMPARANDA_DEBUG) process.stderr.write(redactMessage(`${(error as Error).stack ?? ''}\n`));
    return 1;
  } finally {
    for (const lock of heldLocks.splice(0)) lock.release();
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`comparanda: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
