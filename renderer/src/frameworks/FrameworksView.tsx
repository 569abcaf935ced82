import { useCallback, useId, useState, type FormEvent } from 'react';
import type { FrameworkDto, FrameworkTemplateDto, NormDto, StageDto, StatusLevelDto } from '../../../electron/contract/api';
import { contentLanguage } from '../../../electron/contract/i18n/languages';
import { api, toApiError, useApiQuery } from '../api';
import { useLanguage } from '../i18n/language-context';
import { AutoTextArea, AutoTextField, requireText, useAutoSave } from '../ui/fields';
import { PlusIcon } from '../ui/icons';
import { InlineAlert } from '../ui/InlineAlert';
import { orderStages } from '../matrix/matrix-model';
import { Modal } from '../ui/Modal';
import { OrphanDialog, type OrphanRequest } from '../matrix/OrphanDialog';
import { SortableList } from '../ui/SortableList';
import { PaletteSelect } from '../matrix/StatusSelect';
import { StatusSwatch } from '../matrix/StatusSwatch';
import { apiCall, useEdit, useServices } from '../workbench-context';
import { useT } from '../i18n/use-t';
import { ELLIPSIS, SEP, SPACE } from '../ui/marks';

interface FrameworksViewProps {
  frameworks: FrameworkDto[];
  norms: NormDto[];
}

