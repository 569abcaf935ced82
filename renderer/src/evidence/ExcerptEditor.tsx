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
import { useAutoSave } from '../ui/fields';
import { InlineAlert } from '../ui/InlineAlert';
import { IS_MAC, MOD } from '../shell/keyboard';
import { CellLinks, type LinkedCell } from './CellLinks';
import { useCellLookup } from './cells';
import { CodePicker } from './CodePicker';
import { plural, shorten, SOURCE_KIND_LABELS } from './format';
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

/** What the details pane shows on the reader page. */
export function ExcerptDetails() {
  const draft = useEvidenceState((s) => s.draft);
  const excerptId = useEvidenceState((s) => s.excerptId);
  const excerpts = useList('excerpts');
  if (draft) return <DraftEditor key={`${draft.documentId}:${draft.page}:${draft.start}:${draft.end}`} draft={draft} />;
  const excerpt = excerptId ? excerpts.data?.find((e) => e.id === excerptId) : undefined;
  if (excerpt) return <ExistingEditor key={excerpt.id} excerpt={excerpt} />;
  return (
    <div className="details" data-testid="excerpt-help">
      <h2 className="pane-heading">Excerpts</h2>
      <ol className="ev-steps muted">
        <li>Select a passage on one page of the document.</li>
        <li>
          Press <strong>Make excerpt</strong> or <kbd>{MOD}Shift+E</kbd>.
        </li>
        <li>Mark it as a quote or a paraphrase, add a translation, who speaks, codes.</li>
        <li>Link it to the cells of the matrix it is evidence for.</li>
      </ol>
      <p className="muted small">Click a marked passage or an excerpt in the list to edit it.</p>
      <h3 className="section-heading ev-keys-heading">From the keyboard</h3>
      <p className="muted small">Tab to the document’s text: a caret appears at the top of the page in view.</p>
      <dl className="ev-keys muted small" aria-label="Reader keys">
        <dt>
          <kbd>←</kbd> <kbd>→</kbd>
        </dt>
        <dd>a character</dd>
        <dt>
          <kbd>{WORD_KEY}</kbd>+<kbd>←</kbd> <kbd>→</kbd>
        </dt>
        <dd>a word</dd>
        <dt>
          <kbd>↑</kbd> <kbd>↓</kbd>
        </dt>
        <dd>a sentence</dd>
        <dt>
          <kbd>{WORD_KEY}</kbd>+<kbd>↑</kbd> <kbd>↓</kbd>
        </dt>
        <dd>a paragraph</dd>
        <dt>
          <kbd>Home</kbd> <kbd>End</kbd>
        </dt>
        <dd>the start or end of the page</dd>
        <dt>
          <kbd>Shift</kbd>+ any of these
        </dt>
        <dd>extends the selection</dd>
        <dt>
          <kbd>Enter</kbd> or <kbd>{MOD}Shift+E</kbd>
        </dt>
        <dd>makes the excerpt</dd>
        <dt>
          <kbd>Esc</kbd>
        </dt>
        <dd>drops the selection</dd>
      </dl>
    </div>
  );
}

/** A region's corners as a researcher (and REFI-QDA) reads them: points from the page's upper left corner. */
export function regionText(region: PdfRegion): string {
  const n = (v: number) => String(Math.round(v));
  return `${n(region.x1)},${n(region.y1)} to ${n(region.x2)},${n(region.y2)} pt from the upper left corner`;
}

function DraftEditor({ draft }: { draft: ExcerptDraft }) {
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
      <p className="eyebrow">New excerpt · page {draft.page}</p>
      <h2 id="ev-excerpt-title" className="details-title">
        {source ? shorten(source.title, 90) : 'New excerpt'}
      </h2>
      <p className="muted small" data-testid="draft-place">
        {draft.region ? `Area of page ${draft.page}: ${regionText(draft.region)}. ` : ''}
        {draft.end > draft.start ? `Characters ${draft.start}–${draft.end} of page ${draft.page} (${plural(draft.end - draft.start, 'character')}).` : draft.region ? 'No text under it: describe what it shows.' : ''}
      </p>
      <ExcerptForm
        textKind={textKind}
        onTextKind={(kind) => {
          setTextKind(kind);
          if (kind === 'quote') text.set(draft.text);
        }}
        text={textKind === 'quote' ? { ...text, shown: draft.text } : text}
        textReadOnly={textKind === 'quote'}
        textHint={textKind === 'quote' ? 'The document’s exact words. Choose Paraphrase to reword them.' : 'In your words: it will be cited without quotation marks.'}
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
          Evidence for
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
          Discard
        </button>
        <button type="button" className="button button-primary" onClick={() => void save()} disabled={pending || (textKind === 'paraphrase' && text.shown.trim() === '')}>
          {pending ? 'Saving…' : 'Save excerpt'}
        </button>
      </div>
    </section>
  );
}

