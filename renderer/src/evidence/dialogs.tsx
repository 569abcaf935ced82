/** The dialogs of the Sources view: importing documents and bibliographies, exporting one, a new source, an original. */
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { BibliographyPreviewItem, DocumentDto, SourceDto, SourceKind } from '../../../electron/contract/api';
import type { ApiError } from '../../../electron/contract/errors';
import { formatMessage } from '../../../electron/contract/i18n/format';
import { api, toApiError, transportKind } from '../api';
import { useT } from '../i18n/use-t';
import { currentLanguage } from '../i18n/current';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import { RichMsg } from './RichMsg';
import { evidenceCall, useEvidenceAction, useEvidenceStore } from './store';
import { KindSelect, PathField } from './ui';

const DOCUMENT_EXTENSIONS = ['pdf', 'docx', 'txt', 'md', 'markdown', 'html', 'htm', 'jpg', 'jpeg', 'png', 'tif', 'tiff'];
const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'tif', 'tiff'];

/** Example paths: paths, not words, so they stay as they are in every language. */
const DOCUMENT_EXAMPLE = '/home/me/fieldwork/odihr-2012-final-report.pdf';
const BIBLIOGRAPHY_EXAMPLE = '/home/me/zotero-export.bib';
const SAVE_FOLDER_EXAMPLE = '/home/me/Documents/';
const DUPLICATE_MARK = '=';

