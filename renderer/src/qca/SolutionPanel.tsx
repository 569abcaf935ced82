/**
 * Minimisation of the current truth table to the solution chosen (conservative, parsimonious, or intermediate with
 * directional expectations). It runs as a job: its progress is shown, and Cancel stops it at the next phase.
 * Each model lists its terms with inclS, PRI, covS, covU and the cases each term covers (they open in the details).
 */
import { useEffect, useState } from 'react';
import type { QcaAnalysisInput, QcaMinimizeResultDto, QcaSolutionDto, QcaSolutionKind } from '../../../electron/contract/qca';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { api } from '../api';
import { useJob } from '../exports/use-job';
import { useT } from '../i18n/use-t';
import { InlineAlert } from '../ui/InlineAlert';
import { CaseList } from './AnalysisTables';
import { MARK, useFit } from './format';
import { XY } from './XyPlot';

export const KINDS: { kind: QcaSolutionKind; label: MessageId; hint: MessageId }[] = [
  { kind: 'conservative', label: 'qca.conservative', hint: 'qca.conservativeHint' },
  { kind: 'parsimonious', label: 'qca.parsimonious', hint: 'qca.parsimoniousHint' },
  { kind: 'intermediate', label: 'qca.intermediate', hint: 'qca.intermediateHint' },
];

/** What the page shows of the minimisation elsewhere: the solutions found (for the XY plot) and the expectations (for the export). */
export interface SolvedState {
  result: QcaMinimizeResultDto | null;
  dirExp: Record<string, number> | undefined;
}

interface SolutionPanelProps {
  definition: QcaAnalysisInput;
  onOpenCase: (name: string) => void;
  /** Plots a term, or a whole model ("A*B + C"), against the outcome. */
  onPlot: (expression: string) => void;
  onSolved: (state: SolvedState) => void;
}

