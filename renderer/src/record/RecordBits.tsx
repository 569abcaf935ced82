/** Small shared pieces of the record pages: status tags (word + shape), selects that save themselves, page headers. */
import { useId, type ReactNode } from 'react';
import type { CaseDto, ClaimAssessment, Severity, Verification } from '../../../electron/contract/api';
import { VERIFICATION_STATUSES } from '../../../electron/contract/api';
import { useAutoSave } from '../ui/fields';
import { FocalMarker } from '../matrix/FocalMarker';
import { useProject } from '../workbench-context';
import { useRecordUi } from './record-store';
import { useT } from '../i18n/use-t';
import { assessmentId, SEVERITY_RANK, severityId, verificationId, type Translate } from './labels';
import './record.css';

/** The glyph beside a verification word: a tick, a "1", an exclamation mark or a question mark. */
export function VerificationGlyph({ value }: { value: Verification }) {
  return (
    <svg className="rec-glyph" viewBox="0 0 12 12" width="11" height="11" aria-hidden="true" focusable="false">
      {value === 'verified-external' ? (
        <path d="M2.2 6.4l2.4 2.4L9.8 3.4" fill="none" stroke="currentColor" strokeWidth="1.7" />
      ) : value === 'one-source' ? (
        <>
          <circle cx="6" cy="6" r="5" fill="none" stroke="currentColor" strokeWidth="1.2" />
          <path d="M5 4.2L6.4 3.3V8.8" fill="none" stroke="currentColor" strokeWidth="1.3" />
        </>
      ) : value === 'contested' ? (
        <>
          <path d="M6 1L11.2 10.5H0.8z" fill="currentColor" />
          <path d="M6 4.3v3" stroke="#fff" strokeWidth="1.3" />
          <circle cx="6" cy="8.8" r="0.75" fill="#fff" />
        </>
      ) : (
        <>
          <circle cx="6" cy="6" r="5" fill="none" stroke="currentColor" strokeWidth="1.2" strokeDasharray="2 1.4" />
          <path d="M4.5 4.6a1.6 1.6 0 113 .6c-.5.5-1.5.8-1.5 1.8" fill="none" stroke="currentColor" strokeWidth="1.1" />
          <circle cx="6" cy="8.9" r="0.7" fill="currentColor" />
        </>
      )}
    </svg>
  );
}

export function VerificationTag({ value, compact = false }: { value: Verification; compact?: boolean }) {
  const t = useT();
  return (
    <span className={`rec-tag rec-ver rec-ver-${value}`} data-verification={value}>
      <VerificationGlyph value={value} />
      {compact && value === 'verified-external' ? t('record.verifiedShort') : t(verificationId(value))}
    </span>
  );
}

function AssessmentGlyph({ value }: { value: ClaimAssessment }) {
  return (
    <svg className="rec-glyph" viewBox="0 0 12 12" width="11" height="11" aria-hidden="true" focusable="false">
      {value === 'supported' ? (
        <circle cx="6" cy="6" r="5" fill="currentColor" />
      ) : value === 'partly-supported' ? (
        <>
          <circle cx="6" cy="6" r="4.6" fill="none" stroke="currentColor" strokeWidth="1.3" />
          <path d="M6 1.4a4.6 4.6 0 010 9.2z" fill="currentColor" />
        </>
      ) : value === 'not-supported' ? (
        <>
          <circle cx="6" cy="6" r="4.6" fill="none" stroke="currentColor" strokeWidth="1.4" />
          <path d="M2.8 9.2L9.2 2.8" stroke="currentColor" strokeWidth="1.4" />
        </>
      ) : (
        <circle cx="6" cy="6" r="4.6" fill="none" stroke="currentColor" strokeWidth="1.2" strokeDasharray="2 1.5" />
      )}
    </svg>
  );
}

export function AssessmentTag({ value }: { value: ClaimAssessment }) {
  const t = useT();
  return (
    <span className={`rec-tag rec-assess rec-assess-${value}`} data-assessment={value}>
      <AssessmentGlyph value={value} />
      {t(assessmentId(value))}
    </span>
  );
}

/** A severity as its word, with 0–4 filled pips (so it reads in greyscale and without colour). */
export function SeverityTag({ value, prefix }: { value: Severity; prefix?: string | undefined }) {
  const t = useT();
  const rank = SEVERITY_RANK[value];
  return (
    <span className={`rec-sev rec-sev-${value}`} data-severity={value}>
      <span className="rec-pips" aria-hidden="true">
        {[1, 2, 3, 4].map((i) => (
          <span key={i} className={i <= rank ? 'rec-pip is-on' : 'rec-pip'} />
        ))}
      </span>
      {prefix ? <span className="rec-sev-prefix">{prefix} </span> : null}
      {t(severityId(value))}
    </span>
  );
}

