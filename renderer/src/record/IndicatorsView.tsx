/**
 * Indicators per case and year (Freedom House, V-Dem, Polity...): one indicator at a time, the compared cases as
 * lines on its own scale, told apart by colour, marker shape and dash, and named in a legend; the values as an
 * editable table below.
 */
import { useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { CaseDto, IndicatorDto, IndicatorValueDto } from '../../../electron/contract/api';
import { paletteColour } from '../../../electron/contract/palette';
import { useAutoSave } from '../ui/fields';
import { PlusIcon } from '../ui/icons';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import { CsvActions } from './CsvDialog';
import { formatMessage } from '../../../electron/contract/i18n/format';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { currentLanguage } from '../i18n/current';
import { useT } from '../i18n/use-t';
import { verificationId } from './labels';
import { CaseChooser, RecordPageHeader, useComparedCases, VerificationTag } from './RecordBits';
import { useRecord, useRecordEdit, useRecordSender, useRecordStore, useRecordUi } from './record-store';
import { DOT, parenthesised, SPACE } from './typography';

type Symbol = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star';

export interface SeriesStyle {
  colour: string;
  symbol: Symbol;
  dash: string | undefined;
  dashLabel: MessageId;
}

// Okabe–Ito slots (blue, vermillion, bluish green, reddish purple, orange, sky blue), each with its own marker and dash.
const SLOTS = [5, 6, 3, 7, 1, 2];
const SYMBOLS: Symbol[] = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star'];
const DASHES: { dash: string | undefined; label: MessageId }[] = [
  { dash: undefined, label: 'observation.dash.solid' },
  { dash: '7 4', label: 'observation.dash.dashed' },
  { dash: '2 3', label: 'observation.dash.dotted' },
  { dash: '9 3 2 3', label: 'observation.dash.dashDot' },
];

export function seriesStyle(position: number): SeriesStyle {
  const dash = DASHES[position % DASHES.length]!;
  return { colour: paletteColour(SLOTS[position % SLOTS.length]!), symbol: SYMBOLS[position % SYMBOLS.length]!, dash: dash.dash, dashLabel: dash.label };
}

export function IndicatorsView() {
  const t = useT();
  const indicators = useRecord('indicators');
  const { cases, chosen, chosenIds, setChosen } = useComparedCases();
  const [ui, setUi] = useRecordUi();
  const [creating, setCreating] = useState(false);
  const list = useMemo(() => indicators.data ?? [], [indicators.data]);
  const indicator = list.find((i) => i.id === ui.indicatorId) ?? list[0];

  return (
    <section className="rec-view rec-indicators" aria-labelledby="indicators-title" data-testid="indicators-view">
      <RecordPageHeader
        id="indicators-title"
        title={t('record.page.indicators')}
        lede={t('observation.indicatorsLede')}
        actions={
          <>
            <button type="button" className="button button-small" onClick={() => setCreating(true)}>
              <PlusIcon /> {t('observation.newIndicatorMenu')}
            </button>
            <CsvActions kind="indicators" />
          </>
        }
      />
      <div className="rec-filters">
        <label className="toolbar-field rec-indicator-picker">
          <span className="toolbar-label">{t('observation.indicator')}</span>
          <select
            className="native-select"
            value={indicator?.id ?? ''}
            onChange={(e) => setUi({ indicatorId: e.target.value, indicatorCell: null })}
            data-testid="indicator-picker"
          >
            {list.map((i) => (
              <option key={i.id} value={i.id}>
                {t('observation.indicatorOption', { name: i.name, count: i.values.length })}
              </option>
            ))}
          </select>
        </label>
        <CaseChooser cases={cases} chosen={chosenIds} onChange={setChosen} />
      </div>
      {indicators.error ? <InlineAlert message={indicators.error.message} actionLabel={t('record.tryAgain')} onAction={indicators.reload} /> : null}
      {indicators.data === undefined ? (
        <p className="muted" role="status">
          {t('observation.indicatorsLoading')}
        </p>
      ) : !indicator ? (
        <p className="muted">{t('observation.noIndicators')}</p>
      ) : (
        <div className="rec-scroll">
          <IndicatorChart indicator={indicator} cases={chosen} allCases={cases} />
          <ValuesTable key={indicator.id} indicator={indicator} cases={chosen} allCases={cases} />
        </div>
      )}
      {creating ? (
        <NewIndicatorDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setUi({ indicatorId: id, indicatorCell: null });
          }}
        />
      ) : null}
    </section>
  );
}

