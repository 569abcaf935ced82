/**
 * `comparanda qca minimize|truth-table|necessity`: Qualitative Comparative Analysis for scripts, on a CSV of
 * membership scores (`--data`) or on the conditions a project defines. Terms are printed in the R package's notation
 * (DEV*~IND, DEV[2]) so that a script can compare them with what QCA::minimize() prints.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from '../core/db/temp-files';
import { allSolutions, minimize, necessityTable, parseDirectionalExpectations } from '../core/qca/analysis';
import { exportForR } from '../core/qca/r-export';
import { prepareData, readMembershipCsv, type MembershipTable } from '../core/qca/data';
import type { Solution } from '../core/qca/minimize';
import { projectMembershipTable } from '../core/qca/project';
import { guardOutput } from '../core/privacy/gate';
import type { QcaData } from '../core/qca/sets';
import { truthTable, type TruthTable, type TruthTableOptions } from '../core/qca/truth-table';
import { openProject, parse, UsageError, type Command } from './common';
import type { HelpEntry } from './help';
import { say } from './say';
import { localError } from '../contract/i18n/format';

export const QCA_HELP: HelpEntry[] = [
  {
    synopsis: ['qca minimize (--data CSV | FILE) --outcome Y [--conditions A,B,...] [--incl-cut 0.8[,0.6]] [--n-cut 1]', '[--pri-cut 0] [--include "?"] [--dir-exp "A,~B"] [--json]'],
    description: 'helpQcaMinimize',
    values: { include: '--include', includeRemainders: '--include "?"', dirExp: '--dir-exp' },
  },
  { synopsis: ['qca truth-table (--data CSV | FILE) --outcome Y [--conditions ...] [--incl-cut ...] [--n-cut N] [--json]'], description: 'helpQcaTruthTable' },
  { synopsis: ['qca necessity (--data CSV | FILE) --outcome Y [--conditions ...] [--json]'], description: 'helpQcaNecessity' },
  {
    synopsis: ['qca export (--data CSV | FILE) --outcome Y [--conditions ...] [--incl-cut ...] [--n-cut N] [--dir-exp ...] --out DIR'],
    description: 'helpQcaExport',
    values: { rData: 'qca-data.csv', fsqca: 'fsQCA', fsqcaData: 'qca-data-fsqca.csv', script: 'qca-solutions.R' },
  },
  { synopsis: [], description: 'helpQcaData', values: { data: '--data', file: 'FILE' } },
];

const OPTIONS = {
  data: { type: 'string' },
  outcome: { type: 'string' },
  conditions: { type: 'string' },
  'incl-cut': { type: 'string' },
  'n-cut': { type: 'string' },
  'pri-cut': { type: 'string' },
  include: { type: 'string' },
  'dir-exp': { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string', short: 'o' },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string } & { 'passphrase-file'?: string };

/** `rule` names the sentence that says what the flag takes (cli.qcaNumber). */
function number(flag: string, text: string | undefined, check: (n: number) => boolean, rule: 'cut' | 'cases' | 'share'): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || !check(n)) throw new UsageError('qcaNumber', { option: `--${flag}`, rule, value: text });
  return n;
}

function tableOptions(values: Values): TruthTableOptions {
  const incl = values['incl-cut']?.split(',').map((s) => number('incl-cut', s.trim(), (n) => n >= 0 && n <= 1, 'cut')!);
  if (incl && (incl.length > 2 || (incl.length === 2 && incl[1]! > incl[0]!))) throw new UsageError('inclCutTwo', { option: '--incl-cut' });
  return {
    inclCut: incl ? (incl.length === 2 ? [incl[0]!, incl[1]!] : incl[0]) : undefined,
    nCut: number('n-cut', values['n-cut'], (n) => Number.isInteger(n) && n >= 1, 'cases'),
    priCut: number('pri-cut', values['pri-cut'], (n) => n >= 0 && n <= 1, 'share'),
  };
}

