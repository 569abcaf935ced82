/**
 * The right pane on the observation page: the selected election, its missions with their verdicts and quotes, the
 * findings editor (dimension x severity) and the verification of each. Every field saves itself.
 */
import { useCallback, useState, type FormEvent } from 'react';
import type { ApiInput, ElectionDto, ElectionType, MissionDto, MissionType, Severity } from '../../../electron/contract/api';
import { ELECTION_TYPES, MISSION_TYPES, SEVERITIES } from '../../../electron/contract/api';
import { ApiError } from '../../../electron/contract/errors';
import { formatMessage } from '../../../electron/contract/i18n/format';
import { currentLanguage } from '../i18n/current';
import { useT } from '../i18n/use-t';
import { AutoTextArea, AutoTextField, useAutoSave } from '../ui/fields';
import { PlusIcon } from '../ui/icons';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import { electionTitle, electionTypeId, missionTypeId, severityId, useFormatDate } from './labels';
import { sourceLine, useCitations, type ObservationIndex } from './lookups';
import { AutoSelect, mustFill, PlainSelect, SeverityTag, useCases, verificationOptions, VerificationTag } from './RecordBits';
import { useRecordEdit, useRecordSender, useRecordStore, useRecordUi } from './record-store';
import { DOT } from './typography';
import { enteredDateProblem } from '../../../electron/contract/dates';

const validDate = (value: string) => enteredDateProblem(value, true);

type ElectionPatch = Omit<ApiInput<'elections.save'>, 'id' | 'caseId' | 'date' | 'type'> & Partial<Pick<ApiInput<'elections.save'>, 'caseId' | 'date' | 'type'>>;
type MissionPatch = Omit<ApiInput<'missions.save'>, 'id' | 'electionId' | 'organisation' | 'missionType'> &
  Partial<Pick<ApiInput<'missions.save'>, 'organisation' | 'missionType'>>;

function useElectionSave(id: string) {
  const store = useRecordStore();
  const sender = useRecordSender();
  return useCallback(
    (patch: ElectionPatch) => {
      const latest = store.slot('observation').data?.elections.find((e) => e.id === id);
      if (!latest) return Promise.reject(new ApiError('NOT_FOUND', formatMessage(currentLanguage(), 'observation.electionGone')));
      return sender('elections.save', { id, caseId: latest.caseId, date: latest.date, type: latest.type, ...patch });
    },
    [store, sender, id],
  );
}

function latestMission(store: ReturnType<typeof useRecordStore>, id: string): MissionDto | undefined {
  for (const e of store.slot('observation').data?.elections ?? []) {
    const m = e.missions.find((x) => x.id === id);
    if (m) return m;
  }
  return undefined;
}

function useMissionSave(id: string) {
  const store = useRecordStore();
  const sender = useRecordSender();
  return useCallback(
    (patch: MissionPatch | ((m: MissionDto) => MissionPatch)) => {
      const latest = latestMission(store, id);
      if (!latest) return Promise.reject(new ApiError('NOT_FOUND', formatMessage(currentLanguage(), 'observation.missionGone')));
      const fields = typeof patch === 'function' ? patch(latest) : patch;
      return sender('missions.save', { id, electionId: latest.electionId, organisation: latest.organisation, missionType: latest.missionType, ...fields });
    },
    [store, sender, id],
  );
}

