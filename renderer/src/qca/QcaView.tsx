/**
 * The QCA page: the sets (conditions and outcome) defined from the matrix and the case attributes, calibrated with
 * their membership table; then one analysis — the outcome, its conditions and the truth table's cuts — with its
 * necessity table, truth table and minimisation. Every control is a native field or button: Tab reaches them all.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { QcaAnalysisInput } from '../../../electron/contract/qca';
import { ExportDialog } from '../exports/ExportDialog';
import { useApiQuery } from '../api';
import { useT } from '../i18n/use-t';
import { InlineAlert } from '../ui/InlineAlert';
import { useProject } from '../workbench-context';
import { NecessityTable, TruthTable } from './AnalysisTables';
import { Field } from './Field';
import { MARK, parseNumber, useLastDefined, useValue } from './format';
import { SetsPanel } from './SetsPanel';
import { KINDS, SolutionPanel, type SolvedState } from './SolutionPanel';
import { XyPlot, type PlotChoices } from './XyPlot';
import './qca.css';

interface Cuts {
  incl: string;
  incl0: string;
  n: string;
  pri: string;
}

export function QcaView({ onOpenCase }: { onOpenCase: (caseId: string) => void }) {
  const t = useT();
  const value = useValue();
  const { overview } = useProject();
  const sets = useApiQuery('qca.sets', {});
  const reloadSets = sets.reload;
  useEffect(() => reloadSets(), [overview, reloadSets]);
  const setsData = useLastDefined(sets.data);
  const all = useMemo(() => setsData ?? [], [setsData]);
  const [outcome, setOutcome] = useState('');
  const [negated, setNegated] = useState(false);
  const [conditions, setConditions] = useState<string[] | null>(null);
  const [cuts, setCuts] = useState<Cuts>({ incl: '1', incl0: '', n: '1', pri: '0' });

  // Until the researcher picks, the outcome is the set marked as one and the conditions are all the others.
  const outcomeName = all.some((s) => s.name === outcome) ? outcome : (all.find((s) => s.role === 'outcome')?.name ?? '');
  const chosen = (conditions ?? all.filter((s) => s.role === 'condition').map((s) => s.name)).filter((n) => n !== outcomeName && all.some((s) => s.name === n));
  const numbers = { incl: parseNumber(cuts.incl), incl0: parseNumber(cuts.incl0), n: parseNumber(cuts.n), pri: parseNumber(cuts.pri) };
  const cutsValid =
    [numbers.incl, numbers.incl0, numbers.pri].every((x) => x === undefined || (x >= 0 && x <= 1)) &&
    (numbers.n === undefined || (Number.isInteger(numbers.n) && numbers.n >= 1)) &&
    (numbers.incl0 === undefined || numbers.incl0 <= (numbers.incl ?? 1));
  const definition: QcaAnalysisInput | null =
    outcomeName && chosen.length > 0 && cutsValid
      ? {
          outcome: `${negated ? '~' : ''}${outcomeName}`,
          conditions: chosen,
          ...(numbers.incl !== undefined ? { inclCut: numbers.incl } : {}),
          ...(numbers.incl0 !== undefined ? { inclCut0: numbers.incl0 } : {}),
          ...(numbers.n !== undefined ? { nCut: numbers.n } : {}),
          ...(numbers.pri !== undefined ? { priCut: numbers.pri } : {}),
        }
      : null;
  const analysis = useApiQuery('qca.analyse', definition);
  // Kept while the same definition is asked again after an edit: the minimisation below keeps its result meanwhile.
  const analysisData = useLastDefined(analysis.data);
  const reloadAnalysis = analysis.reload;
  useEffect(() => reloadAnalysis(), [overview, reloadAnalysis]);
  const [solved, setSolved] = useState<SolvedState>({ result: null, dirExp: undefined });
  const [plotted, setPlotted] = useState('');
  const [exporting, setExporting] = useState(false);
  const plotSelect = useRef<HTMLSelectElement>(null);
  const choices = useMemo<PlotChoices>(() => {
    const solutions = solved.result?.solutions ?? [];
    const terms = [...new Set(solutions.flatMap((s) => s.models.flatMap((m) => m.terms)))];
    const models = solutions.flatMap((s) =>
      s.models
        .map((m, i) => ({ m, i }))
        .filter(({ m }) => m.terms.length > 1)
        .map(({ m, i }) => ({
          label: `${t(KINDS.find((k) => k.kind === s.kind)!.label)}${s.from ? MARK.space + s.from : ''}${MARK.dot}${t('qca.modelShort', { n: i + 1 })}${MARK.space}${m.terms.join(MARK.plus)}`,
          expression: m.terms.join(MARK.plus),
        })),
    );
    return { conditions: (analysisData?.necessity ?? []).map((r) => r.condition), terms, models };
  }, [solved.result, analysisData, t]);
  const plotValues = [...choices.conditions, ...choices.terms, ...choices.models.map((m) => m.expression)];
  const expression = plotValues.includes(plotted) ? plotted : (choices.conditions[0] ?? '');
  // From a term's button in the solution table: the plot shows it, and the focus goes to the plot's choice.
  const plot = (term: string) => {
    setPlotted(term);
    requestAnimationFrame(() => {
      plotSelect.current?.scrollIntoView({ block: 'center' });
      plotSelect.current?.focus();
    });
  };
  const openByName = (name: string) => {
    const id = (analysis.data?.cases ?? []).find((c) => c.name === name)?.id ?? overview?.cases.find((c) => c.name === name)?.id;
    if (id) onOpenCase(id);
  };

  return (
    <section className="ev-view qca-view" aria-labelledby="qca-title" data-testid="qca-view">
      <header className="page-header ev-header">
        <div>
          <p className="eyebrow">{t('qca.eyebrow')}</p>
          <h2 id="qca-title" className="matrix-norm">
            {t('qca.title')}
          </h2>
          <p className="muted">{t('qca.intro')}</p>
        </div>
        <button type="button" className="button" disabled={!definition || !overview} onClick={() => setExporting(true)}>
          {t('qcaPlot.exportAnalysis')}
        </button>
      </header>
      {exporting && definition && overview ? (
        <ExportDialog
          project={overview.project}
          overview={overview}
          onClose={() => setExporting(false)}
          preset={{
            what: 'qca',
            qca: { ...definition, ...(solved.dirExp ? { dirExp: solved.dirExp } : {}) },
            note: t('qcaPlot.exportNote', { qca: t('qca.navLabel'), outcome: definition.outcome, conditions: definition.conditions.join(MARK.list), cut: value(definition.inclCut ?? 1) }),
          }}
        />
      ) : null}
      <div className="qca-body">
        {sets.error ? <InlineAlert message={sets.error.message} actionLabel={t('qca.tryAgain')} onAction={reloadSets} /> : null}
        {!setsData ? <p className="muted">{t('qca.loading')}</p> : <SetsPanel sets={all} onOpenCase={onOpenCase} />}

        {all.length > 1 ? (
          <section className="qca-section" aria-labelledby="qca-def-title">
            <h3 id="qca-def-title" className="qca-subheading">
              {t('qca.analysisTitle')}
            </h3>
            <div className="qca-form-row">
              <Field label={t('qca.outcome')}>
                {(p) => (
                  <select {...p} className="native-select" value={outcomeName} onChange={(e) => setOutcome(e.target.value)}>
                    <option value="">{t('qca.chooseOutcome')}</option>
                    {all.map((s) => (
                      <option key={s.id} value={s.name}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <label className="choice qca-negate">
                <input type="checkbox" checked={negated} onChange={(e) => setNegated(e.target.checked)} />
                <span>{t('qca.negateOutcome')}</span>
              </label>
            </div>
            <fieldset className="qca-choices">
              <legend className="field-label">{t('qca.conditions')}</legend>
              {all
                .filter((s) => s.name !== outcomeName)
                .map((s) => (
                  <label key={s.id} className="choice">
                    <input
                      type="checkbox"
                      checked={chosen.includes(s.name)}
                      onChange={(e) => setConditions(e.target.checked ? [...chosen, s.name] : chosen.filter((n) => n !== s.name))}
                    />
                    <span className="qca-term">{s.name}</span>
                  </label>
                ))}
            </fieldset>
            <fieldset className="qca-choices">
              <legend className="field-label">{t('qca.cuts')}</legend>
              {(
                [
                  ['incl', 'qca.inclCut'],
                  ['incl0', 'qca.inclCut0'],
                  ['n', 'qca.nCut'],
                  ['pri', 'qca.priCut'],
                ] as const
              ).map(([key, label]) => (
                <label key={key} className="field qca-inline">
                  <span>{t(label)}</span>
                  <input
                    className="text-input qca-number"
                    inputMode="decimal"
                    value={cuts[key]}
                    placeholder={key === 'incl0' ? t('qca.none') : undefined}
                    onChange={(e) => setCuts((c) => ({ ...c, [key]: e.target.value }))}
                    aria-invalid={!cutsValid || undefined}
                  />
                </label>
              ))}
            </fieldset>
            {!cutsValid ? <InlineAlert message={t('qca.cutsInvalid')} /> : null}
            {!outcomeName || chosen.length === 0 ? <p className="muted">{t('qca.chooseDefinition')}</p> : null}
          </section>
        ) : null}

        {definition && analysis.error ? <InlineAlert message={analysis.error.message} actionLabel={t('qca.tryAgain')} onAction={reloadAnalysis} /> : null}
        {definition && analysisData && !analysis.error ? (
          <>
            <NecessityTable analysis={analysisData} />
            <TruthTable analysis={analysisData} onOpenCase={openByName} />
            <SolutionPanel key={JSON.stringify(definition)} definition={definition} onOpenCase={openByName} onPlot={plot} onSolved={setSolved} />
            {expression ? <XyPlot definition={definition} choices={choices} expression={expression} onExpression={setPlotted} onOpenCase={openByName} selectRef={plotSelect} /> : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
