import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../electron/contract/errors';
import { api, toApiError, useApiQuery } from '../api';
import { contentLanguage } from '../../../electron/contract/i18n/languages';
import { useLanguage } from '../i18n/language-context';
import { Msg } from '../i18n/Msg';
import { useT } from '../i18n/use-t';
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
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <section className="empty-section" aria-labelledby="new-project-title">
      <h2 id="new-project-title" className="section-heading">
        {t('safety.startNewProject')}
      </h2>
      <p className="new-project-row">
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('safety.newProjectButton')}
        </button>
        <span className="muted">{t('safety.newProjectHint')}</span>
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

/** Shown in examples of a path when the app has not said where new projects go. */
const EXAMPLE_FOLDER = '/home/me/Documents/Comparanda';

export function NewProjectDialog({ onClose, onCreated }: NewProjectDialogProps) {
  const t = useT();
  const { language } = useLanguage();
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
  const fileName = `${safeFileName(title.trim() || t('safety.untitledProject'))}.comparanda`;
  const folder = info.data?.newProjectDir;
  const suggested = folder ? inFolder(folder, fileName) : CAN_CHOOSE_FILES ? '' : fileName;
  const shownPath = path ?? suggested;
  const pathProblem = shownPath.trim() !== '' && !shownPath.trim().toLowerCase().endsWith('.comparanda') ? t('safety.fileNameEnding') : null;
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
        // The framework, status and dimension names the project starts with, in the language on screen.
        language: contentLanguage(language),
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
      title={t('safety.newProject')}
      description={t('safety.newProjectDescription')}
      testId="new-project-dialog"
    >
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span className="field-label">{t('safety.projectTitle')}</span>
          <input className="text-input" value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('safety.titlePlaceholder', { example: 'Kazakhstan & Belarus' })} autoComplete="off" autoFocus />
        </label>
        <PathField
          label={t('safety.fileLabel')}
          mode="save"
          title={t('safety.newProjectChooser')}
          filters={[{ name: t('safety.projectFilter'), extensions: ['comparanda'] }]}
          defaultName={fileName}
          value={shownPath}
          onChange={setPath}
          placeholder={folder ? inFolder(folder, fileName) : t('safety.pathPlaceholder', { folder: EXAMPLE_FOLDER })}
          error={pathProblem ?? (tried && shownPath.trim() === '' ? t('safety.givePath', { example: t('safety.pathPlaceholder', { folder: EXAMPLE_FOLDER }) }) : null)}
        />
        <label className="choice encrypt-choice">
          <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)} />
          <span>
            <Msg id="safety.encryptThis" />
          </span>
        </label>
        {encrypt ? <NewPassphraseFields value={passphrase} onChange={setPassphrase} showProblem={tried} /> : null}
        {error ? <InlineAlert message={error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('safety.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? t('safety.creating') : encrypt ? t('safety.createEncrypted') : t('safety.createProject')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
