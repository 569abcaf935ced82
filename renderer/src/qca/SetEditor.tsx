/**
 * A condition or the outcome: where its raw value per case comes from (a stage's status for a norm, a case
 * attribute, an indicator, the claims about the case, or scores set by hand) and how it is calibrated (crisp or
 * multi-value thresholds, fuzzy by three anchors, the values as they are, or by hand with a reason per score).
 */
import { useId, useState, type FormEvent } from 'react';
import type { QcaCalibration, QcaSetDto, QcaSetInput, QcaSetSource } from '../../../electron/contract/qca';
import { useApiQuery } from '../api';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { useT } from '../i18n/use-t';
import { InlineAlert } from '../ui/InlineAlert';
import { useEdit, useProject } from '../workbench-context';
import { Field } from './Field';
import { parseList, parseNumber } from './format';

type SourceKind = QcaSetSource['kind'];
type Method = QcaCalibration['method'];

interface Draft {
  name: string;
  role: 'condition' | 'outcome';
  definition: string;
  source: SourceKind;
  normId: string;
  stageId: string;
  statuses: string[];
  attributeId: string;
  indicatorId: string;
  year: string;
  method: Method;
  thresholds: string;
  exclusion: string;
  crossover: string;
  inclusion: string;
}

const SOURCES: { kind: SourceKind; label: MessageId }[] = [
  { kind: 'cell', label: 'qca.sourceCell' },
  { kind: 'attribute', label: 'qca.sourceAttribute' },
  { kind: 'indicator', label: 'qca.sourceIndicator' },
  { kind: 'claims', label: 'qca.sourceClaims' },
  { kind: 'manual', label: 'qca.sourceManual' },
];

const METHODS: { method: Method; label: MessageId }[] = [
  { method: 'crisp', label: 'qca.methodCrisp' },
  { method: 'fuzzy', label: 'qca.methodFuzzy' },
  { method: 'direct', label: 'qca.methodDirect' },
  { method: 'manual', label: 'qca.methodManual' },
];

function draftOf(set: QcaSetDto | null): Draft {
  const s = set?.source;
  const c = set?.calibration;
  return {
    name: set?.name ?? '',
    role: set?.role ?? 'condition',
    definition: set?.definition ?? '',
    source: s?.kind ?? 'cell',
    normId: s?.kind === 'cell' ? s.normId : s?.kind === 'claims' ? (s.normId ?? '') : '',
    stageId: s?.kind === 'cell' ? s.stageId : '',
    statuses: s?.kind === 'cell' ? s.statuses : [],
    attributeId: s?.kind === 'attribute' ? s.attributeId : '',
    indicatorId: s?.kind === 'indicator' ? s.indicatorId : '',
    year: s?.kind === 'indicator' && s.year !== undefined ? String(s.year) : '',
    method: c?.method ?? 'crisp',
    thresholds: c?.method === 'crisp' ? c.thresholds.join('; ') : '1',
    exclusion: c?.method === 'fuzzy' ? String(c.exclusion) : '',
    crossover: c?.method === 'fuzzy' ? String(c.crossover) : '',
    inclusion: c?.method === 'fuzzy' ? String(c.inclusion) : '',
  };
}

