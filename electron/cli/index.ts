/**
 * The `comparanda` command line. Every failure exits non-zero with one line on stderr that names the problem;
 * usage mistakes exit 2, everything else 1.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import fs from 'node:fs';

import { CSV_KINDS, SEARCH_CANDIDATES, SNIPPET_CLOSE, SNIPPET_OPEN, SOURCE_KINDS, type CsvKind, type SourceKind } from '../contract/api';
import { ApiError } from '../contract/errors';
import { errorText } from '../contract/i18n/format';
import type { Language } from '../contract/i18n/languages';
import { Backups } from '../core/backups';
import { SCHEMA_VERSION } from '../core/db/schema-version';
import { writeFileAtomically } from '../core/db/temp-files';
import { guardOutput, redactMessage, redactOutput, retainIdentitiesAfterClose } from '../core/privacy/gate';
import { CLI_OUTPUTS } from '../core/privacy/outputs';
import { defaultUserDataDir } from '../core/paths';
import { APP_VERSION } from '../core/project';
import { describeImport, exportCsv, importCsv, previewCsv } from '../core/csv-data';
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
import { EXPORT_USAGE, ExportUsageError, runExportCommand } from './export-command';
import { QCA_USAGE, qcaCommand } from './qca-commands';
import { STRUCTURE_USAGE, structureCommands } from './structure-commands';
import { chooseLanguage } from './language';
import { TEAM_USAGE, teamCommands } from './team-commands';


const USAGE = `Usage: comparanda <command> [options]

Commands:
  sample --out FILE          write the bundled sample project (Kazakhstan & Belarus) to FILE
${STRUCTURE_USAGE}  info FILE [--json]         summarise a project: format version and counts
  matrix FILE --norm NORM [--norm NORM]... [--cases A|B]... [--view NAME] [--format md|csv|json]
                             print the matrix of a norm (cases x stages) to stdout; --norm all for every norm
  import FILE --from csv --kind elections|missions|claims|indicators|regional|cases|cells PATH [--dry-run] [--skip-bad-rows] [--create-missing]
                             import bulk data from a spreadsheet (headers in the README); one transaction.
                             Columns the file lacks are left as they are; UTF-8, UTF-16, Windows-1252/1251,
                             comma or semicolon. --dry-run prints what would change and every bad line, writing
                             nothing; --create-missing adds organisations (and, for cases, attributes) the project
                             does not have yet
  import FILE --from qdpx|qdc PATH [--json]
                             import a REFI-QDA project or codebook (NVivo, MAXQDA, ATLAS.ti, QualCoder)
  import FILE --from bibtex|ris|csl-json PATH [--keep-duplicates] [--kind KIND]
                             import sources from a Zotero export (duplicates are skipped unless kept)
  import FILE --from document PATH [--source ID] [--kind KIND]
                             import a PDF, DOCX, TXT, Markdown or HTML file (text page by page + the original)
  search FILE QUERY [--json] [--limit N]
                             full-text search of documents, excerpts, cell summaries, memos, claims,
                             elections, missions, sources' details and codes
  export FILE --what matrix|claims|observation|case|appendix --format pdf|docx|tex|csv|xlsx|md --out OUT [options]
                             a publication export with citations (see "comparanda export --help")
  export FILE --format qdpx|qdc --out OUT
                             the project (or its codebook) in the REFI-QDA exchange format
  export FILE --data elections|missions|claims|indicators|regional|cases|cells [--out OUT.csv]
                             a data table as CSV, in the form "import --from csv" reads
  check FILE [--json]        integrity and reference checks; exits 1 when there are problems
${QCA_USAGE}  encrypt FILE --out NEW --new-passphrase-file PATH
                             write an encrypted copy of a plain project
${TEAM_USAGE}  help                       show this help
  version                    print the version

Every command that reads a project takes --passphrase-file PATH for an encrypted one.
A case, norm or framework is named by its exact ISO code, name or (short) label first, then by a unique prefix
(or word prefix); an ambiguous name is an error that lists the candidates. Several norms or cases: repeat the
flag, or separate them with "|" (never a comma: labels hold commas; "--cases KAZ,BLR" still works).
Options may come before or after FILE. Exit status: 0 success, 1 failure, 2 usage error.
`;

/** The format line of `info` and `check`: an older format or a private copy is said in words. */
function describeFormat(summary: { schemaVersion: number; encrypted: boolean; readonlyReason?: string | undefined }): string {
  const older = summary.schemaVersion < SCHEMA_VERSION;
  const parts = [older ? `${summary.schemaVersion}, older than this app's ${SCHEMA_VERSION}` : `${summary.schemaVersion} (this app reads up to ${SCHEMA_VERSION})`];
  if (summary.encrypted) parts.push('encrypted');
  if (summary.readonlyReason === 'read-only-storage') parts.push('on a read-only drive, folder or file: read through a private temporary copy');
  if (older) parts.push('shown as updated in a private copy (the file is unchanged); opening it for editing updates it, after a backup');
  return parts.join(', ');
}