export function ElectionDetails({ election, index }: { election: ElectionDto; index: ObservationIndex }) {
  const t = useT();
  const date = useFormatDate();
  const { live, byId } = useCases();
  const [, setUi] = useRecordUi();
  const save = useElectionSave(election.id);
  const remove = useRecordEdit('elections.remove');
  const [confirming, setConfirming] = useState(false);
  const [addingMission, setAddingMission] = useState(false);
  const kase = byId.get(election.caseId);
  const where = `${kase?.name ?? t('record.utype.election')} ${election.date}`;
  const key = (f: string) => `election:${election.id}:${f}`;

  return (
    <section className="details rec-details" aria-labelledby="election-details-title" data-testid="election-details">
      <p className="eyebrow">{t('record.utype.election')}</p>
      <h2 id="election-details-title" className="details-title">
        {[kase?.name ?? t('observation.caseFallback'), electionTitle(t, date, { ...election, round: null })].join(DOT)}
      </h2>
      <p className="details-norm">
        <VerificationTag value={election.verification} />
      </p>

      <div className="form-stack">
        <div className="inline-fields">
          <AutoTextField label={t('observation.date')} saveKey={key('date')} where={where} value={election.date} validate={validDate} send={(date) => save({ date: date.trim() })} />
          <AutoSelect<ElectionType>
            label={t('observation.type')}
            saveKey={key('type')}
            where={where}
            value={election.type}
            options={ELECTION_TYPES.map((e) => ({ value: e, label: t(electionTypeId(e)) }))}
            send={(type) => save({ type })}
          />
          <AutoSelect
            label={t('observation.case')}
            saveKey={key('caseId')}
            where={where}
            value={election.caseId}
            options={live.map((c) => ({ value: c.id, label: c.name }))}
            send={(caseId) => save({ caseId })}
          />
        </div>
        <AutoTextField label={t('observation.label')} saveKey={key('label')} where={where} value={election.label} send={(label) => save({ label })} />
        <AutoTextField label={t('observation.officialResult')} saveKey={key('officialResult')} where={where} value={election.officialResult} send={(officialResult) => save({ officialResult })} />
        <AutoTextArea label={t('observation.notes')} saveKey={key('notes')} where={where} value={election.notes} send={(notes) => save({ notes })} rows={2} />
        <div className="inline-fields">
          <AutoSelect label={t('observation.verification')} saveKey={key('verification')} where={where} value={election.verification} options={verificationOptions(t)} send={(verification) => save({ verification })} />
        </div>
        <AutoTextArea label={t('observation.verificationNote')} saveKey={key('verificationNote')} where={where} value={election.verificationNote} send={(verificationNote) => save({ verificationNote })} rows={2} />
      </div>

      <div className="section-head rec-details-heading">
        <h3 className="section-heading">{t('observation.missionsTitle', { count: election.missions.length })}</h3>
        <button type="button" className="button button-small" onClick={() => setAddingMission(true)}>
          <PlusIcon /> {t('observation.addMission')}
        </button>
      </div>
      {election.missions.length === 0 ? <p className="muted small">{t('observation.noMissionsHelp')}</p> : null}
      {election.missions.map((m) => (
        <MissionEditor key={m.id} mission={m} index={index} where={`${where} · ${m.organisation}`} />
      ))}

      <div className="rec-danger-zone">
        <button type="button" className="button button-small" onClick={() => setConfirming(true)}>
          {t('observation.deleteElectionMenu')}
        </button>
      </div>
      {remove.error ? <InlineAlert message={remove.error.message} /> : null}
      {confirming ? (
        <Modal
          open
          onOpenChange={(open) => (open ? undefined : setConfirming(false))}
          title={t('observation.deleteElectionTitle')}
          description={t('observation.deleteElectionHelp', { count: election.missions.length })}
        >
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={remove.pending}
              onClick={() =>
                void remove.run({ id: election.id }).then((done) => {
                  setConfirming(false);
                  if (done !== undefined) setUi({ electionId: null });
                })
              }
            >
              {t('observation.deleteElection')}
            </button>
          </div>
        </Modal>
      ) : null}
      {addingMission ? <AddMissionDialog electionId={election.id} onClose={() => setAddingMission(false)} /> : null}
    </section>
  );
}

function MissionEditor({ mission, index, where }: { mission: MissionDto; index: ObservationIndex; where: string }) {
  const t = useT();
  const save = useMissionSave(mission.id);
  const remove = useRecordEdit('missions.remove');
  const { sourceById } = useCitations();
  const [open, setOpen] = useState(true);
  const key = (f: string) => `mission:${mission.id}:${f}`;
  const sources = [...sourceById.values()].sort((a, b) => a.title.localeCompare(b.title));

  return (
    <article className="rec-mission" aria-label={t('observation.missionLabel', { org: mission.organisation })} data-testid="mission-editor">
      <header className="rec-mission-head">
        <button type="button" className="rec-disclosure" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          <strong>{mission.organisation}</strong> <span className="muted">{t(missionTypeId(mission.missionType))}</span>
        </button>
        <VerificationTag value={mission.verification} compact />
      </header>
      {open ? (
        <div className="form-stack">
          <div className="inline-fields">
            <AutoTextField label={t('observation.organisation')} saveKey={key('organisation')} where={where} value={mission.organisation} validate={mustFill(t('observation.organisationEmpty'))} send={(organisation) => save({ organisation })} />
            <AutoSelect<MissionType>
              label={t('observation.missionType')}
              saveKey={key('missionType')}
              where={where}
              value={mission.missionType}
              options={MISSION_TYPES.map((m) => ({ value: m, label: t(missionTypeId(m)) }))}
              send={(missionType) => save({ missionType })}
            />
          </div>
          {mission.missionType === 'none' || mission.reason ? (
            <AutoTextArea label={t('observation.whyNoMission')} saveKey={key('reason')} where={where} value={mission.reason} send={(reason) => save({ reason })} rows={2} />
          ) : null}
          <AutoTextField label={t('observation.headOfMission')} saveKey={key('headOfMission')} where={where} value={mission.headOfMission} send={(headOfMission) => save({ headOfMission })} />
          <AutoTextArea label={t('observation.verdictSummary')} saveKey={key('verdict')} where={where} value={mission.verdict} send={(verdict) => save({ verdict })} rows={2} />
          <AutoTextArea label={t('observation.verdictQuote')} saveKey={key('verdictQuote')} where={where} value={mission.verdictQuote} send={(verdictQuote) => save({ verdictQuote })} rows={2} />
          <AutoSelect
            label={t('observation.verdictSource')}
            saveKey={key('verdictSourceId')}
            where={where}
            value={mission.verdictSourceId ?? ''}
            options={[{ value: '', label: t('record.none') }, ...sources.map((s) => ({ value: s.id, label: sourceLine(s).slice(0, 90) }))]}
            send={(id) => save({ verdictSourceId: id || null })}
          />
          <FindingsEditor mission={mission} index={index} where={where} />
          <AutoSelect label={t('observation.verification')} saveKey={key('verification')} where={where} value={mission.verification} options={verificationOptions(t)} send={(verification) => save({ verification })} />
          <AutoTextArea label={t('observation.verificationNote')} saveKey={key('verificationNote')} where={where} value={mission.verificationNote} send={(verificationNote) => save({ verificationNote })} rows={2} />
          <div className="button-row">
            <button type="button" className="button button-small" disabled={remove.pending} onClick={() => void remove.run({ id: mission.id })}>
              {t('observation.removeMission')}
            </button>
            <span className="muted small">{t('record.undo')}</span>
          </div>
          {remove.error ? <InlineAlert message={remove.error.message} /> : null}
        </div>
      ) : null}
    </article>
  );
}