/** The input to save, or the message saying what is missing. */
function inputOf(d: Draft, id: string | undefined): QcaSetInput | MessageId {
  let source: QcaSetSource;
  switch (d.source) {
    case 'cell':
      if (!d.normId || !d.stageId) return 'qca.needNormStage';
      if (d.statuses.length === 0) return 'qca.needStatus';
      source = { kind: 'cell', normId: d.normId, stageId: d.stageId, statuses: d.statuses };
      break;
    case 'attribute':
      if (!d.attributeId) return 'qca.needAttribute';
      source = { kind: 'attribute', attributeId: d.attributeId };
      break;
    case 'indicator': {
      if (!d.indicatorId) return 'qca.needIndicator';
      const year = parseNumber(d.year);
      if (year !== undefined && !Number.isInteger(year)) return 'qca.needYear';
      source = { kind: 'indicator', indicatorId: d.indicatorId, ...(year !== undefined ? { year } : {}) };
      break;
    }
    case 'claims':
      source = { kind: 'claims', ...(d.normId ? { normId: d.normId } : {}) };
      break;
    case 'manual':
      source = { kind: 'manual' };
  }
  let calibration: QcaCalibration;
  switch (d.method) {
    case 'crisp': {
      const thresholds = parseList(d.thresholds);
      if (thresholds.length === 0 || thresholds.some((n) => !Number.isFinite(n))) return 'qca.needThresholds';
      calibration = { method: 'crisp', thresholds };
      break;
    }
    case 'fuzzy': {
      const [exclusion, crossover, inclusion] = [d.exclusion, d.crossover, d.inclusion].map(parseNumber);
      if (![exclusion, crossover, inclusion].every((n) => n !== undefined && Number.isFinite(n))) return 'qca.needAnchors';
      calibration = { method: 'fuzzy', exclusion: exclusion!, crossover: crossover!, inclusion: inclusion! };
      break;
    }
    case 'direct':
      calibration = { method: 'direct' };
      break;
    case 'manual':
      if (d.source !== 'manual') return 'qca.manualNeedsManual';
      calibration = { method: 'manual', scores: {} };
  }
  return { ...(id ? { id } : {}), name: d.name.trim(), role: d.role, definition: d.definition, source, calibration };
}

interface SetEditorProps {
  set: QcaSetDto | null;
  onDone: (saved: QcaSetDto | null) => void;
}

