/**
 * Participants: interviewees known by pseudonym. The list shows what is safe to show (pseudonym, role, date, place,
 * language, consent, whether an identity is recorded) and never a real name. In the details pane a real name can
 * be recorded, and shown only on an explicit "Reveal", until the panel closes.
 */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Consent, IdentityDto, ParticipantDto } from '../../../electron/contract/api';
import type { ApiError } from '../../../electron/contract/errors';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { api, toApiError } from '../api';
import { useT } from '../i18n/use-t';
import { AutoTextArea, AutoTextField } from '../ui/fields';
import { PlusIcon } from '../ui/icons';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import { citedText, shorten } from './format';
import { EraseIdentityDialog, IDENTIFIER_LABELS, RecordIdentityDialog } from './IdentityDialogs';
import { evidenceCall, useEvidenceAction, useEvidenceState, useEvidenceStore, useList } from './store';
import { ConfirmDialog } from './ui';
import { enteredDateProblem } from '../../../electron/contract/dates';

const CONSENT_LABELS: Record<Consent, MessageId> = {
  given: 'participants.consentGiven',
  'given-with-restrictions': 'participants.consentRestricted',
  withdrawn: 'participants.consentWithdrawn',
  unknown: 'participants.consentUnknown',
};

const NOTHING = '—';