type Row = { year: number } & Record<string, number | null>;

function IndicatorChart({ indicator, cases, allCases }: { indicator: IndicatorDto; cases: CaseDto[]; allCases: CaseDto[] }) {
  const t = useT();
  const styleOf = (c: CaseDto) => seriesStyle(Math.max(0, allCases.findIndex((k) => k.id === c.id)));
  const { rows, years, byKey } = useMemo(() => {
    const shown = indicator.values.filter((v) => cases.some((c) => c.id === v.caseId) && v.value !== null);
    const yearSet = [...new Set(shown.map((v) => v.year))].sort((a, b) => a - b);
    const byKey = new Map(indicator.values.map((v) => [`${v.caseId}|${v.year}`, v]));
    const rows: Row[] = yearSet.map((year) => {
      const row: Row = { year } as Row;
      for (const c of cases) row[c.id] = byKey.get(`${c.id}|${year}`)?.value ?? null;
      return row;
    });
    return { rows, years: yearSet, byKey };
  }, [indicator, cases]);

  const lo = years[0] ?? 2000;
  const hi = years.at(-1) ?? lo;
  const span = Math.max(1, hi - lo);
  const step = span <= 12 ? 1 : span <= 24 ? 2 : 5;
  const ticks: number[] = [];
  for (let y = Math.ceil(lo / step) * step; y <= hi; y += step) ticks.push(y);
  if (ticks.length === 0) ticks.push(lo);
  const yDomain: [number | 'auto', number | 'auto'] = [indicator.minValue ?? 'auto', indicator.maxValue ?? 'auto'];

  const casesWithValues = cases.filter((c) => rows.some((r) => r[c.id] !== null));

  return (
    <section className="rec-chart-wrap" aria-labelledby="chart-title">
      <div className="rec-section-head">
        <h3 id="chart-title" className="rec-chart-title">
          {indicator.name}
        </h3>
      </div>
      <p className="muted small">
        {indicator.scale || t('observation.noScale')}
        {indicator.minValue !== null || indicator.maxValue !== null ? t('observation.axisRange', { min: indicator.minValue ?? '…', max: indicator.maxValue ?? '…' }) : ''}
        {indicator.higherIs !== 'neither' ? t('observation.higherIsNote', { which: indicator.higherIs }) : ''}
      </p>
      <ul className="rec-chart-legend" aria-label={t('observation.chartLegend')} data-testid="indicator-legend">
        {cases.map((c) => {
          const s = styleOf(c);
          const count = indicator.values.filter((v) => v.caseId === c.id && v.value !== null).length;
          return (
            <li key={c.id} className="rec-chart-legend-item" data-case={c.name}>
              <svg width="34" height="12" viewBox="0 0 34 12" aria-hidden="true" focusable="false">
                <line x1="1" y1="6" x2="33" y2="6" stroke={s.colour} strokeWidth="2" strokeDasharray={s.dash} />
                <MarkerShape symbol={s.symbol} cx={17} cy={6} r={4} colour={s.colour} />
              </svg>
              <span className="rec-chart-legend-name">{c.name}</span>
              <span className="muted small">
                {t('observation.legendStyle', { symbol: t(`observation.symbol.${s.symbol}`), line: t(s.dashLabel) })}
                {count === 0 ? t('observation.noValuesNote') : t('observation.valuesNote', { count })}
              </span>
            </li>
          );
        })}
      </ul>
      {rows.length === 0 ? (
        <p className="muted rec-chart-empty">{t('observation.noValuesChart')}</p>
      ) : (
        <div className="rec-chart" data-testid="indicator-chart" role="img" aria-label={t('observation.chartLabel', { name: indicator.name, cases: casesWithValues.map((c) => c.name).join(t('observation.and')), from: String(lo), to: String(hi) })}>
          <ResponsiveContainer width="100%" height={300}>
            <LineChart data={rows} margin={{ top: 10, right: 24, bottom: 6, left: 0 }}>
              <CartesianGrid stroke="#e3e6ea" strokeDasharray="3 3" />
              <XAxis dataKey="year" type="number" domain={[lo, hi]} ticks={ticks} allowDecimals={false} tick={{ fontSize: 12, fill: '#59616d' }} padding={{ left: 14, right: 14 }} />
              <YAxis domain={yDomain} allowDataOverflow={false} tick={{ fontSize: 12, fill: '#59616d' }} width={48} />
              <Tooltip content={(props: TooltipContentProps) => <ChartTooltip {...props} cases={cases} byKey={byKey} />} />
              {casesWithValues.map((c) => {
                const s = styleOf(c);
                return (
                  <Line
                    key={c.id}
                    type="linear"
                    dataKey={c.id}
                    name={c.name}
                    stroke={s.colour}
                    strokeWidth={2}
                    strokeDasharray={s.dash}
                    connectNulls
                    isAnimationActive={false}
                    dot={(props: { cx?: number | null; cy?: number | null; index?: number; value?: unknown }) =>
                      props.cx == null || props.cy == null || props.value == null ? (
                        <g key={`none-${props.index}`} />
                      ) : (
                        <MarkerShape key={`${c.id}-${props.index}`} symbol={s.symbol} cx={props.cx} cy={props.cy} r={4.5} colour={s.colour} />
                      )
                    }
                    activeDot={(props: { cx?: number | null; cy?: number | null; index?: number }) =>
                      props.cx == null || props.cy == null ? <g key="none" /> : <MarkerShape key={`active-${props.index}`} symbol={s.symbol} cx={props.cx} cy={props.cy} r={6.5} colour={s.colour} />
                    }
                  />
                );
              })}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </section>
  );
}

export function MarkerShape({ symbol, cx, cy, r, colour }: { symbol: Symbol; cx: number; cy: number; r: number; colour: string }) {
  const common = { fill: colour, stroke: '#fff', strokeWidth: 1, className: `rec-marker rec-marker-${symbol}` };
  switch (symbol) {
    case 'square':
      return <rect x={cx - r * 0.85} y={cy - r * 0.85} width={r * 1.7} height={r * 1.7} {...common} />;
    case 'triangle':
      return <path d={`M${cx},${cy - r}L${cx + r},${cy + r * 0.8}L${cx - r},${cy + r * 0.8}z`} {...common} />;
    case 'diamond':
      return <path d={`M${cx},${cy - r * 1.15}L${cx + r},${cy}L${cx},${cy + r * 1.15}L${cx - r},${cy}z`} {...common} />;
    case 'cross':
      return <path d={`M${cx - r},${cy - r}L${cx + r},${cy + r}M${cx + r},${cy - r}L${cx - r},${cy + r}`} stroke={colour} strokeWidth={2} className="rec-marker rec-marker-cross" />;
    case 'star':
      return <path d={`M${cx},${cy - r}L${cx + r * 0.3},${cy - r * 0.3}L${cx + r},${cy - r * 0.2}L${cx + r * 0.45},${cy + r * 0.3}L${cx + r * 0.6},${cy + r}L${cx},${cy + r * 0.6}L${cx - r * 0.6},${cy + r}L${cx - r * 0.45},${cy + r * 0.3}L${cx - r},${cy - r * 0.2}L${cx - r * 0.3},${cy - r * 0.3}z`} {...common} />;
    default:
      return <circle cx={cx} cy={cy} r={r} {...common} />;
  }
}

function ChartTooltip({ active, label, cases, byKey }: TooltipContentProps & { cases: CaseDto[]; byKey: Map<string, IndicatorValueDto> }) {
  const t = useT();
  if (!active || label === undefined) return null;
  const year = Number(label);
  return (
    <div className="rec-chart-tooltip" data-testid="chart-tooltip">
      <p className="rec-chart-tooltip-year">{year}</p>
      {cases.map((c) => {
        const v = byKey.get(`${c.id}|${year}`);
        return (
          <p key={c.id}>
            <strong>{c.name}</strong>
            {t('observation.colon')}
            {v && v.value !== null ? (
              <>
                {t('observation.tooltipValue', { value: v.value })}
                {v.label ? SPACE + parenthesised(v.label) : null}
                {DOT}
                {t(verificationId(v.verification))}
              </>
            ) : (
              <span className="muted">{t('observation.noValue')}</span>
            )}
          </p>
        );
      })}
    </div>
  );
}

// ---- The table of values --------------------------------------------------------------------------------------

function ValuesTable({ indicator, cases, allCases }: { indicator: IndicatorDto; cases: CaseDto[]; allCases: CaseDto[] }) {
  const t = useT();
  const [ui, setUi] = useRecordUi();
  const [extraYears, setExtraYears] = useState<number[]>([]);
  const [newYear, setNewYear] = useState('');
  const years = [...new Set([...indicator.values.filter((v) => cases.some((c) => c.id === v.caseId)).map((v) => v.year), ...extraYears])].sort((a, b) => b - a);
  const yearValid = /^\d{4}$/.test(newYear.trim());

  const addYear = (event: FormEvent) => {
    event.preventDefault();
    if (!yearValid) return;
    const year = Number(newYear.trim());
    setExtraYears((ys) => (ys.includes(year) ? ys : [...ys, year]));
    setNewYear('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const input = event.target as HTMLElement;
    const td = input.closest<HTMLElement>('td[data-row]');
    if (!td || !['ArrowUp', 'ArrowDown', 'Enter'].includes(event.key) || event.altKey) return;
    const row = Number(td.dataset.row) + (event.key === 'ArrowUp' ? -1 : 1);
    const next = event.currentTarget.querySelector<HTMLInputElement>(`td[data-row="${row}"][data-col="${td.dataset.col}"] input`);
    if (next) {
      event.preventDefault();
      next.focus();
      next.select();
    }
  };

  return (
    <section className="rec-values" aria-labelledby="values-title">
      <div className="rec-section-head">
        <h3 id="values-title" className="section-heading">
          {t('observation.values')}
        </h3>
        <form className="rec-add-year" onSubmit={addYear}>
          <label className="toolbar-field">
            <span className="toolbar-label">{t('observation.addYear')}</span>
            <input className="text-input year-input" inputMode="numeric" value={newYear} onChange={(e) => setNewYear(e.target.value)} placeholder={t('observation.yearPlaceholder')} aria-invalid={newYear !== '' && !yearValid ? true : undefined} />
          </label>
          <button type="submit" className="button button-small" disabled={!yearValid}>
            {t('observation.addRow')}
          </button>
        </form>
      </div>
      <p className="muted small">{t('observation.valuesHelp')}</p>
      <table className="rec-table rec-values-table" data-testid="values-table" aria-label={t('observation.valuesLabel', { name: indicator.name })}>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t('observation.year')}
            </th>
            {cases.map((c) => (
              <th key={c.id} scope="col">
                <span className="rec-values-case">
                  <svg width="14" height="10" viewBox="0 0 14 10" aria-hidden="true" focusable="false">
                    <MarkerShape symbol={seriesStyle(allCases.findIndex((k) => k.id === c.id)).symbol} cx={7} cy={5} r={4} colour={seriesStyle(allCases.findIndex((k) => k.id === c.id)).colour} />
                  </svg>
                  {c.name}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {years.length === 0 ? (
            <tr>
              <td colSpan={cases.length + 1} className="muted">
                {t('observation.noValuesTable')}
              </td>
            </tr>
          ) : (
            years.map((year, rowIndex) => (
              <tr key={year}>
                <th scope="row" className="numeric">
                  {year}
                </th>
                {cases.map((c, col) => {
                  const value = indicator.values.find((v) => v.caseId === c.id && v.year === year);
                  const selected = ui.indicatorCell?.caseId === c.id && ui.indicatorCell.year === year;
                  return (
                    <td key={c.id} data-row={rowIndex} data-col={col} className={selected ? 'is-selected' : undefined}>
                      <ValueCell indicator={indicator} kase={c} year={year} value={value} onFocus={() => setUi({ indicatorId: indicator.id, indicatorCell: { caseId: c.id, year } })} />
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}

export function useValueSave(indicatorId: string, caseId: string, year: number) {
  const store = useRecordStore();
  const sender = useRecordSender();
  // indicators.setValue replaces the whole value (label, source, verification, note): the others are sent as they are.
  return (patch: Partial<Pick<IndicatorValueDto, 'value' | 'label' | 'verification' | 'note' | 'sourceId'>>) => {
    const latest = store
      .slot('indicators')
      .data?.find((i) => i.id === indicatorId)
      ?.values.find((v) => v.caseId === caseId && v.year === year);
    return sender('indicators.setValue', {
      indicatorId,
      caseId,
      year,
      value: latest?.value ?? null,
      label: latest?.label ?? '',
      sourceId: latest?.sourceId ?? null,
      verification: latest?.verification ?? 'unverified',
      note: latest?.note ?? '',
      ...patch,
    });
  };
}

export function validateValue(indicator: IndicatorDto) {
  return (text: string): string | null => {
    const typed = text.trim().replace(',', '.');
    if (typed === '') return null;
    const n = Number(typed);
    const say = (id: MessageId, values?: Record<string, number>) => formatMessage(currentLanguage(), id, values);
    if (!Number.isFinite(n)) return say('observation.valueNotNumber');
    if (indicator.minValue !== null && n < indicator.minValue) return say('observation.belowScale', { min: indicator.minValue });
    if (indicator.maxValue !== null && n > indicator.maxValue) return say('observation.aboveScale', { max: indicator.maxValue });
    return null;
  };
}

function ValueCell({ indicator, kase, year, value, onFocus }: { indicator: IndicatorDto; kase: CaseDto; year: number; value: IndicatorValueDto | undefined; onFocus: () => void }) {
  const t = useT();
  const save = useValueSave(indicator.id, kase.id, year);
  const field = useAutoSave<string>({
    saveKey: `indicator:${indicator.id}:${kase.id}:${year}:value`,
    where: `${indicator.name} · ${kase.name} ${year}`,
    value: value?.value === null || value?.value === undefined ? '' : String(value.value),
    validate: validateValue(indicator),
    send: (text) => save({ value: text.trim() === '' ? null : Number(text.trim().replace(',', '.')) }),
  });
  return (
    <div className="rec-value-cell">
      <input
        className="text-input rec-value-input numeric"
        inputMode="decimal"
        aria-label={t('observation.valueCell', { kase: kase.name, year: String(year) })}
        value={field.shown}
        aria-invalid={field.error ? true : undefined}
        title={field.error}
        onChange={(e) => field.set(e.target.value)}
        onBlur={field.flush}
        onFocus={onFocus}
      />
      {value?.label ? <span className="rec-value-label">{value.label}</span> : null}
      {value && value.verification !== 'verified-external' ? <VerificationTag value={value.verification} compact /> : null}
      {field.error ? <span className="field-error">{field.error}</span> : null}
    </div>
  );
}

function NewIndicatorDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const t = useT();
  const save = useRecordEdit('indicators.save');
  const [name, setName] = useState('');
  const [scale, setScale] = useState('');
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  const [higherIs, setHigherIs] = useState<'better' | 'worse' | 'neither'>('better');
  const num = (text: string) => (text.trim() === '' ? null : Number(text.trim()));
  const valid = [min, max].every((text) => text.trim() === '' || Number.isFinite(Number(text.trim())));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = await save.run({ name: name.trim(), scale: scale.trim(), minValue: num(min), maxValue: num(max), higherIs });
    if (made) onCreated(made.id);
  };

  return (
    <Modal open onOpenChange={(o) => (o ? undefined : onClose())} title={t('observation.newIndicator')} description={t('observation.newIndicatorHelp')}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span className="field-label">{t('context.name')}</span>
          <input className="text-input" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('observation.indicatorNamePlaceholder')} />
        </label>
        <label className="field">
          <span className="field-label">{t('observation.scale')}</span>
          <input className="text-input" value={scale} onChange={(e) => setScale(e.target.value)} placeholder={t('observation.scalePlaceholder')} />
        </label>
        <div className="inline-fields">
          <label className="field field-short">
            <span className="field-label">{t('observation.minimum')}</span>
            <input className="text-input" inputMode="decimal" value={min} onChange={(e) => setMin(e.target.value)} />
          </label>
          <label className="field field-short">
            <span className="field-label">{t('observation.maximum')}</span>
            <input className="text-input" inputMode="decimal" value={max} onChange={(e) => setMax(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">{t('observation.higherIs')}</span>
            <select className="native-select" value={higherIs} onChange={(e) => setHigherIs(e.target.value as 'better' | 'worse' | 'neither')}>
              <option value="better">{t('observation.higher.better')}</option>
              <option value="worse">{t('observation.higher.worse')}</option>
              <option value="neither">{t('observation.higher.neither')}</option>
            </select>
          </label>
        </div>
        {save.error ? <InlineAlert message={save.error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={name.trim() === '' || !valid || save.pending}>
            {t('observation.addIndicator')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
