/**
 * The right pane on the observation page: the selected election, its missions with their verdicts and quotes, the
 * findings editor (dimension x severity) and the verification of each. Every field saves itself.
 */
import { useCallback, useState, type FormEvent } from 'react';
import type { ApiInput, ElectionDto, ElectionType, MissionDto, MissionType, Severity } from '../../../electron/contract/api';
import { ELECTION_TYPES, MISSION_TYPES, SEVERITIES } from '../../../electron/contract/api';
import { ApiError } from '../../../electron/contract/errors';
import { AutoTextArea, AutoTextField, requireText, useAutoSave } from '../ui/fields';
import { PlusIcon } from '../ui/icons';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import { ELECTION_TYPE_LABELS, formatDate, MISSION_TYPE_LABELS, SEVERITY_LABELS } from './labels';
import { sourceLine, useCitations, type ObservationIndex } from './lookups';
import { AutoSelect, PlainSelect, SeverityTag, useCases, VERIFICATION_OPTIONS, VerificationTag } from './RecordBits';
import { useRecordEdit, useRecordSender, useRecordStore, useRecordUi } from './record-store';
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
      if (!latest) return Promise.reject(new ApiError('NOT_FOUND', 'That election no longer exists in this project.'));
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
      if (!latest) return Promise.reject(new ApiError('NOT_FOUND', 'That mission no longer exists in this project.'));
      const fields = typeof patch === 'function' ? patch(latest) : patch;
      return sender('missions.save', { id, electionId: latest.electionId, organisation: latest.organisation, missionType: latest.missionType, ...fields });
    },
    [store, sender, id],
  );
}

export function ElectionDetails({ election, index }: { election: ElectionDto; index: ObservationIndex }) {
  const { live, byId } = useCases();
  const [, setUi] = useRecordUi();
  const save = useElectionSave(election.id);
  const remove = useRecordEdit('elections.remove');
  const [confirming, setConfirming] = useState(false);
  const [addingMission, setAddingMission] = useState(false);
  const kase = byId.get(election.caseId);
  const where = `${kase?.name ?? 'Election'} ${election.date}`;
  const key = (f: string) => `election:${election.id}:${f}`;

  return (
    <section className="details rec-details" aria-labelledby="election-details-title" data-testid="election-details">
      <p className="eyebrow">Election</p>
      <h2 id="election-details-title" className="details-title">
        {kase?.name ?? 'Case'} · {ELECTION_TYPE_LABELS[election.type]} election {formatDate(election.date)}
      </h2>
      <p className="details-norm">
        <VerificationTag value={election.verification} />
      </p>

      <div className="form-stack">
        <div className="inline-fields">
          <AutoTextField label="Date" saveKey={key('date')} where={where} value={election.date} validate={validDate} send={(date) => save({ date: date.trim() })} />
          <AutoSelect<ElectionType>
            label="Type"
            saveKey={key('type')}
            where={where}
            value={election.type}
            options={ELECTION_TYPES.map((t) => ({ value: t, label: ELECTION_TYPE_LABELS[t] }))}
            send={(type) => save({ type })}
          />
          <AutoSelect
            label="Case"
            saveKey={key('caseId')}
            where={where}
            value={election.caseId}
            options={live.map((c) => ({ value: c.id, label: c.name }))}
            send={(caseId) => save({ caseId })}
          />
        </div>
        <AutoTextField label="Label" saveKey={key('label')} where={where} value={election.label} send={(label) => save({ label })} />
        <AutoTextField label="Official result" saveKey={key('officialResult')} where={where} value={election.officialResult} send={(officialResult) => save({ officialResult })} />
        <AutoTextArea label="Notes" saveKey={key('notes')} where={where} value={election.notes} send={(notes) => save({ notes })} rows={2} />
        <div className="inline-fields">
          <AutoSelect label="Verification" saveKey={key('verification')} where={where} value={election.verification} options={VERIFICATION_OPTIONS} send={(verification) => save({ verification })} />
        </div>
        <AutoTextArea label="Verification note" saveKey={key('verificationNote')} where={where} value={election.verificationNote} send={(verificationNote) => save({ verificationNote })} rows={2} />
      </div>

      <div className="section-head rec-details-heading">
        <h3 className="section-heading">Missions ({election.missions.length})</h3>
        <button type="button" className="button button-small" onClick={() => setAddingMission(true)}>
          <PlusIcon /> Add mission
        </button>
      </div>
      {election.missions.length === 0 ? <p className="muted small">No mission recorded: add the observers (or “none”, with the reason).</p> : null}
      {election.missions.map((m) => (
        <MissionEditor key={m.id} mission={m} index={index} where={`${where} · ${m.organisation}`} />
      ))}

      <div className="rec-danger-zone">
        <button type="button" className="button button-small" onClick={() => setConfirming(true)}>
          Delete election…
        </button>
      </div>
      {remove.error ? <InlineAlert message={remove.error.message} /> : null}
      {confirming ? (
        <Modal
          open
          onOpenChange={(open) => (open ? undefined : setConfirming(false))}
          title="Delete this election?"
          description={`Its ${election.missions.length} mission(s) and their findings go with it; claims lose them as compared verdicts. Undo (Ctrl+Z) brings all back.`}
        >
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Cancel
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
              Delete election
            </button>
          </div>
        </Modal>
      ) : null}
      {addingMission ? <AddMissionDialog electionId={election.id} onClose={() => setAddingMission(false)} /> : null}
    </section>
  );
}

