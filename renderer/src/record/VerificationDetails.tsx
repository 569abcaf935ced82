/** The right pane on the verification page: the selected fact (and where it lives) or the selected flag, editable. */
import type { UnverifiedItemDto, VerificationFlagDto } from '../../../electron/contract/api';
import { ApiError } from '../../../electron/contract/errors';
import { formatMessage } from '../../../electron/contract/i18n/format';
import { currentLanguage } from '../i18n/current';
import { useT } from '../i18n/use-t';
import { AutoTextArea, AutoTextField } from '../ui/fields';
import { InlineAlert } from '../ui/InlineAlert';
import { ClaimStatement } from './ClaimText';
import { useOpenExcerpt } from './evidence-link';
import { unverifiedTypeLabel } from './labels';
import { useObservationIndex } from './lookups';
import { mustFill, useCases, VerificationTag } from './RecordBits';
import { useRecord, useRecordEdit, useRecordSender, useRecordStore, useRecordUi } from './record-store';
import { itemKey, openWhereItLives, useItemLabel, WHERE_LABELS } from './VerificationView';
import { DOT } from './typography';

export function VerificationDetails() {
  const verification = useRecord('verification');
  const [ui] = useRecordUi();
  const key = ui.verificationKey;
  if (!key || !verification.data) return <VerificationEmpty />;
  if (key.startsWith('flag:')) {
    const flag = verification.data.flags.find((f) => f.id === key.slice(5));
    return flag ? <FlagEditor key={flag.id} flag={flag} /> : <VerificationEmpty />;
  }
  const item = verification.data.items.find((i) => itemKey(i) === key);
  return item ? <ItemDetails key={key} item={item} /> : <VerificationEmpty />;
}

function VerificationEmpty() {
  const t = useT();
  return (
    <div className="details" data-testid="verification-details-empty">
      <h2 className="pane-heading">{t('record.details')}</h2>
      <p className="muted">{t('verification.empty')}</p>
    </div>
  );
}

function ItemDetails({ item }: { item: UnverifiedItemDto }) {
  const t = useT();
  const record = useRecordStore();
  const { index } = useObservationIndex();
  const claims = useRecord('claims');
  const { byId } = useCases();
  const citing = item.type === 'excerpt' ? (claims.data ?? []).filter((c) => c.excerptId === item.id) : [];
  const missionElection = (id: string) => index?.missionById.get(id)?.election.id;
  const label = useItemLabel();
  const openExcerpt = useOpenExcerpt();
  return (
    <section className="details rec-details" aria-labelledby="vitem-title" data-testid="verification-item-details">
      <p className="eyebrow">{unverifiedTypeLabel(t, item.type)}</p>
      <h2 id="vitem-title" className="details-title rec-item-title">
        {label(item)}
      </h2>
      <p className="details-norm">
        <VerificationTag value={item.verification} />
        {item.caseId ? <span className="muted">{DOT + (byId.get(item.caseId)?.name ?? '')}</span> : null}
      </p>
      {item.note ? (
        <div className="details-section">
          <h3 className="section-heading">{t('context.note')}</h3>
          <p className="prose">{item.note}</p>
        </div>
      ) : null}
      {WHERE_LABELS[item.type] ? (
        <p className="details-action">
          <button type="button" className="button button-small" onClick={() => openWhereItLives(record, item.type, item.id, missionElection)}>
            {t(WHERE_LABELS[item.type]!)}
          </button>
        </p>
      ) : item.type === 'excerpt' ? (
        <p className="details-action">
          <button type="button" className="button button-small" onClick={() => openExcerpt(item.id)}>
            {t('verification.openInSource')}
          </button>
        </p>
      ) : null}
      {citing.length > 0 ? (
        <div className="details-section">
          <h3 className="section-heading">{t('verification.citedBy', { count: citing.length })}</h3>
          <ul className="rec-plain-list">
            {citing.map((c) => (
              <li key={c.id}>
                <button type="button" className="rec-link" onClick={() => openWhereItLives(record, 'claim', c.id, missionElection)}>
                  {c.claimant}
                </button>
                {t('observation.colon')}
                <ClaimStatement claim={c} clamp />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function FlagEditor({ flag }: { flag: VerificationFlagDto }) {
  const t = useT();
  const store = useRecordStore();
  const sender = useRecordSender();
  const [, setUi] = useRecordUi();
  const toggle = useRecordEdit('flags.save');
  const remove = useRecordEdit('flags.remove');
  const save = (patch: { issue?: string; severity?: string }) => {
    const cur = store.slot('verification').data?.flags.find((f) => f.id === flag.id);
    if (!cur) return Promise.reject(new ApiError('NOT_FOUND', formatMessage(currentLanguage(), 'verification.flagGone')));
    return sender('flags.save', { id: flag.id, issue: cur.issue, ...patch });
  };
  const where = t('verification.flag');
  return (
    <section className="details rec-details" aria-labelledby="flag-title" data-testid="flag-details">
      <p className="eyebrow">{t('verification.flagEyebrow', { state: flag.resolved ? 'resolved' : 'open' })}</p>
      <h2 id="flag-title" className="details-title">
        {flag.issue.split(':')[0]}
      </h2>
      <div className="form-stack">
        <AutoTextArea label={t('verification.issue')} saveKey={`flag:${flag.id}:issue`} where={where} value={flag.issue} validate={mustFill(t('verification.issueEmpty'))} send={(issue) => save({ issue })} rows={6} />
        <AutoTextField label={t('verification.severity')} saveKey={`flag:${flag.id}:severity`} where={where} value={flag.severity} send={(severity) => save({ severity })} />
      </div>
      <div className="button-row details-action">
        <button type="button" className="button button-small" disabled={toggle.pending} onClick={() => void toggle.run({ id: flag.id, issue: flag.issue, resolved: !flag.resolved })}>
          {flag.resolved ? t('verification.reopen') : t('verification.markResolved')}
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={remove.pending}
          onClick={() => void remove.run({ id: flag.id }).then((d) => d !== undefined && setUi({ verificationKey: null }))}
        >
          {t('verification.deleteFlag')}
        </button>
      </div>
      {toggle.error ?? remove.error ? <InlineAlert message={(toggle.error ?? remove.error)!.message} /> : null}
    </section>
  );
}