/** Dimension x severity for one mission: a select per shared dimension ("not coded" removes the finding). */
function FindingsEditor({ mission, index, where }: { mission: MissionDto; index: ObservationIndex; where: string }) {
  const t = useT();
  return (
    <fieldset className="rec-findings-editor" data-testid="findings-editor">
      <legend className="field-label">{t('record.findingsByDimension')}</legend>
      {index.dimensions.map((d) => (
        <FindingSelect key={d.id} mission={mission} dimensionId={d.id} label={d.label} where={where} />
      ))}
    </fieldset>
  );
}

function FindingSelect({ mission, dimensionId, label, where }: { mission: MissionDto; dimensionId: string; label: string; where: string }) {
  const t = useT();
  const save = useMissionSave(mission.id);
  const current = mission.findings.find((f) => f.dimensionId === dimensionId)?.severity ?? '';
  const field = useAutoSave<Severity | ''>({
    saveKey: `mission:${mission.id}:finding:${dimensionId}`,
    where,
    value: current,
    send: (severity) =>
      save((latest) => ({
        findings: [
          ...latest.findings.filter((f) => f.dimensionId !== dimensionId).map((f) => ({ dimensionId: f.dimensionId, severity: f.severity, note: f.note })),
          ...(severity === '' ? [] : [{ dimensionId, severity, note: latest.findings.find((f) => f.dimensionId === dimensionId)?.note ?? '' }]),
        ],
      })),
  });
  return (
    <div className="rec-finding-row">
      <PlainSelect<Severity | ''>
        label={label}
        value={field.shown}
        options={[{ value: '', label: t('observation.notCoded') }, ...SEVERITIES.map((s) => ({ value: s, label: t(severityId(s)) }))]}
        onChange={(v) => field.set(v, { immediate: true })}
        className="rec-finding-field"
      />
      <span className="rec-finding-tag">{field.shown ? <SeverityTag value={field.shown} /> : null}</span>
      {field.error ? <p className="field-error">{field.error}</p> : null}
    </div>
  );
}

function AddMissionDialog({ electionId, onClose }: { electionId: string; onClose: () => void }) {
  const t = useT();
  const save = useRecordEdit('missions.save');
  const [organisation, setOrganisation] = useState('OSCE/ODIHR');
  const [missionType, setMissionType] = useState<MissionType>('full-eom');
  const [reason, setReason] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = await save.run({ electionId, organisation: organisation.trim(), missionType, reason: reason.trim() });
    if (made) onClose();
  };

  return (
    <Modal open onOpenChange={(o) => (o ? undefined : onClose())} title={t('observation.addMission')} description={t('observation.addMissionHelp')}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <div className="inline-fields">
          <label className="field">
            <span className="field-label">{t('observation.organisation')}</span>
            <input className="text-input" list="rec-organisations" value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
            <datalist id="rec-organisations">
              <option value="OSCE/ODIHR" />
              <option value="OSCE PA" />
              <option value="CIS" />
              <option value="SCO" />
              <option value="PACE" />
            </datalist>
          </label>
          <label className="field">
            <span className="field-label">{t('observation.missionType')}</span>
            <select className="native-select" value={missionType} onChange={(e) => setMissionType(e.target.value as MissionType)}>
              {MISSION_TYPES.map((m) => (
                <option key={m} value={m}>
                  {t(missionTypeId(m))}
                </option>
              ))}
            </select>
          </label>
        </div>
        {missionType === 'none' ? (
          <label className="field">
            <span className="field-label">{t('observation.whyNoMission')}</span>
            <textarea className="text-area" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('observation.whyNoMissionPlaceholder')} />
          </label>
        ) : null}
        {save.error ? <InlineAlert message={save.error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={organisation.trim() === '' || save.pending}>
            {t('observation.addMission')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
