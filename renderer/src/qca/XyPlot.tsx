/**
 * The XY plot of a term, a condition or a whole solution against the outcome: a point per case, the diagonal, the
 * four quadrants, and the fit the solution table gives the same term (computed by the core: qca.xyPlot).
 * The picture is one SVG image with a text summary; the cases are buttons laid over their points, reached with the
 * arrow keys (one tab stop) and named "Kazakhstan: term 0.7, outcome 0.83, consistent"; "Show as table" lists them.
 * A point outside the consistent region is a triangle, inside a circle: never the colour alone.
 */
import { useEffect, useId, useMemo, useState, type KeyboardEvent, type Ref } from 'react';
import type { QcaAnalysisInput, QcaXyPointDto } from '../../../electron/contract/qca';
import { useApiQuery } from '../api';
import { useT } from '../i18n/use-t';
import { InlineAlert } from '../ui/InlineAlert';
import { useProject } from '../workbench-context';
import { Field } from './Field';
import { MARK, useFit, useLastDefined, useValue } from './format';
import { crowdedSpots, INNER, keyboardOrder, percent, px, py, sameSpot, triangle, VIEW } from './xy-geometry';

/** The plot's name in every language. */
export const XY = 'XY';
const ENTER = 'Enter';
const TICKS = [0, 0.5, 1];
const GRID = [0.25, 0.5, 0.75];

export interface PlotChoices {
  /** Each literal of the analysis (DEV, ~DEV; DEV[2] for a multi-value condition). */
  conditions: string[];
  /** The terms of the solutions found so far. */
  terms: string[];
  /** Whole models of more than one term. */
  models: { label: string; expression: string }[];
}

interface XyPlotProps {
  definition: QcaAnalysisInput;
  choices: PlotChoices;
  expression: string;
  onExpression: (expression: string) => void;
  onOpenCase: (name: string) => void;
  selectRef?: Ref<HTMLSelectElement> | undefined;
}

