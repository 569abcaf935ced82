/**
 * The `comparanda` command line. Every failure exits non-zero with one line on stderr that names the problem;
 * usage mistakes exit 2, everything else 1.
 */
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ApiError } from '../contract/errors';
import { SCHEMA_VERSION } from '../core/db/schema-version';
import { APP_VERSION, Project } from '../core/project';
import { matrixTables } from '../core/matrix';
import { matrixToCsv, matrixToJson, matrixToMarkdown } from '../core/matrix-format';
import { writeSampleProject } from '../core/sample';

class UsageError extends Error {}

const USAGE = `Usage: comparanda <command> [options]

Commands:
  sample --out FILE          write the bundled sample project (Kazakhstan & Belarus) to FILE
  info FILE [--json]         summarise a project: format version and counts
  matrix FILE --norm NORM [--cases A,B,...] [--view NAME] [--format md|csv|json]
                             print the matrix of a norm (cases x stages) to stdout; --norm all for every norm
  help                       show this help
  version                    print the version

Options may come before or after FILE. Exit status: 0 success, 1 failure, 2 usage error.
`;

type Command = (args: string[]) => void | Promise<void>;

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, positionals: number) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  if (parsed.positionals.length > positionals) {
    throw new UsageError(`Unexpected argument "${parsed.positionals[positionals]}".`);
  }
  return parsed;
}

function requireFile(positionals: string[], what = 'a project FILE'): string {
  const file = positionals[0];
  if (!file) throw new UsageError(`Give ${what}.`);
  return file;
}

const commands: Record<string, Command> = {
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
    const project = Project.open(requireFile(positionals), { readonly: true });
    try {
      const summary = project.summary();
      if (values.json) {
        process.stdout.write(`${JSON.stringify({ schemaVersion: summary.schemaVersion, counts: summary.counts }, null, 2)}\n`);
        return;
      }
      const overview = project.overview();
      const cases = overview.cases.map((c) => (c.role === 'focal' ? `${c.name} (focal)` : c.name)).join(', ');
      const lines = [
        summary.title,
        `  file     ${summary.path}`,
        `  format   ${summary.schemaVersion} (this app reads up to ${SCHEMA_VERSION})`,
        `  cases    ${summary.counts.cases}${cases ? `: ${cases}` : ''}`,
        `  norms    ${summary.counts.norms}${overview.norms.length ? `: ${overview.norms.map((n) => n.shortLabel || n.label).join('; ')}` : ''}`,
        `  stages   ${summary.counts.stages}`,
        `  cells    ${summary.counts.cells}`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    } finally {
      project.close();
    }
  },

  matrix(args) {
    const { values, positionals } = parse(
      args,
      { norm: { type: 'string', short: 'n' }, cases: { type: 'string' }, view: { type: 'string' }, format: { type: 'string', short: 'f', default: 'md' } },
      1,
    );
    const format = values.format ?? 'md';
    if (!['md', 'csv', 'json'].includes(format)) throw new UsageError(`--format must be md, csv or json, not "${format}".`);
    if (!values.norm && !values.view) throw new UsageError('Give the norm with --norm ID_OR_LABEL (or --norm all), or a saved --view.');
    const project = Project.open(requireFile(positionals), { readonly: true });
    try {
      const tables = matrixTables(project, {
        norms: values.norm && values.norm !== 'all' ? [values.norm] : undefined,
        cases: values.cases ? values.cases.split(',').map((c) => c.trim()).filter(Boolean) : undefined,
        view: values.view,
      });
      if (tables.length === 0) throw new ApiError('NOT_FOUND', 'The project has no norms to show.');
      const out = format === 'json' ? `${JSON.stringify(matrixToJson(tables), null, 2)}\n` : format === 'csv' ? matrixToCsv(tables) : matrixToMarkdown(tables);
      process.stdout.write(out);
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

export async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  if (name === '--version') return run(['version']);
  const command = commands[name];
  try {
    if (!command) throw new UsageError(`Unknown command "${name}". Run "comparanda help" for the list.`);
    await command(rest);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`comparanda ${name}: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof ApiError ? error.message : `unexpected error: ${(error as Error).message ?? String(error)}`;
    process.stderr.write(`comparanda ${name}: ${message}\n`);
    if (!(error instanceof ApiError) && process.env.COMPARANDA_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return 1;
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
