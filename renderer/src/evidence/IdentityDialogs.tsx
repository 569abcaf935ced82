/**
 * Recording an interviewee's identity (real name, contact, and other identifiers: another name, a phone number, an
 * e-mail address, a place) and erasing it for real, with the report of what the erasure did and what remains.
 */
import { useEffect, useId, useState } from 'react';
import { IDENTIFIER_KINDS, type EraseReportDto, type IdentifierKind, type ParticipantDto } from '../../../electron/contract/api';
import type { ApiError } from '../../../electron/contract/errors';
import { toApiError, useApiQuery } from '../api';
import { InlineAlert } from '../ui/InlineAlert';
import { useFormAction } from '../ui/form-action';
import { Modal } from '../ui/Modal';
import { evidenceCall, useEvidenceStore } from './store';

export const IDENTIFIER_LABELS: Record<IdentifierKind, string> = {
  name: 'Other name',
  phone: 'Phone',
  email: 'E-mail',
  place: 'Place',
  other: 'Other',
};

interface IdentifierRow {
  key: number;
  kind: IdentifierKind;
  value: string;
}

export function RecordIdentityDialog({ participant, onClose, onSaved }: { participant: ParticipantDto; onClose: () => void; onSaved: () => void }) {
  const store = useEvidenceStore();
  const nameId = useId();
  const contactId = useId();
  const [realName, setRealName] = useState('');
  const [contact, setContact] = useState('');
  const [rows, setRows] = useState<IdentifierRow[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [loadError, setLoadError] = useState<ApiError | undefined>(undefined);
  const { pending, error: saveError, submit } = useFormAction();
  const error = saveError ?? loadError;

  // Changing a recorded identity starts from what is recorded (the researcher asked to edit it).
  useEffect(() => {
    if (!participant.hasIdentity) return;
    let live = true;
    void evidenceCall('participants.getIdentity', { id: participant.id }).then(
      (found) => {
        if (!live || !found) return;
        setRealName(found.realName);
        setContact(found.contact);
        setRows(found.identifiers.map((x, i) => ({ key: i + 1, ...x })));
        setNextKey(found.identifiers.length + 1);
      },
      (caught: unknown) => live && setLoadError(toApiError(caught)),
    );
    return () => {
      live = false;
    };
  }, [participant.id, participant.hasIdentity]);

  const save = submit(async () => {
    const identifiers = rows.filter((r) => r.value.trim() !== '').map((r) => ({ kind: r.kind, value: r.value.trim() }));
    await store.run('participants.setIdentity', { id: participant.id, realName: realName.trim(), contact: contact.trim(), identifiers });
    onSaved();
  });
  const setRow = (key: number, patch: Partial<IdentifierRow>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <Modal
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={`Real name of ${participant.pseudonym}`}
      description="Kept apart from everything else: never listed, never searchable, and any output that would contain it is refused. Record it only if you must; encrypt the project if you do."
      testId="record-identity"
    >
      <form className="dialog-form" onSubmit={(e) => void save(e)}>
        <div className="field">
          <label className="field-label" htmlFor={nameId}>
            Real name
          </label>
          <input id={nameId} className="text-input" value={realName} onChange={(e) => setRealName(e.target.value)} autoComplete="off" spellCheck={false} autoFocus />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={contactId}>
            Contact (optional)
          </label>
          <input id={contactId} className="text-input" value={contact} onChange={(e) => setContact(e.target.value)} autoComplete="off" spellCheck={false} />
        </div>
        <fieldset className="field ev-identifiers">
          <legend className="field-label">Other identifiers (optional)</legend>
          <p className="muted small">Anything else that would identify them in an output: another name, a phone number, an e-mail address, a place.</p>
          {rows.map((row, index) => (
            <div className="inline-fields" key={row.key}>
              <select
                className="native-select field-short"
                aria-label={`Kind of identifier ${index + 1}`}
                value={row.kind}
                onChange={(e) => setRow(row.key, { kind: e.target.value as IdentifierKind })}
              >
                {IDENTIFIER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {IDENTIFIER_LABELS[k]}
                  </option>
                ))}
              </select>
              <input
                className="text-input"
                aria-label={`Identifier ${index + 1}`}
                value={row.value}
                onChange={(e) => setRow(row.key, { value: e.target.value })}
                autoComplete="off"
                spellCheck={false}
              />
              <button type="button" className="button button-small" aria-label={`Remove identifier ${index + 1}`} onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}>
                Remove
              </button>
            </div>
          ))}
          <div>
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setRows((all) => [...all, { key: nextKey, kind: 'phone', value: '' }]);
                setNextKey((k) => k + 1);
              }}
            >
              Add identifier
            </button>
          </div>
        </fieldset>
        {error ? <InlineAlert message={error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={pending || realName.trim() === ''}>
            Record
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Erase: what it will do, whether to purge the snapshots too; then the report of what it did and what remains. */
export function EraseIdentityDialog({ participant, onClose, onErased }: { participant: ParticipantDto; onClose: () => void; onErased: () => void }) {
  const store = useEvidenceStore();
  const backups = useApiQuery('backups.list', {});
  const [purge, setPurge] = useState(true);
  const [historyOnly, setHistoryOnly] = useState(false);
  const [report, setReport] = useState<EraseReportDto | null>(null);
  const { pending, error, submit } = useFormAction();
  const snapshots = backups.data?.length ?? 0;

  const erase = submit(async () => {
    setReport(await store.run('participants.eraseIdentity', { id: participant.id, purgeSnapshots: purge, historyOnly }, ['overview', 'cells', 'history']));
    onErased();
  });

  return (
    <Modal
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={
        report
          ? historyOnly
            ? `The history no longer holds the identity of ${participant.pseudonym}`
            : `The identity of ${participant.pseudonym} is erased`
          : `Erase the identity of ${participant.pseudonym}?`
      }
      description={
        report
          ? 'What was done, and what still holds it.'
          : `The real name, contact and identifiers are removed, and wherever they were typed (excerpts, claims, notes, the audit trail, text documents) they are replaced by “[${participant.pseudonym}]”. The undo history is cleared and the file is rewritten so no trace stays in it. This cannot be undone.`
      }
      testId="erase-identity"
    >
      {report ? (
        <div className="dialog-form" data-testid="erase-report">
          <ul className="small erase-report">
            {report.identifiersErased > 0 ? (
              <li>
                {report.identifiersErased} identifier{report.identifiersErased === 1 ? '' : 's'} erased.
              </li>
            ) : null}
            {report.replaced.length > 0 ? (
              <li>
                Replaced by the pseudonym in: {report.replaced.map((r) => `${r.place} (${r.rows})`).join(', ')}.
              </li>
            ) : (
              <li>{historyOnly ? 'The history held it nowhere.' : 'It was typed nowhere in the project.'}</li>
            )}
            {report.originalsRedacted.length > 0 ? <li>Text originals rewritten: {report.originalsRedacted.join(', ')}.</li> : null}
            {report.undoHistoryCleared ? <li>The undo history was cleared.</li> : null}
            {report.snapshots.length > 0 ? (
              <li>
                Snapshots: {report.snapshots.filter((s) => s.action === 'purged').length} deleted, {report.snapshots.filter((s) => s.action === 'kept').length} kept
                {report.snapshots.some((s) => s.action === 'purged') ? '; a new snapshot of the erased project was taken' : ''}.
              </li>
            ) : null}
          </ul>
          <h3 className="section-heading">Still holding it</h3>
          <ul className="small erase-report">
            {report.remaining.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <div className="dialog-actions">
            <button type="button" className="button button-primary" onClick={onClose} autoFocus>
              Close
            </button>
          </div>
        </div>
      ) : (
        <form className="dialog-form" onSubmit={(e) => void erase(e)}>
          <fieldset className="field">
            <legend className="field-label">Erase</legend>
            <label className="choice">
              <input type="radio" name="erase-scope" checked={!historyOnly} onChange={() => setHistoryOnly(false)} />
              Everywhere: the identity and every trace of it
            </label>
            <label className="choice">
              <input type="radio" name="erase-scope" checked={historyOnly} onChange={() => setHistoryOnly(true)} />
              Only from the history (audit trail and undo), keeping the identity recorded
            </label>
          </fieldset>
          <label className="choice">
            <input type="checkbox" checked={purge} onChange={(e) => setPurge(e.target.checked)} />
            Also delete this project’s {snapshots === 1 ? 'snapshot' : `${snapshots} snapshots`} (they still hold it; a clean one is taken after)
          </label>
          {error ? <InlineAlert message={error.message} /> : null}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button-danger" disabled={pending}>
              {pending ? 'Erasing…' : historyOnly ? 'Clean the history' : 'Erase identity'}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