export function XyPlot({ definition, choices, expression, onExpression, onOpenCase, selectRef }: XyPlotProps) {
  const t = useT();
  const fit = useFit();
  const ids = { title: useId(), figure: useId(), summary: useId(), hint: useId(), table: useId() };
  const query = useApiQuery('qca.xyPlot', expression ? { ...definition, expression } : null);
  const plot = useLastDefined(query.data);
  // A score edited above (or by a teammate's sync) moves its point: asked again whenever the project changes.
  const { overview } = useProject();
  const reload = query.reload;
  useEffect(() => reload(), [overview, reload]);
  const [showTable, setShowTable] = useState(false);
  const inTerms = choices.terms.filter((term) => !choices.conditions.includes(term));

  return (
    <section className="qca-section" aria-labelledby={ids.title} data-testid="qca-xy">
      <h3 id={ids.title} className="qca-subheading">
        {t('qcaPlot.title', { xy: XY })}
      </h3>
      <div className="qca-form-row">
        <Field label={t('qcaPlot.what')}>
          {(p) => (
            <select {...p} ref={selectRef} className="native-select qca-term" value={expression} onChange={(e) => onExpression(e.target.value)}>
              <optgroup label={t('qcaPlot.groupConditions')}>
                {choices.conditions.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </optgroup>
              {inTerms.length > 0 ? (
                <optgroup label={t('qcaPlot.groupTerms')}>
                  {inTerms.map((term) => (
                    <option key={term} value={term}>
                      {term}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {choices.models.length > 0 ? (
                <optgroup label={t('qcaPlot.groupModels')}>
                  {choices.models.map((m) => (
                    <option key={m.label} value={m.expression}>
                      {m.label}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          )}
        </Field>
      </div>
      {query.error ? <InlineAlert message={query.error.message} actionLabel={t('qca.tryAgain')} onAction={query.reload} /> : null}
      {!plot && !query.error ? <p className="muted">{t('qcaPlot.loading')}</p> : null}
      {plot && !query.error ? (
        <figure className="qca-xy-figure">
          <figcaption id={ids.figure} className="qca-xy-caption">
            {t('qcaPlot.figure', { xy: XY, term: plot.expression, outcome: plot.outcome })}
          </figcaption>
          <div className="qca-xy-canvas">
            <svg className="qca-xy-svg" viewBox={`0 0 ${VIEW} ${VIEW}`} role="img" aria-labelledby={`${ids.figure} ${ids.summary}`}>
              <Frame term={plot.expression} outcome={plot.outcome} />
              {plot.points.map((p) => (
                <Mark key={p.caseName} point={p} />
              ))}
              {crowdedSpots(plot.points).map((spot) => (
                // Toward the middle of the square, so that a count on a corner stays inside the picture.
                <text
                  key={`${spot.x} ${spot.y}`}
                  x={px(spot.x) + (spot.x > 0.5 ? -9 : 9)}
                  y={py(spot.y) + (spot.y > 0.5 ? 17 : -9)}
                  textAnchor={spot.x > 0.5 ? 'end' : 'start'}
                  className="qca-xy-count"
                >
                  {MARK.times}
                  {spot.count}
                </text>
              ))}
            </svg>
            <Points points={plot.points} hintId={ids.hint} onOpenCase={onOpenCase} />
          </div>
          <p id={ids.summary} className="small">
            {t('qcaPlot.summary', {
              count: plot.points.length,
              consistent: plot.points.filter((p) => p.consistent).length,
              inconsistent: plot.points.filter((p) => !p.consistent).length,
            })}
          </p>
          <p className="qca-xy-fit" data-testid="qca-xy-fit">
            {t('qcaPlot.fit', { inclS: fit(plot.fit.inclS), covS: fit(plot.fit.covS), PRI: fit(plot.fit.PRI) })}
          </p>
          <ul className="qca-xy-legend">
            <li>
              <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
                <circle cx="7" cy="7" r="5" className="qca-xy-in" />
              </svg>
              {t('qcaPlot.consistent')}
            </li>
            <li>
              <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
                <polygon points={triangle(7, 8)} className="qca-xy-out" />
              </svg>
              {t('qcaPlot.inconsistent')}
            </li>
          </ul>
          <p id={ids.hint} className="muted small">
            {t('qcaPlot.pointsHint', { enter: ENTER })}
          </p>
          <button type="button" className="button button-small" aria-expanded={showTable} aria-controls={ids.table} onClick={() => setShowTable((s) => !s)}>
            {showTable ? t('qcaPlot.hideTable') : t('qcaPlot.showTable')}
          </button>
          <div id={ids.table}>{showTable ? <PointTable points={plot.points} term={plot.expression} outcome={plot.outcome} /> : null}</div>
        </figure>
      ) : null}
    </section>
  );
}

/** Quadrants, grid, diagonal, axes and their names: the picture without the cases. */
function Frame({ term, outcome }: { term: string; outcome: string }) {
  const value = useValue();
  const half = INNER / 2;
  return (
    <g>
      <rect x={px(0)} y={py(1)} width={half} height={half} className="qca-xy-q qca-xy-q-uncovered" />
      <rect x={px(0.5)} y={py(1)} width={half} height={half} className="qca-xy-q qca-xy-q-typical" />
      <rect x={px(0)} y={py(0.5)} width={half} height={half} className="qca-xy-q qca-xy-q-irrelevant" />
      <rect x={px(0.5)} y={py(0.5)} width={half} height={half} className="qca-xy-q qca-xy-q-deviant" />
      {GRID.map((g) => (
        <g key={g} className={g === 0.5 ? 'qca-xy-half' : 'qca-xy-grid'}>
          <line x1={px(g)} y1={py(0)} x2={px(g)} y2={py(1)} />
          <line x1={px(0)} y1={py(g)} x2={px(1)} y2={py(g)} />
        </g>
      ))}
      <line x1={px(0)} y1={py(0)} x2={px(1)} y2={py(1)} className="qca-xy-diagonal" />
      <rect x={px(0)} y={py(1)} width={INNER} height={INNER} className="qca-xy-box" />
      {TICKS.map((tick) => (
        <g key={tick} className="qca-xy-tick">
          <text x={px(tick)} y={py(0) + 16} textAnchor="middle">
            {value(tick)}
          </text>
          <text x={px(0) - 8} y={py(tick) + 4} textAnchor="end">
            {value(tick)}
          </text>
        </g>
      ))}
      <text x={px(0.5)} y={VIEW - 12} textAnchor="middle" className="qca-xy-axis">
        {term}
      </text>
      <text x={16} y={py(0.5)} textAnchor="middle" className="qca-xy-axis" transform={`rotate(-90 16 ${py(0.5)})`}>
        {outcome}
      </text>
    </g>
  );
}

function Mark({ point }: { point: QcaXyPointDto }) {
  const cx = px(point.x);
  const cy = py(point.y);
  return point.consistent ? <circle cx={cx} cy={cy} r={5} className="qca-xy-in" /> : <polygon points={triangle(cx, cy)} className="qca-xy-out" />;
}

/** The cases over their points: one tab stop, arrows (Home, End) from case to case, Enter opens the case. */
function Points({ points, hintId, onOpenCase }: { points: QcaXyPointDto[]; hintId: string; onOpenCase: (name: string) => void }) {
  const t = useT();
  const value = useValue();
  const ordered = useMemo(() => keyboardOrder(points), [points]);
  const [active, setActive] = useState(0);
  const current = Math.min(active, ordered.length - 1);
  const label = (p: QcaXyPointDto, name = p.caseName) => t('qcaPlot.point', { name, x: value(p.x), y: value(p.y), consistent: p.consistent ? 'yes' : 'no' });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowUp: current + 1, ArrowLeft: current - 1, ArrowDown: current - 1, Home: 0, End: ordered.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const to = Math.max(0, Math.min(ordered.length - 1, next));
    setActive(to);
    const buttons = event.currentTarget.querySelectorAll<HTMLButtonElement>('button');
    buttons[to]?.focus();
  };

  return (
    <div className="qca-xy-points" role="group" aria-label={t('qcaPlot.points')} aria-describedby={hintId} onKeyDown={onKeyDown}>
      {ordered.map((p, i) => (
        <button
          key={p.caseName}
          type="button"
          className={`qca-xy-point${p.consistent ? '' : ' is-out'}`}
          style={percent(p)}
          tabIndex={i === current ? 0 : -1}
          aria-label={label(p)}
          data-case={p.caseName}
          onFocus={() => setActive(i)}
          onClick={() => onOpenCase(p.caseName)}
        >
          <span className="qca-xy-tip" aria-hidden="true">
            {label(p, sameSpot(points, p).join(MARK.list))}
          </span>
        </button>
      ))}
    </div>
  );
}

function PointTable({ points, term, outcome }: { points: QcaXyPointDto[]; term: string; outcome: string }) {
  const t = useT();
  const value = useValue();
  return (
    <div className="qca-scroll" tabIndex={0} role="region" aria-label={t('qcaPlot.points')}>
      <table className="qca-table" data-testid="qca-xy-table">
        <thead>
          <tr>
            <th scope="col">{t('qcaPlot.colCase')}</th>
            <th scope="col" className="num">
              {t('qcaPlot.colTerm')}
              {MARK.space}
              <span className="qca-term">{term}</span>
            </th>
            <th scope="col" className="num">
              {t('qcaPlot.colOutcome')}
              {MARK.space}
              <span className="qca-term">{outcome}</span>
            </th>
            <th scope="col">{t('qcaPlot.colRegion')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.caseName}>
              <th scope="row">{p.caseName}</th>
              <td className="num">{value(p.x)}</td>
              <td className="num">{value(p.y)}</td>
              <td>
                <span aria-hidden="true">{p.consistent ? MARK.out['1'] : MARK.triangle}</span>
                {MARK.space}
                {p.consistent ? t('qcaPlot.regionConsistent') : t('qcaPlot.regionInconsistent')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
