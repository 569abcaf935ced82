/**
 * The excerpt editor in the details pane: a new excerpt drafted from a selection in the reader (saved with one
 * button), or an existing excerpt (every field saves itself). Original and translation side by side, quote or
 * paraphrase, who speaks (a participant's pseudonym or a public speaker), codes, and the cells it is evidence for.
 */
import * as ToggleGroup from '@radix-ui/react-toggle-group';
import { useCallback, useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ExcerptDto, PdfRegion, TextKind } from '../../../electron/contract/api';
import type { ApiError } from '../../../electron/contract/errors';
import { api, toApiError } from '../api';
import { useT } from '../i18n/use-t';
import { useAutoSave } from '../ui/fields';
import { InlineAlert } from '../ui/InlineAlert';
import { IS_MAC, MOD } from '../shell/keyboard';
import { CellLinks, type LinkedCell } from './CellLinks';
import { useCellLookup } from './cells';
import { CodePicker } from './CodePicker';
import { useFormatDay } from './use-day';
import { shorten, SOURCE_KIND_MESSAGES } from './format';
import { RichMsg } from './RichMsg';
import { evidenceCall, useEvidenceState, useEvidenceStore, useList, type CellTarget, type ExcerptDraft } from './store';
import { ConfirmDialog, Facts, LanguageSuggestions, Memos } from './ui';

/** Escape in the editor goes back to the document's text (lists and popovers close themselves first). */
function backToReader(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Escape' || event.defaultPrevented) return;
  if ((event.target as HTMLElement).closest('[role="listbox"], [role="dialog"]')) return;
  const text = document.querySelector<HTMLElement>('[data-testid="reader-text"]');
  if (!text) return;
  event.preventDefault();
  text.focus();
}

interface Model<T> {
  shown: T;
  set: (value: T, options?: { immediate?: boolean }) => void;
  flush: () => void;
  error?: string | undefined;
}

function useLocalModel<T>(initial: T): Model<T> {
  const [shown, setShown] = useState<T>(initial);
  const set = useCallback((value: T) => setShown(value), []);
  return { shown, set, flush: () => undefined };
}

/** The key that moves the reader's caret by word or paragraph (as in text fields on each system). */
const WORD_KEY = IS_MAC ? 'Option' : 'Ctrl';
/** Keys by the names printed on them, the same in every interface language. */
const KEYS = { enter: 'Enter', esc: 'Esc', home: 'Home', end: 'End', shift: 'Shift', tab: 'Tab' } as const;
const ARROWS = { left: '←', right: '→', up: '↑', down: '↓' } as const;
const PLUS = '+';
const SEPARATOR = ' · ';
const SPACE = ' ';
/** The close button's mark (its name is in aria-label). */
const CROSS = '×';

type Translate = ReturnType<typeof useT>;

/** What the details pane shows on the reader page. */
export function ExcerptDetails() {
  const t = useT();
  const draft = useEvidenceState((s) => s.draft);
  const excerptId = useEvidenceState((s) => s.excerptId);
  const excerpts = useList('excerpts');
  if (draft) return <DraftEditor key={`${draft.documentId}:${draft.page}:${draft.start}:${draft.end}`} draft={draft} />;
  const excerpt = excerptId ? excerpts.data?.find((e) => e.id === excerptId) : undefined;
  if (excerpt) return <ExistingEditor key={excerpt.id} excerpt={excerpt} />;
  const shortcut = `${MOD}${KEYS.shift}+E`;
  return (
    <div className="details" data-testid="excerpt-help">
      <h2 className="pane-heading">{t('evidence.excerpts')}</h2>
      <ol className="ev-steps muted">
        <li>{t('evidence.stepSelect')}</li>
        <li>
          <RichMsg id="evidence.stepMake" values={{ button: t('evidence.makeExcerpt'), shortcut }} />
        </li>
        <li>{t('evidence.stepMark')}</li>
        <li>{t('evidence.stepLink')}</li>
      </ol>
      <p className="muted small">{t('evidence.clickToEdit')}</p>
      <h3 className="section-heading ev-keys-heading">{t('evidence.fromKeyboard')}</h3>
      <p className="muted small">{t('evidence.tabToText', { tab: KEYS.tab })}</p>
      <dl className="ev-keys muted small" aria-label={t('evidence.readerKeys')}>
        <dt>
          <kbd>{ARROWS.left}</kbd> <kbd>{ARROWS.right}</kbd>
        </dt>
        <dd>{t('evidence.keyCharacter')}</dd>
        <dt>
          <kbd>{WORD_KEY}</kbd>
          {PLUS}
          <kbd>{ARROWS.left}</kbd> <kbd>{ARROWS.right}</kbd>
        </dt>
        <dd>{t('evidence.keyWord')}</dd>
        <dt>
          <kbd>{ARROWS.up}</kbd> <kbd>{ARROWS.down}</kbd>
        </dt>
        <dd>{t('evidence.keySentence')}</dd>
        <dt>
          <kbd>{WORD_KEY}</kbd>
          {PLUS}
          <kbd>{ARROWS.up}</kbd> <kbd>{ARROWS.down}</kbd>
        </dt>
        <dd>{t('evidence.keyParagraph')}</dd>
        <dt>
          <kbd>{KEYS.home}</kbd> <kbd>{KEYS.end}</kbd>
        </dt>
        <dd>{t('evidence.keyPageEnds')}</dd>
        <dt>
          <kbd>{KEYS.shift}</kbd>
          {t('evidence.keyAnyOfThese')}
        </dt>
        <dd>{t('evidence.keyExtends')}</dd>
        <dt>
          <kbd>{KEYS.enter}</kbd> {t('evidence.keyOr')} <kbd>{shortcut}</kbd>
        </dt>
        <dd>{t('evidence.keyMakes')}</dd>
        <dt>
          <kbd>{KEYS.esc}</kbd>
        </dt>
        <dd>{t('evidence.keyDrops')}</dd>
      </dl>
    </div>
  );
}

