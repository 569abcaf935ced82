/**
 * The QCA export: the calibrated memberships, the analysis of necessity, the truth table and the conservative,
 * parsimonious and (with directional expectations) intermediate solutions of one definition, each table with the
 * standard parameters in its notes (cuts, remainders, fit measures), as the QCA literature reports them. The
 * definition is the request's, or by default the project's outcome set and all its condition sets at an inclusion
 * cut of 1.
 */
import type { QcaExportDefinition } from '../../contract/qca';
import { localError } from '../../contract/i18n/format';
import { necessityTable } from '../qca/analysis';
import { analysisData, tableOptions } from '../qca/api';
import type { Calibration } from '../qca/calibrate';
import { conservative, intermediate, parsimonious, type Solution } from '../qca/minimize';
import { listSets, projectMembershipTable } from '../qca/project';
import { truthTable, type TruthTable } from '../qca/truth-table';
import type { Draft } from './build-documents';
import { text, type Inline } from './inline';
import { decimal, fit3, qcaWords, type QcaWords } from './i18n/qca-words';
import type { ExportLanguage } from './i18n/messages';
import type { Block, BuildContext, CellModel, RowModel, SheetModel, SheetValue, TableModel } from './model';

function definitionOf(ctx: BuildContext): QcaExportDefinition {
  const given = ctx.options.qca;
  if (given) return given;
  const sets = listSets(ctx.project);
  const outcome = sets.find((s) => s.role === 'outcome');
  if (!outcome) throw localError('VALIDATION_FAILED', 'errorsExport.noQcaOutcome');
  const conditions = sets.filter((s) => s.role === 'condition').map((s) => s.name);
  if (conditions.length === 0) throw localError('VALIDATION_FAILED', 'errorsExport.noQcaConditions');
  return { outcome: outcome.name, conditions };
}

function calibrationWords(w: QcaWords, language: ExportLanguage, c: Calibration): string {
  const list = (xs: number[]) => xs.map((x) => decimal(language, x)).join('; ');
  switch (c.method) {
    case 'crisp':
      return c.thresholds.length === 1 ? w.calibration.crisp(list(c.thresholds)) : w.calibration.multi(list(c.thresholds));
    case 'fuzzy':
      return w.calibration.fuzzy(decimal(language, c.exclusion), decimal(language, c.crossover), decimal(language, c.inclusion));
    case 'direct':
      return w.calibration.direct;
    case 'manual':
      return w.calibration.manual;
  }
}

const cell = (value: string, options: Partial<CellModel> = {}): CellModel => ({ content: [text(value)], ...options });
const num = (value: string): CellModel => cell(value, { align: 'right' });
const label = (value: string): Inline => text(value, { italic: true });

function solutionsOf(definition: QcaExportDefinition, data: Parameters<typeof conservative>[0], tt: TruthTable): Solution[] {
  const cons = conservative(data, tt);
  const pars = parsimonious(data, tt);
  const dirExp = definition.dirExp ?? {};
  return [cons, pars, ...(Object.keys(dirExp).length ? intermediate(data, tt, dirExp, cons, pars) : [])];
}

