/** The right pane on the regional-context page: an editor for the selected organisation, norm, instrument or membership. */
import { useState } from 'react';
import type { ApiInput, MembershipStatus, RegionalContextDto, Verification } from '../../../electron/contract/api';
import { MEMBERSHIP_STATUSES } from '../../../electron/contract/api';
import { ApiError } from '../../../electron/contract/errors';
import { api } from '../api';
import { AutoTextArea, AutoTextField, useAutoSave } from '../ui/fields';
import { formatMessage } from '../../../electron/contract/i18n/format';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { currentLanguage } from '../i18n/current';
import { useT } from '../i18n/use-t';
import { InlineAlert } from '../ui/InlineAlert';
import { cellKey, frameworkOf, orderStages } from '../matrix/matrix-model';
import { useProject, useServices } from '../workbench-context';
import { cellName, useCellsById } from './ContextView';
import { membershipId } from './labels';
import { sourceLine, useCitations } from './lookups';
import { AutoSelect, mustFill, useCases, verificationOptions, VerificationTag } from './RecordBits';
import { useRecordEdit, useRecordSender, useRecordStore, useRecordUi, type ContextSelection } from './record-store';
import { enteredDateProblem } from '../../../electron/contract/dates';
import { parenthesised, SPACE } from './typography';

const validYear = (text: string) => (text.trim() === '' || /^-?\d{1,4}$/.test(text.trim()) ? null : formatMessage(currentLanguage(), 'context.yearProblem'));
const validDate = (t: string) => enteredDateProblem(t);
const yearOrNull = (t: string) => (t.trim() === '' ? null : Number(t.trim()));

export function ContextDetails({ selection, context }: { selection: NonNullable<ContextSelection>; context: RegionalContextDto }) {
  switch (selection.kind) {
    case 'organisation': {
      const o = context.organisations.find((x) => x.id === selection.id);
      return o ? <OrganisationEditor key={o.id} id={o.id} context={context} /> : null;
    }
    case 'regional-norm': {
      const n = context.regionalNorms.find((x) => x.id === selection.id);
      return n ? <RegionalNormEditor key={n.id} id={n.id} context={context} /> : null;
    }
    case 'instrument': {
      const i = context.instruments.find((x) => x.id === selection.id);
      return i ? <InstrumentEditor key={i.id} id={i.id} context={context} /> : null;
    }
    case 'membership': {
      const m = context.memberships.find((x) => x.id === selection.id);
      return m ? <MembershipEditor key={m.id} id={m.id} context={context} /> : null;
    }
  }
}

/** A save that finds its record gone (removed meanwhile, or undone) says so in the interface language. */
function gone(id: MessageId): ApiError {
  return new ApiError('NOT_FOUND', formatMessage(currentLanguage(), id));
}

function useLatest() {
  const store = useRecordStore();
  return () => {
    const data = store.slot('context').data;
    if (!data) throw gone('context.notLoaded');
    return data;
  };
}

function RemoveButton({ label, onRemove, pending }: { label: string; onRemove: () => void; pending: boolean }) {
  const t = useT();
  return (
    <div className="rec-danger-zone">
      <button type="button" className="button button-small" disabled={pending} onClick={onRemove}>
        {label}
      </button>
      <span className="muted small"> {t('record.undo')}</span>
    </div>
  );
}

function OrganisationEditor({ id, context }: { id: string; context: RegionalContextDto }) {
  const t = useT();
  const org = context.organisations.find((o) => o.id === id)!;
  const latest = useLatest();
  const sender = useRecordSender();
  const [, setUi] = useRecordUi();
  const remove = useRecordEdit('organisations.remove');
  const save = (patch: Partial<ApiInput<'organisations.save'>>) => {
    const cur = latest().organisations.find((o) => o.id === id);
    if (!cur) return Promise.reject(gone('context.orgGone'));
    return sender('organisations.save', { id, name: cur.name, ...patch });
  };
  const where = org.name;
  return (
    <section className="details rec-details" aria-labelledby="org-details-title" data-testid="organisation-details">
      <p className="eyebrow">{t('observation.organisation')}</p>
      <h2 id="org-details-title" className="details-title">
        {org.name}
      </h2>
      <div className="form-stack">
        <AutoTextField label={t('context.name')} saveKey={`org:${id}:name`} where={where} value={org.name} validate={mustFill(t('context.nameEmpty'))} send={(name) => save({ name })} />
        <AutoTextField label={t('context.fullName')} saveKey={`org:${id}:fullName`} where={where} value={org.fullName} send={(fullName) => save({ fullName })} />
        <AutoTextArea label={t('context.description')} saveKey={`org:${id}:description`} where={where} value={org.description} send={(description) => save({ description })} rows={4} />
      </div>
      <p className="muted small rec-details-heading">
        {t('context.orgCounts', { memberships: context.memberships.filter((m) => m.organisationId === id).length, norms: context.regionalNorms.filter((n) => n.organisationId === id).length })}
      </p>
      <RemoveButton label={t('context.removeOrganisation')} pending={remove.pending} onRemove={() => void remove.run({ id }).then((d) => d !== undefined && setUi({ context: null }))} />
      {remove.error ? <InlineAlert message={remove.error.message} /> : null}
    </section>
  );
}

