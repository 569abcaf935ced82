/** The document imports of this session, in place: progress while they run, Cancel, and what each one produced. */
import { plural } from './format';
import { useEvidenceState, useEvidenceStore } from './store';

const STATE_WORDS = { queued: 'Waiting', running: 'Importing', done: 'Imported', failed: 'Not imported', cancelled: 'Cancelled' } as const;

export function ImportProgress() {
  const store = useEvidenceStore();
  const imports = useEvidenceState((s) => s.imports);
  if (imports.length === 0) return null;
  const busy = imports.some((i) => i.state === 'queued' || i.state === 'running');
  return (
    <section className="ev-imports" aria-label="Document imports" data-testid="imports">
      <ul className="ev-import-list">
        {imports.map((item) => (
          <li key={item.key} className={`ev-import is-${item.state}`} data-file={item.fileName}>
            <span className="ev-import-name" title={item.path}>
              {item.fileName}
            </span>
            <span className="ev-import-state" role="status">
              {STATE_WORDS[item.state]}
              {item.state === 'running' && item.message.startsWith('Recognising') ? ` · ${item.message.replace(/^Recognising/, 'recognising')}` : ''}
              {item.state === 'running' && item.total > 0 && !item.message.startsWith('Recognising') ? ` · page ${Math.min(item.done, item.total)} of ${item.total}` : ''}
              {item.state === 'done' && item.document ? ` · ${plural(item.document.pageCount, 'page')}` : ''}
            </span>
            {item.state === 'running' || item.state === 'queued' ? (
              <progress
                className="ev-progress"
                aria-label={`Progress of ${item.fileName}`}
                max={item.total || 1}
                value={item.total ? item.done : undefined}
              />
            ) : null}
            {item.error ? <span className="ev-import-error">{item.error}</span> : null}
            <span className="ev-import-actions">
              {item.state === 'running' || item.state === 'queued' ? (
                <button type="button" className="button button-small" onClick={() => void store.cancelImport(item.key)}>
                  Cancel<span className="visually-hidden"> import of {item.fileName}</span>
                </button>
              ) : null}
              {item.state === 'done' && item.document ? (
                <button type="button" className="button button-small" onClick={() => store.openDocument(item.document!.id)}>
                  Open<span className="visually-hidden"> {item.fileName}</span>
                </button>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {!busy ? (
        <button type="button" className="button button-small ev-imports-clear" onClick={() => store.clearFinishedImports()}>
          Clear
        </button>
      ) : null}
    </section>
  );
}