export function buildQca(ctx: BuildContext): Draft {
  const language = ctx.m.language;
  const w = qcaWords(language);
  const f = (x: number | null) => fit3(language, x);
  const definition = definitionOf(ctx);
  const data = analysisData(ctx.project, definition);
  const tt = truthTable(data, tableOptions(definition));
  const solutions = solutionsOf(definition, data, tt);
  const outcomeName = definition.outcome.replace(/^~/, '');
  const sets = listSets(ctx.project);
  const members = projectMembershipTable(ctx.project, definition.conditions, outcomeName);
  const shown = [...definition.conditions, outcomeName];
  let number = 0;
  const blocks: Block[] = [
    { type: 'title', text: w.title, subtitle: w.subtitle(ctx.project.title) },
    { type: 'paragraph', content: [text(w.intro(data.outcome, data.conditions.join(', '), data.cases.length))] },
  ];
  const table = (caption: string, columns: TableModel['columns'], rows: RowModel[], notes: Inline[][]) => {
    blocks.push({ type: 'table', table: { number: ++number, caption, columns, rows, fit: 'content' } }, { type: 'tableNotes', legend: null, paragraphs: notes });
  };

  table(
    w.membershipsCaption,
    [{ label: w.case, width: 18 }, ...shown.map((name) => ({ label: name, width: 8 }))],
    members.cases.map((name, c) => ({ cells: [cell(name, { header: true }), ...shown.map((s) => num(decimal(language, Math.round(members.columns[s]![c]! * 1000) / 1000)))] })),
    [
      [
        label(w.setsNoteLabel),
        text(
          shown
            .map((name) => {
              const set = sets.find((s) => s.name === name)!;
              const role = name === outcomeName ? w.roleOutcome : w.roleCondition;
              const definitionText = set.definition.trim() ? ` — ${set.definition.trim()}` : '';
              return `${name} (${role}${definitionText}): ${calibrationWords(w, language, set.calibration)}`;
            })
            .join('; ') + '.',
        ),
      ],
    ],
  );

  table(
    w.necessityCaption(data.outcome),
    [
      { label: w.condition, width: 14 },
      { label: 'inclN', width: 7 },
      { label: 'RoN', width: 7 },
      { label: 'covN', width: 7 },
    ],
    necessityTable(data).map((r) => ({ cells: [cell(r.condition, { header: true }), num(f(r.inclN)), num(f(r.RoN)), num(f(r.covN))] })),
    [[text(w.necessityNote)]],
  );

  const o = tt.options;
  table(
    w.truthTableCaption(data.outcome),
    [
      { label: w.row, width: 5 },
      ...tt.conditions.map((c) => ({ label: c, width: 6 })),
      { label: w.out, width: 5 },
      { label: 'n', width: 4 },
      { label: language === 'en' ? 'Incl.' : language === 'ru' ? 'Согл.' : 'Сәйк.', width: 7 },
      { label: 'PRI', width: 7 },
      { label: w.cases, width: 26 },
    ],
    tt.rows.map((r) => ({ cells: [num(String(r.id)), ...r.values.map((v) => num(String(v))), cell(r.out), num(String(r.n)), num(f(r.incl)), num(f(r.PRI)), cell(r.cases.join(', '))] })),
    [
      [label(w.outNoteLabel), text(w.outNote)],
      [
        text(
          [
            w.parameters(decimal(language, o.inclCut[0]), o.inclCut[1] < o.inclCut[0] ? decimal(language, o.inclCut[1]) : null, o.nCut, decimal(language, o.priCut)),
            w.remainders(tt.remainders, tt.totalRows),
            tt.unassigned.length ? w.unassigned(tt.unassigned.join(', ')) : '',
          ]
            .filter(Boolean)
            .join(' '),
        ),
      ],
    ],
  );

  for (const s of solutions) {
    const rows: RowModel[] = [];
    s.models.forEach((m, i) => {
      if (s.models.length > 1) rows.push({ group: `${w.model(i + 1)}: ${m.terms.join(' + ')} → ${data.outcome}` });
      for (const term of m.terms) {
        const t = m.termFits[term]!;
        rows.push({ cells: [cell(term, { header: true }), num(f(t.inclS)), num(f(t.PRI)), num(f(t.covS)), num(f(t.covU)), cell(t.cases.map((row) => row.join(', ')).join('; '))] });
      }
      rows.push({ cells: [cell(`M${i + 1}`, { header: true }), num(f(m.fit.inclS)), num(f(m.fit.PRI)), num(f(m.fit.covS)), cell(''), cell('')] });
    });
    const kind = w.kinds[s.kind];
    const formula = s.models.length === 1 ? `: ${s.models[0]!.terms.join(' + ')} → ${data.outcome}` : '';
    const extra = [
      w.primeImplicants(s.primeImplicants.join(', ')),
      s.simplifyingAssumptions ? w.simplifying(s.simplifyingAssumptions.count) : '',
      s.easyCounterfactuals ? w.counterfactuals(s.easyCounterfactuals.count, s.difficultCounterfactuals?.count ?? 0) : '',
      s.truncated ? w.truncated(s.models.length) : '',
    ].filter(Boolean);
    table(
      `${w.solutionCaption(kind, data.outcome)}${s.from ? ` (${s.from})` : ''}${formula}`,
      [
        { label: w.term, width: 16 },
        { label: 'inclS', width: 7 },
        { label: 'PRI', width: 7 },
        { label: 'covS', width: 7 },
        { label: 'covU', width: 7 },
        { label: w.cases, width: 26 },
      ],
      rows,
      [[label(w.fitNoteLabel), text(w.fitNote)], [text(extra.join(' '))]],
    );
  }

  return {
    title: w.title,
    subject: w.subject(ctx.project.title, data.outcome),
    sections: [{ orientation: ctx.options.orientation ?? 'portrait', blocks }],
    tables: [],
    sheets: sheetsOf(data.outcome, tt, solutions, members, shown),
  };
}