function RegionalNormEditor({ id, context }: { id: string; context: RegionalContextDto }) {
  const t = useT();
  const norm = context.regionalNorms.find((n) => n.id === id)!;
  const latest = useLatest();
  const sender = useRecordSender();
  const [, setUi] = useRecordUi();
  const remove = useRecordEdit('regionalNorms.remove');
  const { overview } = useProject();
  const cellsById = useCellsById();
  const where = norm.label;
  const key = (f: string) => `rnorm:${id}:${f}`;
  const save = (patch: Partial<ApiInput<'regionalNorms.save'>>) => {
    const cur = latest().regionalNorms.find((n) => n.id === id);
    if (!cur) return Promise.reject(gone('context.normGone'));
    return sender('regionalNorms.save', { id, label: cur.label, ...patch });
  };
  const instruments = useAutoSave<string[]>({ saveKey: key('instruments'), where, value: norm.instrumentIds, send: (instrumentIds) => save({ instrumentIds }) });

  return (
    <section className="details rec-details" aria-labelledby="rn-details-title" data-testid="regional-norm-details">
      <p className="eyebrow">{t('record.utype.regional-norm')}</p>
      <h2 id="rn-details-title" className="details-title">
        {norm.label}
      </h2>
      <p className="details-norm">
        <VerificationTag value={norm.verification} />
      </p>
      <div className="form-stack">
        <AutoTextField label={t('observation.label')} saveKey={key('label')} where={where} value={norm.label} validate={mustFill(t('context.labelEmpty'))} send={(label) => save({ label })} />
        <AutoTextArea label={t('context.description')} saveKey={key('description')} where={where} value={norm.description} send={(description) => save({ description })} rows={3} />
        <AutoSelect
          label={t('observation.organisation')}
          saveKey={key('organisationId')}
          where={where}
          value={norm.organisationId ?? ''}
          options={[{ value: '', label: t('context.severalOrNone') }, ...context.organisations.map((o) => ({ value: o.id, label: o.name }))]}
          send={(v) => save({ organisationId: v || null })}
        />
        <AutoTextField label={t('context.normEntrepreneurs')} saveKey={key('entrepreneurs')} where={where} value={norm.entrepreneurs} placeholder={t('context.entrepreneursPlaceholder')} send={(entrepreneurs) => save({ entrepreneurs })} />
        <div className="inline-fields">
          <AutoTextField label={t('context.fromYear')} saveKey={key('yearFrom')} where={where} value={norm.yearFrom?.toString() ?? ''} validate={validYear} send={(v) => save({ yearFrom: yearOrNull(v) })} />
          <AutoTextField label={t('context.toYear')} saveKey={key('yearTo')} where={where} value={norm.yearTo?.toString() ?? ''} validate={validYear} send={(v) => save({ yearTo: yearOrNull(v) })} />
        </div>
        <AutoSelect<Verification> label={t('observation.verification')} saveKey={key('verification')} where={where} value={norm.verification} options={verificationOptions(t)} send={(verification) => save({ verification })} />
        <AutoTextArea label={t('observation.verificationNote')} saveKey={key('verificationNote')} where={where} value={norm.verificationNote} send={(verificationNote) => save({ verificationNote })} rows={2} />
        <fieldset className="field">
          <legend className="field-label">{t('context.carryingInstruments')}</legend>
          {context.instruments.map((i) => {
            const on = instruments.shown.includes(i.id);
            return (
              <label key={i.id} className="rec-check">
                <input type="checkbox" checked={on} onChange={() => instruments.set(on ? instruments.shown.filter((x) => x !== i.id) : [...instruments.shown, i.id], { immediate: true })} />
                <span>
                  {i.title}
                  {i.date ? <span className="muted">{SPACE + parenthesised(i.date.slice(0, 4))}</span> : null}
                </span>
              </label>
            );
          })}
        </fieldset>
      </div>

      <h3 className="section-heading rec-details-heading">{t('context.cellsTitle', { count: norm.cellIds.length })}</h3>
      <ul className="rec-linked-cells" data-testid="linked-cells">
        {norm.cellIds.map((cellId) => (
          <li key={cellId}>
            <span>{cellName(cellsById.get(cellId), overview, t)}</span>
            <button type="button" className="button button-small" onClick={() => void save({ cellIds: norm.cellIds.filter((x) => x !== cellId) }).catch(() => undefined)}>
              {t('context.unlink')}
            </button>
          </li>
        ))}
      </ul>
      <LinkCell onLink={(cellId) => save({ cellIds: [...norm.cellIds.filter((x) => x !== cellId), cellId] })} />

      <RemoveButton label={t('context.removeNorm')} pending={remove.pending} onRemove={() => void remove.run({ id }).then((d) => d !== undefined && setUi({ context: null }))} />
      {remove.error ? <InlineAlert message={remove.error.message} /> : null}
    </section>
  );
}

