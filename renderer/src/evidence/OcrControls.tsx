/**
 * Machine-read pages in the reader: each says so, with the engine's confidence (never colour alone: the words say
 * it), and a document's scanned pages can be read again with the languages in another order, as a job with
 * progress and Cancel. Nothing changes until every page is read.
 */
import { useEffect, useState } from 'react';
import type { DocumentTextDto, OcrLanguage, PageOcrDto } from '../../../electron/contract/api';
import { api } from '../api';
import { useJob } from '../exports/use-job';
import { useT } from '../i18n/use-t';
import { InlineAlert } from '../ui/InlineAlert';

/** Below this mean word confidence, a page's text needs checking word by word. */
const LOW_CONFIDENCE = 75;

const LANGUAGE_ORDERS: OcrLanguage[][] = [
  ['kaz', 'rus', 'eng'],
  ['rus', 'kaz', 'eng'],
  ['eng', 'rus', 'kaz'],
];

export function MachineReadNote({ ocr }: { ocr: PageOcrDto }) {
  const t = useT();
  const low = ocr.confidence < LOW_CONFIDENCE;
  const languages = ocr.languages
    .split('+')
    .map((code) => t('pages.ocrLanguage', { code }))
    .join(', ');
  const percent = Math.round(ocr.confidence);
  return (
    <span
      className={`ev-ocr-note${low ? ' is-low' : ''}`}
      data-testid="machine-read"
      title={t('pages.machineReadTitle', { engine: ocr.engine, languages, date: ocr.recognisedAt.slice(0, 10) })}
    >
      {low ? t('pages.machineReadLow', { percent }) : t('pages.machineRead', { percent })}
    </span>
  );
}

export function RecogniseControl({ document, onDone }: { document: DocumentTextDto; onDone: () => void }) {
  const t = useT();
  const job = useJob();
  const [order, setOrder] = useState(0);
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
            {job.job?.message || t('pages.ocrStarting')}
          </span>
          <progress className="ev-progress" aria-label={t('pages.ocrProgress')} max={job.job?.total || 1} value={job.job?.total ? job.job.done : undefined} />
          <button type="button" className="button button-small" onClick={() => void job.cancel()}>
            {t('pages.cancel')}
            <span className="visually-hidden"> {t('pages.cancelOcrHidden')}</span>
          </button>
        </>
      ) : (
        <>
          <label className="ev-recognise-order">
            <span className="visually-hidden">{t('pages.ocrLanguages')}</span>
            <select className="select" value={order} onChange={(e) => setOrder(Number(e.target.value))}>
              {LANGUAGE_ORDERS.map((languages, i) => (
                <option key={languages.join('+')} value={i}>
                  {t('pages.ocrOrder', {
                    first: t('pages.ocrLanguage', { code: languages[0]! }),
                    second: t('pages.ocrLanguage', { code: languages[1]! }),
                    third: t('pages.ocrLanguage', { code: languages[2]! }),
                  })}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            title={t('pages.recogniseHint')}
            onClick={() => void job.start(api['documents.recognise']({ id: document.id, languages: LANGUAGE_ORDERS[order]! }))}
          >
            {t('pages.recogniseAgain')}
          </button>
          {state === 'cancelled' ? (
            <span className="muted small" role="status">
              {t('pages.ocrCancelled')}
            </span>
          ) : null}
        </>
      )}
      {failure ? <InlineAlert message={failure} actionLabel={t('pages.dismiss')} onAction={job.reset} /> : null}
    </span>
  );
}