export function SolutionPanel({ definition, onOpenCase, onPlot, onSolved }: SolutionPanelProps) {
  const t = useT();
  const job = useJob();
  const [kind, setKind] = useState<QcaSolutionKind>('conservative');
  const [expectations, setExpectations] = useState<Record<string, number>>({});
  const result = job.job?.state === 'done' ? job.job.result?.qca : undefined;
  const dirExp = Object.fromEntries(Object.entries(expectations).filter(([name]) => definition.conditions.includes(name)));
  const running = job.running;
  // Compared as text: the expectations are a new object on every render.
  const dirExpKey = kind === 'intermediate' && Object.keys(dirExp).length > 0 ? JSON.stringify(dirExp) : '';
  useEffect(() => {
    onSolved({ result: result ?? null, dirExp: dirExpKey ? (JSON.parse(dirExpKey) as Record<string, number>) : undefined });
  }, [result, dirExpKey, onSolved]);

  const run = () => void job.start(api['qca.minimize']({ ...definition, solution: kind, ...(kind === 'intermediate' ? { dirExp } : {}) }));
  const progress = job.job && job.job.total > 0 ? job.job.done / job.job.total : 0;

  return (
    <section className="qca-section" aria-labelledby="qca-min-title">
      <h3 id="qca-min-title" className="qca-subheading">
        {t('qca.minimizeTitle')}
      </h3>
      <fieldset className="qca-choices qca-kinds">
        <legend className="field-label">{t('qca.solutionType')}</legend>
        {KINDS.map((k) => (
          <label key={k.kind} className="choice qca-kind">
            <input type="radio" name="qca-kind" checked={kind === k.kind} onChange={() => setKind(k.kind)} aria-describedby={`qca-kind-${k.kind}`} />
            <span className="qca-kind-text">
              <span>{t(k.label)}</span>
              <span id={`qca-kind-${k.kind}`} className="muted small">
                {t(k.hint)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {kind === 'intermediate' ? (
        <fieldset className="qca-choices qca-direxp">
          <legend className="field-label">{t('qca.dirExp')}</legend>
          {definition.conditions.map((c) => (
            <label key={c} className="field qca-inline">
              <span className="qca-term">{c}</span>
              <select
                className="native-select"
                value={expectations[c] === undefined ? '' : String(expectations[c])}
                onChange={(e) =>
                  setExpectations((all) => {
                    const next = { ...all };
                    if (e.target.value === '') delete next[c];
                    else next[c] = Number(e.target.value);
                    return next;
                  })
                }
              >
                <option value="">{t('qca.expectNone')}</option>
                <option value="1">{t('qca.expectPresent')}</option>
                <option value="0">{t('qca.expectAbsent')}</option>
              </select>
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={run} disabled={running || (kind === 'intermediate' && Object.keys(dirExp).length === 0)}>
          {t('qca.minimize')}
        </button>
        {running ? (
          <button type="button" className="button" onClick={() => void job.cancel()}>
            {t('qca.cancel')}
          </button>
        ) : null}
      </div>
      {running ? (
        <div className="qca-progress" role="status">
          <progress className="progress" max={1} value={progress} aria-label={t('qca.progress')} />
          <span className="muted small">{t('qca.phase', { done: job.job?.done ?? 0, total: job.job?.total ?? 0 })}</span>
        </div>
      ) : null}
      {job.startError ? <InlineAlert message={job.startError.message} /> : null}
      {job.job?.state === 'failed' && job.job.error ? <InlineAlert message={job.job.error.message} /> : null}
      {job.job?.state === 'cancelled' ? (
        <p role="status" className="muted">
          {t('qca.cancelled')}
        </p>
      ) : null}
      {result ? (
        <div data-testid="qca-solutions" aria-live="polite">
          {result.solutions.map((s, i) => (
            <Solution key={i} solution={s} outcome={result.outcome} onOpenCase={onOpenCase} onPlot={onPlot} />
          ))}
        </div>
      ) : null}
    </section>
  );
}

interface SolutionProps {
  solution: QcaSolutionDto;
  outcome: string;
  onOpenCase: (name: string) => void;
  onPlot: (expression: string) => void;
}

function Solution({ solution, outcome, onOpenCase, onPlot }: SolutionProps) {
  const t = useT();
  const fit = useFit();
  const kind = KINDS.find((k) => k.kind === solution.kind)!;
  return (
    <div className="qca-solution">
      <h4 className="qca-minorheading">
        {t(kind.label)}
        {solution.from ? t('qca.fromModels', { from: solution.from }) : null}
      </h4>
      {solution.models.map((m, i) => {
        const titleId = `qca-model-${solution.kind}-${solution.from ?? ''}-${i}`;
        return (
          <div key={i} className="qca-model">
            <p id={titleId} className="qca-formula" data-testid="qca-model">
              <span className="muted">{t('qca.modelShort', { n: i + 1 })}</span>
              {MARK.space}
              <span className="qca-term">{m.terms.join(MARK.plus)}</span>
              {MARK.arrow}
              <span className="qca-term">{outcome}</span>
            </p>
            <div className="qca-scroll" tabIndex={0} role="region" aria-labelledby={titleId}>
              <table className="qca-table">
                <thead>
                  <tr>
                    <th scope="col">{t('qca.term')}</th>
                    <th scope="col" className="num">
                      {t('qca.inclS')}
                    </th>
                    <th scope="col" className="num">
                      {t('qca.PRI')}
                    </th>
                    <th scope="col" className="num">
                      {t('qca.covS')}
                    </th>
                    <th scope="col" className="num">
                      {t('qca.covU')}
                    </th>
                    <th scope="col">{t('qca.cases')}</th>
                    <th scope="col">{t('qcaPlot.title', { xy: XY })}</th>
                  </tr>
                </thead>
                <tbody>
                  {m.terms.map((term) => {
                    const f = m.termFits[term]!;
                    return (
                      <tr key={term}>
                        <th scope="row" className="qca-term">
                          {term}
                        </th>
                        <td className="num">{fit(f.inclS)}</td>
                        <td className="num">{fit(f.PRI)}</td>
                        <td className="num">{fit(f.covS)}</td>
                        <td className="num">{fit(f.covU)}</td>
                        <td>
                          {f.cases.map((row, k) => (
                            <span key={k}>
                              {k > 0 ? MARK.rows : null}
                              <CaseList names={row} onOpenCase={onOpenCase} />
                            </span>
                          ))}
                        </td>
                        <td>
                          <button type="button" className="button button-small" aria-label={t('qcaPlot.plotTermLabel', { xy: XY, term })} onClick={() => onPlot(term)}>
                            {t('qcaPlot.plotButton', { xy: XY })}
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                  <tr className="qca-model-fit">
                    <th scope="row">{t('qca.model', { n: i + 1 })}</th>
                    <td className="num">{fit(m.fit.inclS)}</td>
                    <td className="num">{fit(m.fit.PRI)}</td>
                    <td className="num">{fit(m.fit.covS)}</td>
                    <td />
                    <td />
                    <td>
                      {m.terms.length > 1 ? (
                        <button type="button" className="button button-small" aria-label={t('qcaPlot.plotModelLabel', { xy: XY, n: i + 1 })} onClick={() => onPlot(m.terms.join(MARK.plus))}>
                          {t('qcaPlot.plotButton', { xy: XY })}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
      {solution.truncated ? <p className="muted small">{t('qca.truncated', { count: solution.models.length })}</p> : null}
      {solution.simplifyingAssumptions ? <p className="muted small">{t('qca.simplifying', { count: solution.simplifyingAssumptions.count })}</p> : null}
      {solution.easyCounterfactuals ? (
        <p className="muted small">{t('qca.counterfactuals', { easy: solution.easyCounterfactuals.count, difficult: solution.difficultCounterfactuals?.count ?? 0 })}</p>
      ) : null}
    </div>
  );
}
