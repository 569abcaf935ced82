/**
 * An excerpt from a source that has no file in the project: a book on the shelf, a paywalled article, an archive
 * folder, an interview note. The researcher types the words (a quote) or their own summary (a paraphrase) and
 * where they are (page, paragraph, minute); it is cited like any excerpt. Opened from a source's details or from
 * the cell editor's "Add evidence", where the new excerpt is linked to the cell at once.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { SourceKind, TextKind } from '../../../electron/contract/api';
import { useT } from '../i18n/use-t';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import { shorten } from './format';
import { useEvidenceAction, useList, type CellTarget } from './store';
import { RichMsg } from './RichMsg';
import { KindSelect, LanguageSuggestions } from './ui';

const NEW_SOURCE = '__new';
/** A language code, not a word: the same in every interface language. */
const LANGUAGE_EXAMPLE = 'ru';

interface ManualExcerptProps {
  /** The source it is from, when opened from that source (otherwise chosen or made here). */
  sourceId?: string | undefined;
  /** The cell it becomes evidence for, when opened from the cell editor. */
  cell?: { target: CellTarget; where: string } | undefined;
  onClose: () => void;
  onCreated?: ((excerptId: string) => void) | undefined;
}

export function ManualExcerptDialog({ sourceId, cell, onClose, onCreated }: ManualExcerptProps) {
  const t = useT();
  const sources = useList('sources');
  const createSource = useEvidenceAction('sources.create');
  const create = useEvidenceAction('excerpts.create');
  const link = useEvidenceAction('excerpts.link');
  const id = useId();
  const [chosen, setChosen] = useState(sourceId ?? '');
  const [newTitle, setNewTitle] = useState('');
  const [newKind, setNewKind] = useState<SourceKind>('academic');
  const [text, setText] = useState('');
  const [textKind, setTextKind] = useState<TextKind>('quote');
  const [locator, setLocator] = useState('');
  const [language, setLanguage] = useState('');
  const fixed = sourceId !== undefined;
  const source = sources.data?.find((s) => s.id === chosen);
  const options = useMemo(() => (sources.data ?? []).map((s) => ({ id: s.id, label: shorten(s.title, 90) })), [sources.data]);
  const making = chosen === NEW_SOURCE;
  const ready = text.trim() !== '' && (making ? newTitle.trim() !== '' : chosen !== '');
  const pending = createSource.pending || create.pending || link.pending;
  const failure = createSource.error ?? create.error ?? link.error;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || pending) return;
    let from = chosen;
    if (making) {
      const type = newKind === 'interview' ? 'interview' : newKind === 'law' ? 'legislation' : newKind === 'academic' ? 'book' : 'document';
      const made = await createSource.run({ kind: newKind, csl: { type, title: newTitle.trim() } });
      if (!made) return;
      from = made.id;
      setChosen(made.id);
    }
    const excerpt = await create.run({ sourceId: from, text: text.trim(), textKind, locator: locator.trim(), ...(language.trim() ? { language: language.trim() } : {}) });
    if (!excerpt) return;
    if (cell) {
      const linked = await link.run({ excerptId: excerpt.id, caseId: cell.target.caseId, normId: cell.target.normId, stageId: cell.target.stageId });
      if (!linked) return;
    }
    onCreated?.(excerpt.id);
    onClose();
  };

  return (
    <Modal
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('evidence.withoutFileTitle')}
      description={cell ? t('evidence.withoutFileDescriptionCell', { where: cell.where }) : t('evidence.withoutFileDescription')}
      wide
      testId="manual-excerpt"
    >
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        {fixed ? (
          <p className="muted small">
            <RichMsg id="evidence.fromSource" values={{ title: source?.title ?? '…' }} />
          </p>
        ) : (
          <label className="field">
            <span className="field-label">{t('evidence.source')}</span>
            <select className="native-select" value={chosen} onChange={(e) => setChosen(e.target.value)} autoFocus>
              <option value="">{t('evidence.chooseSource')}</option>
              <option value={NEW_SOURCE}>{t('evidence.newSourceOption')}</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {making ? (
          <div className="inline-fields">
            <label className="field">
              <span className="field-label">{t('evidence.newSourceTitle')}</span>
              <input className="text-input" value={newTitle} onChange={(e) => setNewTitle(e.target.value)} autoComplete="off" placeholder={t('evidence.newSourceTitlePlaceholder')} />
            </label>
            <label className="field field-short">
              <span className="field-label">{t('evidence.kind')}</span>
              <KindSelect label={t('evidence.kindOfNewSource')} value={newKind} onChange={(k) => setNewKind(k === '' ? 'other' : k)} />
            </label>
          </div>
        ) : null}
        <fieldset className="ev-text-kind">
          <legend className="field-label">{t('evidence.textIs')}</legend>
          <label className="choice">
            <input type="radio" name={`${id}-kind`} checked={textKind === 'quote'} onChange={() => setTextKind('quote')} />
            <span>{t('evidence.isQuotation')}</span>
          </label>
          <label className="choice">
            <input type="radio" name={`${id}-kind`} checked={textKind === 'paraphrase'} onChange={() => setTextKind('paraphrase')} />
            <span>{t('evidence.isParaphrase')}</span>
          </label>
        </fieldset>
        <label className="field">
          <span className="field-label">{textKind === 'quote' ? t('evidence.quotation') : t('evidence.paraphrase')}</span>
          <textarea className="text-area" rows={4} value={text} onChange={(e) => setText(e.target.value)} autoFocus={fixed} />
        </label>
        <div className="inline-fields">
          <label className="field">
            <span className="field-label">{t('evidence.locator')}</span>
            <input className="text-input" value={locator} onChange={(e) => setLocator(e.target.value)} autoComplete="off" placeholder={t('evidence.locatorExamples')} />
          </label>
          <label className="field field-short">
            <span className="field-label">{t('evidence.language')}</span>
            <input className="text-input" value={language} onChange={(e) => setLanguage(e.target.value)} list={`${id}-languages`} autoComplete="off" placeholder={LANGUAGE_EXAMPLE} />
            <LanguageSuggestions id={`${id}-languages`} />
          </label>
        </div>
        {failure ? <InlineAlert message={failure.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={!ready || pending}>
            {cell ? t('evidence.addAndLink') : t('evidence.addExcerpt')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