/** A region's corners as a researcher (and REFI-QDA) reads them: points from the page's upper left corner. */
export function regionText(region: PdfRegion, t: Translate): string {
  const n = (v: number) => String(Math.round(v));
  return t('evidence.region', { x1: n(region.x1), y1: n(region.y1), x2: n(region.x2), y2: n(region.y2) });
}

function DraftEditor({ draft }: { draft: ExcerptDraft }) {
  const t = useT();
  const store = useEvidenceStore();
  const { label } = useCellLookup();
  const sources = useList('sources');
  const source = sources.data?.find((s) => s.id === draft.sourceId);
  // An area with no text under it (a scan, a stamp) is described in the researcher's words.
  const [textKind, setTextKind] = useState<TextKind>(draft.text === '' ? 'paraphrase' : 'quote');
  const text = useLocalModel(draft.text);
  const locator = useLocalModel(draft.locator);
  const language = useLocalModel(draft.language);
  const translation = useLocalModel('');
  const translationLanguage = useLocalModel(draft.language === 'en' ? '' : 'en');
  const speaker = useLocalModel('');
  const [participantId, setParticipantId] = useState<string | null>(null);
  const [codeIds, setCodeIds] = useState<string[]>([]);
  const [cells, setCells] = useState<CellTarget[]>([]);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [pending, setPending] = useState(false);

  const save = async () => {
    setError(undefined);
    setPending(true);
    try {
      const created = await evidenceCall('excerpts.create', {
        sourceId: draft.sourceId,
        documentId: draft.documentId,
        page: draft.page,
        ...(draft.end > draft.start ? { startOffset: draft.start, endOffset: draft.end } : {}),
        region: draft.region,
        text: textKind === 'quote' ? draft.text : text.shown,
        textKind,
        locator: locator.shown.trim() || undefined,
        language: language.shown.trim(),
        translation: translation.shown,
        translationLanguage: translationLanguage.shown.trim(),
        speaker: speaker.shown.trim(),
        participantId,
        codeIds,
      });
      let linkError: ApiError | undefined;
      for (const cell of cells) {
        try {
          await evidenceCall('excerpts.link', { excerptId: created.id, ...cell });
        } catch (caught) {
          linkError ??= toApiError(caught);
        }
      }
      await store.afterEdit(['overview', 'cells', 'history']);
      if (linkError) setError(linkError);
      else store.endDraft(created.id);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(false);
    }
  };

  const items: LinkedCell[] = cells.map((c) => ({ key: `${c.caseId}|${c.normId}|${c.stageId}`, label: label(c), target: c }));

  return (
    <section className="details ev-excerpt-editor" data-testid="excerpt-editor" data-state="draft" aria-labelledby="ev-excerpt-title" onKeyDown={backToReader}>
      <p className="eyebrow">{t('evidence.newExcerptOnPage', { page: draft.page })}</p>
      <h2 id="ev-excerpt-title" className="details-title">
        {source ? shorten(source.title, 90) : t('evidence.newExcerpt')}
      </h2>
      <p className="muted small" data-testid="draft-place">
        {draft.region ? t('evidence.areaOfPage', { page: draft.page, region: regionText(draft.region, t) }) : null}
        {draft.region && draft.end > draft.start ? SPACE : null}
        {draft.end > draft.start
          ? t('evidence.draftCharacters', { start: draft.start, end: draft.end, page: draft.page, count: draft.end - draft.start })
          : draft.region
            ? t('evidence.noTextUnder')
            : ''}
      </p>
      <ExcerptForm
        textKind={textKind}
        onTextKind={(kind) => {
          setTextKind(kind);
          if (kind === 'quote') text.set(draft.text);
        }}
        text={textKind === 'quote' ? { ...text, shown: draft.text } : text}
        textReadOnly={textKind === 'quote'}
        textHint={textKind === 'quote' ? t('evidence.draftQuoteHint') : t('evidence.draftParaphraseHint')}
        locator={locator}
        language={language}
        translation={translation}
        translationLanguage={translationLanguage}
        speaker={speaker}
        participantId={participantId}
        onParticipant={setParticipantId}
        codeIds={codeIds}
        onCodes={setCodeIds}
      />
      <section className="details-section" aria-labelledby="ev-draft-cells">
        <h3 id="ev-draft-cells" className="section-heading">
          {t('evidence.evidenceFor')}
        </h3>
        <CellLinks
          items={items}
          onLink={(cell) => setCells((list) => [...list, cell])}
          onUnlink={(key) => setCells((list) => list.filter((c) => `${c.caseId}|${c.normId}|${c.stageId}` !== key))}
        />
      </section>
      {error ? <InlineAlert message={error.message} /> : null}
      <div className="dialog-actions ev-editor-actions">
        <button type="button" className="button" onClick={() => store.closeExcerpt()}>
          {t('evidence.discard')}
        </button>
        <button type="button" className="button button-primary" onClick={() => void save()} disabled={pending || (textKind === 'paraphrase' && text.shown.trim() === '')}>
          {pending ? t('evidence.saving') : t('evidence.saveExcerpt')}
        </button>
      </div>
    </section>
  );
}