const commands: Record<string, Command> = {
  ...structureCommands,
  ...teamCommands,
  qca: qcaCommand,
  sample(args) {
    const { values } = parse(args, { out: { type: 'string', short: 'o' } }, 0);
    if (!values.out) throw new UsageError('Give the file to write with --out FILE.comparanda.');
    const out = path.resolve(values.out);
    if (!out.toLowerCase().endsWith('.comparanda')) throw new UsageError('The sample file name must end in .comparanda.');
    writeSampleProject(out);
    process.stdout.write(`Wrote the sample project to ${out}\n`);
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
      const cases = overview.cases.map((c) => (c.role === 'focal' ? `${c.name} (focal)` : c.name)).join(', ');
      const lines = [
        summary.title,
        `  file     ${summary.path}`,
        `  format   ${describeFormat(summary)}`,
        `  cases    ${summary.counts.cases}${cases ? `: ${cases}` : ''}`,
        `  norms    ${summary.counts.norms}${overview.norms.length ? `: ${overview.norms.map((n) => n.shortLabel || n.label).join('; ')}` : ''}`,
        `  stages   ${summary.counts.stages}`,
        `  cells    ${summary.counts.cells}`,
        `  evidence ${summary.counts.sources} sources, ${summary.counts.documents} documents, ${summary.counts.excerpts} excerpts, ${summary.counts.participants} participants`,
        `  coding   ${summary.counts.codes} codes, ${summary.counts.codings} codings, ${summary.counts.memos} memos`,
        `  record   ${summary.counts.elections} elections, ${summary.counts.missions} missions, ${summary.counts.claims} claims, ${summary.counts.regionalNorms} regional norms, ${summary.counts.indicators} indicator values`,
        `  backups  ${backups}`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
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
    if (!['md', 'csv', 'json'].includes(format)) throw new UsageError(`--format must be md, csv or json, not "${format}".`);
    if (!values.norm?.length && !values.view) throw new UsageError('Give the norm with --norm ID_OR_LABEL (or --norm all), or a saved --view.');
    const project = openProject(requireFile(positionals), values, true);
    try {
      const overview = project.overview();
      const tables = matrixTables(project, {
        norms: normList(values.norm, overview.norms),
        cases: values.cases ? caseList(values.cases, overview.cases) : undefined,
        view: values.view,
      });
      if (tables.length === 0) throw new ApiError('NOT_FOUND', 'The project has no norms to show.');
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
    if (!input) throw new UsageError('Give the file to import after the project: comparanda import FILE --from FORMAT PATH.');
    const from = values.from;
    if (!from || !['bibtex', 'ris', 'csl-json', 'document', 'csv', 'qdpx', 'qdc'].includes(from)) throw new UsageError('--from must be csv, bibtex, ris, csl-json, document, qdpx or qdc.');
    const kind = values.kind;
    if (from === 'csv') {
      if (!kind || !(CSV_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--from csv needs --kind ${CSV_KINDS.join('|')}.`);
    } else if (kind !== undefined && !(SOURCE_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of: ${SOURCE_KINDS.join(', ')}.`);
    const project = openForWriting(file, values);
    try {
      if (from === 'qdpx' || from === 'qdc') {
        const { report } = from === 'qdpx' ? await importQdpx(project, { path: path.resolve(input) }) : await importQdc(project, { path: path.resolve(input) });
        if (values.json) {
          process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          return;
        }
        const counts = Object.entries(report.imported)
          .filter(([, n]) => n > 0)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ');
        process.stdout.write(`Imported from ${path.basename(input)}${report.origin ? ` (made by ${report.origin})` : ''}: ${counts || 'nothing new'}.\n`);
        for (const item of report.skipped) process.stdout.write(`Skipped ${item.kind} "${item.name}": ${item.message}\n`);
        return;
      }
      if (from === 'csv') {
        const createMissing = values['create-missing'] ?? false;
        if (values['dry-run']) {
          const preview = previewCsv(project, { kind: kind as CsvKind, path: path.resolve(input), createMissing });
          if (values.json) process.stdout.write(`${JSON.stringify(preview, null, 2)}\n`);
          else process.stdout.write(`Dry run: nothing was written.\n${describeImport(kind as CsvKind, { ...preview, skipped: preview.problems }, true)}\n`);
          // Exit 1 when the import itself would be refused, so a script can check a file before importing it.
          const bad = preview.problems.length;
          if (bad > 0 && !values['skip-bad-rows']) {
            throw new ApiError('VALIDATION_FAILED', `${bad} bad row${bad === 1 ? '' : 's'} (listed above): importing this file would be refused. Fix ${bad === 1 ? 'it' : 'them'}, or import with --skip-bad-rows.`);
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
        if (!fs.existsSync(documentPath)) throw new ApiError('FILE_NOT_FOUND', `"${fileName}" does not exist.`);
        const bytes = new Uint8Array(fs.readFileSync(documentPath));
        const progress = process.stderr.isTTY ? (done: number, total: number) => process.stderr.write(`\rReading ${fileName}: page ${done} of ${total}`) : undefined;
        const extracted = await extractDocument({ fileName, bytes, onProgress: progress });
        if (progress) process.stderr.write('\n');
        await recogniseScanned(extracted, bytes, {
          onProgress: process.stderr.isTTY ? (done, total) => process.stderr.write(`\rRecognising ${fileName}: scanned page ${done} of ${total}${done === total ? '\n' : ''}`) : undefined,
        });
        const document = storeDocument(project, { fileName, bytes }, extracted, { sourceId: values.source, kind: kind as SourceKind | undefined });
        if (values.json) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
        else process.stdout.write(`Imported ${fileName}: ${document.pageCount} page${document.pageCount === 1 ? '' : 's'} (document ${document.id}).\n`);
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
      process.stdout.write(`Imported ${imported.length} source${imported.length === 1 ? '' : 's'}.\n`);
      for (const item of skipped) process.stdout.write(`Skipped a duplicate of "${item.duplicateOf?.title}": ${item.title}\n`);
    } finally {
      project.close();
    }
  },

  search(args) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, limit: { type: 'string' } }, 2);
    const file = requireFile(positionals);
    const q = positionals[1];
    if (!q) throw new UsageError('Give what to search for: comparanda search FILE "QUERY".');
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 1000)) throw new UsageError('--limit must be a whole number from 1 to 1000.');
    const project = openProject(file, values, true);
    try {
      const result = redactOutput(project.db, 'search results', search(project, { q, limit }));
      if (values.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const marked = (s: string) => s.replaceAll(SNIPPET_OPEN, '[').replaceAll(SNIPPET_CLOSE, ']');
      if (result.total === 0) process.stdout.write(`No results for ${JSON.stringify(q)}.\n`);
      for (const group of result.groups) {
        process.stdout.write(`${group.source ? group.source.title : 'Cells, memos and records'}\n`);
        for (const hit of group.hits) {
          const where = hit.kind === 'page' ? `p. ${hit.page}` : hit.kind;
          process.stdout.write(`  ${where.padEnd(9)} ${hit.label && hit.kind !== 'source' ? `${hit.label}: ` : ''}${marked(hit.snippet).replace(/\s+/g, ' ')}\n`);
        }
      }
      if (result.bounded.length > 0) {
        process.stdout.write(`Found in more than ${SEARCH_CANDIDATES} ${result.bounded.join(', ')} rows: these are the best matches among the first ${SEARCH_CANDIDATES} of each. Add a word to narrow the search.\n`);
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
      const { values, positionals } = parse(args, { data: { type: 'string' }, out: { type: 'string', short: 'o' } }, 1);
      const kind = values.data;
      if (!kind || !(CSV_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--data must be one of ${CSV_KINDS.join(', ')}.`);
      const project = openProject(requireFile(positionals), values, true);
      try {
        const { text } = exportCsv(project, { kind: kind as CsvKind });
        guardOutput(project.db, 'data CSV', [text]);
        if (!values.out) {
          process.stdout.write(text);
          return;
        }
        const out = path.resolve(values.out);
        if (fs.existsSync(out)) throw new ApiError('FILE_EXISTS', `"${path.basename(out)}" already exists. Choose another name.`);
        writeFileAtomically(out, text);
        process.stdout.write(`Wrote ${out}\n`);
      } finally {
        project.close();
      }
      return;
    }
    if (peek.format === 'qdpx' || peek.format === 'qdc') {
      const { values, positionals } = parse(args, { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' } }, 1);
      if (!values.out) throw new UsageError(`Give the file to write with --out FILE.${values.format}.`);
      const out = path.resolve(values.out);
      if (!out.toLowerCase().endsWith(`.${values.format}`)) throw new UsageError(`The file name must end in .${values.format}.`);
      const project = openProject(requireFile(positionals), values, true);
      try {
        const result = values.format === 'qdpx' ? await exportQdpx(project, { out }) : await exportQdc(project, { out });
        const counts = Object.entries(result.counts)
          .filter(([, n]) => n > 0)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ');
        process.stdout.write(`Wrote ${result.path} (${counts}).\n`);
      } finally {
        project.close();
      }
      return;
    }
    try {
      await runExportCommand(args, (file) => openProject(file, passphrase, true));
    } catch (error) {
      if (error instanceof ExportUsageError) throw new UsageError(error.message);
      throw error;
    }
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
          process.stdout.write(`${fileName} is in project format ${report.schemaVersion}, older than this app's ${SCHEMA_VERSION}: opening it for editing updates it, after a backup.\n`);
        }
        if (report.ok) process.stdout.write(`${fileName}: no problems found (integrity, references and structure checked).\n`);
        for (const line of report.integrity) process.stdout.write(`integrity: ${line}\n`);
        for (const fk of report.foreignKeys) process.stdout.write(`broken reference: ${fk.table} row ${fk.rowid} -> ${fk.parent}\n`);
        for (const d of report.schema) {
          const what = d.change === 'added' ? 'not made by Comparanda' : d.change === 'missing' ? 'missing' : 'changed from what Comparanda made';
          process.stdout.write(`structure: ${d.type} ${d.name} is ${what}\n`);
        }
      }
      if (report.schema.length > 0 && report.integrity.length === 0 && report.foreignKeys.length === 0) {
        throw new ApiError(
          'PROJECT_SCHEMA_ALTERED',
          `${fileName} was changed outside Comparanda: ${report.schema.length} object(s) of its structure differ (see the list above). Restore it from a backup; Comparanda will not open it as it is.`,
        );
      }
      if (!report.ok) throw new ApiError('PROJECT_CORRUPT', `${fileName} has ${report.integrity.length + report.foreignKeys.length + report.schema.length} problem(s); restore a backup (see the list above).`);
    } finally {
      project.close();
    }
  },

  encrypt(args) {
    const { values, positionals } = parse(args, { out: { type: 'string', short: 'o' }, 'new-passphrase-file': { type: 'string' } }, 1);
    const file = requireFile(positionals);
    if (!values.out) throw new UsageError('Give the encrypted file to write with --out FILE.comparanda.');
    const passphrase = readPassphrase(values['new-passphrase-file']);
    if (!passphrase) throw new UsageError('Give the new passphrase in a file with --new-passphrase-file PATH (never on the command line).');
    if (passphrase.length < 10) throw new UsageError('Use a passphrase of at least 10 characters (several words are best).');
    // Read-only: the original is not written at all, not even updated to the current format (the copy is).
    const project = openProject(file, values, true);
    try {
      // The original's format (an older file is read through an updated private copy).
      const from = project.summary().schemaVersion;
      const target = project.encryptCopy(path.resolve(values.out), passphrase);
      const updated = from < SCHEMA_VERSION ? ` (in project format ${SCHEMA_VERSION}; the original's format ${from} is updated in the copy only)` : '';
      process.stdout.write(`Wrote an encrypted copy to ${target}${updated}. The original is unchanged: delete it securely once you have checked the copy.\n`);
    } finally {
      project.close();
    }
  },

  help() {
    process.stdout.write(USAGE);
  },

  version() {
    process.stdout.write(`comparanda ${APP_VERSION} (project format ${SCHEMA_VERSION})\n`);
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
    return `the project file is damaged (SQLite says: ${said}). Restore it from a backup; "comparanda check FILE" lists what is damaged.`;
  }
  return `unexpected error: ${said}`;
}

export async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  if (name === '--version') return run(['version']);
  if (name === 'export' && (rest.includes('--help') || rest.includes('-h'))) {
    process.stdout.write(`Usage: ${EXPORT_USAGE}\n`);
    return 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  let language: Language = 'en';
  // Messages may quote what a project holds: every identity of a project this run opened is redacted from them.
  retainIdentitiesAfterClose();
  const policy = Object.hasOwn(CLI_OUTPUTS, name) ? CLI_OUTPUTS[name as keyof typeof CLI_OUTPUTS] : undefined;
  const shown = policy?.kind === 'redacted' ? collectStdout() : undefined;
  try {
    if (!command) throw new UsageError(`Unknown command "${name}". Run "comparanda help" for the list.`);
    const chosen = chooseLanguage(name, rest);
    language = chosen.language;
    await command(chosen.args);
    shown?.flush(redactMessage);
    return 0;
  } catch (error) {
    shown?.flush(redactMessage);
    if (error instanceof UsageError) {
      process.stderr.write(`comparanda ${name}: ${error.message}\n`);
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