/** The data of either form, and the project (for the privacy check of what is printed) when there is one. */
function load(values: Values, positionals: string[], run: (data: QcaData, check: (text: string) => void) => void): void {
  if (!values.outcome) throw new UsageError('nameOutcome', { option: '--outcome Y', negated: '--outcome "~Y"' });
  const conditions = values.conditions?.split(',').map((s) => s.trim()).filter(Boolean);
  if (values.data !== undefined) {
    if (positionals.length > 0) throw new UsageError('dataOrFile', { data: '--data CSV', file: 'FILE' });
    const table: MembershipTable = readMembershipCsv(path.resolve(values.data));
    run(prepareData(table, values.outcome, conditions), () => undefined);
    return;
  }
  const file = positionals[0];
  if (!file) throw new UsageError('giveScores', { data: '--data CSV', file: 'FILE' });
  const project = openProject(file, values, true);
  try {
    const table = projectMembershipTable(project, conditions, values.outcome.replace(/^~/, ''));
    run(prepareData(table, values.outcome, conditions), (text) => guardOutput(project.db, 'QCA result', [text]));
  } finally {
    project.close();
  }
}

const r3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
const f3 = (x: number | null) => (x === null ? '  -  ' : x.toFixed(3));

function truthTableJson(tt: TruthTable) {
  return {
    conditions: tt.conditions,
    outcome: tt.outcome,
    options: tt.options,
    rows: tt.rows.map((r) => ({ row: r.id, values: r.values, OUT: r.out, n: r.n, incl: r3(r.incl), PRI: r3(r.PRI), cases: r.cases })),
    remainders: tt.remainders,
    unassigned: tt.unassigned,
  };
}

function solutionJson(s: Solution) {
  const terms: Record<string, { inclS: number | null; PRI: number | null; covS: number | null; covU: number | null; cases: string[][] }> = {};
  for (const m of s.models) for (const [name, f] of Object.entries(m.termFits)) terms[name] = { inclS: r3(f.inclS), PRI: r3(f.PRI), covS: r3(f.covS), covU: r3(f.covU), cases: f.cases };
  return {
    kind: s.kind,
    ...(s.from ? { from: s.from } : {}),
    solutions: s.models.map((m) => m.terms),
    terms,
    models: s.models.map((m) => ({ terms: m.terms, inclS: r3(m.fit.inclS), PRI: r3(m.fit.PRI), covS: r3(m.fit.covS), covU: Object.fromEntries(m.terms.map((t) => [t, r3(m.termFits[t]!.covU)])) })),
    truncated: s.truncated,
    ...(s.simplifyingAssumptions ? { simplifyingAssumptions: s.simplifyingAssumptions } : {}),
    ...(s.easyCounterfactuals ? { easyCounterfactuals: s.easyCounterfactuals, difficultCounterfactuals: s.difficultCounterfactuals } : {}),
  };
}

function printTruthTable(tt: TruthTable): string {
  const width = Math.max(...tt.conditions.map((c) => c.length), 3);
  const head = `${'row'.padStart(6)}  ${tt.conditions.map((c) => c.padStart(width)).join(' ')}  OUT   n   incl   PRI   cases`;
  const lines = tt.rows.map((r) => `${String(r.id).padStart(6)}  ${r.values.map((v) => String(v).padStart(width)).join(' ')}   ${r.out}  ${String(r.n).padStart(3)}  ${f3(r.incl)} ${f3(r.PRI)}  ${r.cases.join(',')}`);
  const o = tt.options;
  return [
    say('truthTableOf', { outcome: tt.outcome, incl: o.inclCut[0], contradiction: o.inclCut[1] < o.inclCut[0] ? say('contradictionFrom', { cut: o.inclCut[1] }) : '', n: o.nCut, pri: o.priCut }),
    head,
    ...lines,
    say('remainders', { remainders: tt.remainders, total: tt.totalRows, unassigned: tt.unassigned.length ? say('inNoRow', { cases: tt.unassigned.join(', ') }) : '' }),
  ].join('\n');
}

function printSolution(s: Solution, outcome: string): string {
  const out: string[] = [say('solution', { kind: s.kind, from: s.from ? say('solutionFrom', { from: s.from }) : '' })];
  s.models.forEach((m, i) => {
    out.push(`M${i + 1}: ${m.terms.join(' + ')} -> ${outcome}`);
    const width = Math.max(...m.terms.map((t) => t.length), 4);
    out.push(`    ${''.padEnd(width)}  inclS   PRI    covS   covU   cases`);
    for (const t of m.terms) {
      const f = m.termFits[t]!;
      out.push(`    ${t.padEnd(width)}  ${f3(f.inclS)}  ${f3(f.PRI)}  ${f3(f.covS)}  ${f3(f.covU)}  ${f.cases.map((c) => c.join(',')).join('; ')}`);
    }
    out.push(`    ${`M${i + 1}`.padEnd(width)}  ${f3(m.fit.inclS)}  ${f3(m.fit.PRI)}  ${f3(m.fit.covS)}`);
  });
  if (s.truncated) out.push(say('moreModels', { count: s.models.length }));
  if (s.simplifyingAssumptions) out.push(say('simplifying', { count: s.simplifyingAssumptions.count }));
  if (s.easyCounterfactuals) out.push(say('counterfactuals', { easy: s.easyCounterfactuals.count, difficult: s.difficultCounterfactuals?.count ?? 0 }));
  return out.join('\n');
}

