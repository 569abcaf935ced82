/**
 * `comparanda export FILE --what KIND --format FORMAT --out OUT [options]`: publication exports from the command
 * line, so that a paper's tables can be rebuilt from the project. Opens the project read-only; prints one line per
 * file written. Registered as the `export` command by electron/cli/index.ts, which maps `ExportUsageError` to exit
 * status 2 and `ApiError` to 1.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '../contract/errors';
import {
  EXPORT_FORMATS,
  EXPORT_KINDS,
  exportKind,
  exportProject,
  FORMAT_EXTENSIONS,
  playwrightPrinter,
  type ExportFormat,
  type ExportKind,
  type ExportOptions,
  type ExportProgress,
  type MatrixLayout,
  type PageOrientation,
  type PaperSize,
  type TableShape,
} from '../core/export';
import { errorText, formatText } from '../contract/i18n/format';
import { caseList, normList, splitList } from '../core/names';
import { Project } from '../core/project';
import { UsageError } from './common';
import { paragraph } from './help';
import { humanSize } from './reports';
import { cliLanguage, orList, say, type CliKey, type CliValues } from './say';

/** A mistake in how the command was called (exit status 2), as opposed to a failure of the export (ApiError). */
export class ExportUsageError extends UsageError {
  constructor(key: CliKey, values?: CliValues) {
    super(key, values);
    this.name = 'ExportUsageError';
  }
}

export const EXPORT_USAGE = `comparanda export FILE --what matrix|case|appendix|claims|observation|qca --format pdf|docx|tex|csv|xlsx|md --out OUT
    [--norm ID_OR_LABEL]... [--cases A|B]... [--view NAME] [--case NAME] [--claim ID_OR_TEXT] [--layout cases-as-columns|stages-as-columns]
    [--style chicago-note|apa|harvard|PATH.csl] [--locale en-US|en-GB|ru-RU] [--paper a4|letter]
    [--orientation landscape|portrait] [--shape long|wide] [--author TEXT] [--note-marks letters|numbers] [--no-bom]
    [--language en|ru|kk] [--romanise]`;

/** What `export --help` says below the synopsis, in the run's language. */
export function exportHelp(): string {
  return paragraph(
    'helpExportCommand',
    {
      claim: '--claim',
      body: 'OUT-body.tex',
      bib: 'OUT.bib',
      example: '"--cases KAZ,BLR"',
      language: '--language',
      locale: '--locale',
      romanise: '--romanise',
      chromium: 'Chromium',
      variable: 'CHROMIUM_PATH',
      chromiumPath: '/usr/bin/chromium',
    },
    '  ',
  );
}

const OPTIONS = {
  what: { type: 'string', short: 'w' },
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  norm: { type: 'string', short: 'n', multiple: true },
  cases: { type: 'string', multiple: true },
  view: { type: 'string' },
  case: { type: 'string' },
  claim: { type: 'string' },
  layout: { type: 'string' },
  style: { type: 'string' },
  locale: { type: 'string' },
  paper: { type: 'string' },
  orientation: { type: 'string' },
  shape: { type: 'string' },
  author: { type: 'string' },
  'note-marks': { type: 'string' },
  'no-bom': { type: 'boolean' },
  language: { type: 'string' },
  romanise: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'passphrase-file': { type: 'string' },
} as const;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new ExportUsageError('mustBe', { option: `--${name}`, allowed: orList(allowed), value });
  return value as T;
}

function formatFromOut(out: string): ExportFormat | undefined {
  const ext = path.extname(out).toLowerCase();
  return (Object.entries(FORMAT_EXTENSIONS) as [ExportFormat, string][]).find(([, e]) => e === ext)?.[0];
}