/** Paths typed one per line; quotes around a pasted path are dropped. */
function pathsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^(["'])(.*)\1$/, '$2'))
    .filter((line) => line !== '');
}

export function ImportDocumentsDialog({ onClose, source }: { onClose: () => void; source?: SourceDto | undefined }) {
  const store = useEvidenceStore();
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<SourceKind>('other');
  const [attach, setAttach] = useState(source !== undefined);
  const [chooseError, setChooseError] = useState<string | null>(null);
  const [desktop, setDesktop] = useState(transportKind === 'ipc');
  const paths = pathsOf(text);

  const browse = async () => {
    setChooseError(null);
    try {
      const filters = [
        { name: t('evidence.filterDocuments'), extensions: DOCUMENT_EXTENSIONS },
        { name: t('evidence.filterPhotos'), extensions: IMAGE_EXTENSIONS },
      ];
      const chosen = await api['host.chooseFile']({ mode: 'open', title: t('evidence.importDocuments'), filters });
      if (chosen.path) setText((typed) => (typed.trim() === '' ? chosen.path! : `${typed.trimEnd()}\n${chosen.path}`));
    } catch (error) {
      const failure = toApiError(error);
      if (failure.code === 'UNSUPPORTED') setDesktop(false);
      else setChooseError(failure.message);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (paths.length === 0) return;
    store.importDocuments(paths, attach && source ? { sourceId: source.id } : { kind });
    onClose();
  };

  return (
    <Modal
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('evidence.importDocuments')}
      description={t('evidence.importDocumentsDescription')}
      testId="import-documents"
    >
      <form className="dialog-form" onSubmit={submit}>
        <div className="field">
          <label className="field-label" htmlFor={id}>
            {t('evidence.filesOnePerLine')}
          </label>
          <textarea
            id={id}
            className="text-area ev-paths"
            rows={3}
            value={text}
            spellCheck={false}
            placeholder={DOCUMENT_EXAMPLE}
            onChange={(e) => setText(e.target.value)}
            autoFocus
          />
          {chooseError ? <p className="field-error">{chooseError}</p> : <p className="field-hint">{t('evidence.originalKept')}</p>}
        </div>
        {desktop ? (
          <div>
            <button type="button" className="button" onClick={() => void browse()}>
              {t('evidence.browse')}
            </button>
          </div>
        ) : null}
        {source ? (
          <fieldset className="ev-choices">
            <legend className="field-label">{t('evidence.addTo')}</legend>
            <label className="choice">
              <input type="radio" name="ev-attach" checked={attach} onChange={() => setAttach(true)} /> {source.title}
            </label>
            <label className="choice">
              <input type="radio" name="ev-attach" checked={!attach} onChange={() => setAttach(false)} /> {t('evidence.newSourceForEach')}
            </label>
          </fieldset>
        ) : null}
        {!attach || !source ? (
          <label className="field">
            <span className="field-label">{t('evidence.kindOfNewSources')}</span>
            <KindSelect label={t('evidence.kindOfNewSources')} value={kind} onChange={(k) => setKind(k === '' ? 'other' : k)} />
          </label>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={paths.length === 0}>
            {paths.length > 1 ? t('evidence.importFiles', { count: paths.length }) : t('evidence.import')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

type BibFormat = 'bibtex' | 'ris' | 'csl-json';
/** Format names, the same in every language. */
const FORMAT_LABELS: Record<BibFormat, string> = { bibtex: 'BibTeX / BibLaTeX', ris: 'RIS', 'csl-json': 'CSL-JSON' };
const FORMAT_FILES = { bibtex: 'BibTeX (.bib)', 'csl-json': 'CSL-JSON (.json)' } as const;

function formatFromPath(path: string): BibFormat | null {
  const ext = /\.([a-z]+)$/i.exec(path.trim())?.[1]?.toLowerCase();
  if (ext === 'bib' || ext === 'bibtex' || ext === 'biblatex') return 'bibtex';
  if (ext === 'ris') return 'ris';
  if (ext === 'json') return 'csl-json';
  return null;
}

/** A Zotero export (BibTeX, RIS, CSL-JSON), previewed first: duplicates of sources already here are marked and left out. */
export function BibliographyImportDialog({ onClose }: { onClose: () => void }) {
  const store = useEvidenceStore();
  const t = useT();
  const [from, setFrom] = useState<'file' | 'text'>('file');
  const [path, setPath] = useState('');
  const [text, setText] = useState('');
  const [format, setFormat] = useState<BibFormat>('bibtex');
  const [formatTouched, setFormatTouched] = useState(false);
  const [preview, setPreview] = useState<BibliographyPreviewItem[] | null>(null);
  const [include, setInclude] = useState<Set<number>>(new Set());
  const [kind, setKind] = useState<SourceKind | ''>('');
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const [imported, setImported] = useState<SourceDto[] | null>(null);
  const textId = useId();

  const input = () => (from === 'file' ? { format, path: path.trim() } : { format, text, fileName: t('evidence.pastedBibliography') });

  const runPreview = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setPending(true);
    try {
      const items = await evidenceCall('sources.previewBibliography', input());
      setPreview(items);
      setInclude(new Set(items.filter((i) => i.duplicateOf === null).map((i) => i.index)));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(false);
    }
  };

  const runImport = async () => {
    setError(undefined);
    setPending(true);
    try {
      const made = await store.run('sources.importBibliography', { ...input(), include: [...include].sort((a, b) => a - b), kind: kind === '' ? undefined : kind });
      setImported(made);
      if (made[0]) store.selectSource(made[0].id, false);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(false);
    }
  };

  const duplicates = preview?.filter((i) => i.duplicateOf !== null).length ?? 0;
  const toggle = (index: number, on: boolean) =>
    setInclude((current) => {
      const next = new Set(current);
      if (on) next.add(index);
      else next.delete(index);
      return next;
    });

  return (
    <Modal
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('evidence.importBibliography')}
      description={t('evidence.importBibliographyDescription')}
      wide={preview !== null}
      testId="import-bibliography"
    >
      {imported ? (
        <div className="dialog-form">
          <p role="status">{t('evidence.importedSources', { count: imported.length })}</p>
          <div className="dialog-actions">
            <button type="button" className="button button-primary" onClick={onClose} autoFocus>
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : preview === null ? (
        <form className="dialog-form" onSubmit={(e) => void runPreview(e)}>
          <fieldset className="ev-choices ev-choices-inline">
            <legend className="visually-hidden">{t('evidence.readFrom')}</legend>
            <label className="choice">
              <input type="radio" name="ev-bib-from" checked={from === 'file'} onChange={() => setFrom('file')} /> {t('evidence.aFile')}
            </label>
            <label className="choice">
              <input type="radio" name="ev-bib-from" checked={from === 'text'} onChange={() => setFrom('text')} /> {t('evidence.pastedText')}
            </label>
          </fieldset>
          {from === 'file' ? (
            <PathField
              label={t('evidence.bibliographyFile')}
              value={path}
              mode="open"
              title={t('evidence.importBibliography')}
              filters={[{ name: t('evidence.bibliographies'), extensions: ['bib', 'ris', 'json'] }]}
              placeholder={BIBLIOGRAPHY_EXAMPLE}
              autoFocus
              onChange={(value) => {
                setPath(value);
                const guessed = formatFromPath(value);
                if (guessed && !formatTouched) setFormat(guessed);
              }}
            />
          ) : (
            <div className="field">
              <label className="field-label" htmlFor={textId}>
                {t('evidence.bibliographyText')}
              </label>
              <textarea id={textId} className="text-area ev-paste" rows={8} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
            </div>
          )}
          <label className="field">
            <span className="field-label">{t('evidence.format')}</span>
            <select
              className="native-select"
              value={format}
              onChange={(e) => {
                setFormat(e.target.value as BibFormat);
                setFormatTouched(true);
              }}
            >
              {(Object.keys(FORMAT_LABELS) as BibFormat[]).map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
          {error ? <InlineAlert message={error.message} /> : null}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={pending || (from === 'file' ? path.trim() === '' : text.trim() === '')}>
              {pending ? t('evidence.reading') : t('evidence.preview')}
            </button>
          </div>
        </form>
      ) : (
        <div className="dialog-form">
          <p className="muted" role="status">
            {duplicates > 0
              ? t('evidence.previewWithDuplicates', { entries: t('evidence.entries', { count: preview.length }), count: duplicates })
              : t('evidence.previewNoDuplicates', { entries: t('evidence.entries', { count: preview.length }) })}
          </p>
          <div className="ev-preview-wrap">
            <table className="ev-preview" data-testid="bibliography-preview">
              <thead>
                <tr>
                  <th scope="col" className="ev-preview-check">
                    <input
                      type="checkbox"
                      aria-label={t('evidence.includeAll')}
                      checked={include.size === preview.length && preview.length > 0}
                      ref={(el) => {
                        if (el) el.indeterminate = include.size > 0 && include.size < preview.length;
                      }}
                      onChange={(e) => setInclude(e.target.checked ? new Set(preview.map((i) => i.index)) : new Set())}
                    />
                  </th>
                  <th scope="col">{t('evidence.title')}</th>
                  <th scope="col">{t('evidence.authors')}</th>
                  <th scope="col">{t('evidence.year')}</th>
                  <th scope="col">{t('evidence.type')}</th>
                  <th scope="col">{t('evidence.inTheProject')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.map((item) => (
                  <tr key={item.index} className={item.duplicateOf ? 'is-duplicate' : undefined} data-duplicate={item.duplicateOf ? 'true' : 'false'}>
                    <td className="ev-preview-check">
                      <input type="checkbox" aria-label={t('evidence.includeTitle', { title: item.title })} checked={include.has(item.index)} onChange={(e) => toggle(item.index, e.target.checked)} />
                    </td>
                    <td>{item.title}</td>
                    <td>{item.authors}</td>
                    <td className="numeric">{item.year ?? ''}</td>
                    <td>{item.type}</td>
                    <td>
                      {item.duplicateOf ? (
                        <span className="ev-duplicate" title={item.duplicateOf.title}>
                          <span className="ev-duplicate-mark" aria-hidden="true">
                            {DUPLICATE_MARK}
                          </span>
                          {t('evidence.duplicateOf', { title: item.duplicateOf.title })}
                        </span>
                      ) : (
                        <span className="muted">{t('evidence.newEntry')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <label className="field ev-inline-field">
            <span className="field-label">{t('evidence.kindOfNewSources')}</span>
            <KindSelect label={t('evidence.kindOfNewSources')} value={kind} onChange={setKind} allowAny anyLabel={t('evidence.fromEntryType')} />
          </label>
          {error ? <InlineAlert message={error.message} /> : null}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setPreview(null)}>
              {t('evidence.back')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button button-primary" disabled={pending || include.size === 0} onClick={() => void runImport()}>
              {include.size === 0 ? t('evidence.nothingToImport') : t('evidence.importSources', { count: include.size })}
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}

/**
 * The bibliography as BibTeX or CSL-JSON. The API answers with the text only (it has no way to write it to a path
 * the user chose), so the text is shown, can be copied, and is saved through the browser's own download.
 */
export function BibliographyExportDialog({
  onClose,
  all,
  shown,
  selected,
}: {
  onClose: () => void;
  all: SourceDto[];
  shown: SourceDto[] | null;
  selected: SourceDto | null;
}) {
  const t = useT();
  const [format, setFormat] = useState<'bibtex' | 'csl-json'>('bibtex');
  const [scope, setScope] = useState<'all' | 'shown' | 'selected'>('all');
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [copied, setCopied] = useState(false);
  const [pending, setPending] = useState(false);
  const textId = useId();
  const ids = scope === 'all' ? undefined : scope === 'shown' ? (shown ?? []).map((s) => s.id) : selected ? [selected.id] : [];
  const count = ids ? ids.length : all.length;
  const fileName = `comparanda-sources.${format === 'bibtex' ? 'bib' : 'json'}`;

  const run = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setPending(true);
    try {
      const answer = await evidenceCall('sources.exportBibliography', { format, sourceIds: ids });
      setResult(answer.text);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(false);
    }
  };

  const download = useMemo(() => (result === null ? null : URL.createObjectURL(new Blob([result], { type: format === 'bibtex' ? 'application/x-bibtex' : 'application/json' }))), [result, format]);
  useEffect(() => () => (download ? URL.revokeObjectURL(download) : undefined), [download]);

  const copy = async () => {
    if (result === null) return;
    try {
      await navigator.clipboard.writeText(result);
      setCopied(true);
    } catch {
      document.getElementById(textId)?.focus();
      (document.getElementById(textId) as HTMLTextAreaElement | null)?.select();
    }
  };

  return (
    <Modal
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('evidence.exportBibliography')}
      description={t('evidence.exportBibliographyDescription')}
      wide={result !== null}
      testId="export-bibliography"
    >
      {result === null ? (
        <form className="dialog-form" onSubmit={(e) => void run(e)}>
          <fieldset className="ev-choices">
            <legend className="field-label">{t('evidence.format')}</legend>
            <label className="choice">
              <input type="radio" name="ev-exp-format" checked={format === 'bibtex'} onChange={() => setFormat('bibtex')} /> {FORMAT_FILES.bibtex}
            </label>
            <label className="choice">
              <input type="radio" name="ev-exp-format" checked={format === 'csl-json'} onChange={() => setFormat('csl-json')} /> {FORMAT_FILES['csl-json']}
            </label>
          </fieldset>
          <fieldset className="ev-choices">
            <legend className="field-label">{t('evidence.navSources')}</legend>
            <label className="choice">
              <input type="radio" name="ev-exp-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> {t('evidence.allSources', { count: all.length })}
            </label>
            {shown ? (
              <label className="choice">
                <input type="radio" name="ev-exp-scope" checked={scope === 'shown'} onChange={() => setScope('shown')} /> {t('evidence.filteredSources', { count: shown.length })}
              </label>
            ) : null}
            {selected ? (
              <label className="choice">
                <input type="radio" name="ev-exp-scope" checked={scope === 'selected'} onChange={() => setScope('selected')} /> {t('evidence.onlyTitle', { title: selected.title })}
              </label>
            ) : null}
          </fieldset>
          {error ? <InlineAlert message={error.message} /> : null}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={pending || count === 0}>
              {t('evidence.exportSources', { count })}
            </button>
          </div>
        </form>
      ) : (
        <div className="dialog-form">
          <label className="field">
            <span className="field-label">{FORMAT_LABELS[format]}</span>
            <textarea id={textId} className="text-area ev-export-text" readOnly rows={14} value={result} spellCheck={false} />
          </label>
          <div className="dialog-actions">
            <span className="muted ev-copied" role="status">
              {copied ? t('evidence.copied') : ''}
            </span>
            <button type="button" className="button" onClick={() => void copy()}>
              {t('evidence.copy')}
            </button>
            {download ? (
              <a className="button ev-download" href={download} download={fileName}>
                {t('evidence.saveAsFile', { file: fileName })}
              </a>
            ) : null}
            <button type="button" className="button button-primary" onClick={onClose}>
              {t('evidence.done')}
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}

export function NewSourceDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (source: SourceDto) => void }) {
  const t = useT();
  const create = useEvidenceAction('sources.create');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<SourceKind>('observer-report');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = await create.run({ kind, csl: { type: kind === 'law' ? 'legislation' : kind === 'interview' ? 'interview' : 'report', title: title.trim() } });
    if (made) onCreated(made);
  };
  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title={t('evidence.newSource')} description={t('evidence.newSourceDescription')}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span className="field-label">{t('evidence.title')}</span>
          <input className="text-input" value={title} onChange={(e) => setTitle(e.target.value)} autoComplete="off" autoFocus placeholder={t('evidence.newSourcePlaceholder')} />
        </label>
        <label className="field">
          <span className="field-label">{t('evidence.kind')}</span>
          <KindSelect label={t('evidence.kind')} value={kind} onChange={(k) => setKind(k === '' ? 'other' : k)} />
        </label>
        {create.error ? <InlineAlert message={create.error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={create.pending || title.trim() === ''}>
            {t('evidence.addSource')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/**
 * "Open original" in the desktop: its save dialog, then the file is written and opened with the system's program.
 * Answers 'ask' where there is no such dialog (the browser): the caller then shows SaveOriginalDialog.
 */
export async function openOriginal(document: DocumentDto): Promise<'done' | 'cancelled' | 'ask'> {
  const title = formatMessage(currentLanguage(), 'evidence.saveTheOriginal');
  if (transportKind !== 'ipc') return 'ask';
  let chosen: string | null;
  try {
    const extension = document.fileName.split('.').pop() ?? document.format;
    chosen = (await api['host.chooseFile']({ mode: 'save', title, filters: [{ name: document.format.toUpperCase(), extensions: [extension] }], defaultName: document.fileName })).path;
  } catch (error) {
    if (toApiError(error).code === 'UNSUPPORTED') return 'ask';
    throw error;
  }
  if (!chosen) return 'cancelled';
  let written: { path: string };
  try {
    written = await api['documents.saveOriginal']({ id: document.id, path: chosen });
  } catch (error) {
    // An original that identifies an interviewee is saved only after the dialog has said so and been confirmed.
    if (toApiError(error).code === 'IDENTITY_IN_OUTPUT') return 'ask';
    throw error;
  }
  await api['host.openPath']({ path: written.path });
  return 'done';
}

/**
 * The original file of a document, written out where the user says: with the desktop's save dialog and then opened
 * with the system's program; in the browser, to a typed path (the browser cannot open it for you).
 */
export function SaveOriginalDialog({ document, onClose }: { document: DocumentDto; onClose: () => void }) {
  const t = useT();
  const [path, setPath] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const [allowIdentities, setAllowIdentities] = useState(false);
  const desktop = transportKind === 'ipc';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setPending(true);
    try {
      const written = await evidenceCall('documents.saveOriginal', { id: document.id, path: path.trim(), allowIdentities });
      setSaved(written.path);
      if (desktop) await evidenceCall('host.openPath', { path: written.path });
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t('evidence.openOriginal')}
      description={desktop ? t('evidence.saveOriginalDesktop', { file: document.fileName }) : t('evidence.saveOriginalWeb', { file: document.fileName })}
      testId="save-original"
    >
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <PathField
          label={t('evidence.saveAs')}
          value={path}
          onChange={setPath}
          mode="save"
          title={t('evidence.saveTheOriginal')}
          filters={[{ name: document.format.toUpperCase(), extensions: [document.fileName.split('.').pop() ?? document.format] }]}
          defaultName={document.fileName}
          placeholder={SAVE_FOLDER_EXAMPLE + document.fileName}
          autoFocus
        />
        {saved ? (
          <p role="status" className="ev-saved">
            <RichMsg id={desktop ? 'evidence.savedToOpened' : 'evidence.savedTo'} values={{ path: saved }} />
          </p>
        ) : null}
        {error ? <InlineAlert message={error.message} /> : null}
        {error?.code === 'IDENTITY_IN_OUTPUT' || allowIdentities ? (
          <label className="choice">
            <input type="checkbox" checked={allowIdentities} onChange={(e) => setAllowIdentities(e.target.checked)} />
            {t('evidence.saveAnyway')}
          </label>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {saved ? t('common.close') : t('common.cancel')}
          </button>
          {!saved ? (
            <button type="submit" className="button button-primary" disabled={pending || path.trim() === ''}>
              {desktop ? t('evidence.saveAndOpen') : t('common.save')}
            </button>
          ) : null}
        </div>
      </form>
    </Modal>
  );
}
