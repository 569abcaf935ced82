/**
 * One source in the details pane: its bibliographic record (CSL-JSON fields, each saving itself), notes, the
 * interviewee for an interview, its documents and excerpts, and memos.
 */
import { useState } from 'react';
import type { CslItem, DocumentDto, SourceDto } from '../../../electron/contract/api';
import { api } from '../api';
import { useT } from '../i18n/use-t';
import { AutoTextArea, AutoTextField } from '../ui/fields';
import { InlineAlert } from '../ui/InlineAlert';
import { ImportDocumentsDialog, SaveOriginalDialog } from './dialogs';
import { ManualExcerptDialog } from './ManualExcerpt';
import { citedText, cslDateText, cslNamesText, cslString, formatBytes, parseCslDate, parseCslNames, safeWebUrl, shorten, SOURCE_KIND_LABELS } from './format';
import { useEvidenceAction, useEvidenceStore, useList } from './store';
import { ConfirmDialog, Facts, KindSelect, Memos } from './ui';

export function SourceDetails({ sourceId }: { sourceId: string | null }) {
  const sources = useList('sources');
  const t = useT();
  const source = sourceId ? sources.data?.find((s) => s.id === sourceId) : undefined;
  if (!source) {
    return (
      <div className="details" data-testid="source-details-empty">
        <h2 className="pane-heading">{t('sources.heading')}</h2>
        <p className="muted">{t('sources.emptyHint')}</p>
      </div>
    );
  }
  return <SourceEditor key={source.id} source={source} />;
}