function ExistingEditor({ excerpt }: { excerpt: ExcerptDto }) {
  const t = useT();
  const formatDay = useFormatDay();
  const store = useEvidenceStore();
  const { labelOf, byId } = useCellLookup();
  const sources = useList('sources');
  const excerptsAll = useList('excerpts');
  const source = sources.data?.find((s) => s.id === excerpt.sourceId);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const base = `excerpt:${excerpt.id}`;
  const where = excerpt.locator ? t('evidence.excerptAt', { locator: excerpt.locator }) : t('evidence.excerpt');
  const onSaved = useCallback(() => store.afterFieldSave(['excerpts']), [store]);
  const field = (name: 'text' | 'locator' | 'language' | 'translation' | 'translationLanguage' | 'speaker') => ({
    saveKey: `${base}:${name}`,
    where,
    value: excerpt[name],
    send: (value: string) => api['excerpts.update']({ id: excerpt.id, [name]: value }),
    onSaved,
  });
  const text = useAutoSave({ ...field('text'), validate: (value: string) => (value.trim() === '' ? t('evidence.excerptNeedsText') : null) });
  const locator = useAutoSave(field('locator'));
  const language = useAutoSave(field('language'));
  const translation = useAutoSave(field('translation'));
  const translationLanguage = useAutoSave(field('translationLanguage'));
  const speaker = useAutoSave(field('speaker'));

  const edit = async (run: () => Promise<unknown>) => {
    setError(undefined);
    setPending(true);
    try {
      await run();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(false);
    }
  };

  const items: LinkedCell[] = excerpt.cellIds.map((id) => {
    const cell = byId.get(id);
    return { key: id, label: labelOf(id) ?? t('evidence.archivedCell'), target: cell ? { caseId: cell.caseId, normId: cell.normId, stageId: cell.stageId } : null };
  });
  const fromDocument = excerpt.documentId !== null && excerpt.startOffset !== null;
  const number = useMemo(() => {
    const same = (excerptsAll.data ?? []).filter((e) => e.documentId !== null && e.documentId === excerpt.documentId);
    same.sort((a, b) => (a.page ?? 0) - (b.page ?? 0) || (a.startOffset ?? 0) - (b.startOffset ?? 0));
    const at = same.findIndex((e) => e.id === excerpt.id);
    return at >= 0 ? at + 1 : null;
  }, [excerptsAll.data, excerpt.documentId, excerpt.id]);

  return (
    <section className="details ev-excerpt-editor" data-testid="excerpt-editor" data-state="saved" data-excerpt-id={excerpt.id} aria-labelledby="ev-excerpt-title" onKeyDown={backToReader}>
      <div className="ev-editor-top">
        <p className="eyebrow">
          {number ? t('evidence.excerptNumber', { number }) : t('evidence.excerpt')}
          {source ? SEPARATOR + t(SOURCE_KIND_MESSAGES[source.kind]) : null}
        </p>
        <button type="button" className="button button-small button-icon" aria-label={t('evidence.closeExcerpt')} title={t('common.close')} onClick={() => store.closeExcerpt()}>
          {CROSS}
        </button>
      </div>
      <h2 id="ev-excerpt-title" className="details-title">
        {source ? (
          <button type="button" className="ev-link-button" onClick={() => store.selectSource(source.id)} title={t('evidence.showSource')}>
            {shorten(source.title, 90)}
          </button>
        ) : (
          t('evidence.excerpt')
        )}
      </h2>
      {excerpt.region && excerpt.page !== null ? (
        <p className="muted small" data-testid="excerpt-region">
          {t('evidence.areaOfPage', { page: excerpt.page, region: regionText(excerpt.region, t) })}
        </p>
      ) : null}
      <ExcerptForm
        textKind={excerpt.textKind}
        onTextKind={(kind) => void edit(() => store.run('excerpts.update', { id: excerpt.id, textKind: kind }))}
        text={text}
        textReadOnly={fromDocument && excerpt.textKind === 'quote'}
        textHint={
          fromDocument && excerpt.textKind === 'quote'
            ? t('evidence.existingQuoteHint', { page: excerpt.page ?? '', start: excerpt.startOffset ?? '', end: excerpt.endOffset ?? '' })
            : excerpt.textKind === 'paraphrase'
              ? t('evidence.existingParaphraseHint')
              : undefined
        }
        locator={locator}
        language={language}
        translation={translation}
        translationLanguage={translationLanguage}
        speaker={speaker}
        participantId={excerpt.participantId}
        onParticipant={(participantId) => void edit(() => store.run('excerpts.update', { id: excerpt.id, participantId }))}
        codeIds={excerpt.codeIds}
        onCodes={(codeIds) => void edit(() => store.run('excerpts.update', { id: excerpt.id, codeIds }))}
      />
      <section className="details-section" aria-labelledby="ev-excerpt-cells">
        <h3 id="ev-excerpt-cells" className="section-heading">
          {t('evidence.evidenceForCount', { count: excerpt.cellIds.length })}
        </h3>
        <CellLinks
          items={items}
          pending={pending}
          onLink={(cell) => void edit(() => store.run('excerpts.link', { excerptId: excerpt.id, ...cell }))}
          onUnlink={(cellId) => void edit(() => store.run('excerpts.unlink', { excerptId: excerpt.id, cellId }))}
          onShow={(cell) => store.showCell(cell)}
        />
      </section>
      {error ? <InlineAlert message={error.message} actionLabel={t('evidence.dismiss')} onAction={() => setError(undefined)} /> : null}
      <Memos targetType="excerpt" targetId={excerpt.id} where={where} />
      <div className="details-section ev-editor-foot">
        <button type="button" className="button button-small" onClick={() => setConfirm(true)}>
          {t('evidence.deleteExcerptButton')}
        </button>
        <span className="muted small">
          <Facts items={[t('evidence.addedOn', { date: formatDay(excerpt.createdAt) })]} />
        </span>
      </div>
      {confirm ? (
        <ConfirmDialog
          title={t('evidence.deleteExcerptTitle')}
          message={excerpt.cellIds.length > 0 ? t('evidence.deleteLinkedExcerptMessage', { count: excerpt.cellIds.length }) : t('evidence.deleteExcerptMessage')}
          confirmLabel={t('evidence.deleteExcerpt')}
          onClose={() => setConfirm(false)}
          onConfirm={async () => {
            await store.run('excerpts.remove', { id: excerpt.id });
            store.closeExcerpt();
          }}
        />
      ) : null}
    </section>
  );
}

