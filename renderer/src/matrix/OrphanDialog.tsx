import { useId, useState } from 'react';
import type { FrameworkDto, NormDto, OrphanCellDto, StageDto } from '../../../electron/contract/api';
import { ArrowIcon } from '../ui/icons';
import { InlineAlert } from '../ui/InlineAlert';
import { statusOf } from './matrix-model';
import { Modal } from '../ui/Modal';
import { StatusSwatch } from './StatusSwatch';
import { useEdit } from '../workbench-context';
import { Msg } from '../i18n/Msg';
import { useT } from '../i18n/use-t';
import { EM_DASH } from '../ui/marks';

/** A structural change that would leave filled cells without a place in the matrix. */
export type OrphanRequest =
  | { kind: 'framework'; norm: NormDto; from: FrameworkDto; to: FrameworkDto; orphans: OrphanCellDto[] }
  | { kind: 'stage'; framework: FrameworkDto; stage: StageDto; orphans: OrphanCellDto[] };

interface OrphanDialogProps {
  request: OrphanRequest;
  onClose: () => void;
}

type Action = 'move' | 'archive' | 'delete';

function preview(text: string): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  return plain.length > 110 ? `${plain.slice(0, 109)}…` : plain;
}

/** The stage of the target framework a cell most likely belongs to: same name, else same place. */
function guessTarget(from: { label: string; index: number }, targets: StageDto[]): string {
  const byName = targets.find((t) => t.label.trim().toLocaleLowerCase() === from.label.trim().toLocaleLowerCase());
  return (byName ?? targets[Math.min(from.index, targets.length - 1)])?.id ?? '';
}

/**
 * Lists the cells a change would orphan and makes the researcher choose what happens to them: move them to other
 * stages, keep them archived (out of the matrix, still in the file), or delete them. Cancel changes nothing.
 */
export function OrphanDialog({ request, onClose }: OrphanDialogProps) {
  const t = useT();
  const name = useId();
  const setFramework = useEdit('norms.setFramework');
  const removeStage = useEdit('stages.remove');
  const [action, setAction] = useState<Action | null>(null);
  const framework = request.kind === 'framework' ? request.from : request.framework;
  const targets = request.kind === 'framework' ? request.to.stages : request.framework.stages.filter((s) => s.id !== request.stage.id);
  const fromStages = [...new Map(request.orphans.map((o) => [o.stageId, o.stageLabel])).entries()].map(([id, label]) => ({
    id,
    label,
    index: framework.stages.findIndex((s) => s.id === id),
  }));
  const [stageMap, setStageMap] = useState<Record<string, string>>(() =>
    Object.fromEntries(fromStages.map((s) => [s.id, guessTarget({ label: s.label, index: Math.max(0, s.index) }, targets)])),
  );
  const n = request.orphans.length;
  const cells = t('matrix.filledCells', { count: n });
  const pending = setFramework.pending || removeStage.pending;
  const error = setFramework.error ?? removeStage.error;

  const title =
    request.kind === 'framework'
      ? t('matrix.orphanFrameworkTitle', { name: request.norm.shortLabel || request.norm.label })
      : t('matrix.orphanStageTitle', { name: request.stage.label });
  const description =
    request.kind === 'framework'
      ? t('matrix.orphanFrameworkDescription', { cells, from: request.from.name, to: request.to.name })
      : t('matrix.orphanStageDescription', { cells });

  const apply = async () => {
    if (!action) return;
    let done: unknown;
    if (request.kind === 'framework') {
      const orphans = action === 'move' ? { action, stageMap } : { action };
      done = await setFramework.run({ id: request.norm.id, frameworkId: request.to.id, orphans });
    } else {
      const orphans = action === 'move' ? { action, toStageId: stageMap[request.stage.id] ?? '' } : { action };
      done = await removeStage.run({ id: request.stage.id, orphans });
    }
    if (done !== undefined) onClose();
  };

  const onFramework = request.kind === 'framework';
  const applyLabel =
    action === 'move'
      ? t(onFramework ? 'matrix.moveAndChangeFramework' : 'matrix.moveAndRemoveStage')
      : action === 'archive'
        ? t(onFramework ? 'matrix.archiveAndChangeFramework' : 'matrix.archiveAndRemoveStage')
        : action === 'delete'
          ? t(onFramework ? 'matrix.deleteAndChangeFramework' : 'matrix.deleteAndRemoveStage', { cells })
          : t('matrix.chooseWhatToDo');

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title={title} description={description} wide testId="orphan-dialog">
      <div className="orphan-table-wrap">
        <table className="orphan-table" aria-label={t('matrix.cellsAffected')}>
          <thead>
            <tr>
              <th scope="col">{t('matrix.case')}</th>
              <th scope="col">{t('matrix.eyebrowNorm')}</th>
              <th scope="col">{t('matrix.stage')}</th>
              <th scope="col">{t('matrix.status')}</th>
              <th scope="col">{t('matrix.summary')}</th>
            </tr>
          </thead>
          <tbody>
            {request.orphans.map((o) => {
              const status = statusOf(o.status, framework);
              return (
                <tr key={o.cellId}>
                  <td>{o.caseName}</td>
                  <td>{o.normLabel}</td>
                  <td>{o.stageLabel}</td>
                  <td className="nowrap">
                    <StatusSwatch palette={status.palette} /> {status.label}
                  </td>
                  <td className="muted">{preview(o.summary) || EM_DASH}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <fieldset className="orphan-choices">
        <legend className="section-heading">{t('matrix.whatHappens')}</legend>
        <label className="choice">
          <input type="radio" name={name} value="move" checked={action === 'move'} onChange={() => setAction('move')} disabled={targets.length === 0} />
          <span>
            {request.kind === 'framework' ? <Msg id="matrix.moveToFrameworkStages" values={{ name: request.to.name }} /> : <Msg id="matrix.moveToAnotherStage" />}
          </span>
        </label>
        {action === 'move' ? (
          <div className="stage-map">
            {(request.kind === 'framework' ? fromStages : [{ id: request.stage.id, label: request.stage.label, index: 0 }]).map((s) => (
              <label key={s.id} className="stage-map-row">
                <span className="stage-map-from">{s.label}</span>
                <ArrowIcon />
                <select
                  className="native-select"
                  aria-label={t('matrix.newStageFor', { name: s.label })}
                  value={stageMap[s.id] ?? ''}
                  onChange={(e) => setStageMap({ ...stageMap, [s.id]: e.target.value })}
                >
                  {targets.map((target) => (
                    <option key={target.id} value={target.id}>
                      {t('matrix.stageOption', { position: target.position, label: target.label })}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        ) : null}
        <label className="choice">
          <input type="radio" name={name} value="archive" checked={action === 'archive'} onChange={() => setAction('archive')} />
          <span>
            <Msg id="matrix.keepArchived" />
          </span>
        </label>
        <label className="choice">
          <input type="radio" name={name} value="delete" checked={action === 'delete'} onChange={() => setAction('delete')} />
          <span>
            <Msg id="matrix.deleteThem" />
          </span>
        </label>
      </fieldset>

      {error ? <InlineAlert message={error.message} /> : null}

      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('matrix.cancel')}
        </button>
        <button type="button" className={`button ${action === 'delete' ? 'button-danger' : 'button-primary'}`} disabled={!action || pending} onClick={() => void apply()}>
          {applyLabel}
        </button>
      </div>
    </Modal>
  );
}
