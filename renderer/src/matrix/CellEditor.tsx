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

const MODES: { value: CellMode | 'none'; label: string }[] = [
  { value: 'discourse', label: 'Discourse' },
  { value: 'practice', label: 'Practice' },
  { value: 'both', label: 'Both' },
  { value: 'none', label: 'None' },
];

const CONFIDENCES: Confidence[] = ['low', 'medium', 'high'];
const UNRATED = 'unrated';

function parseYear(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^-?\d{1,4}$/.test(trimmed)) return 'invalid';
  return Number(trimmed);
}

function validatePeriod(period: PeriodDraft): string | null {
  const from = parseYear(period.from);
  const to = parseYear(period.to);
  if (from === 'invalid' || to === 'invalid') return 'A period is given in years, e.g. 2012–2016.';
  if (from !== null && to !== null && from > to) return 'The period must not end before it starts.';
  return null;
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-GB', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/**
 * The editor of one matrix cell: status on the framework's scale, mode where the stage asks for it, period,
 * summary (Markdown), confidence and a private memo. Every field saves itself; Escape returns to the matrix.
 */
export function CellEditor({ target, norm, framework, kase, stage, cell, focusRequest, focusField, onReturnToGrid }: CellEditorProps) {
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
    validate: validatePeriod,
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
      <p className="eyebrow">Cell</p>
      <h2 id="cell-editor-title" className="details-title" data-testid="details-title">
        {kase.name} · {stage.label}
      </h2>
      <p className="details-norm muted">{norm.label}</p>

      {/* A project open read-only: the fields show the cell but take no edits (the banner says why). */}
      <fieldset className="plain-fieldset" disabled={readOnly} aria-label={readOnly ? 'Read-only' : undefined}>
      <div className="form-grid">
        <label className="form-label" htmlFor={ids.status}>
          Status
        </label>
        <div>
          <StatusSelect id={ids.status} label="Status" statuses={framework.statuses} value={status.shown} onChange={(key) => status.set(key, { immediate: true })} />
        </div>

        {showMode ? (
          <>
            <span className="form-label" id={ids.mode}>
              Mode
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
                  {m.label}
                </ToggleGroup.Item>
              ))}
            </ToggleGroup.Root>
          </>
        ) : null}

        <span className="form-label" id={ids.period}>
          Period
        </span>
        <div className="period" role="group" aria-labelledby={ids.period}>
          <input
            className="text-input year-input"
            aria-label="Period from (year)"
            inputMode="numeric"
            placeholder="from"
            value={period.shown.from}
            aria-invalid={period.error ? true : undefined}
            onChange={(e) => period.set({ ...period.shown, from: e.target.value })}
            onBlur={period.flush}
          />
          <span aria-hidden="true">–</span>
          <input
            className="text-input year-input"
            aria-label="Period to (year)"
            inputMode="numeric"
            placeholder="to"
            value={period.shown.to}
            aria-invalid={period.error ? true : undefined}
            onChange={(e) => period.set({ ...period.shown, to: e.target.value })}
            onBlur={period.flush}
          />
        </div>
        {period.error ? <p className="field-error form-span">{period.error}</p> : null}

        <span className="form-label" id={ids.confidence}>
          Confidence
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
            Not rated
          </ToggleGroup.Item>
          {CONFIDENCES.map((c) => (
            <ToggleGroup.Item key={c} value={c} className="segment">
              {c[0]!.toUpperCase() + c.slice(1)}
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
        label="Private memo"
        hint="For you: not shown in the matrix."
        saveKey={`${base}:memo`}
        where={where}
        value={cell?.memo ?? ''}
        send={(value) => send({ memo: value })}
        onSaved={onSaved}
        rows={3}
        placeholder="Doubts, leads, what to check next…"
      />
      </fieldset>

      <CellEvidence cellId={cell?.id} target={target} where={where} />

      <CellClaims normId={normId} caseId={caseId} stageId={stageId} />

      {stageNote ? (
        <section className="details-section">
          <h3 className="section-heading">What this stage means here</h3>
          <p className="prose muted">{stageNote}</p>
        </section>
      ) : null}

      <CellHistory cell={cell} statuses={framework.statuses} />

      <p className="cell-times muted">
        {cell ? (
          <>
            Created <time dateTime={cell.createdAt}>{formatTime(cell.createdAt)}</time> · edited{' '}
            <time dateTime={cell.updatedAt}>{formatTime(cell.updatedAt)}</time>
          </>
        ) : (
          'Not assessed yet: any field you fill creates the cell.'
        )}
      </p>
    </section>
  );
}
