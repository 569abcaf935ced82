/** The document imports of this session, in place: progress while they run, Cancel, and what each one produced. */
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { useT } from '../i18n/use-t';
import { RichMsg } from './RichMsg';
import { useEvidenceState, useEvidenceStore, type ImportItem } from './store';

const STATE_WORDS: Record<ImportItem['state'], MessageId> = {
  queued: 'evidence.stateQueued',
  running: 'evidence.stateRunning',
  done: 'evidence.stateDone',
  failed: 'evidence.stateFailed',
  cancelled: 'evidence.stateCancelled',
};

const SEPARATOR = ' · ';

/** The core reports optical recognition as "Recognising…" (in English): the words shown are our own. */
function isRecognising(item: ImportItem): boolean {
  return item.message.startsWith('Recognising');
}

export function ImportProgress() {
  const t = useT();
  const store = useEvidenceStore();
  const imports = useEvidenceState((s) => s.imports);
  if (imports.length === 0) return null;
  const busy = imports.some((i) => i.state === 'queued' || i.state === 'running');
  return (
    <section className="ev-imports" aria-label={t('evidence.documentImports')} data-testid="imports">
      <ul className="ev-import-list">
        {imports.map((item) => (
          <li key={item.key} className={`ev-import is-${item.state}`} data-file={item.fileName}>
            <span className="ev-import-name" title={item.path}>
              {item.fileName}
            </span>
            <span className="ev-import-state" role="status">
              {t(STATE_WORDS[item.state])}
              {item.state === 'running' && isRecognising(item)
                ? SEPARATOR +
                  (item.done > 0 && item.total > 0
                    ? t('evidence.recognisingPage', { done: Math.min(item.done, item.total), total: item.total })
                    : t('evidence.recognisingPages', { count: item.total }))
                : ''}
              {item.state === 'running' && item.total > 0 && !isRecognising(item) ? SEPARATOR + t('evidence.pageOfTotal', { done: Math.min(item.done, item.total), total: item.total }) : ''}
              {item.state === 'done' && item.document ? SEPARATOR + t('evidence.pages', { count: item.document.pageCount }) : ''}
            </span>
            {item.state === 'running' || item.state === 'queued' ? (
              <progress
                className="ev-progress"
                aria-label={t('evidence.progressOf', { file: item.fileName })}
                max={item.total || 1}
                value={item.total ? item.done : undefined}
              />
            ) : null}
            {item.error ? <span className="ev-import-error">{item.error}</span> : null}
            <span className="ev-import-actions">
              {item.state === 'running' || item.state === 'queued' ? (
                <button type="button" className="button button-small" onClick={() => void store.cancelImport(item.key)}>
                  <RichMsg id="evidence.cancelImportOf" values={{ file: item.fileName }} />
                </button>
              ) : null}
              {item.state === 'done' && item.document ? (
                <button type="button" className="button button-small" onClick={() => store.openDocument(item.document!.id)}>
                  <RichMsg id="evidence.openFile" values={{ file: item.fileName }} />
                </button>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {!busy ? (
        <button type="button" className="button button-small ev-imports-clear" onClick={() => store.clearFinishedImports()}>
          {t('evidence.clear')}
        </button>
      ) : null}
    </section>
  );
}