/**
 * CSV and XLSX: one long table of every truth-table row and every solution term (the CSV), then the truth table,
 * the solutions and the memberships each as a sheet of its own (XLSX). Numbers stay numbers, unrounded.
 */
function sheetsOf(outcome: string, tt: TruthTable, solutions: Solution[], members: { cases: string[]; columns: Record<string, number[]> }, shown: string[]): SheetModel[] {
  const configuration = (values: number[]) => tt.conditions.map((c, j) => `${c}=${values[j]}`).join(', ');
  const long: SheetValue[][] = [
    ...tt.rows.map((r): SheetValue[] => ['truth table', '', String(r.id), configuration(r.values), r.out, r.n, r.incl, r.PRI, null, null, r.cases.join('; ')]),
    ...solutions.flatMap((s) =>
      s.models.flatMap((m, i) => [
        ...m.terms.map((term): SheetValue[] => {
          const t = m.termFits[term]!;
          return [s.kind + (s.from ? ` ${s.from}` : ''), `M${i + 1}`, term, term, '', null, t.inclS, t.PRI, t.covS, t.covU, t.cases.map((row) => row.join(', ')).join('; ')];
        }),
        [s.kind + (s.from ? ` ${s.from}` : ''), `M${i + 1}`, m.terms.join(' + '), `${m.terms.join(' + ')} -> ${outcome}`, '', null, m.fit.inclS, m.fit.PRI, m.fit.covS, null, ''],
      ]),
    ),
  ];
  const head = (names: [string, number][]) => names.map(([header, width]) => ({ header, width }));
  return [
    {
      name: 'qca',
      shape: 'long',
      columns: head([
        ['table', 16],
        ['model', 7],
        ['item', 16],
        ['configuration', 30],
        ['out', 5],
        ['n', 5],
        ['incl', 8],
        ['pri', 8],
        ['cov', 8],
        ['cov_unique', 8],
        ['cases', 30],
      ]),
      rows: long,
    },
    {
      name: 'truth_table',
      shape: 'wide',
      columns: head([['row', 6], ...tt.conditions.map((c): [string, number] => [c, 8]), ['OUT', 5], ['n', 5], ['incl', 8], ['PRI', 8], ['cases', 30]]),
      rows: tt.rows.map((r) => [r.id, ...r.values, r.out, r.n, r.incl, r.PRI, r.cases.join('; ')]),
    },
    {
      name: 'memberships',
      shape: 'wide',
      columns: head([['case', 18], ...shown.map((s): [string, number] => [s, 8])]),
      rows: members.cases.map((name, c) => [name, ...shown.map((s) => members.columns[s]![c]!)]),
    },
  ];
}
