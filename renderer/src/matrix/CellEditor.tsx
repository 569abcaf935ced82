import * as ToggleGroup from '@radix-ui/react-toggle-group';
import { useCallback, useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { CaseDto, CellDto, CellMode, CellPatch, Confidence, FrameworkDto, NormDto, StageDto } from '../../../electron/contract/api';
import { api } from '../api';
import { CellEvidence } from '../evidence/CellEvidence';
import { AutoTextArea, useAutoSave } from '../ui/fields';
import { CellClaims } from '../record/RecordPages';
import { CellHistory } from '../safety/CellHistory';
import { StatusSelect } from './StatusSelect';
import type { EditField } from './selection';
import { SummaryEditor } from './SummaryEditor';
import { useProject, useServices } from '../workbench-context';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { useT } from '../i18n/use-t';
import { EN_DASH, SEP, SPACE } from '../ui/marks';
import { useIntl } from 'react-intl';

export interface CellTarget {
  normId: string;
  caseId: string;
  stageId: string;
}

interface CellEditorProps {
  target: CellTarget;
  norm: NormDto;
  framework: FrameworkDto;
  kase: CaseDto;
  stage: StageDto;
  cell: CellDto | undefined;
  /** Changes when the user opened this cell for editing in the matrix: `focusField` takes the focus. */
  focusRequest: number;
  focusField: EditField;
  /** Escape: back to the cell in the matrix. */
  onReturnToGrid: () => void;
}

interface PeriodDraft {
  from: string;
  to: string;
}

const MODES: { value: CellMode | 'none'; label: MessageId }[] = [
  { value: 'discourse', label: 'matrix.modeDiscourseButton' },
  { value: 'practice', label: 'matrix.modePracticeButton' },
  { value: 'both', label: 'matrix.modeBothButton' },
  { value: 'none', label: 'matrix.modeNoneButton' },
];

const CONFIDENCES: { value: Confidence; label: MessageId }[] = [
  { value: 'low', label: 'matrix.confidenceLow' },
  { value: 'medium', label: 'matrix.confidenceMedium' },
  { value: 'high', label: 'matrix.confidenceHigh' },
];
const UNRATED = 'unrated';

function parseYear(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^-?\d{1,4}$/.test(trimmed)) return 'invalid';
  return Number(trimmed);
}

/** The period's problem as a catalogue message, or null. */
function periodProblem(period: PeriodDraft): MessageId | null {
  const from = parseYear(period.from);
  const to = parseYear(period.to);
  if (from === 'invalid' || to === 'invalid') return 'matrix.periodInYears';
  if (from !== null && to !== null && from > to) return 'matrix.periodBackwards';
  return null;
}

/**
 * The editor of one matrix cell: status on the framework's scale, mode where the stage asks for it, period,
 * summary (Markdown), confidence and a private memo. Every field saves itself; Escape returns to the matrix.
 */
