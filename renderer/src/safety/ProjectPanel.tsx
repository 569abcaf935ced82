import { useState, type FormEvent } from 'react';
import type { BackupDto, CheckReportDto, ProjectSummary } from '../../../electron/contract/api';
import type { ApiError } from '../../../electron/contract/errors';
import { api, toApiError, useApiQuery } from '../api';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import { useServices } from '../workbench-context';
import { formatBytes, formatDateTime, plural } from './format';
import { LockIcon } from './icons';
import { openProjectFile } from './open-file';
import { NewPassphraseFields, newPassphraseProblem, PassphraseInput, type NewPassphrase } from './PassphraseFields';
import { TeamSection } from '../team/TeamSection';
import { PathField } from './PathField';
import { basename, safeFileName, samePath, siblingPath, stampForFileName } from './paths';
import './safety.css';

const REASONS: Record<BackupDto['reason'], string> = {
  open: 'On opening',
  edits: 'After edits',
  'before-migration': 'Before a format upgrade',
  manual: 'Backed up by hand',
};

type SubDialog = { kind: 'passphrase' } | { kind: 'copy'; encrypted: boolean } | { kind: 'restore'; backup: BackupDto } | null;

interface ProjectPanelProps {
  project: ProjectSummary;
  onClose: () => void;
}

/**
 * Fieldwork safety in one place: whether the file is encrypted (and its passphrase), copies, the integrity check,
 * the automatic and manual backups with restore into a new file, and the audit trail as CSV.
 */
export function ProjectPanel({ project, onClose }: ProjectPanelProps) {
  const [sub, setSub] = useState<SubDialog>(null);
  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title="Project safety" wide testId="project-panel">
      <div className="safety-panel">
        <EncryptionSection project={project} onChangePassphrase={() => setSub({ kind: 'passphrase' })} onCopy={(encrypted) => setSub({ kind: 'copy', encrypted })} />
        <BackupsSection onRestore={(backup) => setSub({ kind: 'restore', backup })} />
        <CheckSection />
        <AuditSection project={project} />
        <TeamSection />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      {sub?.kind === 'passphrase' ? <ChangePassphraseDialog onClose={() => setSub(null)} /> : null}
      {sub?.kind === 'copy' ? <CopyDialog project={project} encrypted={sub.encrypted} onClose={() => setSub(null)} /> : null}
      {sub?.kind === 'restore' ? <RestoreDialog project={project} backup={sub.backup} onClose={() => setSub(null)} /> : null}
    </Modal>
  );
}

function EncryptionSection({ project, onChangePassphrase, onCopy }: { project: ProjectSummary; onChangePassphrase: () => void; onCopy: (encrypted: boolean) => void }) {
  return (
    <section className="safety-section" aria-labelledby="safety-file">
      <h3 id="safety-file" className="section-heading">
        File
      </h3>
      <p className="safety-path" title={project.path}>
        {project.path}
      </p>
      <div className={`safety-state ${project.encrypted ? 'is-encrypted' : 'is-plain'}`} data-testid="encryption-status">
        {project.encrypted ? (
          <>
            <LockIcon /> <strong>Encrypted at rest.</strong> Without the passphrase nothing in this file can be read — not the interviews, not the
            names.
          </>
        ) : (
          <>
            <strong>Not encrypted.</strong> Anyone who gets the file can read it. Before carrying it across a border, save an encrypted copy and
            carry that.
          </>
        )}
      </div>
      {project.readonly ? <p className="safety-note">Open read-only: changes to this file (its passphrase included) are not possible now.</p> : null}
      <div className="button-row">
        {project.encrypted ? (
          <button type="button" className="button" onClick={onChangePassphrase} disabled={project.readonly}>
            Change passphrase…
          </button>
        ) : (
          <button type="button" className="button" onClick={() => onCopy(true)}>
            Save an encrypted copy…
          </button>
        )}
        <button type="button" className="button" onClick={() => onCopy(false)}>
          Save a copy…
        </button>
      </div>
    </section>
  );
}