/** Parses the arguments into export options and the project file. Throws ExportUsageError for usage mistakes. */
export function parseExportArgs(args: string[]): { file: string; options: ExportOptions; quiet: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'([^' ,]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new ExportUsageError('unknownOption', { option });
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new ExportUsageError(/argument missing/.test(message) ? 'optionNeedsValue' : 'optionTakesNoValue', { option });
    throw new ExportUsageError('unexpected', { said: message.split('\n')[0] ?? message });
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new ExportUsageError('exportGiveFile', { file: 'FILE', synopsis: 'comparanda export FILE --what matrix --format pdf --out OUT' });
  if (positionals.length > 1) throw new ExportUsageError('unexpectedArgument', { argument: positionals[1]! });
  const what = oneOf<ExportKind>('what', values.what, EXPORT_KINDS);
  if (!what) throw new ExportUsageError('exportSayWhat', { option: `--what ${EXPORT_KINDS.join('|')}` });
  if (!values.out) throw new ExportUsageError('exportSayWhere', { option: '--out FILE' });
  const format = oneOf<ExportFormat>('format', values.format, EXPORT_FORMATS) ?? formatFromOut(values.out);
  if (!format) throw new ExportUsageError('exportGiveFormat', { option: `--format ${EXPORT_FORMATS.join('|')}`, out: '--out', extensions: Object.values(FORMAT_EXTENSIONS).join(', ') });
  if (what === 'case' && !values.case) throw new ExportUsageError('exportSayCase', { option: '--case NAME' });
  // Never split on commas: a norm's label holds them ("… (balanced, impartial election commissions)").
  const norms = splitList(values.norm);
  const cases = splitList(values.cases);
  const options: ExportOptions = {
    what,
    format,
    out: path.resolve(values.out),
    norms: norms.length === 0 || norms.some((n) => n.toLowerCase() === 'all') ? undefined : norms,
    cases: cases.length > 0 ? cases : undefined,
    view: values.view,
    case: values.case,
    claim: values.claim,
    layout: oneOf<MatrixLayout>('layout', values.layout, ['cases-as-columns', 'stages-as-columns']),
    style: values.style,
    locale: values.locale,
    paper: oneOf<PaperSize>('paper', values.paper, ['a4', 'letter']),
    orientation: oneOf<PageOrientation>('orientation', values.orientation, ['landscape', 'portrait']),
    shape: oneOf<TableShape>('shape', values.shape, ['long', 'wide']),
    author: values.author,
    noteMarks: oneOf<'letters' | 'numbers'>('note-marks', values['note-marks'], ['letters', 'numbers']),
    ...(values['no-bom'] ? { bom: false } : {}),
    language: oneOf<'en' | 'ru' | 'kk'>('language', values.language, ['en', 'ru', 'kk']),
    ...(values.romanise ? { romanise: true } : {}),
  };
  return { file: positionals[0]!, options, quiet: values.quiet ?? false };
}

/** The `export` command. Writes what it exported to stdout, warnings to stderr. */
export async function runExportCommand(args: string[], open: (file: string) => Project = (file) => Project.open(file, { readonly: true })): Promise<void> {
  const { file, options, quiet } = parseExportArgs(args);
  // Fail on an unavailable kind (and unknown formats for a kind) before opening anything.
  const kind = exportKind(options.what);
  if (kind.unavailable) throw new ApiError('UNSUPPORTED', kind.unavailable);
  const project = open(file);
  try {
    // Names become ids here, by the rule every command shares (core/names.ts); the export then finds them exactly.
    const overview = project.overview();
    options.norms = options.norms ? normList(options.norms, overview.norms) : undefined;
    options.cases = options.cases ? caseList(options.cases, overview.cases) : undefined;
  } catch (error) {
    project.close();
    throw error;
  }
  const printer = options.format === 'pdf' ? playwrightPrinter() : undefined;
  try {
    const progress = process.stderr.isTTY && !quiet ? (p: ExportProgress) => process.stderr.write(`\r\x1b[K${formatText(cliLanguage(), p.text)}…`) : undefined;
    const result = await exportProject(project, { ...options, onProgress: progress }, printer);
    if (progress) process.stderr.write('\r\x1b[K');
    for (const warning of result.warnings) process.stderr.write(`${say('warning', { text: errorText(cliLanguage(), warning) })}\n`);
    if (!quiet) for (const f of result.files) process.stdout.write(`${say('wroteSized', { path: f.path, size: humanSize(f.bytes) })}\n`);
  } finally {
    await printer?.close();
    project.close();
  }
}
