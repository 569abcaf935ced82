/** Small pieces the evidence views share: a file path field, a confirmation, kind and language pickers, memos. */
import { useId, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { MemoDto, MemoTarget, SourceKind } from '../../../electron/contract/api';
import type { ApiError } from '../../../electron/contract/errors';
import { useIntl } from 'react-intl';
import { api, toApiError, transportKind } from '../api';
import { useT } from '../i18n/use-t';
import { AutoTextArea } from '../ui/fields';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import './evidence.css';
import { useFormatDay } from './use-day';
import { LANGUAGE_SUGGESTIONS, SOURCE_KIND_OPTIONS } from './format';
import { useEvidenceAction, useEvidenceQuery, useEvidenceStore } from './store';

interface FileFilter {
  name: string;
  extensions: string[];
}

interface PathFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  mode: 'open' | 'save';
  /** The native dialog's title (desktop). */
  title: string;
  filters: FileFilter[];
  defaultName?: string;
  placeholder?: string;
  hint?: ReactNode;
  autoFocus?: boolean;
}

/**
 * A file on this computer: typed as a path (the browser cannot see the disk), or chosen with the desktop's own
 * dialog through "Browse…" (host.chooseFile), which the browser does not have.
 */
/** Example paths in a path field: paths, not words, so they stay as they are in every language. */
const OPEN_EXAMPLE = '/home/me/fieldwork/report.pdf';
const SAVE_EXAMPLE = '/home/me/Documents/copy.pdf';

export function PathField({ label, value, onChange, mode, title, filters, defaultName, placeholder, hint, autoFocus }: PathFieldProps) {
  const t = useT();
  const id = useId();
  const [desktop, setDesktop] = useState(transportKind === 'ipc');
  const [error, setError] = useState<string | null>(null);

  const browse = async () => {
    setError(null);
    try {
      const chosen = await api['host.chooseFile']({ mode, title, filters, defaultName });
      if (chosen.path) onChange(chosen.path);
    } catch (caught) {
      const failure = toApiError(caught);
      if (failure.code === 'UNSUPPORTED') setDesktop(false);
      else setError(failure.message);
    }
  };

  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="ev-path-row">
        <input
          id={id}
          className="text-input ev-path-input"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={placeholder ?? (mode === 'open' ? OPEN_EXAMPLE : SAVE_EXAMPLE)}
          spellCheck={false}
          autoComplete="off"
          autoFocus={autoFocus}
        />
        {desktop ? (
          <button type="button" className="button" onClick={() => void browse()}>
            {t('evidence.browse')}
          </button>
        ) : null}
      </div>
      {error ? <p className="field-error">{error}</p> : hint ? <p className="field-hint">{hint}</p> : null}
    </div>
  );
}

interface ConfirmProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /** Does it; a thrown ApiError (the API's refusal) is shown in the dialog, which then stays open. */
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}