/** The frameworks whose stages are the matrix's rows: create from a template or from scratch, edit stages and scale. */
export function FrameworksView({ frameworks, norms }: FrameworksViewProps) {
  const t = useT();
  const [chosenId, setChosenId] = useState<string | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const framework = frameworks.find((f) => f.id === chosenId) ?? frameworks[0];

  return (
    <section className="frameworks-view" aria-labelledby="frameworks-title" data-testid="frameworks-view">
      <header className="page-header">
        <div>
          <p className="eyebrow">{t('frameworks.eyebrow')}</p>
          <h2 id="frameworks-title" className="matrix-norm">
            {t('frameworks.title')}
          </h2>
          <p className="muted">{t('frameworks.lede')}</p>
        </div>
        <button type="button" className="button" onClick={() => setCreating(true)}>
          <PlusIcon />
          {SPACE}
          {t('frameworks.newFramework')}
        </button>
      </header>

      <div className="frameworks-layout">
        <ul className="framework-list" aria-label={t('frameworks.title')}>
          {frameworks.map((f) => {
            const users = norms.filter((n) => n.frameworkId === f.id && !n.archived).length;
            return (
              <li key={f.id}>
                <button type="button" className="framework-item" aria-current={f.id === framework?.id ? 'true' : undefined} onClick={() => setChosenId(f.id)}>
                  <span className="framework-item-name">{f.name}</span>
                  <span className="framework-item-meta">
                    {t('frameworks.stagesCount', { count: f.stages.length })}
                    {SEP}
                    {t('frameworks.normsCount', { count: users })}
                    {f.isDefault ? SEP + t('frameworks.defaultMark') : null}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
        {framework ? <FrameworkEditor key={framework.id} framework={framework} norms={norms} onRemoved={() => setChosenId(undefined)} /> : null}
      </div>

      {creating ? (
        <NewFrameworkDialog
          onClose={() => setCreating(false)}
          onCreated={(made) => {
            setCreating(false);
            setChosenId(made.id);
          }}
        />
      ) : null}
    </section>
  );
}

function FrameworkEditor({ framework, norms, onRemoved }: { framework: FrameworkDto; norms: NormDto[]; onRemoved: () => void }) {
  const t = useT();
  const { store } = useServices();
  const { language } = useLanguage();
  const templates = useApiQuery('frameworks.templates', { language: contentLanguage(language) });
  const update = useEdit('frameworks.update');
  const remove = useEdit('frameworks.remove');
  const refresh = useCallback(() => store.refresh(['overview', 'history']), [store]);
  const users = norms.filter((n) => n.frameworkId === framework.id);
  const template = templates.data?.find((candidate) => candidate.id === framework.template);
  const removable = !framework.isDefault && users.length === 0;
  const error = update.error ?? remove.error;

  return (
    <div className="framework-editor" data-testid="framework-editor">
      <div className="form-stack">
        <AutoTextField
          label={t('frameworks.name')}
          saveKey={`framework:${framework.id}:name`}
          value={framework.name}
          send={(name) => api['frameworks.update']({ id: framework.id, name: name.trim() })}
          validate={requireText(t('frameworks.theName'))}
          onSaved={refresh}
        />
        <AutoTextArea
          label={t('frameworks.description')}
          saveKey={`framework:${framework.id}:description`}
          value={framework.description}
          send={(description) => api['frameworks.update']({ id: framework.id, description })}
          onSaved={refresh}
          rows={2}
        />
        {template ? <p className="field-hint">{t('frameworks.fromTemplate', { name: template.name, citation: template.citation })}</p> : null}
        <p className="framework-users">
          <span className="field-label">{t('frameworks.usedBy')}</span>
          {SPACE}
          {users.length === 0 ? <span className="muted">{t('frameworks.noNormYet')}</span> : users.map((n) => n.shortLabel || n.label).join(SEP)}
        </p>
        <div className="button-row">
          {framework.isDefault ? (
            <span className="badge">{t('frameworks.defaultForNew')}</span>
          ) : (
            <button type="button" className="button button-small" disabled={update.pending} onClick={() => void update.run({ id: framework.id, isDefault: true })}>
              {t('frameworks.makeDefault')}
            </button>
          )}
          <button
            type="button"
            className="button button-small"
            disabled={!removable || remove.pending}
            title={removable ? undefined : framework.isDefault ? t('frameworks.defaultCannotGo') : t('frameworks.normsUseIt')}
            onClick={async () => {
              const done = await remove.run({ id: framework.id });
              if (done !== undefined) onRemoved();
            }}
          >
            {t('frameworks.removeFramework')}
          </button>
        </div>
        {error ? <InlineAlert message={error.message} /> : null}
      </div>

      <StagesEditor framework={framework} />
      <StatusScaleEditor key={`${framework.id}:${JSON.stringify(framework.statuses)}`} framework={framework} />
    </div>
  );
}

function StagesEditor({ framework }: { framework: FrameworkDto }) {
  const t = useT();
  const { store } = useServices();
  const reorder = useEdit('stages.reorder');
  const add = useEdit('stages.add');
  const remove = useEdit('stages.remove');
  const [orphans, setOrphans] = useState<OrphanRequest | null>(null);
  const [label, setLabel] = useState('');
  const [asksMode, setAsksMode] = useState(false);
  const [impactError, setImpactError] = useState<string | null>(null);
  const refresh = useCallback(() => store.refresh(['overview', 'history']), [store]);
  const stages = orderStages(framework.stages);
  const error = impactError ?? reorder.error?.message ?? add.error?.message ?? remove.error?.message;

  const removeStage = async (stage: StageDto) => {
    setImpactError(null);
    try {
      const affected = await apiCall('stages.removalImpact', { id: stage.id });
      if (affected.length === 0) await remove.run({ id: stage.id });
      else setOrphans({ kind: 'stage', framework, stage, orphans: affected });
    } catch (caught) {
      setImpactError(toApiError(caught).message);
    }
  };

  const addStage = async (event: FormEvent) => {
    event.preventDefault();
    const done = await add.run({ frameworkId: framework.id, label: label.trim(), asksMode });
    if (done) {
      setLabel('');
      setAsksMode(false);
    }
  };

  return (
    <section className="details-section" aria-labelledby={`stages-${framework.id}`}>
      <h3 id={`stages-${framework.id}`} className="section-heading">
        {t('frameworks.stages')}
      </h3>
      <SortableList
        className="stage-list"
        testId="stage-list"
        items={stages}
        idOf={(s) => s.id}
        labelOf={(s) => s.label}
        onReorder={(ids) => void reorder.run({ frameworkId: framework.id, ids })}
        renderItem={(stage, handle) => (
          <div className="stage-row" data-stage={stage.label}>
            {handle}
            <span className="stage-number">{stage.position}</span>
            <AutoTextField
              className="stage-label-field"
              label={t('frameworks.stageLabelOf', { position: stage.position })}
              showLabel={false}
              saveKey={`stage:${stage.id}:label`}
              value={stage.label}
              send={(value) => api['stages.update']({ id: stage.id, label: value.trim() })}
              validate={requireText(t('frameworks.aStageLabel'))}
              onSaved={refresh}
            />
            <StageAsksMode stage={stage} onSaved={refresh} />
            <button type="button" className="button button-small" aria-label={t('frameworks.removeStage', { name: stage.label })} onClick={() => void removeStage(stage)}>
              {t('frameworks.remove')}
            </button>
            <AutoTextArea
              className="stage-description-field"
              label={t('frameworks.stageDescriptionOf', { name: stage.label })}
              showLabel={false}
              rows={1}
              placeholder={t('frameworks.stageDescriptionPlaceholder')}
              saveKey={`stage:${stage.id}:description`}
              value={stage.description}
              send={(value) => api['stages.update']({ id: stage.id, description: value })}
              onSaved={refresh}
            />
          </div>
        )}
      />
      <form className="add-row" onSubmit={(e) => void addStage(e)}>
        <label className="visually-hidden" htmlFor={`new-stage-${framework.id}`}>
          {t('frameworks.newStage')}
        </label>
        <input id={`new-stage-${framework.id}`} className="text-input" value={label} onChange={(e) => setLabel(e.target.value)} placeholder={t('frameworks.newStagePlaceholder')} autoComplete="off" />
        <label className="check">
          <input type="checkbox" checked={asksMode} onChange={(e) => setAsksMode(e.target.checked)} />
          <span>{t('frameworks.asksMode')}</span>
        </label>
        <button type="submit" className="button button-small" disabled={label.trim() === '' || add.pending}>
          {t('frameworks.addStage')}
        </button>
      </form>
      {error ? <InlineAlert message={error} /> : null}
      {orphans ? <OrphanDialog request={orphans} onClose={() => setOrphans(null)} /> : null}
    </section>
  );
}

/** "Asks discourse/practice": the cell editor then asks for the mode at this stage. Saved at once, shown at once. */
function StageAsksMode({ stage, onSaved }: { stage: StageDto; onSaved: () => Promise<void> }) {
  const t = useT();
  const asks = useAutoSave<boolean>({
    saveKey: `stage:${stage.id}:asksMode`,
    value: stage.asksMode,
    send: (asksMode) => api['stages.update']({ id: stage.id, asksMode }),
    onSaved,
  });
  return (
    <label className="check stage-asks">
      <input type="checkbox" checked={asks.shown} onChange={(e) => asks.set(e.target.checked, { immediate: true })} />
      <span>{t('frameworks.asksMode')}</span>
    </label>
  );
}

interface DraftStatus {
  id: string;
  key: string | undefined;
  label: string;
  palette: number;
}

function StatusScaleEditor({ framework }: { framework: FrameworkDto }) {
  const t = useT();
  const save = useEdit('frameworks.setStatuses');
  const initial = [...framework.statuses].sort((a, b) => a.position - b.position).map((s: StatusLevelDto) => ({ id: s.key, key: s.key, label: s.label, palette: s.palette }));
  const [rows, setRows] = useState<DraftStatus[]>(initial);
  const [counter, setCounter] = useState(0);
  const changed = JSON.stringify(rows.map(({ key, label, palette }) => ({ key, label, palette }))) !== JSON.stringify(initial.map(({ key, label, palette }) => ({ key, label, palette })));
  const invalid = rows.some((r) => r.label.trim() === '') || rows.length === 0;

  const setRow = (id: string, patch: Partial<DraftStatus>) => setRows(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));

  return (
    <section className="details-section" aria-labelledby={`scale-${framework.id}`}>
      <h3 id={`scale-${framework.id}`} className="section-heading">
        {t('frameworks.statusScale')}
      </h3>
      <p className="field-hint">{t('frameworks.statusScaleHint')}</p>
      <SortableList
        className="status-list"
        testId="status-list"
        items={rows}
        idOf={(r) => r.id}
        labelOf={(r) => r.label || t('frameworks.newStatus')}
        onReorder={(ids) => setRows(ids.map((id) => rows.find((r) => r.id === id)!))}
        renderItem={(row, handle) => (
          <div className="status-row">
            {handle}
            <PaletteSelect label={t('frameworks.colourOf', { name: row.label || t('frameworks.newStatus') })} value={row.palette} onChange={(palette) => setRow(row.id, { palette })} />
            <input className="text-input" aria-label={row.label ? t('frameworks.statusLabelOf', { name: row.label }) : t('frameworks.newStatusLabel')} value={row.label} onChange={(e) => setRow(row.id, { label: e.target.value })} />
            <button type="button" className="button button-small" aria-label={t('frameworks.removeStatus', { name: row.label })} onClick={() => setRows(rows.filter((r) => r.id !== row.id))}>
              {t('frameworks.remove')}
            </button>
          </div>
        )}
      />
      <div className="button-row">
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            setRows([...rows, { id: `new-${counter}`, key: undefined, label: '', palette: 5 }]);
            setCounter(counter + 1);
          }}
        >
          {t('frameworks.addStatus')}
        </button>
        <span className="toolbar-spacer" />
        <button type="button" className="button button-small" disabled={!changed} onClick={() => setRows(initial)}>
          {t('frameworks.discardChanges')}
        </button>
        <button
          type="button"
          className="button button-small button-primary"
          disabled={!changed || invalid || save.pending}
          onClick={() => void save.run({ id: framework.id, statuses: rows.map((r) => ({ ...(r.key ? { key: r.key } : {}), label: r.label.trim(), palette: r.palette })) })}
        >
          {t('frameworks.saveScale')}
        </button>
      </div>
      {changed ? (
        <p className="field-hint">
          {t('frameworks.previewLabel')}
          {SPACE}
          {rows.map((r) => (
            <span key={r.id} className="legend-item">
              <StatusSwatch palette={r.palette} />
              {r.label || ELLIPSIS}
            </span>
          ))}
        </p>
      ) : null}
      {save.error ? <InlineAlert message={save.error.message} /> : null}
    </section>
  );
}

function NewFrameworkDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (framework: FrameworkDto) => void }) {
  const t = useT();
  const { language } = useLanguage();
  const templates = useApiQuery('frameworks.templates', { language: contentLanguage(language) });
  const create = useEdit('frameworks.create');
  const [choice, setChoice] = useState<string>('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [stagesText, setStagesText] = useState('');
  const radioName = useId();
  const stages = stagesText
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const custom = choice === 'custom';
  const ready = custom ? name.trim() !== '' && stages.length > 0 : choice !== '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = custom
      ? await create.run({ name: name.trim(), description: description.trim(), stages: stages.map((label) => ({ label })) })
      : await create.run({ templateId: choice, ...(name.trim() ? { name: name.trim() } : {}), language: contentLanguage(language) });
    if (made) onCreated(made);
  };

  const templateOption = (template: FrameworkTemplateDto) => (
    <label key={template.id} className="choice template-choice">
      <input type="radio" name={radioName} value={template.id} checked={choice === template.id} onChange={() => setChoice(template.id)} />
      <span>
        <strong>{template.name}</strong>
        <span className="template-stages">{template.stages.map((s, i) => t('frameworks.templateStage', { position: i + 1, label: s.label })).join(SEP)}</span>
        <span className="template-citation muted">{template.citation}</span>
      </span>
    </label>
  );

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title={t('frameworks.newFrameworkTitle')} description={t('frameworks.newFrameworkDescription')} wide>
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <fieldset className="template-choices">
          <legend className="section-heading">{t('frameworks.startFrom')}</legend>
          {templates.error ? <InlineAlert message={templates.error.message} /> : null}
          {(templates.data ?? []).map(templateOption)}
          <label className="choice template-choice">
            <input type="radio" name={radioName} value="custom" checked={custom} onChange={() => setChoice('custom')} />
            <span>
              <strong>{t('frameworks.fromScratch')}</strong>
              <span className="template-stages">{t('frameworks.ownStages')}</span>
            </span>
          </label>
        </fieldset>
        <label className="field">
          <span className="field-label">{custom ? t('frameworks.name') : t('frameworks.nameOptional')}</span>
          <input className="text-input" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </label>
        {custom ? (
          <>
            <label className="field">
              <span className="field-label">{t('frameworks.description')}</span>
              <input className="text-input" value={description} onChange={(e) => setDescription(e.target.value)} autoComplete="off" />
            </label>
            <label className="field">
              <span className="field-label">{t('frameworks.stagesPerLine')}</span>
              <textarea className="text-area" rows={4} value={stagesText} onChange={(e) => setStagesText(e.target.value)} placeholder={t('frameworks.stagesPlaceholder', { newline: '\n' })} />
            </label>
          </>
        ) : null}
        {create.error ? <InlineAlert message={create.error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('frameworks.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={!ready || create.pending}>
            {t('frameworks.createFramework')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