function write(text: string, check: (text: string) => void): void {
  check(text);
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

const handlers: Record<string, Command> = {
  export(args) {
    const { values, positionals } = parse(args, OPTIONS, 1);
    if (!values.out) throw new UsageError('giveOutDir', { option: '--out DIR' });
    const dir = path.resolve(values.out);
    load(values, positionals, (data, check) => {
      const options = tableOptions(values);
      const dirExp = values['dir-exp'] ? parseDirectionalExpectations(values['dir-exp'], data) : undefined;
      const all = allSolutions(data, options, dirExp);
      const models = (s: Solution | undefined) => s?.models.map((m) => m.terms);
      const files = exportForR(data, { ...options, dirExp, expected: { conservative: models(all.conservative), parsimonious: models(all.parsimonious), intermediate: models(all.intermediate[0]) } });
      const targets: [string, string][] = [
        ['qca-data.csv', files.csv],
        ['qca-data-fsqca.csv', files.fsqcaCsv],
        ['qca-solutions.R', files.script],
      ];
      for (const [, text] of targets) check(text);
      fs.mkdirSync(dir, { recursive: true });
      for (const [name] of targets) if (fs.existsSync(path.join(dir, name))) throw localError('FILE_EXISTS', 'cli.fileExistsIn', { file: name, folder: dir });
      for (const [name, text] of targets) writeFileAtomically(path.join(dir, name), text);
      process.stdout.write(`${say('wroteFilesTo', { files: targets.map(([n]) => n).join(', '), folder: dir })}\n`);
    });
  },

  minimize(args) {
    const { values, positionals } = parse(args, OPTIONS, 1);
    if (values.include !== undefined && values.include !== '?' && values.include !== '') throw new UsageError('includeTakes', { option: '--include' });
    load(values, positionals, (data, check) => {
      const dirExp = values['dir-exp'] ? parseDirectionalExpectations(values['dir-exp'], data) : undefined;
      const result = minimize(data, { ...tableOptions(values), include: values.include === '?' ? '?' : '', dirExp });
      if (values.json) {
        const [first, ...more] = result.solutions.map(solutionJson);
        write(JSON.stringify(more.length ? { ...first, intermediate: [first, ...more] } : first, null, 2), check);
      } else write(result.solutions.map((s) => printSolution(s, data.outcome)).join('\n\n'), check);
    });
  },

  'truth-table'(args) {
    const { values, positionals } = parse(args, OPTIONS, 1);
    load(values, positionals, (data, check) => {
      const tt = truthTable(data, tableOptions(values));
      write(values.json ? JSON.stringify(truthTableJson(tt), null, 2) : printTruthTable(tt), check);
    });
  },

  necessity(args) {
    const { values, positionals } = parse(args, OPTIONS, 1);
    load(values, positionals, (data, check) => {
      const rows = necessityTable(data).map((r) => ({ condition: r.condition, inclN: r3(r.inclN)!, RoN: r3(r.RoN)!, covN: r3(r.covN)! }));
      if (values.json) return write(JSON.stringify({ outcome: data.outcome, necessity: rows }, null, 2), check);
      const condition = say('conditionColumn');
      const width = Math.max(...rows.map((r) => r.condition.length), condition.length);
      write([say('necessityFor', { outcome: data.outcome }), `  ${condition.padEnd(width)}  inclN   RoN    covN`, ...rows.map((r) => `  ${r.condition.padEnd(width)}  ${f3(r.inclN)}  ${f3(r.RoN)}  ${f3(r.covN)}`)].join('\n'), check);
    });
  },
};

export const qcaCommand: Command = (args) => {
  const [sub, ...rest] = args;
  const handler = sub && Object.hasOwn(handlers, sub) ? handlers[sub] : undefined;
  if (!handler) throw new UsageError('sayWhatToDo', { synopsis: 'comparanda qca minimize|truth-table|necessity|export ...' });
  return handler(rest);
};
