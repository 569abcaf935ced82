/** The dialogs of the Sources view: importing documents and bibliographies, exporting one, a new source, an original. */
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { BibliographyPreviewItem, DocumentDto, SourceDto, SourceKind } from '../../../electron/contract/api';
import type { ApiError } from '../../../electron/contract/errors';
import { api, toApiError, transportKind } from '../api';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import { plural } from './format';
import { evidenceCall, useEvidenceAction, useEvidenceStore } from './store';
import { KindSelect, PathField } from './ui';

const DOCUMENT_FILTERS = [
  { name: 'Documents', extensions: ['pdf', 'docx', 'txt', 'md', 'markdown', 'html', 'htm', 'jpg', 'jpeg', 'png', 'tif', 'tiff'] },
  { name: 'Photos and scans', extensions: ['jpg', 'jpeg', 'png', 'tif', 'tiff'] },
];

/** Paths typed one per line; quotes around a pasted path are dropped. */
function pathsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^(["'])(.*)\1$/, '$2'))
    .filter((line) => line !== '');
}

export function ImportDocumentsDialog({ onClose, source }: { onClose: () => void; source?: SourceDto | undefined }) {
  const store = useEvidenceStore();
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
      const chosen = await api['host.chooseFile']({ mode: 'open', title: 'Import documents', filters: DOCUMENT_FILTERS });
      if (chosen.path) setText((t) => (t.trim() === '' ? chosen.path! : `${t.trimEnd()}\n${chosen.path}`));
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
      title="Import documents"
      description="PDF, Word (DOCX), plain text, Markdown, HTML, or a photo or scan (JPEG, PNG, TIFF), whose text is recognised offline in Kazakh, Russian and English. The text is kept page by page for reading, excerpting and search; nothing in a document ever runs."
      testId="import-documents"
    >
      <form className="dialog-form" onSubmit={submit}>
        <div className="field">
          <label className="field-label" htmlFor={id}>
            Files (one path per line)
          </label>
          <textarea
            id={id}
            className="text-area ev-paths"
            rows={3}
            value={text}
            spellCheck={false}
            placeholder="/home/me/fieldwork/odihr-2012-final-report.pdf"
            onChange={(e) => setText(e.target.value)}
            autoFocus
          />
          {chooseError ? <p className="field-error">{chooseError}</p> : <p className="field-hint">The original file is kept inside the project, with its text.</p>}
        </div>
        {desktop ? (
          <div>
            <button type="button" className="button" onClick={() => void browse()}>
              Browse…
            </button>
          </div>
        ) : null}
        {source ? (
          <fieldset className="ev-choices">
            <legend className="field-label">Add to</legend>
            <label className="choice">
              <input type="radio" name="ev-attach" checked={attach} onChange={() => setAttach(true)} /> {source.title}
            </label>
            <label className="choice">
              <input type="radio" name="ev-attach" checked={!attach} onChange={() => setAttach(false)} /> A new source for each file
            </label>
          </fieldset>
        ) : null}
        {!attach || !source ? (
          <label className="field">
            <span className="field-label">Kind of the new sources</span>
            <KindSelect label="Kind of the new sources" value={kind} onChange={(k) => setKind(k === '' ? 'other' : k)} />
          </label>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={paths.length === 0}>
            {paths.length > 1 ? `Import ${paths.length} files` : 'Import'}
          </button>
        </div>
      </form>
    </Modal>
  );
}

type BibFormat = 'bibtex' | 'ris' | 'csl-json';
const FORMAT_LABELS: Record<BibFormat, string> = { bibtex: 'BibTeX / BibLaTeX', ris: 'RIS', 'csl-json': 'CSL-JSON' };

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

  const input = () => (from === 'file' ? { format, path: path.trim() } : { format, text, fileName: 'the pasted bibliography' });

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
      title="Import bibliography"
      description="A library exported from Zotero or another reference manager. You see what it holds before anything is added."
      wide={preview !== null}
      testId="import-bibliography"
    >
      {imported ? (
        <div className="dialog-form">
          <p role="status">Imported {plural(imported.length, 'source')}.</p>
          <div className="dialog-actions">
            <button type="button" className="button button-primary" onClick={onClose} autoFocus>
              Close
            </button>
          </div>
        </div>
      ) : preview === null ? (
        <form className="dialog-form" onSubmit={(e) => void runPreview(e)}>
          <fieldset className="ev-choices ev-choices-inline">
            <legend className="visually-hidden">Read from</legend>
            <label className="choice">
              <input type="radio" name="ev-bib-from" checked={from === 'file'} onChange={() => setFrom('file')} /> A file
            </label>
            <label className="choice">
              <input type="radio" name="ev-bib-from" checked={from === 'text'} onChange={() => setFrom('text')} /> Pasted text
            </label>
          </fieldset>
          {from === 'file' ? (
            <PathField
              label="Bibliography file"
              value={path}
              mode="open"
              title="Import bibliography"
              filters={[{ name: 'Bibliographies', extensions: ['bib', 'ris', 'json'] }]}
              placeholder="/home/me/zotero-export.bib"
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
                Bibliography text
              </label>
              <textarea id={textId} className="text-area ev-paste" rows={8} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
            </div>
          )}
          <label className="field">
            <span className="field-label">Format</span>
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
              Cancel
            </button>
            <button type="submit" className="button button-primary" disabled={pending || (from === 'file' ? path.trim() === '' : text.trim() === '')}>
              {pending ? 'Reading…' : 'Preview'}
            </button>
          </div>
        </form>
      ) : (
        <div className="dialog-form">
          <p className="muted" role="status">
            {plural(preview.length, 'entry', 'entries')}
            {duplicates > 0 ? ` · ${plural(duplicates, 'duplicate')} of sources already in the project (left out unless you tick them)` : ' · none is in the project yet'}
          </p>
          <div className="ev-preview-wrap">
            <table className="ev-preview" data-testid="bibliography-preview">
              <thead>
                <tr>
                  <th scope="col" className="ev-preview-check">
                    <input
                      type="checkbox"
                      aria-label="Include all"
                      checked={include.size === preview.length && preview.length > 0}
                      ref={(el) => {
                        if (el) el.indeterminate = include.size > 0 && include.size < preview.length;
                      }}
                      onChange={(e) => setInclude(e.target.checked ? new Set(preview.map((i) => i.index)) : new Set())}
                    />
                  </th>
                  <th scope="col">Title</th>
                  <th scope="col">Authors</th>
                  <th scope="col">Year</th>
                  <th scope="col">Type</th>
                  <th scope="col">In the project</th>
                </tr>
              </thead>
              <tbody>
                {preview.map((item) => (
                  <tr key={item.index} className={item.duplicateOf ? 'is-duplicate' : undefined} data-duplicate={item.duplicateOf ? 'true' : 'false'}>
                    <td className="ev-preview-check">
                      <input type="checkbox" aria-label={`Include ${item.title}`} checked={include.has(item.index)} onChange={(e) => toggle(item.index, e.target.checked)} />
                    </td>
                    <td>{item.title}</td>
                    <td>{item.authors}</td>
                    <td className="numeric">{item.year ?? ''}</td>
                    <td>{item.type}</td>
                    <td>
                      {item.duplicateOf ? (
                        <span className="ev-duplicate" title={item.duplicateOf.title}>
                          <span className="ev-duplicate-mark" aria-hidden="true">
                            =
                          </span>
                          Duplicate of “{item.duplicateOf.title}”
                        </span>
                      ) : (
                        <span className="muted">New</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <label className="field ev-inline-field">
            <span className="field-label">Kind of the new sources</span>
            <KindSelect label="Kind of the new sources" value={kind} onChange={setKind} allowAny anyLabel="From each entry’s type" />
          </label>
          {error ? <InlineAlert message={error.message} /> : null}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setPreview(null)}>
              Back
            </button>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="button button-primary" disabled={pending || include.size === 0} onClick={() => void runImport()}>
              {include.size === 0 ? 'Nothing to import' : `Import ${plural(include.size, 'source')}`}
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
      title="Export bibliography"
      description="For Zotero, BibLaTeX or a journal’s reference style. Interviews are cited by pseudonym only."
      wide={result !== null}
      testId="export-bibliography"
    >
      {result === null ? (
        <form className="dialog-form" onSubmit={(e) => void run(e)}>
          <fieldset className="ev-choices">
            <legend className="field-label">Format</legend>
            <label className="choice">
              <input type="radio" name="ev-exp-format" checked={format === 'bibtex'} onChange={() => setFormat('bibtex')} /> BibTeX (.bib)
            </label>
            <label className="choice">
              <input type="radio" name="ev-exp-format" checked={format === 'csl-json'} onChange={() => setFormat('csl-json')} /> CSL-JSON (.json)
            </label>
          </fieldset>
          <fieldset className="ev-choices">
            <legend className="field-label">Sources</legend>
            <label className="choice">
              <input type="radio" name="ev-exp-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> All {plural(all.length, 'source')}
            </label>
            {shown ? (
              <label className="choice">
                <input type="radio" name="ev-exp-scope" checked={scope === 'shown'} onChange={() => setScope('shown')} /> The {plural(shown.length, 'source')} the filter shows
              </label>
            ) : null}
            {selected ? (
              <label className="choice">
                <input type="radio" name="ev-exp-scope" checked={scope === 'selected'} onChange={() => setScope('selected')} /> Only “{selected.title}”
              </label>
            ) : null}
          </fieldset>
          {error ? <InlineAlert message={error.message} /> : null}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button-primary" disabled={pending || count === 0}>
              Export {plural(count, 'source')}
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
              {copied ? 'Copied to the clipboard.' : ''}
            </span>
            <button type="button" className="button" onClick={() => void copy()}>
              Copy
            </button>
            {download ? (
              <a className="button ev-download" href={download} download={fileName}>
                Save as {fileName}…
              </a>
            ) : null}
            <button type="button" className="button button-primary" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}

export function NewSourceDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (source: SourceDto) => void }) {
  const create = useEvidenceAction('sources.create');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<SourceKind>('observer-report');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = await create.run({ kind, csl: { type: kind === 'law' ? 'legislation' : kind === 'interview' ? 'interview' : 'report', title: title.trim() } });
    if (made) onCreated(made);
  };
  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title="New source" description="Its other details (authors, date, publisher) follow in the details pane.">
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span className="field-label">Title</span>
          <input className="text-input" value={title} onChange={(e) => setTitle(e.target.value)} autoComplete="off" autoFocus placeholder="e.g. Kazakhstan, Parliamentary Elections, 15 January 2012: Final Report" />
        </label>
        <label className="field">
          <span className="field-label">Kind</span>
          <KindSelect label="Kind" value={kind} onChange={(k) => setKind(k === '' ? 'other' : k)} />
        </label>
        {create.error ? <InlineAlert message={create.error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={create.pending || title.trim() === ''}>
            Add source
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
  if (transportKind !== 'ipc') return 'ask';
  let chosen: string | null;
  try {
    const extension = document.fileName.split('.').pop() ?? document.format;
    chosen = (await api['host.chooseFile']({ mode: 'save', title: 'Save the original', filters: [{ name: document.format.toUpperCase(), extensions: [extension] }], defaultName: document.fileName })).path;
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
      title="Open original"
      description={
        desktop
          ? `Saves a copy of “${document.fileName}” where you choose and opens it with your system’s program.`
          : `Saves a copy of “${document.fileName}” to a path on this computer; open it from there.`
      }
      testId="save-original"
    >
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <PathField
          label="Save as"
          value={path}
          onChange={setPath}
          mode="save"
          title="Save the original"
          filters={[{ name: document.format.toUpperCase(), extensions: [document.fileName.split('.').pop() ?? document.format] }]}
          defaultName={document.fileName}
          placeholder={`/home/me/Documents/${document.fileName}`}
          autoFocus
        />
        {saved ? (
          <p role="status" className="ev-saved">
            Saved to <code>{saved}</code>
            {desktop ? ' and opened.' : '.'}
          </p>
        ) : null}
        {error ? <InlineAlert message={error.message} /> : null}
        {error?.code === 'IDENTITY_IN_OUTPUT' || allowIdentities ? (
          <label className="choice">
            <input type="checkbox" checked={allowIdentities} onChange={(e) => setAllowIdentities(e.target.checked)} />
            Save it anyway: I know this file identifies an interviewee
          </label>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {saved ? 'Close' : 'Cancel'}
          </button>
          {!saved ? (
            <button type="submit" className="button button-primary" disabled={pending || path.trim() === ''}>
              {desktop ? 'Save and open' : 'Save'}
            </button>
          ) : null}
        </div>
      </form>
    </Modal>
  );
}
