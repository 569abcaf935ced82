import { useState, type FormEvent } from 'react';
import type { BackupDto, CheckReportDto, JobDto, ProjectSummary } from '../../../electron/contract/api';
import type { ApiError } from '../../../electron/contract/errors';
import { api, toApiError, useApiQuery } from '../api';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import { useServices } from '../workbench-context';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { Msg } from '../i18n/Msg';
import { useSaid, useT } from '../i18n/use-t';
import { formatBytes, formatDateTime } from './format';
import { LockIcon } from './icons';
import { openProjectFile } from './open-file';
import { NewPassphraseFields, newPassphraseProblem, PassphraseInput, type NewPassphrase } from './PassphraseFields';
import { TeamSection } from '../team/TeamSection';
import { followJob, JobDialogActions, JobProgress } from '../exports/follow-job';
import { PathField } from './PathField';
import { basename, safeFileName, samePath, siblingPath, stampForFileName } from './paths';
import './safety.css';

const REASONS: Record<BackupDto['reason'], MessageId> = {
  open: 'safety.reasonOpen',
  edits: 'safety.reasonEdits',
  'before-migration': 'safety.reasonMigration',
  manual: 'safety.reasonManual',
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
  const t = useT();
  const [sub, setSub] = useState<SubDialog>(null);
  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title={t('safety.title')} wide testId="project-panel">
      <div className="safety-panel">
        <EncryptionSection project={project} onChangePassphrase={() => setSub({ kind: 'passphrase' })} onCopy={(encrypted) => setSub({ kind: 'copy', encrypted })} />
        <BackupsSection onRestore={(backup) => setSub({ kind: 'restore', backup })} />
        <CheckSection />
        <AuditSection project={project} />
        <TeamSection />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {sub?.kind === 'passphrase' ? <ChangePassphraseDialog onClose={() => setSub(null)} /> : null}
      {sub?.kind === 'copy' ? <CopyDialog project={project} encrypted={sub.encrypted} onClose={() => setSub(null)} /> : null}
      {sub?.kind === 'restore' ? <RestoreDialog project={project} backup={sub.backup} onClose={() => setSub(null)} /> : null}
    </Modal>
  );
}

function EncryptionSection({ project, onChangePassphrase, onCopy }: { project: ProjectSummary; onChangePassphrase: () => void; onCopy: (encrypted: boolean) => void }) {
  const t = useT();
  return (
    <section className="safety-section" aria-labelledby="safety-file">
      <h3 id="safety-file" className="section-heading">
        {t('safety.file')}
      </h3>
      <p className="safety-path" title={project.path}>
        {project.path}
      </p>
      <div className={`safety-state ${project.encrypted ? 'is-encrypted' : 'is-plain'}`} data-testid="encryption-status">
        {project.encrypted ? (
          <>
            <LockIcon /> <Msg id="safety.encrypted" />
          </>
        ) : (
          <>
            <Msg id="safety.notEncrypted" />
          </>
        )}
      </div>
      {project.readonly ? <p className="safety-note">{t('safety.readOnlyNote')}</p> : null}
      <div className="button-row">
        {project.encrypted ? (
          <button type="button" className="button" onClick={onChangePassphrase} disabled={project.readonly}>
            {t('safety.changePassphraseButton')}
          </button>
        ) : (
          <button type="button" className="button" onClick={() => onCopy(true)}>
            {t('safety.saveEncryptedCopyButton')}
          </button>
        )}
        <button type="button" className="button" onClick={() => onCopy(false)}>
          {t('safety.saveCopyButton')}
        </button>
      </div>
    </section>
  );
}