export function ParticipantsView() {
  const t = useT();
  const store = useEvidenceStore();
  const participants = useList('participants');
  const excerpts = useList('excerpts');
  const selectedId = useEvidenceState((s) => s.participantId);
  const [adding, setAdding] = useState(false);
  const list = participants.data ?? [];

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const at = list.findIndex((p) => p.id === selectedId);
    let next = at;
    if (event.key === 'ArrowDown') next = Math.min(at + 1, list.length - 1);
    else if (event.key === 'ArrowUp') next = Math.max(at - 1, 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = list.length - 1;
    else return;
    event.preventDefault();
    const participant = list[next];
    if (!participant) return;
    store.selectParticipant(participant.id);
    event.currentTarget.querySelector<HTMLElement>(`[data-participant-id="${participant.id}"]`)?.focus();
  };

  return (
    <section className="ev-view ev-participants" aria-labelledby="ev-participants-title" data-testid="participants-view">
      <header className="page-header ev-header">
        <div>
          <p className="eyebrow">{t('evidence.navEvidence')}</p>
          <h2 id="ev-participants-title" className="matrix-norm">
            {t('evidence.navParticipants')}
          </h2>
          <p className="muted">{t('participants.intro')}</p>
        </div>
        <button type="button" className="button" onClick={() => setAdding(true)}>
          <PlusIcon /> {t('participants.newParticipantButton')}
        </button>
      </header>
      {participants.error ? <InlineAlert message={participants.error.message} actionLabel={t('evidence.tryAgain')} onAction={participants.retry} /> : null}
      {participants.data && list.length === 0 ? (
        <p className="muted ev-empty">{t('participants.noParticipants')}</p>
      ) : (
        <div className="ev-plain-table-wrap">
          <table className="ev-plain-table" data-testid="participant-table">
            <thead>
              <tr>
                <th scope="col">{t('participants.pseudonym')}</th>
                <th scope="col">{t('participants.role')}</th>
                <th scope="col">{t('participants.interviewed')}</th>
                <th scope="col">{t('participants.place')}</th>
                <th scope="col">{t('participants.language')}</th>
                <th scope="col">{t('participants.consent')}</th>
                <th scope="col">{t('participants.identity')}</th>
                <th scope="col" className="numeric">
                  {t('participants.excerpts')}
                </th>
              </tr>
            </thead>
            <tbody onKeyDown={onKeyDown}>
              {list.map((p, index) => {
                const selected = p.id === selectedId;
                const count = excerpts.data?.filter((e) => e.participantId === p.id).length ?? 0;
                return (
                  <tr
                    key={p.id}
                    className={selected ? 'is-selected' : undefined}
                    aria-current={selected ? 'true' : undefined}
                    data-participant-id={p.id}
                    tabIndex={selected || (selectedId === null && index === 0) ? 0 : -1}
                    onClick={() => store.selectParticipant(p.id)}
                    onFocus={() => store.selectParticipant(p.id)}
                  >
                    <th scope="row">{p.pseudonym}</th>
                    <td>{p.roleCategory}</td>
                    <td className="numeric">{p.interviewDate ?? ''}</td>
                    <td>{p.place}</td>
                    <td>{p.language}</td>
                    <td>
                      <span className={`ev-consent is-${p.consent}`}>{t(CONSENT_LABELS[p.consent])}</span>
                    </td>
                    <td>{p.hasIdentity ? t('participants.recorded') : <span className="muted">{NOTHING}</span>}</td>
                    <td className="numeric">{count || ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {adding ? (
        <NewParticipantDialog
          onClose={() => setAdding(false)}
          onCreated={(p) => {
            setAdding(false);
            store.selectParticipant(p.id);
          }}
        />
      ) : null}
    </section>
  );
}

function NewParticipantDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (p: ParticipantDto) => void }) {
  const t = useT();
  const create = useEvidenceAction('participants.create');
  const [pseudonym, setPseudonym] = useState('');
  const [role, setRole] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = await create.run({ pseudonym: pseudonym.trim(), roleCategory: role.trim() });
    if (made) onCreated(made);
  };
  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title={t('participants.newParticipant')} description={t('participants.newParticipantDescription')}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span className="field-label">{t('participants.pseudonym')}</span>
          <input className="text-input" value={pseudonym} onChange={(e) => setPseudonym(e.target.value)} placeholder={t('participants.pseudonymExample')} autoComplete="off" autoFocus />
        </label>
        <label className="field">
          <span className="field-label">{t('participants.roleCategory')}</span>
          <input className="text-input" value={role} onChange={(e) => setRole(e.target.value)} placeholder={t('participants.roleExample')} autoComplete="off" />
        </label>
        {create.error ? <InlineAlert message={create.error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={create.pending || pseudonym.trim() === ''}>
            {t('participants.addParticipant')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function ParticipantDetails({ participantId }: { participantId: string | null }) {
  const t = useT();
  const participants = useList('participants');
  const participant = participantId ? participants.data?.find((p) => p.id === participantId) : undefined;
  if (!participant) {
    return (
      <div className="details" data-testid="participant-details-empty">
        <h2 className="pane-heading">{t('participants.participant')}</h2>
        <p className="muted">{t('participants.participantHelp')}</p>
      </div>
    );
  }
  // Keyed: another participant (or leaving the panel) forgets a revealed name.
  return <ParticipantEditor key={participant.id} participant={participant} />;
}

function ParticipantEditor({ participant }: { participant: ParticipantDto }) {
  const t = useT();
  const store = useEvidenceStore();
  const excerpts = useList('excerpts');
  const [identity, setIdentity] = useState<IdentityDto | null>(null);
  const [identityError, setIdentityError] = useState<ApiError | undefined>(undefined);
  const [dialog, setDialog] = useState<'record' | 'erase' | 'remove' | null>(null);
  const update = useEvidenceAction('participants.update');
  const base = `participant:${participant.id}`;
  const where = t('participants.participantWhere', { name: participant.pseudonym });
  const onSaved = () => store.afterFieldSave(['participants']);
  const send = (patch: Omit<Parameters<(typeof api)['participants.update']>[0], 'id'>) => api['participants.update']({ id: participant.id, ...patch });
  const quoted = excerpts.data?.filter((e) => e.participantId === participant.id) ?? [];

  const reveal = async () => {
    setIdentityError(undefined);
    try {
      const found = await evidenceCall('participants.getIdentity', { id: participant.id });
      setIdentity(found ?? { realName: '', contact: '', identifiers: [] });
    } catch (caught) {
      setIdentityError(toApiError(caught));
    }
  };

  return (
    <section className="details ev-participant-details" data-testid="participant-details" aria-labelledby="ev-participant-title">
      <p className="eyebrow">{t('participants.participant')}</p>
      <h2 id="ev-participant-title" className="details-title">
        {participant.pseudonym}
      </h2>
      <div className="form-stack">
        <AutoTextField
          label={t('participants.pseudonym')}
          saveKey={`${base}:pseudonym`}
          where={where}
          value={participant.pseudonym}
          send={(value) => send({ pseudonym: value.trim() })}
          validate={(value) => (value.trim() === '' ? t('participants.pseudonymRequired') : null)}
          onSaved={onSaved}
        />
        <AutoTextField label={t('participants.roleCategory')} saveKey={`${base}:role`} where={where} value={participant.roleCategory} send={(value) => send({ roleCategory: value })} onSaved={onSaved} />
        <div className="inline-fields">
          <AutoTextField
            label={t('participants.interviewDate')}
            className="field-short"
            placeholder={t('participants.dateFormat')}
            saveKey={`${base}:date`}
            where={where}
            value={participant.interviewDate ?? ''}
            send={(value) => send({ interviewDate: value.trim() === '' ? null : value.trim() })}
            validate={(value) => enteredDateProblem(value)}
            onSaved={onSaved}
          />
          <AutoTextField label={t('participants.place')} saveKey={`${base}:place`} where={where} value={participant.place} send={(value) => send({ place: value })} onSaved={onSaved} />
        </div>
        <div className="inline-fields">
          <AutoTextField label={t('participants.language')} className="field-short" saveKey={`${base}:language`} where={where} value={participant.language} send={(value) => send({ language: value })} onSaved={onSaved} />
          <label className="field">
            <span className="field-label">{t('participants.consent')}</span>
            <select className="native-select" value={participant.consent} onChange={(e) => void update.run({ id: participant.id, consent: e.target.value as Consent })}>
              {(Object.keys(CONSENT_LABELS) as Consent[]).map((c) => (
                <option key={c} value={c}>
                  {t(CONSENT_LABELS[c])}
                </option>
              ))}
            </select>
          </label>
        </div>
        <AutoTextArea
          label={t('participants.restrictions')}
          saveKey={`${base}:restrictions`}
          where={where}
          value={participant.restrictions}
          send={(value) => send({ restrictions: value })}
          onSaved={onSaved}
          rows={2}
          placeholder={t('participants.restrictionsPlaceholder')}
        />
      </div>
      {update.error ? <InlineAlert message={update.error.message} actionLabel={t('evidence.dismiss')} onAction={update.clearError} /> : null}

      <section className="details-section ev-identity" aria-labelledby="ev-identity-title" data-testid="identity">
        <h3 id="ev-identity-title" className="section-heading">
          {t('participants.identity')}
        </h3>
        <p className="small">{participant.hasIdentity ? t('participants.identityRecorded') : t('participants.identityNone')}</p>
        {identity ? (
          <div className="ev-revealed" role="status" data-testid="revealed-identity">
            <p>
              <span className="field-label">{t('participants.realName')}</span> <strong>{identity.realName || NOTHING}</strong>
            </p>
            {identity.contact ? (
              <p>
                <span className="field-label">{t('participants.contact')}</span> {identity.contact}
              </p>
            ) : null}
            {identity.identifiers.map((x) => (
              <p key={`${x.kind}:${x.value}`}>
                <span className="field-label">{t(IDENTIFIER_LABELS[x.kind])}</span> {x.value}
              </p>
            ))}
            <p className="muted small">{t('participants.shownUntil')}</p>
          </div>
        ) : null}
        {identityError ? <InlineAlert message={identityError.message} /> : null}
        <div className="button-row">
          {participant.hasIdentity ? (
            identity ? (
              <button type="button" className="button button-small" onClick={() => setIdentity(null)}>
                {t('participants.hide')}
              </button>
            ) : (
              <button type="button" className="button button-small" onClick={() => void reveal()}>
                {t('participants.reveal')}
              </button>
            )
          ) : null}
          <button type="button" className="button button-small" onClick={() => setDialog('record')}>
            {participant.hasIdentity ? t('participants.changeRealName') : t('participants.recordRealName')}
          </button>
          {participant.hasIdentity ? (
            <button type="button" className="button button-small" onClick={() => setDialog('erase')}>
              {t('participants.eraseIdentityButton')}
            </button>
          ) : null}
        </div>
      </section>

      <section className="details-section" aria-labelledby="ev-participant-excerpts">
        <h3 id="ev-participant-excerpts" className="section-heading">
          {t('participants.excerptsCount', { count: quoted.length })}
        </h3>
        {quoted.length === 0 ? (
          <p className="muted small">{t('participants.noExcerptAttributed', { name: participant.pseudonym })}</p>
        ) : (
          <ul className="ev-excerpt-list">
            {quoted.map((e) => (
              <li key={e.id}>
                <button type="button" className="ev-excerpt-item" onClick={() => store.openExcerpt(e)}>
                  <span className={`ev-excerpt-text is-${e.textKind}`}>{shorten(citedText(e), 140)}</span>
                  <span className="ev-excerpt-meta">
                    {e.textKind === 'paraphrase' ? <span className="ev-kind-tag">{t('evidence.paraphraseTag')}</span> : null}
                    {e.locator}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="details-section">
        <button type="button" className="button button-small" onClick={() => setDialog('remove')}>
          {t('participants.deleteParticipantButton')}
        </button>
      </div>

      {dialog === 'record' ? (
        <RecordIdentityDialog
          participant={participant}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            setIdentity(null);
          }}
        />
      ) : null}
      {dialog === 'erase' ? (
        <EraseIdentityDialog
          participant={participant}
          onClose={() => setDialog(null)}
          onErased={() => {
            setIdentity(null);
            store.afterFieldSave(['participants']);
          }}
        />
      ) : null}
      {dialog === 'remove' ? (
        <ConfirmDialog
          title={t('participants.deleteParticipantTitle', { name: participant.pseudonym })}
          message={t('participants.deleteParticipantMessage', { identity: participant.hasIdentity ? 'yes' : 'no' })}
          confirmLabel={t('participants.deleteParticipant')}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await store.run('participants.remove', { id: participant.id });
            store.selectParticipant(null);
          }}
        />
      ) : null}
    </section>
  );
}