interface ExcerptFormProps {
  textKind: TextKind;
  onTextKind: (kind: TextKind) => void;
  text: Model<string>;
  textReadOnly: boolean;
  textHint?: string | undefined;
  locator: Model<string>;
  language: Model<string>;
  translation: Model<string>;
  translationLanguage: Model<string>;
  speaker: Model<string>;
  participantId: string | null;
  onParticipant: (id: string | null) => void;
  codeIds: string[];
  onCodes: (ids: string[]) => void;
}

function ExcerptForm(props: ExcerptFormProps) {
  const { textKind, onTextKind, text, textReadOnly, textHint, locator, language, translation, translationLanguage, speaker, participantId, onParticipant, codeIds, onCodes } =
    props;
  const t = useT();
  const participants = useList('participants');
  const ids = { kind: useId(), original: useId(), translation: useId(), participant: useId(), langs: useId() };

  return (
    <div className="form-stack ev-excerpt-form">
      <LanguageSuggestions id={ids.langs} />
      <div className="ev-form-row">
        <span className="field-label" id={ids.kind}>
          {t('evidence.kind')}
        </span>
        <ToggleGroup.Root
          type="single"
          className="segmented"
          aria-labelledby={ids.kind}
          value={textKind}
          onValueChange={(value) => {
            if (value === 'quote' || value === 'paraphrase') onTextKind(value);
          }}
        >
          <ToggleGroup.Item value="quote" className="segment">
            {t('evidence.quote')}
          </ToggleGroup.Item>
          <ToggleGroup.Item value="paraphrase" className="segment">
            {t('evidence.paraphrase')}
          </ToggleGroup.Item>
        </ToggleGroup.Root>
      </div>
      <ModelInput label={t('evidence.locator')} model={locator} placeholder={t('evidence.locatorExample')} autoFocusTarget />

      <div className="ev-text-pair">
        <div className="ev-text-col">
          <div className="ev-text-head">
            <label className="field-label" htmlFor={ids.original}>
              {t('evidence.original')}
            </label>
            <input
              className="text-input ev-lang-input"
              aria-label={t('evidence.originalLanguage')}
              list={ids.langs}
              value={language.shown}
              placeholder={t('evidence.languageCode')}
              onChange={(e) => language.set(e.target.value)}
              onBlur={language.flush}
            />
          </div>
          <textarea
            id={ids.original}
            className={`text-area ev-original${textReadOnly ? ' is-readonly' : ''}`}
            lang={language.shown || undefined}
            readOnly={textReadOnly}
            aria-readonly={textReadOnly || undefined}
            value={text.shown}
            onChange={(e) => text.set(e.target.value)}
            onBlur={text.flush}
            aria-invalid={text.error ? true : undefined}
          />
        </div>
        <div className="ev-text-col">
          <div className="ev-text-head">
            <label className="field-label" htmlFor={ids.translation}>
              {t('evidence.translation')}
            </label>
            <input
              className="text-input ev-lang-input"
              aria-label={t('evidence.translationLanguage')}
              list={ids.langs}
              value={translationLanguage.shown}
              placeholder={t('evidence.languageCode')}
              onChange={(e) => translationLanguage.set(e.target.value)}
              onBlur={translationLanguage.flush}
            />
          </div>
          <textarea
            id={ids.translation}
            className="text-area ev-translation"
            lang={translationLanguage.shown || undefined}
            value={translation.shown}
            placeholder={t('evidence.translationPlaceholder')}
            onChange={(e) => translation.set(e.target.value)}
            onBlur={translation.flush}
          />
        </div>
      </div>
      {text.error ? <p className="field-error">{text.error}</p> : textHint ? <p className="field-hint ev-text-hint">{textHint}</p> : null}

      <div className="inline-fields">
        <div className="field">
          <label className="field-label" htmlFor={ids.participant}>
            {t('evidence.participant')}
          </label>
          <select id={ids.participant} className="native-select" value={participantId ?? ''} onChange={(e) => onParticipant(e.target.value === '' ? null : e.target.value)}>
            <option value="">{t('evidence.noneOption')}</option>
            {(participants.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.pseudonym}
              </option>
            ))}
          </select>
        </div>
        <ModelInput label={t('evidence.publicSpeaker')} model={speaker} placeholder={t('evidence.publicSpeakerExample')} />
      </div>
      <p className="field-hint">{t('evidence.speakerHint')}</p>

      <div className="field">
        <span className="field-label">{t('evidence.codes')}</span>
        <CodePicker value={codeIds} onChange={onCodes} />
      </div>
    </div>
  );
}

function ModelInput({ label, model, placeholder, autoFocusTarget }: { label: string; model: Model<string>; placeholder?: string; autoFocusTarget?: boolean; hint?: ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="text-input"
        value={model.shown}
        placeholder={placeholder}
        autoComplete="off"
        onChange={(e) => model.set(e.target.value)}
        onBlur={model.flush}
        aria-invalid={model.error ? true : undefined}
        data-autofocus={autoFocusTarget ? true : undefined}
      />
      {model.error ? <p className="field-error">{model.error}</p> : null}
    </div>
  );
}