export function CellEditor({ target, norm, framework, kase, stage, cell, focusRequest, focusField, onReturnToGrid }: CellEditorProps) {
  const t = useT();
  const intl = useIntl();
  const formatTime = (iso: string): string => {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return intl.formatDate(date, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  };
  const { store } = useServices();
  const readOnly = useProject().overview?.project.readonly ?? false;
  const { normId, caseId, stageId } = target;
  const base = `cell:${normId}:${caseId}:${stageId}`;
  const summaryRef = useRef<HTMLTextAreaElement | null>(null);
  const ids = { status: useId(), period: useId(), mode: useId(), confidence: useId() };

  const send = useCallback((patch: CellPatch) => api['cells.update']({ caseId, normId, stageId, patch }), [caseId, normId, stageId]);
  const onSaved = useCallback(
    (result: unknown) => {
      store.putCell(result as CellDto);
      void store.refresh(['history']);
    },
    [store],
  );

  const where = `${kase.name} · ${stage.label}`;
  const status = useAutoSave<string | undefined>({
    saveKey: `${base}:status`,
    where,
    value: cell?.status,
    send: (value) => send({ status: value }),
    onSaved,
  });
  const mode = useAutoSave<CellMode | null>({ saveKey: `${base}:mode`, where, value: cell?.mode ?? null, send: (value) => send({ mode: value }), onSaved });
  const confidence = useAutoSave<Confidence | null>({
    saveKey: `${base}:confidence`,
    where,
    value: cell?.confidence ?? null,
    send: (value) => send({ confidence: value }),
    onSaved,
  });
  const period = useAutoSave<PeriodDraft>({
    saveKey: `${base}:period`,
    where,
    value: { from: cell?.periodFrom?.toString() ?? '', to: cell?.periodTo?.toString() ?? '' },
    send: (value) => send({ periodFrom: parseYear(value.from) as number | null, periodTo: parseYear(value.to) as number | null }),
    validate: (value) => {
      const problem = periodProblem(value);
      return problem ? t(problem) : null;
    },
    onSaved,
  });

  useEffect(() => {
    if (focusRequest === 0) return;
    if (focusField === 'summary') summaryRef.current?.focus();
    else document.getElementById(ids.status)?.focus();
    // Only a new request moves the focus, not a change of the field asked for next time.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // Escape inside an open list (status) closes the list first; that list lives in a portal.
    if ((event.target as HTMLElement).closest('[role="listbox"]')) return;
    event.preventDefault();
    onReturnToGrid();
  };

  const showMode = stage.asksMode || (mode.shown ?? null) !== null;
  const stageNote = norm.stageNotes[stage.id] || stage.description;

  return (
    <section className="details cell-editor" data-testid="cell-editor" aria-labelledby="cell-editor-title" onKeyDown={onKeyDown}>
      <p className="eyebrow">{t('matrix.cell')}</p>
      <h2 id="cell-editor-title" className="details-title" data-testid="details-title">
        {kase.name}
        {SEP}
        {stage.label}
      </h2>
      <p className="details-norm muted">{norm.label}</p>

      {/* A project open read-only: the fields show the cell but take no edits (the banner says why). */}
      <fieldset className="plain-fieldset" disabled={readOnly} aria-label={readOnly ? t('matrix.readOnly') : undefined}>
      <div className="form-grid">
        <label className="form-label" htmlFor={ids.status}>
          {t('matrix.status')}
        </label>
        <div>
          <StatusSelect id={ids.status} label={t('matrix.status')} statuses={framework.statuses} value={status.shown} onChange={(key) => status.set(key, { immediate: true })} />
        </div>

        {showMode ? (
          <>
            <span className="form-label" id={ids.mode}>
              {t('matrix.mode')}
            </span>
            <ToggleGroup.Root
              type="single"
              className="segmented"
              aria-labelledby={ids.mode}
              value={mode.shown ?? 'none'}
              onValueChange={(value) => {
                if (value === '') return;
                mode.set(value === 'none' ? null : (value as CellMode), { immediate: true });
              }}
            >
              {MODES.map((m) => (
                <ToggleGroup.Item key={m.value} value={m.value} className="segment">
                  {t(m.label)}
                </ToggleGroup.Item>
              ))}
            </ToggleGroup.Root>
          </>
        ) : null}

        <span className="form-label" id={ids.period}>
          {t('matrix.period')}
        </span>
        <div className="period" role="group" aria-labelledby={ids.period}>
          <input
            className="text-input year-input"
            aria-label={t('matrix.periodFrom')}
            inputMode="numeric"
            placeholder={t('matrix.from')}
            value={period.shown.from}
            aria-invalid={period.error ? true : undefined}
            onChange={(e) => period.set({ ...period.shown, from: e.target.value })}
            onBlur={period.flush}
          />
          <span aria-hidden="true">{EN_DASH}</span>
          <input
            className="text-input year-input"
            aria-label={t('matrix.periodTo')}
            inputMode="numeric"
            placeholder={t('matrix.to')}
            value={period.shown.to}
            aria-invalid={period.error ? true : undefined}
            onChange={(e) => period.set({ ...period.shown, to: e.target.value })}
            onBlur={period.flush}
          />
        </div>
        {period.error ? <p className="field-error form-span">{period.error}</p> : null}

        <span className="form-label" id={ids.confidence}>
          {t('matrix.confidence')}
        </span>
        <ToggleGroup.Root
          type="single"
          className="segmented"
          aria-labelledby={ids.confidence}
          value={confidence.shown ?? UNRATED}
          // Radio semantics: Space or a click on the chosen one keeps it (Radix would empty the group); "Not rated"
          // is chosen like any other value.
          onValueChange={(value) => {
            if (value === '') return;
            confidence.set(value === UNRATED ? null : (value as Confidence), { immediate: true });
          }}
        >
          <ToggleGroup.Item value={UNRATED} className="segment">
            {t('matrix.notRated')}
          </ToggleGroup.Item>
          {CONFIDENCES.map((c) => (
            <ToggleGroup.Item key={c.value} value={c.value} className="segment">
              {t(c.label)}
            </ToggleGroup.Item>
          ))}
        </ToggleGroup.Root>
      </div>

      <SummaryEditor
        saveKey={`${base}:summary`}
        where={where}
        value={cell?.summary ?? ''}
        send={(value) => send({ summary: value })}
        onSaved={onSaved}
        textareaRef={(element) => {
          summaryRef.current = element;
        }}
      />

      <AutoTextArea
        className="memo-field"
        label={t('matrix.privateMemo')}
        hint={t('matrix.privateMemoHint')}
        saveKey={`${base}:memo`}
        where={where}
        value={cell?.memo ?? ''}
        send={(value) => send({ memo: value })}
        onSaved={onSaved}
        rows={3}
        placeholder={t('matrix.privateMemoPlaceholder')}
      />
      </fieldset>

      <CellEvidence cellId={cell?.id} target={target} where={where} />

      <CellClaims normId={normId} caseId={caseId} stageId={stageId} />

      {stageNote ? (
        <section className="details-section">
          <h3 className="section-heading">{t('matrix.stageMeansHere')}</h3>
          <p className="prose muted">{stageNote}</p>
        </section>
      ) : null}

      <CellHistory cell={cell} statuses={framework.statuses} />

      <p className="cell-times muted">
        {cell ? (
          <>
            {t('matrix.createdAt')} <time dateTime={cell.createdAt}>{formatTime(cell.createdAt)}</time>
            {SEP}
            {t('matrix.editedAt')}
            {SPACE}
            <time dateTime={cell.updatedAt}>{formatTime(cell.updatedAt)}</time>
          </>
        ) : (
          t('matrix.notAssessed')
        )}
      </p>
    </section>
  );
}