export function SetEditor({ set, onDone }: SetEditorProps) {
  const t = useT();
  const uid = useId();
  const { overview } = useProject();
  const indicators = useApiQuery('indicators.list', {});
  const save = useEdit('qca.saveSet');
  const [draft, setDraft] = useState<Draft>(() => draftOf(set));
  const [problem, setProblem] = useState<MessageId | null>(null);
  const patch = (p: Partial<Draft>) => setDraft((d) => ({ ...d, ...p }));
  const norms = overview?.norms.filter((n) => !n.archived) ?? [];
  const norm = norms.find((n) => n.id === draft.normId);
  const framework = overview?.frameworks.find((f) => f.id === norm?.frameworkId) ?? overview?.frameworks.find((f) => f.isDefault);
  const attributes = overview?.attributes.filter((a) => a.type === 'number' || a.type === 'boolean') ?? [];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const input = inputOf(draft, set?.id);
    if (typeof input === 'string') return setProblem(input);
    setProblem(null);
    const saved = await save.run(input);
    if (saved) onDone(saved);
  };

  const field = (key: string) => `${uid}-${key}`;
  return (
    <form className="qca-editor" onSubmit={(e) => void onSubmit(e)} aria-labelledby={field('title')} data-testid="qca-set-editor">
      <h3 id={field('title')} className="qca-subheading">
        {set ? t('qca.editSet', { name: set.name }) : t('qca.newSet')}
      </h3>
      <div className="qca-form-row">
        <Field label={t('qca.setName')} hint={t('qca.setNameHint')}>
          {(p) => (
            <input {...p} className="text-input qca-name" value={draft.name} onChange={(e) => patch({ name: e.target.value })} autoComplete="off" spellCheck={false} />
          )}
        </Field>
        <fieldset className="qca-choices">
          <legend className="field-label">{t('qca.role')}</legend>
          {(['condition', 'outcome'] as const).map((role) => (
            <label key={role} className="choice">
              <input type="radio" name={field('role')} checked={draft.role === role} onChange={() => patch({ role })} />
              <span>{t(role === 'condition' ? 'qca.roleCondition' : 'qca.roleOutcome')}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <Field label={t('qca.definition')}>
        {(p) => (
          <textarea {...p} className="text-input" rows={2} value={draft.definition} onChange={(e) => patch({ definition: e.target.value })} />
        )}
      </Field>

      <div className="qca-form-row">
        <Field label={t('qca.source')}>
          {(p) => (
            <select {...p} className="native-select" value={draft.source} onChange={(e) => patch({ source: e.target.value as SourceKind, ...(e.target.value === 'manual' ? { method: 'manual' as const } : draft.method === 'manual' ? { method: 'crisp' as const } : {}) })}>
              {SOURCES.map((s) => (
                <option key={s.kind} value={s.kind}>
                  {t(s.label)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {draft.source === 'cell' || draft.source === 'claims' ? (
          <Field label={t('qca.norm')}>
            {(p) => (
              <select {...p} className="native-select" value={draft.normId} onChange={(e) => patch({ normId: e.target.value, statuses: [] })}>
                <option value="">{draft.source === 'claims' ? t('qca.anyNorm') : t('qca.chooseNorm')}</option>
                {norms.map((n) => (
                  <option key={n.id} value={n.id}>
                    {n.shortLabel || n.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {draft.source === 'cell' ? (
          <Field label={t('qca.stage')}>
            {(p) => (
              <select {...p} className="native-select" value={draft.stageId} onChange={(e) => patch({ stageId: e.target.value })}>
                <option value="">{t('qca.chooseStage')}</option>
                {(framework?.stages ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {draft.source === 'attribute' ? (
          <Field label={t('qca.attribute')}>
            {(p) => (
              <select {...p} className="native-select" value={draft.attributeId} onChange={(e) => patch({ attributeId: e.target.value })}>
                <option value="">{attributes.length ? t('qca.chooseAttribute') : t('qca.noAttributes')}</option>
                {attributes.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {draft.source === 'indicator' ? (
          <>
            <Field label={t('qca.indicator')}>
              {(p) => (
                <select {...p} className="native-select" value={draft.indicatorId} onChange={(e) => patch({ indicatorId: e.target.value })}>
                  <option value="">{t('qca.chooseIndicator')}</option>
                  {(indicators.data ?? []).map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('qca.year')}>
              {(p) => (
                <input {...p} className="text-input qca-number" inputMode="numeric" value={draft.year} placeholder={t('qca.latestYear')} onChange={(e) => patch({ year: e.target.value })} />
              )}
            </Field>
          </>
        ) : null}
      </div>
      {draft.source === 'cell' && framework ? (
        <fieldset className="qca-choices">
          <legend className="field-label">{t('qca.statusesCount')}</legend>
          {framework.statuses.map((s) => (
            <label key={s.key} className="choice">
              <input
                type="checkbox"
                checked={draft.statuses.includes(s.key)}
                onChange={(e) => patch({ statuses: e.target.checked ? [...draft.statuses, s.key] : draft.statuses.filter((k) => k !== s.key) })}
              />
              <span>{s.label}</span>
            </label>
          ))}
        </fieldset>
      ) : null}

      <div className="qca-form-row">
        <Field label={t('qca.calibration')}>
          {(p) => (
            <select {...p} className="native-select" value={draft.method} onChange={(e) => patch({ method: e.target.value as Method })}>
              {METHODS.filter((m) => (draft.source === 'manual') === (m.method === 'manual')).map((m) => (
                <option key={m.method} value={m.method}>
                  {t(m.label)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {draft.method === 'crisp' ? (
          <Field label={t('qca.thresholds')} hint={t('qca.thresholdsHint')}>
            {(p) => (
              <input {...p} className="text-input qca-number" value={draft.thresholds} onChange={(e) => patch({ thresholds: e.target.value })} />
            )}
          </Field>
        ) : null}
        {draft.method === 'fuzzy'
          ? (
              [
                ['exclusion', 'qca.anchorExclusion'],
                ['crossover', 'qca.anchorCrossover'],
                ['inclusion', 'qca.anchorInclusion'],
              ] as const
            ).map(([key, label]) => (
              <label key={key} className="field">
                <span className="field-label">{t(label)}</span>
                <input className="text-input qca-number" inputMode="decimal" value={draft[key]} onChange={(e) => patch({ [key]: e.target.value })} />
              </label>
            ))
          : null}
      </div>
      {draft.method === 'manual' ? <p className="muted small">{t('qca.manualHint')}</p> : null}
      {draft.method === 'direct' ? <p className="muted small">{t('qca.directHint')}</p> : null}
      {problem ? <InlineAlert message={t(problem)} /> : null}
      {save.error ? <InlineAlert message={save.error.message} /> : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.pending}>
          {t('qca.saveSet')}
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          {t('qca.cancel')}
        </button>
      </div>
    </form>
  );
}
