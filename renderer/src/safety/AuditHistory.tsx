import { useEffect, useRef, useState } from 'react';
import type { AuditEntryDto } from '../../../electron/contract/api';
import type { ApiError } from '../../../electron/contract/errors';
import { api, toApiError, useApiQuery } from '../api';
import { InlineAlert } from '../ui/InlineAlert';
import type { RefreshPart } from '../project-store';
import { useServices } from '../workbench-context';
import { changesOf, kindOf, type ValueWords } from './audit-diff';
import { formatDateTime } from './format';
import './safety.css';
import { useT } from '../i18n/use-t';

const SHOWN = 8;
/** A symbol, the same in every language; its accessible name says it in words. */
const ARROW = ' → ';
const NO_WORDS: ValueWords = {};
const NO_COLUMNS: readonly string[] = [];
const DEFAULT_REFRESH: RefreshPart[] = ['cells', 'history'];

interface AuditHistoryProps {
  /** The audited table ('cells', 'claims', 'excerpts'...). */
  table: string;
  /** The record's id; undefined while it does not exist yet (an empty cell). */
  rowId: string | undefined;
  /** Changes whenever the record does (e.g. its updatedAt): the list is read again. */
  version?: string | undefined;
  /** Words for stored values (the framework's status labels, names of referenced records). */
  words?: ValueWords;
  /** Columns not worth showing for this table (e.g. a cell's case, norm and stage, which never change). */
  hidden?: readonly string[];
  /** What to reload after a restore (default: the matrix and the undo state). */
  refresh?: RefreshPart[];
  /** Restoring is an edit: not offered on a project opened read-only. */
  readOnly?: boolean;
  onRestored?: () => void;
}

/**
 * The HISTORY section of a record's details: its audit entries, newest first — when, what, and what changed
 * (before → after) — each with "Restore this version" (a new edit, which Undo takes back).
 */
export function AuditHistory({ table, rowId, version, words = NO_WORDS, hidden = NO_COLUMNS, refresh = DEFAULT_REFRESH, readOnly = false, onRestored }: AuditHistoryProps) {
  const t = useT();
  const { store, queue } = useServices();
  const list = useApiQuery('audit.list', rowId ? { table, rowId, limit: 200 } : null);
  const [all, setAll] = useState(false);
  const [restoring, setRestoring] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const reload = list.reload;
  const seen = useRef(version);

  // The record changed (typing saved, undo, a restore): read its history again.
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reload();
  }, [version, reload]);

  const restore = async (entry: AuditEntryDto) => {
    setRestoring(entry.id);
    setError(undefined);
    try {
      await queue.flush();
      await api['audit.restore']({ id: entry.id });
      await store.refresh(refresh);
      reload();
      onRestored?.();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setRestoring(null);
    }
  };

  const entries = list.data ?? [];
  const shown = all ? entries : entries.slice(0, SHOWN);
  return (
    <section className="details-section audit-history" aria-labelledby={`history-${table}`} data-testid="history">
      <h3 id={`history-${table}`} className="section-heading">
        {entries.length ? t('safety.historyCount', { count: entries.length }) : t('safety.history')}
      </h3>
      {!rowId ? (
        <p className="muted small">{t('safety.historyNothingYet')}</p>
      ) : list.error ? (
        <InlineAlert message={list.error.message} actionLabel={t('safety.tryAgain')} onAction={reload} />
      ) : !list.data ? (
        <p className="muted small" role="status">
          {t('safety.loading')}
        </p>
      ) : entries.length === 0 ? (
        <p className="muted small">{t('safety.historyNone')}</p>
      ) : (
        <ol className="history-list">
          {shown.map((entry, index) => {
            const changes = changesOf(entry, words, hidden);
            const kind = kindOf(entry);
            const current = index === 0 && kind !== 'deleted';
            return (
              <li key={entry.id} className="history-entry" data-testid="history-entry">
                <div className="history-head">
                  <time dateTime={entry.at} className="history-time">
                    {formatDateTime(entry.at, true)}
                  </time>
                  <span className="history-action" title={entry.action}>
                    {kind === 'created'
                      ? t('safety.historyCreated')
                      : kind === 'deleted'
                        ? t('safety.historyDeleted')
                        : entry.action.startsWith('Restore')
                          ? t('safety.historyRestored')
                          : entry.action.startsWith('Undo') || entry.action.startsWith('Redo')
                            ? entry.action
                            : t('safety.historyEdited')}
                  </span>
                </div>
                {changes.length > 0 ? (
                  <dl className="history-changes">
                    {changes.map((c) => (
                      <div key={c.field} className="history-change">
                        <dt>{c.label}</dt>
                        <dd>
                          <span className={`history-before${c.before.length <= 32 ? ' is-short' : ''}`}>{c.before}</span>
                          <span className="history-arrow" aria-label={t('safety.changedTo')}>
                            {ARROW}
                          </span>
                          <span className="history-after">{c.after}</span>
                        </dd>
                      </div>
                    ))}
                  </dl>
                ) : null}
                <div className="history-foot">
                  {current ? (
                    <span className="history-current">{t('safety.currentVersion')}</span>
                  ) : kind === 'deleted' ? null : (
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => void restore(entry)}
                      disabled={readOnly || restoring !== null}
                      title={t('safety.restoreVersionHint')}
                    >
                      {restoring === entry.id ? t('safety.restoring') : t('safety.restoreVersion')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {entries.length > SHOWN ? (
        <button type="button" className="button button-small history-more" onClick={() => setAll((a) => !a)}>
          {all ? t('safety.showFewer') : t('safety.showAll', { count: entries.length })}
        </button>
      ) : null}
      {error ? <InlineAlert message={error.message} /> : null}
    </section>
  );
}
