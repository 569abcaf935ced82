import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../electron/contract/errors';
import { api, toApiError, useApiQuery } from '../api';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import { NewPassphraseFields, newPassphraseProblem, type NewPassphrase } from './PassphraseFields';
import { CAN_CHOOSE_FILES, PathField } from './PathField';
import { inFolder, safeFileName } from './paths';
import './safety.css';

interface NewProjectSectionProps {
  /** The new project is open: ask again what is open. */
  onCreated: () => void;
}

/** The empty state's "New project…": a button and its dialog. */
export function NewProjectSection({ onCreated }: NewProjectSectionProps) {
  const [open, setOpen] = useState(false);
  return (
    <section className="empty-section" aria-labelledby="new-project-title">
      <h2 id="new-project-title" className="section-heading">
        Start a new project
      </h2>
      <p className="new-project-row">
        <button type="button" className="button" onClick={() => setOpen(true)}>
          New project…
        </button>
        <span className="muted">An empty project with the four-stage framework; it can be encrypted from the start.</span>
      </p>
      {open ? <NewProjectDialog onClose={() => setOpen(false)} onCreated={onCreated} /> : null}
    </section>
  );
}

interface NewProjectDialogProps {
  onClose: () => void;
  onCreated: () => void;
}

const EMPTY: NewPassphrase = { first: '', second: '' };

export function NewProjectDialog({ onClose, onCreated }: NewProjectDialogProps) {
  const info = useApiQuery('app.info', {});
  const [title, setTitle] = useState('');
  const [path, setPath] = useState<string | null>(null);
  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState<NewPassphrase>(EMPTY);
  const [tried, setTried] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  // Until the user types a path, the file is named after the title, in Documents/Comparanda — never beside the last
  // project, which may sit in a temporary folder (the sample of `npm run web`) that goes when the server stops.
  const fileName = `${safeFileName(title.trim() || 'Untitled project')}.comparanda`;
  const folder = info.data?.newProjectDir;
  const suggested = folder ? inFolder(folder, fileName) : CAN_CHOOSE_FILES ? '' : fileName;
  const shownPath = path ?? suggested;
  const pathProblem = shownPath.trim() !== '' && !shownPath.trim().toLowerCase().endsWith('.comparanda') ? 'A Comparanda project file name ends in .comparanda.' : null;
  const passProblem = encrypt ? newPassphraseProblem(passphrase) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (shownPath.trim() === '' || pathProblem || passProblem) return;
    setPending(true);
    setError(undefined);
    try {
      await api['project.create']({
        path: shownPath.trim(),
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(encrypt ? { passphrase: passphrase.first } : {}),
      });
      onCreated();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open
      onOpenChange={(next) => (next ? undefined : onClose())}
      title="New project"
      description="A project is one file. Keep it where your fieldwork lives; encrypt it if it will travel."
      testId="new-project-dialog"
    >
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span className="field-label">Title</span>
          <input className="text-input" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="e.g. Kazakhstan & Belarus" autoComplete="off" autoFocus />
        </label>
        <PathField
          label="File"
          mode="save"
          title="New Comparanda project"
          filters={[{ name: 'Comparanda project', extensions: ['comparanda'] }]}
          defaultName={fileName}
          value={shownPath}
          onChange={setPath}
          placeholder={folder ? inFolder(folder, fileName) : '/home/me/Documents/Comparanda/Project.comparanda'}
          error={pathProblem ?? (tried && shownPath.trim() === '' ? 'Give the file a path, e.g. /home/me/Documents/Project.comparanda.' : null)}
        />
        <label className="choice encrypt-choice">
          <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)} />
          <span>
            <strong>Encrypt this project</strong>
            <span className="muted"> — the file cannot be read without the passphrase (for interviews, names, anything that could put someone at risk).</span>
          </span>
        </label>
        {encrypt ? <NewPassphraseFields value={passphrase} onChange={setPassphrase} showProblem={tried} /> : null}
        {error ? <InlineAlert message={error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? 'Creating…' : encrypt ? 'Create encrypted project' : 'Create project'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
