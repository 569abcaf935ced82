import { useCallback, useId, useState } from 'react';
import type { FrameworkDto, NormDto } from '../../../electron/contract/api';
import { api, toApiError } from '../api';
import { Memos } from '../evidence/ui';
import { AutoTextArea, AutoTextField, requireText } from '../ui/fields';
import { InlineAlert } from '../ui/InlineAlert';
import { orderStages } from './matrix-model';
import { OrphanDialog, type OrphanRequest } from './OrphanDialog';
import { apiCall, useEdit, useServices } from '../workbench-context';
import { useT } from '../i18n/use-t';

interface NormEditorProps {
  norm: NormDto;
  frameworks: FrameworkDto[];
}

/** A norm: what is diffused, by whom, from which instrument; its framework (orphan-safe) and per-stage notes. */
export function NormEditor({ norm, frameworks }: NormEditorProps) {
  const t = useT();
  const { store } = useServices();
  const archive = useEdit('norms.archive');
  const setFramework = useEdit('norms.setFramework');
  const [orphans, setOrphans] = useState<OrphanRequest | null>(null);
  const [impactError, setImpactError] = useState<string | null>(null);
  const frameworkId = useId();
  const refresh = useCallback(() => store.refresh(['overview', 'history']), [store]);
  const framework = frameworks.find((f) => f.id === norm.frameworkId);
  const field = (key: keyof Pick<NormDto, 'shortLabel' | 'instrument' | 'paragraph' | 'diffusingAgent'>) => ({
    saveKey: `norm:${norm.id}:${key}`,
    value: norm[key],
    send: (value: string) => api['norms.update']({ id: norm.id, [key]: value.trim() }),
    onSaved: refresh,
  });

  const chooseFramework = async (targetId: string) => {
    const target = frameworks.find((f) => f.id === targetId);
    if (!target || !framework || target.id === norm.frameworkId) return;
    setImpactError(null);
    try {
      const affected = await apiCall('norms.frameworkImpact', { id: norm.id, frameworkId: target.id });
      if (affected.length === 0) await setFramework.run({ id: norm.id, frameworkId: target.id });
      else setOrphans({ kind: 'framework', norm, from: framework, to: target, orphans: affected });
    } catch (error) {
      setImpactError(toApiError(error).message);
    }
  };

  const error = impactError ?? setFramework.error?.message ?? archive.error?.message;

  return (
    <section className="details norm-editor" data-testid="norm-editor" aria-labelledby="norm-editor-title">
      <p className="eyebrow">{norm.archived ? t('matrix.normArchived') : t('matrix.eyebrowNorm')}</p>
      <h2 id="norm-editor-title" className="details-title">
        {norm.label}
      </h2>

      <div className="form-stack">
        <AutoTextField
          label={t('matrix.label')}
          saveKey={`norm:${norm.id}:label`}
          value={norm.label}
          send={(value) => api['norms.update']({ id: norm.id, label: value.trim() })}
          validate={requireText(t('matrix.theLabel'))}
          onSaved={refresh}
        />
        <AutoTextField label={t('matrix.shortLabel')} {...field('shortLabel')} placeholder={t('matrix.shortLabelNormPlaceholder')} />
        <div className="inline-fields">
          <AutoTextField label={t('matrix.instrument')} {...field('instrument')} placeholder={t('matrix.instrumentPlaceholder')} />
          <AutoTextField label={t('matrix.paragraph')} className="field-short" {...field('paragraph')} placeholder={t('matrix.paragraphPlaceholder')} />
        </div>
        <AutoTextField label={t('matrix.diffusingAgent')} {...field('diffusingAgent')} placeholder={t('matrix.diffusingAgentPlaceholder')} />
        <AutoTextArea
          label={t('matrix.description')}
          saveKey={`norm:${norm.id}:description`}
          value={norm.description}
          send={(value) => api['norms.update']({ id: norm.id, description: value })}
          onSaved={refresh}
          rows={3}
        />
        <div className="field">
          <label className="field-label" htmlFor={frameworkId}>
            {t('matrix.frameworkStages')}
          </label>
          <select
            id={frameworkId}
            className="native-select"
            value={norm.frameworkId}
            disabled={setFramework.pending || norm.archived}
            onChange={(e) => void chooseFramework(e.target.value)}
          >
            {frameworks.map((f) => (
              <option key={f.id} value={f.id}>
                {t('matrix.frameworkOption', { name: f.name, count: f.stages.length })}
              </option>
            ))}
          </select>
          <p className="field-hint">{t('matrix.frameworkHint')}</p>
        </div>
      </div>

      {error ? <InlineAlert message={error} /> : null}

      {framework && framework.stages.length > 0 ? (
        <section className="details-section">
          <h3 className="section-heading">{t('matrix.stagesForNorm')}</h3>
          <div className="form-stack">
            {orderStages(framework.stages).map((stage) => (
              <AutoTextArea
                key={stage.id}
                label={t('matrix.stageNoteLabel', { position: stage.position, label: stage.label })}
                saveKey={`norm:${norm.id}:note:${stage.id}`}
                value={norm.stageNotes[stage.id] ?? ''}
                send={(value) => api['norms.update']({ id: norm.id, stageNotes: { [stage.id]: value } })}
                onSaved={refresh}
                rows={2}
                placeholder={stage.description}
              />
            ))}
          </div>
        </section>
      ) : null}

      <Memos targetType="norm" targetId={norm.id} where={t('matrix.normWhere', { name: norm.shortLabel || norm.label })} />

      <section className="details-section">
        <button type="button" className="button button-small details-action" disabled={archive.pending} onClick={() => void archive.run({ id: norm.id, archived: !norm.archived })}>
          {norm.archived ? t('matrix.restoreNorm') : t('matrix.archiveNorm')}
        </button>
        {!norm.archived ? <p className="field-hint">{t('matrix.archiveNormHint')}</p> : null}
      </section>

      {orphans ? <OrphanDialog request={orphans} onClose={() => setOrphans(null)} /> : null}
    </section>
  );
}