/** "Delete X?" with the consequence in one sentence; the API's refusal, if any, is shown in place. */
export function ConfirmDialog({ title, message, confirmLabel, onConfirm, onClose }: ConfirmProps) {
  const t = useT();
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    try {
      await onConfirm();
      onClose();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title={title} description={message} testId="ev-confirm">
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        {error ? <InlineAlert message={error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-danger" disabled={pending}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function KindSelect({
  id,
  value,
  onChange,
  label,
  allowAny,
  anyLabel,
}: {
  id?: string;
  value: SourceKind | '';
  onChange: (kind: SourceKind | '') => void;
  label: string;
  allowAny?: boolean;
  anyLabel?: string;
}) {
  const t = useT();
  return (
    <select id={id} className="native-select" aria-label={id ? undefined : label} value={value} onChange={(e) => onChange(e.target.value as SourceKind | '')}>
      {allowAny ? <option value="">{anyLabel ?? t('evidence.allKinds')}</option> : null}
      {SOURCE_KIND_OPTIONS.map((o) => (
        <option key={o.value} value={o.value}>
          {t(o.labelId)}
        </option>
      ))}
    </select>
  );
}

/** The language codes offered as suggestions to every language field (a datalist: any code can be typed). */
export function LanguageSuggestions({ id }: { id: string }) {
  const t = useT();
  return (
    <datalist id={id}>
      {LANGUAGE_SUGGESTIONS.map((l) => (
        <option key={l.code} value={l.code}>
          {t(l.labelId)}
        </option>
      ))}
    </datalist>
  );
}

/** Memos on one thing (a source, an excerpt...): each saves itself; a new one is added with its text. */
export function Memos({ targetType, targetId, where }: { targetType: MemoTarget; targetId: string; where: string }) {
  const memos = useEvidenceQuery('memos.list', { targetType, targetId });
  const create = useEvidenceAction('memos.create');
  const remove = useEvidenceAction('memos.remove');
  const [text, setText] = useState('');
  const newId = useId();
  const t = useT();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return;
    const made = await create.run({ targetType, targetId, text: text.trim() });
    if (made) setText('');
  };

  const list = memos.data ?? [];
  const failure = create.error ?? remove.error;
  return (
    <section className="details-section ev-memos" aria-label={t('evidence.memos')}>
      <h3 className="section-heading">{list.length > 0 ? t('evidence.memosWithCount', { count: list.length }) : t('evidence.memos')}</h3>
      {memos.error ? <InlineAlert message={memos.error.message} actionLabel={t('evidence.tryAgain')} onAction={memos.reload} /> : null}
      {failure ? <InlineAlert message={failure.message} /> : null}
      <ul className="ev-memo-list">
        {list.map((memo, index) => (
          <MemoItem key={memo.id} memo={memo} index={index} where={where} onDelete={() => void remove.run({ id: memo.id })} />
        ))}
      </ul>
      <form className="ev-memo-new" onSubmit={(e) => void add(e)}>
        <label className="visually-hidden" htmlFor={newId}>
          {t('evidence.newMemo')}
        </label>
        <textarea id={newId} className="text-area" rows={2} value={text} placeholder={t('evidence.memoPlaceholder')} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="button button-small" disabled={create.pending || text.trim() === ''}>
          {t('evidence.addMemo')}
        </button>
      </form>
    </section>
  );
}

function MemoItem({ memo, index, where, onDelete }: { memo: MemoDto; index: number; where: string; onDelete: () => void }) {
  const store = useEvidenceStore();
  const t = useT();
  const formatDay = useFormatDay();
  // The answer to the last save, shown until the list is read again (so the field never flashes the old text).
  const [saved, setSaved] = useState<MemoDto | null>(null);
  const latest = saved && saved.updatedAt > memo.updatedAt ? saved : memo;
  return (
    <li className="ev-memo">
      <AutoTextArea
        label={t('evidence.memoNumber', { number: index + 1 })}
        showLabel={false}
        saveKey={`memo:${memo.id}`}
        where={where}
        value={latest.text}
        send={(value) => api['memos.update']({ id: memo.id, text: value })}
        validate={(value) => (value.trim() === '' ? t('evidence.memoNeedsText') : null)}
        onSaved={async (result) => {
          setSaved(result as MemoDto);
          await store.afterFieldSave([]);
        }}
        rows={2}
      />
      <div className="ev-memo-meta">
        <span className="muted small">{formatDay(latest.updatedAt)}</span>
        <button type="button" className="button button-small" onClick={onDelete} aria-label={t('evidence.deleteMemoNumber', { number: index + 1 })}>
          {t('evidence.delete')}
        </button>
      </div>
    </li>
  );
}

/** A row of small facts: "3 pages · PDF · 21 KB". */
export function Facts({ items }: { items: (string | null | undefined | false)[] }) {
  const shown = items.filter((i): i is string => typeof i === 'string' && i !== '');
  return <span className="ev-facts">{shown.join(' · ')}</span>;
}

interface PageJumpProps {
  /** The field's accessible name ("Go to page", "Go to page on the PDF"). */
  label: string;
  value: string;
  onChange: (digits: string) => void;
  /** Enter goes to the page: each view scrolls its own way. */
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** How many pages; undefined while that is not known yet. */
  count: number | undefined;
  placeholder?: string | undefined;
}

/** "Page [ ] of N" in a reader's toolbar: digits only. */
export function PageJump({ label, value, onChange, onKeyDown, count, placeholder }: PageJumpProps) {
  const t = useT();
  const intl = useIntl();
  return (
    <label className="ev-goto">
      <span className="muted small">{t('evidence.pageJumpPage')}</span>
      <input
        className="text-input ev-goto-input numeric"
        inputMode="numeric"
        aria-label={label}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
        onKeyDown={onKeyDown}
      />
      <span className="muted small">{t('evidence.pageJumpOf', { count: count ? intl.formatNumber(count) : '…' })}</span>
    </label>
  );
}