/** Picks a matrix cell (case, norm, stage) to link; an empty cell is created first (links need a cell). */
function LinkCell({ onLink }: { onLink: (cellId: string) => Promise<unknown> }) {
  const t = useT();
  const { overview, cells } = useProject();
  const { store } = useServices();
  const { live } = useCases();
  const norms = (overview?.norms ?? []).filter((n) => !n.archived);
  const [caseId, setCaseId] = useState(live[0]?.id ?? '');
  const [normId, setNormId] = useState(norms[0]?.id ?? '');
  const stages = orderStages(frameworkOf(norms.find((n) => n.id === normId), overview?.frameworks ?? [])?.stages ?? []);
  const [stageId, setStageId] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const stage = stages.find((s) => s.id === stageId) ?? stages[0];

  const link = async () => {
    if (!stage) return;
    setBusy(true);
    setError(undefined);
    try {
      let cell = cells?.get(cellKey(normId, caseId, stage.id));
      if (!cell) {
        cell = await api['cells.update']({ caseId, normId, stageId: stage.id, patch: {} });
        store.putCell(cell);
      }
      await onLink(cell.id);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="rec-link-cell">
      <p className="field-label">{t('context.linkToCell')}</p>
      <div className="inline-fields">
        <select className="native-select" aria-label={t('observation.case')} value={caseId} onChange={(e) => setCaseId(e.target.value)}>
          {live.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <select
          className="native-select"
          aria-label={t('claims.norm')}
          value={normId}
          onChange={(e) => {
            setNormId(e.target.value);
            setStageId('');
          }}
        >
          {norms.map((n) => (
            <option key={n.id} value={n.id}>
              {n.shortLabel || n.label}
            </option>
          ))}
        </select>
        <select className="native-select" aria-label={t('claims.stage')} value={stage?.id ?? ''} onChange={(e) => setStageId(e.target.value)}>
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.position} {s.label}
            </option>
          ))}
        </select>
        <button type="button" className="button button-small" disabled={busy || !stage} onClick={() => void link()}>
          {t('context.link')}
        </button>
      </div>
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}

function InstrumentEditor({ id, context }: { id: string; context: RegionalContextDto }) {
  const t = useT();
  const inst = context.instruments.find((i) => i.id === id)!;
  const latest = useLatest();
  const sender = useRecordSender();
  const [, setUi] = useRecordUi();
  const remove = useRecordEdit('instruments.remove');
  const { sourceById } = useCitations();
  const where = inst.title;
  const key = (f: string) => `instrument:${id}:${f}`;
  const save = (patch: Partial<ApiInput<'instruments.save'>>) => {
    const cur = latest().instruments.find((i) => i.id === id);
    if (!cur) return Promise.reject(gone('context.instrumentGone'));
    return sender('instruments.save', { id, title: cur.title, ...patch });
  };
  const sources = [...sourceById.values()].sort((a, b) => a.title.localeCompare(b.title));
  return (
    <section className="details rec-details" aria-labelledby="inst-details-title" data-testid="instrument-details">
      <p className="eyebrow">{t('record.utype.instrument')}</p>
      <h2 id="inst-details-title" className="details-title">
        {inst.title}
      </h2>
      <div className="form-stack">
        <AutoTextField label={t('context.title')} saveKey={key('title')} where={where} value={inst.title} validate={mustFill(t('context.titleEmpty'))} send={(title) => save({ title })} />
        <div className="inline-fields">
          <AutoSelect
            label={t('observation.organisation')}
            saveKey={key('organisationId')}
            where={where}
            value={inst.organisationId ?? ''}
            options={[{ value: '', label: t('record.none') }, ...context.organisations.map((o) => ({ value: o.id, label: o.name }))]}
            send={(v) => save({ organisationId: v || null })}
          />
          <AutoTextField label={t('observation.date')} saveKey={key('date')} where={where} value={inst.date ?? ''} validate={validDate} send={(v) => save({ date: v.trim() || null })} />
        </div>
        <AutoTextArea label={t('context.description')} saveKey={key('description')} where={where} value={inst.description} send={(description) => save({ description })} rows={3} />
        <AutoSelect
          label={t('context.source')}
          saveKey={key('sourceId')}
          where={where}
          value={inst.sourceId ?? ''}
          options={[{ value: '', label: t('record.none') }, ...sources.map((s) => ({ value: s.id, label: sourceLine(s).slice(0, 90) }))]}
          send={(v) => save({ sourceId: v || null })}
        />
        <AutoSelect<Verification> label={t('observation.verification')} saveKey={key('verification')} where={where} value={inst.verification} options={verificationOptions(t)} send={(verification) => save({ verification })} />
        <AutoTextArea label={t('observation.verificationNote')} saveKey={key('verificationNote')} where={where} value={inst.verificationNote} send={(verificationNote) => save({ verificationNote })} rows={2} />
      </div>
      <RemoveButton label={t('context.removeInstrument')} pending={remove.pending} onRemove={() => void remove.run({ id }).then((d) => d !== undefined && setUi({ context: null }))} />
      {remove.error ? <InlineAlert message={remove.error.message} /> : null}
    </section>
  );
}