function ExistingEditor({ excerpt }: { excerpt: ExcerptDto }) {
  const store = useEvidenceStore();
  const { labelOf, byId } = useCellLookup();
  const sources = useList('sources');
  const excerptsAll = useList('excerpts');
  const source = sources.data?.find((s) => s.id === excerpt.sourceId);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const base = `excerpt:${excerpt.id}`;
  const where = `Excerpt${excerpt.locator ? ` (${excerpt.locator})` : ''}`;
  const onSaved = useCallback(() => store.afterFieldSave(['excerpts']), [store]);
  const field = (name: 'text' | 'locator' | 'language' | 'translation' | 'translationLanguage' | 'speaker') => ({
    saveKey: `${base}:${name}`,
    where,
    value: excerpt[name],
    send: (value: string) => api['excerpts.update']({ id: excerpt.id, [name]: value }),
    onSaved,
  });
  const text = useAutoSave({ ...field('text'), validate: (value: string) => (value.trim() === '' ? 'An excerpt needs its text.' : null) });
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
    return { key: id, label: labelOf(id) ?? 'A cell no longer in the matrix (archived)', target: cell ? { caseId: cell.caseId, normId: cell.normId, stageId: cell.stageId } : null };
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
          Excerpt{number ? ` ${number}` : ''}
          {source ? ` · ${SOURCE_KIND_LABELS[source.kind]}` : ''}
        </p>
        <button type="button" className="button button-small button-icon" aria-label="Close the excerpt" title="Close" onClick={() => store.closeExcerpt()}>
          ×
        </button>
      </div>
      <h2 id="ev-excerpt-title" className="details-title">
        {source ? (
          <button type="button" className="ev-link-button" onClick={() => store.selectSource(source.id)} title="Show the source">
            {shorten(source.title, 90)}
          </button>
        ) : (
          'Excerpt'
        )}
      </h2>
      {excerpt.region && excerpt.page !== null ? (
        <p className="muted small" data-testid="excerpt-region">
          Area of page {excerpt.page}: {regionText(excerpt.region)}.
        </p>
      ) : null}
      <ExcerptForm
        textKind={excerpt.textKind}
        onTextKind={(kind) => void edit(() => store.run('excerpts.update', { id: excerpt.id, textKind: kind }))}
        text={text}
        textReadOnly={fromDocument && excerpt.textKind === 'quote'}
        textHint={
          fromDocument && excerpt.textKind === 'quote'
            ? `Page ${excerpt.page}, characters ${excerpt.startOffset}–${excerpt.endOffset}: the document’s exact words. Choose Paraphrase to reword them.`
            : excerpt.textKind === 'paraphrase'
              ? 'In your words: cited without quotation marks.'
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
          Evidence for ({excerpt.cellIds.length})
        </h3>
        <CellLinks
          items={items}
          pending={pending}
          onLink={(cell) => void edit(() => store.run('excerpts.link', { excerptId: excerpt.id, ...cell }))}
          onUnlink={(cellId) => void edit(() => store.run('excerpts.unlink', { excerptId: excerpt.id, cellId }))}
          onShow={(cell) => store.showCell(cell)}
        />
      </section>
      {error ? <InlineAlert message={error.message} actionLabel="Dismiss" onAction={() => setError(undefined)} /> : null}
      <Memos targetType="excerpt" targetId={excerpt.id} where={where} />
      <div className="details-section ev-editor-foot">
        <button type="button" className="button button-small" onClick={() => setConfirm(true)}>
          Delete excerpt…
        </button>
        <span className="muted small">
          <Facts items={[`added ${new Date(excerpt.createdAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}`]} />
        </span>
      </div>
      {confirm ? (
        <ConfirmDialog
          title="Delete this excerpt?"
          message={`It leaves ${excerpt.cellIds.length > 0 ? `the ${plural(excerpt.cellIds.length, 'cell')} it is evidence for and ` : ''}the project, with its memos (Undo brings it back).`}
          confirmLabel="Delete excerpt"
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
  const participants = useList('participants');
  const ids = { kind: useId(), original: useId(), translation: useId(), participant: useId(), langs: useId() };

  return (
    <div className="form-stack ev-excerpt-form">
      <LanguageSuggestions id={ids.langs} />
      <div className="ev-form-row">
        <span className="field-label" id={ids.kind}>
          Kind
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
            Quote
          </ToggleGroup.Item>
          <ToggleGroup.Item value="paraphrase" className="segment">
            Paraphrase
          </ToggleGroup.Item>
        </ToggleGroup.Root>
      </div>
      <ModelInput label="Locator" model={locator} placeholder="p. 12, para 3" autoFocusTarget />

      <div className="ev-text-pair">
        <div className="ev-text-col">
          <div className="ev-text-head">
            <label className="field-label" htmlFor={ids.original}>
              Original
            </label>
            <input
              className="text-input ev-lang-input"
              aria-label="Language of the original"
              list={ids.langs}
              value={language.shown}
              placeholder="lang"
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
              Translation
            </label>
            <input
              className="text-input ev-lang-input"
              aria-label="Language of the translation"
              list={ids.langs}
              value={translationLanguage.shown}
              placeholder="lang"
              onChange={(e) => translationLanguage.set(e.target.value)}
              onBlur={translationLanguage.flush}
            />
          </div>
          <textarea
            id={ids.translation}
            className="text-area ev-translation"
            lang={translationLanguage.shown || undefined}
            value={translation.shown}
            placeholder="Your translation…"
            onChange={(e) => translation.set(e.target.value)}
            onBlur={translation.flush}
          />
        </div>
      </div>
      {text.error ? <p className="field-error">{text.error}</p> : textHint ? <p className="field-hint ev-text-hint">{textHint}</p> : null}

      <div className="inline-fields">
        <div className="field">
          <label className="field-label" htmlFor={ids.participant}>
            Participant
          </label>
          <select id={ids.participant} className="native-select" value={participantId ?? ''} onChange={(e) => onParticipant(e.target.value === '' ? null : e.target.value)}>
            <option value="">— none —</option>
            {(participants.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.pseudonym}
              </option>
            ))}
          </select>
        </div>
        <ModelInput label="Public speaker" model={speaker} placeholder="e.g. CEC chair" />
      </div>
      <p className="field-hint">Interviewees by pseudonym only; a public actor quoted by name goes under speaker.</p>

      <div className="field">
        <span className="field-label">Codes</span>
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
