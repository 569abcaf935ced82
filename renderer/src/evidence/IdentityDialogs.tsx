/**
 * Recording an interviewee's identity (real name, contact, and other identifiers: another name, a phone number, an
 * e-mail address, a place) and erasing it for real, with the report of what the erasure did and what remains.
 */
import { useEffect, useId, useState } from 'react';
import { IDENTIFIER_KINDS, type EraseReportDto, type IdentifierKind, type ParticipantDto } from '../../../electron/contract/api';
import type { ApiError } from '../../../electron/contract/errors';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { toApiError, useApiQuery } from '../api';
import { useSaid, useT } from '../i18n/use-t';
import { InlineAlert } from '../ui/InlineAlert';
import { useFormAction } from '../ui/form-action';
import { Modal } from '../ui/Modal';
import { evidenceCall, useEvidenceStore } from './store';

export const IDENTIFIER_LABELS: Record<IdentifierKind, MessageId> = {
  name: 'participants.identifierName',
  phone: 'participants.identifierPhone',
  email: 'participants.identifierEmail',
  place: 'participants.identifierPlace',
  other: 'participants.identifierOther',
};

interface IdentifierRow {
  key: number;
  kind: IdentifierKind;
  value: string;
}

export function RecordIdentityDialog({ participant, onClose, onSaved }: { participant: ParticipantDto; onClose: () => void; onSaved: () => void }) {
  const t = useT();
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
      title={t('participants.realNameOf', { name: participant.pseudonym })}
      description={t('participants.recordDescription')}
      testId="record-identity"
    >
      <form className="dialog-form" onSubmit={(e) => void save(e)}>
        <div className="field">
          <label className="field-label" htmlFor={nameId}>
            {t('participants.realName')}
          </label>
          <input id={nameId} className="text-input" value={realName} onChange={(e) => setRealName(e.target.value)} autoComplete="off" spellCheck={false} autoFocus />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={contactId}>
            {t('participants.contactOptional')}
          </label>
          <input id={contactId} className="text-input" value={contact} onChange={(e) => setContact(e.target.value)} autoComplete="off" spellCheck={false} />
        </div>
        <fieldset className="field ev-identifiers">
          <legend className="field-label">{t('participants.otherIdentifiers')}</legend>
          <p className="muted small">{t('participants.otherIdentifiersHint')}</p>
          {rows.map((row, index) => (
            <div className="inline-fields" key={row.key}>
              <select
                className="native-select field-short"
                aria-label={t('participants.identifierKindNumber', { number: index + 1 })}
                value={row.kind}
                onChange={(e) => setRow(row.key, { kind: e.target.value as IdentifierKind })}
              >
                {IDENTIFIER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(IDENTIFIER_LABELS[k])}
                  </option>
                ))}
              </select>
              <input
                className="text-input"
                aria-label={t('participants.identifierNumber', { number: index + 1 })}
                value={row.value}
                onChange={(e) => setRow(row.key, { value: e.target.value })}
                autoComplete="off"
                spellCheck={false}
              />
              <button type="button" className="button button-small" aria-label={t('participants.removeIdentifierNumber', { number: index + 1 })} onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}>
                {t('participants.remove')}
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
              {t('participants.addIdentifier')}
            </button>
          </div>
        </fieldset>
        {error ? <InlineAlert message={error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={pending || realName.trim() === ''}>
            {t('participants.record')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Erase: what it will do, whether to purge the snapshots too; then the report of what it did and what remains. */
export function EraseIdentityDialog({ participant, onClose, onErased }: { participant: ParticipantDto; onClose: () => void; onErased: () => void }) {
  const t = useT();
  const said = useSaid();
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
      title={t(report ? (historyOnly ? 'participants.erasedFromHistory' : 'participants.erased') : 'participants.eraseTitle', { name: participant.pseudonym })}
      description={report ? t('participants.eraseReportDescription') : t('participants.eraseDescription', { name: participant.pseudonym })}
      testId="erase-identity"
    >
      {report ? (
        <div className="dialog-form" data-testid="erase-report">
          <ul className="small erase-report">
            {report.identifiersErased > 0 ? (
              <li>{t('participants.identifiersErased', { count: report.identifiersErased })}</li>
            ) : null}
            {report.replaced.length > 0 ? (
              <li>{t('participants.replacedIn', { places: report.replaced.map((r) => `${said(r.place, r.placeText)} (${r.rows})`).join(', ') })}</li>
            ) : (
              <li>{historyOnly ? t('participants.historyHeldNowhere') : t('participants.typedNowhere')}</li>
            )}
            {report.originalsRedacted.length > 0 ? <li>{t('participants.originalsRewritten', { files: report.originalsRedacted.join(', ') })}</li> : null}
            {report.undoHistoryCleared ? <li>{t('participants.undoCleared')}</li> : null}
            {report.snapshots.length > 0 ? (
              <li>
                {t(report.snapshots.some((s) => s.action === 'purged') ? 'participants.snapshotsReportRetaken' : 'participants.snapshotsReport', {
                  purged: report.snapshots.filter((s) => s.action === 'purged').length,
                  kept: report.snapshots.filter((s) => s.action === 'kept').length,
                })}
              </li>
            ) : null}
          </ul>
          <h3 className="section-heading">{t('participants.stillHolding')}</h3>
          <ul className="small erase-report">
            {report.remaining.map((r, i) => (
              <li key={r}>{said(r, report.remainingTexts?.[i])}</li>
            ))}
          </ul>
          <div className="dialog-actions">
            <button type="button" className="button button-primary" onClick={onClose} autoFocus>
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : (
        <form className="dialog-form" onSubmit={(e) => void erase(e)}>
          <fieldset className="field">
            <legend className="field-label">{t('participants.erase')}</legend>
            <label className="choice">
              <input type="radio" name="erase-scope" checked={!historyOnly} onChange={() => setHistoryOnly(false)} />
              {t('participants.eraseEverywhere')}
            </label>
            <label className="choice">
              <input type="radio" name="erase-scope" checked={historyOnly} onChange={() => setHistoryOnly(true)} />
              {t('participants.eraseHistoryOnly')}
            </label>
          </fieldset>
          <label className="choice">
            <input type="checkbox" checked={purge} onChange={(e) => setPurge(e.target.checked)} />
            {t('participants.alsoDeleteSnapshots', { count: snapshots })}
          </label>
          {error ? <InlineAlert message={error.message} /> : null}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button-danger" disabled={pending}>
              {pending ? t('participants.erasing') : historyOnly ? t('participants.cleanHistory') : t('participants.eraseIdentity')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