function MembershipEditor({ id, context }: { id: string; context: RegionalContextDto }) {
  const t = useT();
  const m = context.memberships.find((x) => x.id === id)!;
  const latest = useLatest();
  const sender = useRecordSender();
  const [, setUi] = useRecordUi();
  const remove = useRecordEdit('memberships.remove');
  const { live, byId } = useCases();
  const org = context.organisations.find((o) => o.id === m.organisationId);
  const where = t('context.caseInOrgPlain', { kase: byId.get(m.caseId)?.name ?? t('observation.caseFallback'), org: org?.name ?? '?' });
  const key = (f: string) => `membership:${id}:${f}`;
  const save = (patch: Partial<ApiInput<'memberships.save'>>) => {
    const cur = latest().memberships.find((x) => x.id === id);
    if (!cur) return Promise.reject(gone('context.membershipGone'));
    return sender('memberships.save', { id, caseId: cur.caseId, organisationId: cur.organisationId, status: cur.status, ...patch });
  };
  return (
    <section className="details rec-details" aria-labelledby="mem-details-title" data-testid="membership-details">
      <p className="eyebrow">{t('record.utype.membership')}</p>
      <h2 id="mem-details-title" className="details-title">
        {where}
      </h2>
      <p className="details-norm">
        <VerificationTag value={m.verification} />
      </p>
      <div className="form-stack">
        <div className="inline-fields">
          <AutoSelect label={t('observation.case')} saveKey={key('caseId')} where={where} value={m.caseId} options={live.map((c) => ({ value: c.id, label: c.name }))} send={(caseId) => save({ caseId })} />
          <AutoSelect
            label={t('observation.organisation')}
            saveKey={key('organisationId')}
            where={where}
            value={m.organisationId}
            options={context.organisations.map((o) => ({ value: o.id, label: o.name }))}
            send={(organisationId) => save({ organisationId })}
          />
        </div>
        <AutoSelect<MembershipStatus>
          label={t('context.status')}
          saveKey={key('status')}
          where={where}
          value={m.status}
          options={MEMBERSHIP_STATUSES.map((s) => ({ value: s, label: t(membershipId(s)) }))}
          send={(status) => save({ status })}
        />
        <div className="inline-fields">
          <AutoTextField label={t('context.from')} saveKey={key('dateFrom')} where={where} value={m.dateFrom ?? ''} validate={validDate} send={(v) => save({ dateFrom: v.trim() || null })} />
          <AutoTextField label={t('context.to')} saveKey={key('dateTo')} where={where} value={m.dateTo ?? ''} validate={validDate} send={(v) => save({ dateTo: v.trim() || null })} />
        </div>
        <AutoSelect<Verification> label={t('observation.verification')} saveKey={key('verification')} where={where} value={m.verification} options={verificationOptions(t)} send={(verification) => save({ verification })} />
        <AutoTextArea label={t('context.note')} saveKey={key('note')} where={where} value={m.note} send={(note) => save({ note })} rows={3} />
      </div>
      <RemoveButton label={t('context.removeMembership')} pending={remove.pending} onRemove={() => void remove.run({ id }).then((d) => d !== undefined && setUi({ context: null }))} />
      {remove.error ? <InlineAlert message={remove.error.message} /> : null}
    </section>
  );
}
