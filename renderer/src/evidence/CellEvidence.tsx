/**
 * The EVIDENCE section of the cell editor: the excerpts linked to the cell, in their order (quotes in quotation
 * marks, paraphrases marked as such), each with its source, locator and who speaks. Clicking one opens it in its
 * document, on the exact text; "Add evidence…" links an excerpt the project already has.
 */
import { useDeferredValue, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ExcerptDto } from '../../../electron/contract/api';
import { useT } from '../i18n/use-t';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import { attribution, citedText, shorten } from './format';
import { ManualExcerptDialog } from './ManualExcerpt';
import { useEvidenceAction, useEvidenceQuery, useEvidenceStore, useList, type CellTarget } from './store';
import { Facts } from './ui';
import './evidence.css';

/** The key's name as printed on keyboards everywhere. */
const ENTER = 'Enter';
/** The unlink button's mark (its name is in aria-label). */
const CROSS = '×';

interface CellEvidenceProps {
  /** The cell's id; undefined while nobody has assessed it (linking evidence creates it). */
  cellId: string | undefined;
  target: CellTarget;
  /** "Kazakhstan · Reconstitution", for the dialog. */
  where: string;
}

export function CellEvidence({ cellId, target, where }: CellEvidenceProps) {
  const t = useT();
  const store = useEvidenceStore();
  const linked = useEvidenceQuery('excerpts.list', cellId ? { cellId } : null);
  const sources = useList('sources');
  const participants = useList('participants');
  const unlink = useEvidenceAction('excerpts.unlink');
  const [adding, setAdding] = useState<'pick' | 'type' | null>(null);
  const list = cellId ? (linked.data ?? []) : [];
  const titleOf = (sourceId: string) => sources.data?.find((s) => s.id === sourceId)?.title ?? '';

  return (
    <section className="details-section ev-cell-evidence" aria-labelledby="evidence-title" data-testid="evidence">
      <div className="section-head">
        <h3 id="evidence-title" className="section-heading">
          {cellId && linked.data ? t('evidence.evidenceWithCount', { count: list.length }) : t('evidence.evidence')}
        </h3>
        <button type="button" className="button button-small" onClick={() => setAdding('pick')}>
          {t('evidence.addEvidenceButton')}
        </button>
      </div>
      {linked.error ? <InlineAlert message={linked.error.message} actionLabel={t('evidence.tryAgain')} onAction={linked.reload} /> : null}
      {unlink.error ? <InlineAlert message={unlink.error.message} actionLabel={t('evidence.dismiss')} onAction={unlink.clearError} /> : null}
      {list.length === 0 ? (
        <p className="evidence-empty muted">{cellId && !linked.data ? t('evidence.loading') : t('evidence.noEvidence')}</p>
      ) : (
        <ol className="ev-evidence-list">
          {list.map((excerpt) => {
            const who = attribution(excerpt, participants.data);
            const title = titleOf(excerpt.sourceId);
            return (
              <li key={excerpt.id} className="ev-evidence" data-excerpt-id={excerpt.id}>
                <button
                  type="button"
                  className="ev-evidence-open"
                  onClick={() => store.openExcerpt(excerpt)}
                  title={excerpt.documentId ? t('evidence.openInDocument') : t('evidence.openTheExcerpt')}
                >
                  <span className={`ev-excerpt-text is-${excerpt.textKind}`} lang={excerpt.language || undefined}>
                    {shorten(citedText(excerpt), 180)}
                  </span>
                  <span className="ev-excerpt-meta">
                    {excerpt.textKind === 'paraphrase' ? <span className="ev-kind-tag">{t('evidence.paraphraseTag')}</span> : null}
                    <Facts items={[who ? `— ${who}` : null, shorten(title, 60), excerpt.locator]} />
                  </span>
                </button>
                <button
                  type="button"
                  className="button button-small button-icon ev-unlink"
                  aria-label={t('evidence.unlinkExcerpt', { text: shorten(excerpt.text, 40) })}
                  title={t('evidence.unlinkExcerptHint')}
                  disabled={unlink.pending}
                  onClick={() => void unlink.run({ excerptId: excerpt.id, cellId: cellId! })}
                >
                  {CROSS}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {adding === 'pick' ? (
        <AddEvidenceDialog target={target} where={where} linkedIds={list.map((e) => e.id)} onClose={() => setAdding(null)} onType={() => setAdding('type')} />
      ) : null}
      {adding === 'type' ? <ManualExcerptDialog cell={{ target, where }} onClose={() => setAdding(null)} /> : null}
    </section>
  );
}

function searchable(excerpt: ExcerptDto, sourceTitle: string, who: string): string {
  return `${excerpt.text} ${excerpt.translation} ${excerpt.locator} ${sourceTitle} ${who}`.toLocaleLowerCase();
}

/** Finds an excerpt the project has (by its words, source, locator or speaker) and links it to the cell. */
function AddEvidenceDialog({ target, where, linkedIds, onClose, onType }: { target: CellTarget; where: string; linkedIds: string[]; onClose: () => void; onType: () => void }) {
  const t = useT();
  const excerpts = useList('excerpts');
  const sources = useList('sources');
  const participants = useList('participants');
  const link = useEvidenceAction('excerpts.link');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const deferred = useDeferredValue(query);
  const listRef = useRef<HTMLUListElement>(null);

  const candidates = useMemo(() => {
    const linked = new Set(linkedIds);
    const words = deferred.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const titles = new Map((sources.data ?? []).map((s) => [s.id, s.title]));
    return (excerpts.data ?? [])
      .filter((e) => !linked.has(e.id))
      .filter((e) => words.length === 0 || words.every((w) => searchable(e, titles.get(e.sourceId) ?? '', attribution(e, participants.data)).includes(w)))
      .slice(0, 200);
  }, [excerpts.data, sources.data, participants.data, deferred, linkedIds]);

  const choose = async (excerpt: ExcerptDto) => {
    // Only the three ids: the caller's target may be a wider selection object.
    const done = await link.run({ excerptId: excerpt.id, caseId: target.caseId, normId: target.normId, stageId: target.stageId });
    if (done) onClose();
  };

  const at = Math.min(active, Math.max(0, candidates.length - 1));
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    let next = at;
    if (event.key === 'ArrowDown') next = Math.min(at + 1, candidates.length - 1);
    else if (event.key === 'ArrowUp') next = Math.max(at - 1, 0);
    else if (event.key === 'Enter' && candidates[at]) {
      event.preventDefault();
      void choose(candidates[at]);
      return;
    } else return;
    event.preventDefault();
    setActive(next);
    listRef.current?.querySelector(`[data-index="${next}"]`)?.scrollIntoView({ block: 'nearest' });
  };

  const titleOf = (id: string) => sources.data?.find((s) => s.id === id)?.title ?? '';

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title={t('evidence.addEvidence')} description={t('evidence.linkExcerptTo', { where })} wide testId="add-evidence">
      <div className="dialog-form">
        <input
          type="search"
          className="text-input"
          aria-label={t('evidence.findExcerpt')}
          placeholder={t('evidence.findExcerptPlaceholder')}
          value={query}
          autoFocus
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-expanded="true"
          aria-controls="ev-add-evidence-list"
          aria-activedescendant={candidates[at] ? `ev-add-${candidates[at].id}` : undefined}
        />
        {link.error ? <InlineAlert message={link.error.message} /> : null}
        <ul ref={listRef} id="ev-add-evidence-list" className="ev-pick-list" role="listbox" aria-label={t('evidence.excerpts')}>
          {candidates.map((e, index) => {
            const who = attribution(e, participants.data);
            return (
              <li
                key={e.id}
                id={`ev-add-${e.id}`}
                role="option"
                aria-selected={index === at}
                data-index={index}
                className={`ev-pick${index === at ? ' is-active' : ''}`}
                onMouseEnter={() => setActive(index)}
                onClick={() => void choose(e)}
              >
                <span className={`ev-excerpt-text is-${e.textKind}`}>{shorten(citedText(e), 200)}</span>
                <span className="ev-excerpt-meta">
                  {e.textKind === 'paraphrase' ? <span className="ev-kind-tag">{t('evidence.paraphraseTag')}</span> : null}
                  <Facts items={[who ? `— ${who}` : null, shorten(titleOf(e.sourceId), 70), e.locator]} />
                </span>
              </li>
            );
          })}
          {excerpts.data && candidates.length === 0 ? <li className="muted ev-pick-empty">{t('evidence.noExcerptMatches')}</li> : null}
        </ul>
        <div className="dialog-actions">
          <span className="muted small ev-dialog-hint">{t('evidence.addEvidenceKeys', { enter: ENTER })}</span>
          <button type="button" className="button" onClick={onType} title={t('evidence.withoutFileHint')}>
            {t('evidence.withoutFileButton')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