function BackupsSection({ onRestore }: { onRestore: (backup: BackupDto) => void }) {
  const list = useApiQuery('backups.list', {});
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [made, setMade] = useState<string | null>(null);

  const backUpNow = async () => {
    setPending(true);
    setError(undefined);
    try {
      const backup = await api['backups.create']({});
      setMade(backup.file);
      list.reload();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(false);
    }
  };

  const backups = list.data ?? [];
  return (
    <section className="safety-section" aria-labelledby="safety-backups">
      <div className="section-head">
        <h3 id="safety-backups" className="section-heading">
          Backups {list.data ? `(${backups.length})` : ''}
        </h3>
        <button type="button" className="button button-small" onClick={() => void backUpNow()} disabled={pending}>
          {pending ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      <p className="safety-note">
        Snapshots are taken when the project opens and every few minutes while you edit, in Comparanda’s own folder on this computer. A snapshot is
        restored into a new file: the open project is never overwritten.
      </p>
      {error ? <InlineAlert message={error.message} /> : null}
      {list.error ? (
        <InlineAlert message={list.error.message} actionLabel="Try again" onAction={list.reload} />
      ) : !list.data ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : backups.length === 0 ? (
        <p className="muted">No backups yet.</p>
      ) : (
        <div className="safety-table-wrap">
          <table className="safety-table" data-testid="backups-table">
            <thead>
              <tr>
                <th scope="col">Taken</th>
                <th scope="col">Why</th>
                <th scope="col" className="num">
                  Size
                </th>
                <th scope="col">Encrypted</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr key={b.file} className={made === b.file ? 'is-new' : undefined} title={b.file}>
                  <td className="numeric">
                    <time dateTime={b.createdAt}>{formatDateTime(b.createdAt, true)}</time>
                  </td>
                  <td>{REASONS[b.reason] ?? b.reason}</td>
                  <td className="num numeric">{formatBytes(b.sizeBytes)}</td>
                  <td>{b.encrypted ? 'Yes' : 'No'}</td>
                  <td className="actions">
                    <button type="button" className="button button-small" onClick={() => onRestore(b)}>
                      Restore into a new file…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CheckSection() {
  const [pending, setPending] = useState(false);
  const [report, setReport] = useState<CheckReportDto | null>(null);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  const check = async () => {
    setPending(true);
    setError(undefined);
    try {
      setReport(await api['project.check']({}));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(false);
    }
  };

  const problems = report ? report.integrity.filter((line) => line !== 'ok').length + report.foreignKeys.length + report.schema.length : 0;
  return (
    <section className="safety-section" aria-labelledby="safety-check">
      <div className="section-head">
        <h3 id="safety-check" className="section-heading">
          Integrity
        </h3>
        <button type="button" className="button button-small" onClick={() => void check()} disabled={pending}>
          {pending ? 'Checking…' : 'Check project'}
        </button>
      </div>
      {error ? <InlineAlert message={error.message} /> : null}
      {report ? (
        <div className={`check-report ${report.ok ? 'is-ok' : 'is-bad'}`} role="status" data-testid="check-report">
          {report.ok ? (
            <p>
              No problems found: the file’s integrity check passes, every reference points at a record that exists and its structure is the one Comparanda
              made (format version {report.schemaVersion}).
            </p>
          ) : (
            <>
              <p>
                <strong>{plural(problems, 'problem')} found.</strong> Restore the latest backup into a new file and compare, or keep a copy of this file and
                report it.
              </p>
              <ul className="check-problems">
                {report.integrity
                  .filter((line) => line !== 'ok')
                  .map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                {report.foreignKeys.map((fk) => (
                  <li key={`${fk.table}-${fk.rowid}-${fk.parent}`}>
                    A row of {fk.table} (row {fk.rowid}) points at a missing {fk.parent} record.
                  </li>
                ))}
                {report.schema.map((d) => (
                  <li key={`${d.type}-${d.name}`}>
                    The {d.type} {d.name}{' '}
                    {d.change === 'added' ? 'was added outside Comparanda' : d.change === 'missing' ? 'is missing' : 'was changed outside Comparanda'}.
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : (
        <p className="safety-note">Reads the whole file and checks every page and every reference. Takes a moment on a large project.</p>
      )}
    </section>
  );
}

function AuditSection({ project }: { project: ProjectSummary }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [saved, setSaved] = useState<string | null>(null);

  const download = async () => {
    setPending(true);
    setError(undefined);
    try {
      const { text } = await api['audit.exportCsv']({});
      const name = `${safeFileName(`${project.title} — audit trail ${stampForFileName()}`)}.csv`;
      const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setSaved(name);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="safety-section" aria-labelledby="safety-audit">
      <div className="section-head">
        <h3 id="safety-audit" className="section-heading">
          Audit trail
        </h3>
        <button type="button" className="button button-small" onClick={() => void download()} disabled={pending}>
          Export as CSV…
        </button>
      </div>
      <p className="safety-note">
        Every change to cells, claims, excerpts and verifications is recorded with its time and the record before and after — for a methods appendix,
        or to restore an earlier version (see a cell’s History).
      </p>
      {saved ? (
        <p className="safety-note" role="status">
          Saved as “{saved}” in your downloads.
        </p>
      ) : null}
      {error ? <InlineAlert message={error.message} /> : null}
    </section>
  );
}

// ---- Sub-dialogs ---------------------------------------------------------------------------------------------

const EMPTY: NewPassphrase = { first: '', second: '' };

function ChangePassphraseDialog({ onClose }: { onClose: () => void }) {
  const { store, queue } = useServices();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassphrase>(EMPTY);
  const [tried, setTried] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (current === '' || newPassphraseProblem(next)) return;
    setPending(true);
    setError(undefined);
    try {
      await queue.flush();
      await api['project.changePassphrase']({ current, next: next.first });
      await store.refresh(['overview']);
      setDone(true);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal open onOpenChange={(open) => (open || pending ? undefined : onClose())} title="Change passphrase" description="The file is re-encrypted with the new passphrase; the old one stops working at once." testId="change-passphrase-dialog">
      {done ? (
        <div className="dialog-form">
          <p role="status">The passphrase is changed. Use the new one from now on; backups taken before keep the old one.</p>
          <div className="dialog-actions">
            <button type="button" className="button button-primary" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form className="dialog-form" onSubmit={(e) => void submit(e)}>
          <PassphraseInput label="Current passphrase" value={current} onChange={setCurrent} autoFocus invalid={error?.code === 'WRONG_PASSPHRASE'} />
          <NewPassphraseFields value={next} onChange={setNext} showProblem={tried} labels={{ first: 'New passphrase', second: 'Repeat the new passphrase' }} />
          {error ? <InlineAlert message={error.message} /> : null}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose} disabled={pending}>
              Cancel
            </button>
            <button type="submit" className="button button-primary" disabled={pending || current === ''}>
              {pending ? 'Changing…' : 'Change passphrase'}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}

function CopyDialog({ project, encrypted, onClose }: { project: ProjectSummary; encrypted: boolean; onClose: () => void }) {
  const { queue } = useServices();
  const fileName = `${safeFileName(`${project.title} (${encrypted ? 'encrypted' : `copy ${stampForFileName()}`})`)}.comparanda`;
  const [path, setPath] = useState(siblingPath(project.path, fileName));
  const [passphrase, setPassphrase] = useState<NewPassphrase>(EMPTY);
  const [tried, setTried] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | string | undefined>(undefined);
  const [written, setWritten] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (path.trim() === '' || (encrypted && newPassphraseProblem(passphrase))) return;
    if (samePath(path, project.path)) {
      setError('A copy cannot replace the open project itself. Choose another name.');
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      await queue.flush();
      const result = encrypted
        ? await api['project.encryptCopy']({ path: path.trim(), passphrase: passphrase.first })
        : await api['project.saveCopy']({ path: path.trim() });
      setWritten(result.path);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(false);
    }
  };

  const openCopy = async () => {
    if (!written) return;
    const problem = await openProjectFile(written, () => queue.flush());
    if (problem) setError(problem);
  };

  const title = encrypted ? 'Save an encrypted copy' : 'Save a copy';
  return (
    <Modal
      open
      onOpenChange={(open) => (open || pending ? undefined : onClose())}
      title={title}
      description={
        encrypted
          ? 'Writes the whole project, encrypted with a passphrase, to a new file. This project stays open, as it is and not encrypted.'
          : `Writes a consistent copy of the project to a new file${project.encrypted ? ', encrypted with the same passphrase' : ''}. This project stays open.`
      }
      testId="copy-dialog"
    >
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <PathField
          label="Save as"
          mode="save"
          title={title}
          defaultName={fileName}
          filters={[{ name: 'Comparanda project', extensions: ['comparanda'] }]}
          value={path}
          onChange={(value) => {
            setPath(value);
            setWritten(null);
          }}
          disabled={pending || written !== null}
        />
        {encrypted && !written ? <NewPassphraseFields value={passphrase} onChange={setPassphrase} showProblem={tried} /> : null}
        {error ? <InlineAlert message={typeof error === 'string' ? error : error.message} /> : null}
        {written ? (
          <p className="safety-done" role="status">
            Saved “{basename(written)}”.
            {encrypted ? ' Check that it opens with the passphrase; then delete the unencrypted original securely before you travel.' : ''}
          </p>
        ) : null}
        <div className="dialog-actions">
          {written ? (
            <>
              <button type="button" className="button" onClick={() => void openCopy()}>
                Open the copy
              </button>
              <button type="button" className="button button-primary" onClick={onClose}>
                Done
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button" onClick={onClose} disabled={pending}>
                Cancel
              </button>
              <button type="submit" className="button button-primary" disabled={pending}>
                {pending ? 'Saving…' : encrypted ? 'Save encrypted copy' : 'Save copy'}
              </button>
            </>
          )}
        </div>
      </form>
    </Modal>
  );
}

function RestoreDialog({ project, backup, onClose }: { project: ProjectSummary; backup: BackupDto; onClose: () => void }) {
  const { queue } = useServices();
  const when = new Date(backup.createdAt);
  const fileName = `${safeFileName(`${project.title} (restored from ${Number.isNaN(when.getTime()) ? 'backup' : stampForFileName(when)})`)}.comparanda`;
  const [path, setPath] = useState(siblingPath(project.path, fileName));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [restored, setRestored] = useState<string | null>(null);
  const overOpen = samePath(path, project.path);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (path.trim() === '' || overOpen) return;
    setPending(true);
    setError(undefined);
    try {
      const result = await api['backups.restore']({ file: backup.file, dest: path.trim() });
      setRestored(result.path);
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setPending(false);
    }
  };

  const openRestored = async () => {
    if (!restored) return;
    const problem = await openProjectFile(restored, () => queue.flush());
    if (problem) setError(problem);
  };

  return (
    <Modal
      open
      onOpenChange={(open) => (open || pending ? undefined : onClose())}
      title="Restore into a new file"
      description={`The snapshot of ${formatDateTime(backup.createdAt, true)} (${REASONS[backup.reason] ?? backup.reason}, ${formatBytes(backup.sizeBytes)}) becomes a project file of its own. The open project is not touched.`}
      testId="restore-dialog"
    >
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <PathField
          label="New file"
          mode="save"
          title="Restore backup into"
          defaultName={fileName}
          filters={[{ name: 'Comparanda project', extensions: ['comparanda'] }]}
          value={path}
          onChange={(value) => {
            setPath(value);
            setError(undefined);
          }}
          disabled={pending || restored !== null}
          error={overOpen ? 'That is the open project’s own file. A backup is restored into a new file, never over the open project: choose another name.' : null}
        />
        {backup.encrypted ? <p className="safety-note">The snapshot is encrypted: it opens with the passphrase the project had when it was taken.</p> : null}
        {error ? <InlineAlert message={error} /> : null}
        {restored ? (
          <p className="safety-done" role="status" data-testid="restore-done">
            Restored to {restored}
          </p>
        ) : null}
        <div className="dialog-actions">
          {restored ? (
            <>
              <button type="button" className="button" onClick={() => void openRestored()}>
                Open it
              </button>
              <button type="button" className="button button-primary" onClick={onClose}>
                Done
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button" onClick={onClose} disabled={pending}>
                Cancel
              </button>
              <button type="submit" className="button button-primary" disabled={pending || overOpen || path.trim() === ''}>
                {pending ? 'Restoring…' : 'Restore'}
              </button>
            </>
          )}
        </div>
      </form>
    </Modal>
  );
}