function MissionEditor({ mission, index, where }: { mission: MissionDto; index: ObservationIndex; where: string }) {
  const save = useMissionSave(mission.id);
  const remove = useRecordEdit('missions.remove');
  const { sourceById } = useCitations();
  const [open, setOpen] = useState(true);
  const key = (f: string) => `mission:${mission.id}:${f}`;
  const sources = [...sourceById.values()].sort((a, b) => a.title.localeCompare(b.title));

  return (
    <article className="rec-mission" aria-label={`${mission.organisation} mission`} data-testid="mission-editor">
      <header className="rec-mission-head">
        <button type="button" className="rec-disclosure" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          <strong>{mission.organisation}</strong> <span className="muted">{MISSION_TYPE_LABELS[mission.missionType]}</span>
        </button>
        <VerificationTag value={mission.verification} compact />
      </header>
      {open ? (
        <div className="form-stack">
          <div className="inline-fields">
            <AutoTextField label="Organisation" saveKey={key('organisation')} where={where} value={mission.organisation} validate={requireText('The organisation')} send={(organisation) => save({ organisation })} />
            <AutoSelect<MissionType>
              label="Mission type"
              saveKey={key('missionType')}
              where={where}
              value={mission.missionType}
              options={MISSION_TYPES.map((t) => ({ value: t, label: MISSION_TYPE_LABELS[t] }))}
              send={(missionType) => save({ missionType })}
            />
          </div>
          {mission.missionType === 'none' || mission.reason ? (
            <AutoTextArea label="Why no mission" saveKey={key('reason')} where={where} value={mission.reason} send={(reason) => save({ reason })} rows={2} />
          ) : null}
          <AutoTextField label="Head of mission" saveKey={key('headOfMission')} where={where} value={mission.headOfMission} send={(headOfMission) => save({ headOfMission })} />
          <AutoTextArea label="Verdict (summary)" saveKey={key('verdict')} where={where} value={mission.verdict} send={(verdict) => save({ verdict })} rows={2} />
          <AutoTextArea label="Verdict quote (exact words)" saveKey={key('verdictQuote')} where={where} value={mission.verdictQuote} send={(verdictQuote) => save({ verdictQuote })} rows={2} />
          <AutoSelect
            label="Verdict source"
            saveKey={key('verdictSourceId')}
            where={where}
            value={mission.verdictSourceId ?? ''}
            options={[{ value: '', label: 'none' }, ...sources.map((s) => ({ value: s.id, label: sourceLine(s).slice(0, 90) }))]}
            send={(id) => save({ verdictSourceId: id || null })}
          />
          <FindingsEditor mission={mission} index={index} where={where} />
          <AutoSelect label="Verification" saveKey={key('verification')} where={where} value={mission.verification} options={VERIFICATION_OPTIONS} send={(verification) => save({ verification })} />
          <AutoTextArea label="Verification note" saveKey={key('verificationNote')} where={where} value={mission.verificationNote} send={(verificationNote) => save({ verificationNote })} rows={2} />
          <div className="button-row">
            <button type="button" className="button button-small" disabled={remove.pending} onClick={() => void remove.run({ id: mission.id })}>
              Remove this mission
            </button>
            <span className="muted small">Undo (Ctrl+Z) brings it back.</span>
          </div>
          {remove.error ? <InlineAlert message={remove.error.message} /> : null}
        </div>
      ) : null}
    </article>
  );
}

/** Dimension x severity for one mission: a select per shared dimension ("not coded" removes the finding). */
function FindingsEditor({ mission, index, where }: { mission: MissionDto; index: ObservationIndex; where: string }) {
  return (
    <fieldset className="rec-findings-editor" data-testid="findings-editor">
      <legend className="field-label">Findings by dimension</legend>
      {index.dimensions.map((d) => (
        <FindingSelect key={d.id} mission={mission} dimensionId={d.id} label={d.label} where={where} />
      ))}
    </fieldset>
  );
}

function FindingSelect({ mission, dimensionId, label, where }: { mission: MissionDto; dimensionId: string; label: string; where: string }) {
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
        options={[{ value: '', label: 'not coded' }, ...SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))]}
        onChange={(v) => field.set(v, { immediate: true })}
        className="rec-finding-field"
      />
      <span className="rec-finding-tag">{field.shown ? <SeverityTag value={field.shown} /> : null}</span>
      {field.error ? <p className="field-error">{field.error}</p> : null}
    </div>
  );
}

function AddMissionDialog({ electionId, onClose }: { electionId: string; onClose: () => void }) {
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
    <Modal open onOpenChange={(o) => (o ? undefined : onClose())} title="Add mission" description="Who observed this election (or that nobody did, and why).">
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <div className="inline-fields">
          <label className="field">
            <span className="field-label">Organisation</span>
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
            <span className="field-label">Mission type</span>
            <select className="native-select" value={missionType} onChange={(e) => setMissionType(e.target.value as MissionType)}>
              {MISSION_TYPES.map((t) => (
                <option key={t} value={t}>
                  {MISSION_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {missionType === 'none' ? (
          <label className="field">
            <span className="field-label">Why no mission</span>
            <textarea className="text-area" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. no timely invitation" />
          </label>
        ) : null}
        {save.error ? <InlineAlert message={save.error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={organisation.trim() === '' || save.pending}>
            Add mission
          </button>
        </div>
      </form>
    </Modal>
  );
}