function SourceEditor({ source }: { source: SourceDto }) {
  const t = useT();
  const store = useEvidenceStore();
  const documents = useList('documents');
  const excerpts = useList('excerpts');
  const participants = useList('participants');
  const update = useEvidenceAction('sources.update');
  const [dialog, setDialog] = useState<{ kind: 'import' } | { kind: 'excerpt' } | { kind: 'original'; document: DocumentDto } | { kind: 'remove-document'; document: DocumentDto } | { kind: 'remove' } | null>(null);

  const where = t('sources.where', { title: shorten(source.title, 40) });
  const base = `source:${source.id}`;
  const onSaved = () => store.afterFieldSave(['sources']);
  // Each field sends the record as the back end last answered with it, so two fields typed in a row both stay.
  const latestCsl = (): CslItem => store.getState().lists.sources?.find((s) => s.id === source.id)?.csl ?? source.csl;
  const sendCsl = (field: string, value: unknown) => {
    const csl = { ...latestCsl() };
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete csl[field];
    else csl[field] = value;
    return api['sources.update']({ id: source.id, csl });
  };

  const docs = documents.data?.filter((d) => d.sourceId === source.id) ?? [];
  const taken = (excerpts.data?.filter((e) => e.sourceId === source.id) ?? []).sort(
    (a, b) => (a.page ?? 0) - (b.page ?? 0) || (a.startOffset ?? 0) - (b.startOffset ?? 0) || a.createdAt.localeCompare(b.createdAt),
  );
  const url = safeWebUrl(cslString(source.csl, 'URL'));
  const failure = update.error;

  return (
    <section className="details ev-source-details" data-testid="source-details" aria-labelledby="ev-source-title">
      <p className="eyebrow">{t('sources.eyebrow', { kind: SOURCE_KIND_LABELS[source.kind] })}</p>
      <h2 id="ev-source-title" className="details-title">
        {source.title}
      </h2>
      <p className="muted small">
        <Facts items={[source.authors, source.year?.toString()]} />
      </p>
      {failure ? <InlineAlert message={failure.message} actionLabel={t('sources.dismiss')} onAction={update.clearError} /> : null}

      <div className="form-stack">
        <label className="field">
          <span className="field-label">{t('sources.kind')}</span>
          <KindSelect label={t('sources.kind')} value={source.kind} onChange={(kind) => void (kind === '' ? undefined : update.run({ id: source.id, kind }))} />
        </label>
        <AutoTextArea
          label={t('sources.title')}
          saveKey={`${base}:title`}
          where={where}
          value={cslString(source.csl, 'title')}
          send={(value) => sendCsl('title', value.trim())}
          validate={(value) => (value.trim() === '' ? t('sources.titleEmpty') : null)}
          onSaved={onSaved}
          rows={2}
        />
        <AutoTextField
          label={t('sources.authors')}
          hint={t('sources.authorsHint')}
          saveKey={`${base}:author`}
          where={where}
          value={cslNamesText(source.csl)}
          send={(value) => sendCsl('author', parseCslNames(value))}
          onSaved={onSaved}
        />
        <div className="inline-fields">
          <AutoTextField
            label={t('sources.issued')}
            className="field-short"
            placeholder={t('sources.datePlaceholder')}
            saveKey={`${base}:issued`}
            where={where}
            value={cslDateText(source.csl)}
            send={(value) => sendCsl('issued', parseCslDate(value))}
            onSaved={onSaved}
          />
          <AutoTextField
            label={t('sources.publisher')}
            saveKey={`${base}:publisher`}
            where={where}
            value={cslString(source.csl, 'publisher')}
            send={(value) => sendCsl('publisher', value.trim())}
            onSaved={onSaved}
          />
        </div>
        <AutoTextField
          label={t('sources.url')}
          saveKey={`${base}:URL`}
          where={where}
          value={cslString(source.csl, 'URL')}
          send={(value) => sendCsl('URL', value.trim())}
          onSaved={onSaved}
          hint={
            url ? (
              <a href={url} target="_blank" rel="noreferrer noopener" className="md-link">
                {t('sources.openInBrowser')}
              </a>
            ) : undefined
          }
        />
        <AutoTextField
          label={t('sources.citationKey')}
          saveKey={`${base}:citationKey`}
          where={where}
          value={source.citationKey}
          send={(value) => api['sources.update']({ id: source.id, citationKey: value })}
          onSaved={onSaved}
          hint={t('sources.citationKeyHint')}
        />
        {source.kind === 'interview' || source.participantId ? (
          <label className="field">
            <span className="field-label">{t('sources.interviewee')}</span>
            <select
              className="native-select"
              value={source.participantId ?? ''}
              onChange={(e) => void update.run({ id: source.id, participantId: e.target.value === '' ? null : e.target.value })}
            >
              <option value="">{t('sources.noInterviewee')}</option>
              {(participants.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.pseudonym}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <AutoTextArea
          label={t('sources.notes')}
          saveKey={`${base}:notes`}
          where={where}
          value={source.notes}
          send={(value) => api['sources.update']({ id: source.id, notes: value })}
          onSaved={onSaved}
          rows={2}
          placeholder={t('sources.notesPlaceholder')}
        />
      </div>

      <section className="details-section" aria-labelledby="ev-source-docs">
        <div className="section-head">
          <h3 id="ev-source-docs" className="section-heading">
            {t('sources.documents', { count: docs.length })}
          </h3>
          <button type="button" className="button button-small" onClick={() => setDialog({ kind: 'import' })}>
            {t('sources.importDocument')}
          </button>
        </div>
        {docs.length === 0 ? (
          <p className="muted small">{t('sources.noDocument')}</p>
        ) : (
          <ul className="ev-doc-list">
            {docs.map((d) => (
              <li key={d.id} className="ev-doc">
                <button type="button" className="ev-link-button ev-doc-name" onClick={() => store.openDocument(d.id)}>
                  {d.fileName}
                </button>
                <span className="muted small">
                  <Facts items={[t('sources.pages', { count: d.pageCount }), d.format.toUpperCase(), formatBytes(d.byteSize)]} />
                </span>
                <span className="ev-doc-actions">
                  <button type="button" className="button button-small" onClick={() => store.openDocument(d.id)}>
                    {t('sources.read')}
                  </button>
                  <button type="button" className="button button-small" onClick={() => setDialog({ kind: 'original', document: d })}>
                    {t('sources.original')}
                  </button>
                  <button type="button" className="button button-small" aria-label={t('sources.removeNamed', { file: d.fileName })} onClick={() => setDialog({ kind: 'remove-document', document: d })}>
                    {t('sources.remove')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="details-section" aria-labelledby="ev-source-excerpts">
        <div className="section-head">
          <h3 id="ev-source-excerpts" className="section-heading">
            {t('sources.excerpts', { count: taken.length })}
          </h3>
          <button type="button" className="button button-small" onClick={() => setDialog({ kind: 'excerpt' })} title={t('sources.addExcerptHint')}>
            {t('sources.addExcerpt')}
          </button>
        </div>
        {taken.length === 0 ? (
          <p className="muted small">{t('sources.noExcerpt')}</p>
        ) : (
          <ul className="ev-excerpt-list">
            {taken.map((e) => (
              <li key={e.id}>
                <button type="button" className="ev-excerpt-item" onClick={() => store.openExcerpt(e)}>
                  <span className={`ev-excerpt-text is-${e.textKind}`}>{shorten(citedText(e), 140)}</span>
                  <span className="ev-excerpt-meta">
                    {e.textKind === 'paraphrase' ? <span className="ev-kind-tag">{t('sources.paraphrase')}</span> : null}
                    <Facts items={[e.locator, e.cellIds.length > 0 ? t('sources.cells', { count: e.cellIds.length }) : null]} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <Memos targetType="source" targetId={source.id} where={where} />

      <div className="details-section">
        <button type="button" className="button button-small" onClick={() => setDialog({ kind: 'remove' })}>
          {t('sources.deleteSource')}
        </button>
      </div>

      {dialog?.kind === 'excerpt' ? <ManualExcerptDialog sourceId={source.id} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'import' ? <ImportDocumentsDialog source={source} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'original' ? <SaveOriginalDialog document={dialog.document} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'remove-document' ? (
        <ConfirmDialog
          title={t('sources.removeDocumentTitle', { file: dialog.document.fileName })}
          message={t('sources.removeDocumentMessage')}
          confirmLabel={t('sources.removeDocument')}
          onClose={() => setDialog(null)}
          onConfirm={() => store.run('documents.remove', { id: dialog.document.id })}
        />
      ) : null}
      {dialog?.kind === 'remove' ? (
        <ConfirmDialog
          title={t('sources.deleteTitle', { title: shorten(source.title, 60) })}
          message={t('sources.deleteMessage')}
          confirmLabel={t('sources.deleteConfirm')}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await store.run('sources.remove', { id: source.id });
            store.selectSource(null, false);
          }}
        />
      ) : null}
    </section>
  );
}
