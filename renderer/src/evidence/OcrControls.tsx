/**
 * Machine-read pages in the reader: each says so, with the engine's confidence (never colour alone: the words say
 * it), and a document's scanned pages can be read again with the languages in another order, as a job with
 * progress and Cancel. Nothing changes until every page is read.
 */
import { useEffect, useState } from 'react';
import type { DocumentTextDto, OcrLanguage, PageOcrDto } from '../../../electron/contract/api';
import { api } from '../api';
import { useJob } from '../exports/use-job';
import { InlineAlert } from '../ui/InlineAlert';

/** Below this mean word confidence, a page's text needs checking word by word. */
const LOW_CONFIDENCE = 75;

const LANGUAGE_ORDERS: { value: string; label: string; languages: OcrLanguage[] }[] = [
  { value: 'kaz+rus+eng', label: 'Kazakh, Russian, English', languages: ['kaz', 'rus', 'eng'] },
  { value: 'rus+kaz+eng', label: 'Russian, Kazakh, English', languages: ['rus', 'kaz', 'eng'] },
  { value: 'eng+rus+kaz', label: 'English, Russian, Kazakh', languages: ['eng', 'rus', 'kaz'] },
];

const LANGUAGE_NAMES: Record<string, string> = { kaz: 'Kazakh', rus: 'Russian', eng: 'English' };

export function MachineReadNote({ ocr }: { ocr: PageOcrDto }) {
  const low = ocr.confidence < LOW_CONFIDENCE;
  const languages = ocr.languages
    .split('+')
    .map((code) => LANGUAGE_NAMES[code] ?? code)
    .join(', ');
  return (
    <span
      className={`ev-ocr-note${low ? ' is-low' : ''}`}
      data-testid="machine-read"
      title={`Recognised by ${ocr.engine} (${languages}) on ${ocr.recognisedAt.slice(0, 10)}. Check quotes against the original.`}
    >
      Machine-read · confidence {Math.round(ocr.confidence)}%{low ? ' (low: check every word)' : ''}
    </span>
  );
}

export function RecogniseControl({ document, onDone }: { document: DocumentTextDto; onDone: () => void }) {
  const job = useJob();
  const [order, setOrder] = useState(LANGUAGE_ORDERS[0]!.value);
  const state = job.job?.state;
  useEffect(() => {
    if (state === 'done') onDone();
  }, [state, onDone]);
  const scanned = document.format === 'image' || document.pages.some((p) => p.ocr !== null || p.text === '');
  if (!scanned) return null;
  const failure = job.startError?.message ?? (state === 'failed' ? job.job?.error?.message : undefined);
  return (
    <span className="ev-recognise" data-testid="recognise">
      {job.running ? (
        <>
          <span className="muted small" role="status">
            {job.job?.message || 'Starting text recognition'}
          </span>
          <progress className="ev-progress" aria-label="Text recognition progress" max={job.job?.total || 1} value={job.job?.total ? job.job.done : undefined} />
          <button type="button" className="button button-small" onClick={() => void job.cancel()}>
            Cancel<span className="visually-hidden"> text recognition</span>
          </button>
        </>
      ) : (
        <>
          <label className="ev-recognise-order">
            <span className="visually-hidden">Languages to recognise, in the order tried</span>
            <select className="select" value={order} onChange={(e) => setOrder(e.target.value)}>
              {LANGUAGE_ORDERS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            title="Read the text of the scanned pages again (pages with excerpts keep their text)"
            onClick={() => void job.start(api['documents.recognise']({ id: document.id, languages: LANGUAGE_ORDERS.find((o) => o.value === order)!.languages }))}
          >
            Recognise again
          </button>
          {state === 'cancelled' ? (
            <span className="muted small" role="status">
              Cancelled: nothing was changed.
            </span>
          ) : null}
        </>
      )}
      {failure ? <InlineAlert message={failure} actionLabel="Dismiss" onAction={job.reset} /> : null}
    </span>
  );
}