function BackupsSection({ onRestore }: { onRestore: (backup: BackupDto) => void }) {
  const t = useT();
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
          {list.data ? t('safety.backupsCount', { count: backups.length }) : t('safety.backups')}
        </h3>
        <button type="button" className="button button-small" onClick={() => void backUpNow()} disabled={pending}>
          {pending ? t('safety.backingUp') : t('safety.backUpNow')}
        </button>
      </div>
      <p className="safety-note">{t('safety.backupsNote')}</p>
      {error ? <InlineAlert message={error.message} /> : null}
      {list.error ? (
        <InlineAlert message={list.error.message} actionLabel={t('safety.tryAgain')} onAction={list.reload} />
      ) : !list.data ? (
        <p className="muted" role="status">
          {t('safety.loading')}
        </p>
      ) : backups.length === 0 ? (
        <p className="muted">{t('safety.noBackups')}</p>
      ) : (
        <div className="safety-table-wrap">
          <table className="safety-table" data-testid="backups-table">
            <thead>
              <tr>
                <th scope="col">{t('safety.taken')}</th>
                <th scope="col">{t('safety.why')}</th>
                <th scope="col" className="num">
                  {t('safety.size')}
                </th>
                <th scope="col">{t('safety.encryptedColumn')}</th>
                {/* Named, not written: a 1-pixel hidden span would still hold a clipped line of text in the header. */}
                <th scope="col" aria-label={t('safety.actions')} />
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr key={b.file} className={made === b.file ? 'is-new' : undefined} title={b.file}>
                  <td className="numeric">
                    <time dateTime={b.createdAt}>{formatDateTime(b.createdAt, true)}</time>
                  </td>
                  <td>{t(REASONS[b.reason])}</td>
                  <td className="num numeric">{formatBytes(b.sizeBytes)}</td>
                  <td>{b.encrypted ? t('safety.yes') : t('safety.no')}</td>
                  <td className="actions">
                    <button type="button" className="button button-small" onClick={() => onRestore(b)}>
                      {t('safety.restoreButton')}
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
  const t = useT();
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
          {t('safety.integrity')}
        </h3>
        <button type="button" className="button button-small" onClick={() => void check()} disabled={pending}>
          {pending ? t('safety.checking') : t('safety.checkProject')}
        </button>
      </div>
      {error ? <InlineAlert message={error.message} /> : null}
      {report ? (
        <div className={`check-report ${report.ok ? 'is-ok' : 'is-bad'}`} role="status" data-testid="check-report">
          {report.ok ? (
            <p>{t('safety.checkOk', { version: report.schemaVersion })}</p>
          ) : (
            <>
              <p>
                <Msg id="safety.checkProblems" values={{ count: problems }} />
              </p>
              <ul className="check-problems">
                {report.integrity
                  .filter((line) => line !== 'ok')
                  .map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                {report.foreignKeys.map((fk) => (
                  <li key={`${fk.table}-${fk.rowid}-${fk.parent}`}>
                    {t('safety.checkForeignKey', { table: fk.table, row: fk.rowid, parent: fk.parent })}
                  </li>
                ))}
                {report.schema.map((d) => (
                  <li key={`${d.type}-${d.name}`}>
                    {t('safety.checkSchema', { type: d.type, name: d.name, change: d.change })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : (
        <p className="safety-note">{t('safety.checkNote')}</p>
      )}
    </section>
  );
}

function AuditSection({ project }: { project: ProjectSummary }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <section className="safety-section" aria-labelledby="safety-audit">
      <div className="section-head">
        <h3 id="safety-audit" className="section-heading">
          {t('safety.auditTrail')}
        </h3>
        <button type="button" className="button button-small" onClick={() => setOpen(true)}>
          {t('safety.exportCsv')}
        </button>
      </div>
      <p className="safety-note">{t('safety.auditNote')}</p>
      {open ? <AuditExportDialog project={project} onClose={() => setOpen(false)} /> : null}
    </section>
  );
}

/**
 * The audit trail saved as a CSV file: a job (audit.saveCsv) with progress and a cancel that writes nothing — a large
 * project's trail is hundreds of megabytes, more than an answer to the window can carry.
 */
function AuditExportDialog({ project, onClose }: { project: ProjectSummary; onClose: () => void }) {
  const t = useT();
  const said = useSaid();
  const fileName = `${safeFileName(t('safety.auditFileName', { title: project.title, stamp: stampForFileName() }))}.csv`;
  const [path, setPath] = useState(siblingPath(project.path, fileName));
  const [pending, setPending] = useState(false);
  const [job, setJob] = useState<JobDto | null>(null);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [written, setWritten] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      const started = await api['audit.saveCsv']({ path: path.trim() });
      const file = await followJob(started, setJob, (result) => result.files?.[0], { said, cancelled: t('exports.cancelledNothing'), noResult: t('exports.exportNoResult') });
      setWritten(file.path);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal open onOpenChange={(next) => (next || pending ? undefined : onClose())} title={t('safety.auditExportTitle')} description={t('safety.auditExportDescription')} testId="audit-export-dialog">
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <PathField
          label={t('exports.saveAs')}
          mode="save"
          title={t('safety.auditExportTitle')}
          defaultName={fileName}
          filters={[{ name: t('safety.csvFilter'), extensions: ['csv'] }]}
          value={path}
          onChange={(next) => {
            setPath(next);
            setWritten(null);
          }}
          disabled={pending}
        />
        {job ? <JobProgress job={job} testId="audit-export-progress" /> : null}
        {error ? <InlineAlert message={error.message} /> : null}
        {written ? (
          <div className="export-status is-done" role="status" data-testid="audit-export-result">
            <p className="export-done-title">{t('exports.wrote', { path: written })}</p>
          </div>
        ) : null}
        <JobDialogActions job={job} written={written !== null} pending={pending} canExport={path.trim() !== ''} onClose={onClose} />
      </form>
    </Modal>
  );
}

// ---- Sub-dialogs ---------------------------------------------------------------------------------------------

const EMPTY: NewPassphrase = { first: '', second: '' };

function ChangePassphraseDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
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
    <Modal open onOpenChange={(open) => (open || pending ? undefined : onClose())} title={t('safety.changePassphrase')} description={t('safety.changePassphraseDescription')} testId="change-passphrase-dialog">
      {done ? (
        <div className="dialog-form">
          <p role="status">{t('safety.passphraseChanged')}</p>
          <div className="dialog-actions">
            <button type="button" className="button button-primary" onClick={onClose}>
              {t('safety.done')}
            </button>
          </div>
        </div>
      ) : (
        <form className="dialog-form" onSubmit={(e) => void submit(e)}>
          <PassphraseInput label={t('safety.currentPassphrase')} value={current} onChange={setCurrent} autoFocus invalid={error?.code === 'WRONG_PASSPHRASE'} />
          <NewPassphraseFields value={next} onChange={setNext} showProblem={tried} labels={{ first: t('safety.newPassphrase'), second: t('safety.repeatNewPassphrase') }} />
          {error ? <InlineAlert message={error.message} /> : null}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose} disabled={pending}>
              {t('safety.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={pending || current === ''}>
              {pending ? t('safety.changing') : t('safety.changePassphrase')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}

function CopyDialog({ project, encrypted, onClose }: { project: ProjectSummary; encrypted: boolean; onClose: () => void }) {
  const t = useT();
  const { queue } = useServices();
  const fileName = `${safeFileName(encrypted ? t('safety.encryptedCopyName', { title: project.title }) : t('safety.copyName', { title: project.title, stamp: stampForFileName() }))}.comparanda`;
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
      setError(t('safety.notOverOpen'));
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

  const title = encrypted ? t('safety.saveEncryptedCopy') : t('safety.saveCopy');
  return (
    <Modal
      open
      onOpenChange={(open) => (open || pending ? undefined : onClose())}
      title={title}
      description={
        encrypted ? t('safety.encryptedCopyDescription') : t('safety.copyDescription', { encrypted: project.encrypted ? 'yes' : 'no' })
      }
      testId="copy-dialog"
    >
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <PathField
          label={t('safety.saveAs')}
          mode="save"
          title={title}
          defaultName={fileName}
          filters={[{ name: t('safety.projectFilter'), extensions: ['comparanda'] }]}
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
            {t('safety.savedFile', { file: basename(written) })}
            {encrypted ? <> {t('safety.checkEncryptedCopy')}</> : null}
          </p>
        ) : null}
        <div className="dialog-actions">
          {written ? (
            <>
              <button type="button" className="button" onClick={() => void openCopy()}>
                {t('safety.openCopy')}
              </button>
              <button type="button" className="button button-primary" onClick={onClose}>
                {t('safety.done')}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button" onClick={onClose} disabled={pending}>
                {t('safety.cancel')}
              </button>
              <button type="submit" className="button button-primary" disabled={pending}>
                {pending ? t('safety.saving') : encrypted ? t('safety.saveEncryptedCopySubmit') : t('safety.saveCopySubmit')}
              </button>
            </>
          )}
        </div>
      </form>
    </Modal>
  );
}

function RestoreDialog({ project, backup, onClose }: { project: ProjectSummary; backup: BackupDto; onClose: () => void }) {
  const t = useT();
  const { queue } = useServices();
  const when = new Date(backup.createdAt);
  const fileName = `${safeFileName(
    Number.isNaN(when.getTime()) ? t('safety.restoredNameUndated', { title: project.title }) : t('safety.restoredName', { title: project.title, stamp: stampForFileName(when) }),
  )}.comparanda`;
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
      title={t('safety.restoreTitle')}
      description={t('safety.restoreDescription', { taken: formatDateTime(backup.createdAt, true), reason: t(REASONS[backup.reason]), size: formatBytes(backup.sizeBytes) })}
      testId="restore-dialog"
    >
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <PathField
          label={t('safety.newFile')}
          mode="save"
          title={t('safety.restoreInto')}
          defaultName={fileName}
          filters={[{ name: t('safety.projectFilter'), extensions: ['comparanda'] }]}
          value={path}
          onChange={(value) => {
            setPath(value);
            setError(undefined);
          }}
          disabled={pending || restored !== null}
          error={overOpen ? t('safety.restoreOverOpen') : null}
        />
        {backup.encrypted ? <p className="safety-note">{t('safety.snapshotEncrypted')}</p> : null}
        {error ? <InlineAlert message={error} /> : null}
        {restored ? (
          <p className="safety-done" role="status" data-testid="restore-done">
            {t('safety.restoredTo', { file: restored })}
          </p>
        ) : null}
        <div className="dialog-actions">
          {restored ? (
            <>
              <button type="button" className="button" onClick={() => void openRestored()}>
                {t('safety.openIt')}
              </button>
              <button type="button" className="button button-primary" onClick={onClose}>
                {t('safety.done')}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button" onClick={onClose} disabled={pending}>
                {t('safety.cancel')}
              </button>
              <button type="submit" className="button button-primary" disabled={pending || overOpen || path.trim() === ''}>
                {pending ? t('safety.restoring') : t('safety.restore')}
              </button>
            </>
          )}
        </div>
      </form>
    </Modal>
  );
}