export function CaseName({ kase }: { kase: CaseDto | undefined }) {
  const t = useT();
  if (!kase) return <span className="muted">{t('record.unknownCase')}</span>;
  return (
    <span className="rec-case-name">
      {kase.name}
      {kase.role === 'focal' ? <FocalMarker /> : null}
    </span>
  );
}

/** The live cases of the project (focal first), and a lookup by id over every case. */
export function useCases(): { live: CaseDto[]; byId: Map<string, CaseDto> } {
  const { overview } = useProject();
  const all = overview?.cases ?? [];
  const live = all.filter((c) => !c.archived);
  return { live: [...live.filter((c) => c.role === 'focal'), ...live.filter((c) => c.role !== 'focal')], byId: new Map(all.map((c) => [c.id, c])) };
}

interface PlainSelectProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  showLabel?: boolean;
  className?: string;
  disabled?: boolean;
  testId?: string;
}

/** A native select with its label: keyboard-first, and what the user sees is what assistive technology hears. */
export function PlainSelect<T extends string>({ label, value, options, onChange, showLabel = true, className, disabled, testId }: PlainSelectProps<T>) {
  const id = useId();
  return (
    <div className={`field rec-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={showLabel ? 'field-label' : 'visually-hidden'}>
        {label}
      </label>
      <select id={id} className="native-select" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as T)} data-testid={testId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface AutoSelectProps<T extends string> {
  label: string;
  saveKey: string;
  where: string;
  value: T;
  options: readonly { value: T; label: string }[];
  send: (value: T) => Promise<unknown>;
  showLabel?: boolean;
  className?: string;
  testId?: string;
}

/** A select whose choice is saved at once (through the autosave queue: ordered with the typing around it). */
export function AutoSelect<T extends string>({ label, saveKey, where, value, options, send, showLabel, className, testId }: AutoSelectProps<T>) {
  const field = useAutoSave<T>({ saveKey, where, value, send });
  return (
    <div>
      <PlainSelect
        label={label}
        value={field.shown}
        options={options}
        onChange={(v) => field.set(v, { immediate: true })}
        showLabel={showLabel}
        className={className}
        testId={testId}
      />
      {field.error ? <p className="field-error">{field.error}</p> : null}
    </div>
  );
}

/** The verification statuses as a select's options, in the interface language. */
export function verificationOptions(t: Translate) {
  return VERIFICATION_STATUSES.map((v) => ({ value: v, label: t(verificationId(v)) }));
}

/** A validator for a field that must not be left empty; `problem` says so in the interface language. */
export function mustFill(problem: string): (value: string) => string | null {
  return (value) => (value.trim() === '' ? problem : null);
}

interface PageHeaderProps {
  id: string;
  title: string;
  lede: ReactNode;
  actions?: ReactNode;
}

export function RecordPageHeader({ id, title, lede, actions }: PageHeaderProps) {
  const t = useT();
  return (
    <header className="rec-page-header">
      <div className="rec-page-titles">
        <p className="eyebrow">{t('record.eyebrow')}</p>
        <h2 id={id} className="matrix-norm">
          {title}
        </h2>
      </div>
      {actions ? <div className="rec-page-actions">{actions}</div> : null}
      <p className="muted rec-lede">{lede}</p>
    </header>
  );
}

/** Checkboxes choosing which cases a view compares (at least one stays chosen). */
export function CaseChooser({ cases, chosen, onChange, label }: { cases: CaseDto[]; chosen: string[]; onChange: (ids: string[]) => void; label?: string }) {
  const t = useT();
  return (
    <fieldset className="rec-case-chooser">
      <legend className="toolbar-label">{label ?? t('record.cases')}</legend>
      {cases.map((c) => {
        const on = chosen.includes(c.id);
        return (
          <label key={c.id} className="rec-check">
            <input
              type="checkbox"
              checked={on}
              disabled={on && chosen.length === 1}
              onChange={() => onChange(on ? chosen.filter((id) => id !== c.id) : cases.filter((k) => k.id === c.id || chosen.includes(k.id)).map((k) => k.id))}
            />
            <span>{c.name}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

/** The cases a comparison view shows: the remembered choice, else every live case (focal first). */
export function useComparedCases(): { cases: CaseDto[]; chosen: CaseDto[]; setChosen: (ids: string[]) => void; chosenIds: string[] } {
  const { live } = useCases();
  const [ui, setUi] = useRecordUi();
  const chosenIds = ui.caseIds ? live.filter((c) => ui.caseIds!.includes(c.id)).map((c) => c.id) : live.map((c) => c.id);
  const ids = chosenIds.length > 0 ? chosenIds : live.map((c) => c.id);
  return { cases: live, chosen: live.filter((c) => ids.includes(c.id)), chosenIds: ids, setChosen: (next) => setUi({ caseIds: next }) };
}
