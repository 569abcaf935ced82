import { useId, useState } from 'react';
import type { FrameworkDto, NormDto, OrphanCellDto, StageDto } from '../../../electron/contract/api';
import { ArrowIcon } from '../ui/icons';
import { InlineAlert } from '../ui/InlineAlert';
import { statusOf } from './matrix-model';
import { Modal } from '../ui/Modal';
import { StatusSwatch } from './StatusSwatch';
import { useEdit } from '../workbench-context';

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
  const cells = `${n} filled cell${n === 1 ? '' : 's'}`;
  const pending = setFramework.pending || removeStage.pending;
  const error = setFramework.error ?? removeStage.error;

  const title = request.kind === 'framework' ? `Change the framework of “${request.norm.shortLabel || request.norm.label}”` : `Remove the stage “${request.stage.label}”`;
  const description =
    request.kind === 'framework'
      ? `${cells} of this norm sit on stages of “${request.from.name}”, which “${request.to.name}” does not have. Choose what happens to them.`
      : `${cells} sit on this stage. Choose what happens to them before it is removed.`;

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

  const verb = request.kind === 'framework' ? 'change the framework' : 'remove the stage';
  const applyLabel =
    action === 'move' ? `Move the cells and ${verb}` : action === 'archive' ? `Archive the cells and ${verb}` : action === 'delete' ? `Delete ${cells} and ${verb}` : 'Choose what to do';

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title={title} description={description} wide testId="orphan-dialog">
      <div className="orphan-table-wrap">
        <table className="orphan-table" aria-label="Cells affected">
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Norm</th>
              <th scope="col">Stage</th>
              <th scope="col">Status</th>
              <th scope="col">Summary</th>
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
                  <td className="muted">{preview(o.summary) || '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <fieldset className="orphan-choices">
        <legend className="section-heading">What happens to these cells</legend>
        <label className="choice">
          <input type="radio" name={name} value="move" checked={action === 'move'} onChange={() => setAction('move')} disabled={targets.length === 0} />
          <span>
            <strong>Move them</strong> to {request.kind === 'framework' ? `stages of “${request.to.name}”` : 'another stage'}
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
                  aria-label={`New stage for the cells now under “${s.label}”`}
                  value={stageMap[s.id] ?? ''}
                  onChange={(e) => setStageMap({ ...stageMap, [s.id]: e.target.value })}
                >
                  {targets.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.position}. {t.label}
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
            <strong>Keep them archived</strong>: they leave the matrix but stay in the project file (Undo brings them back)
          </span>
        </label>
        <label className="choice">
          <input type="radio" name={name} value="delete" checked={action === 'delete'} onChange={() => setAction('delete')} />
          <span>
            <strong>Delete them</strong>: their status, summary and memo are gone (Undo, in this session, brings them back)
          </span>
        </label>
      </fieldset>

      {error ? <InlineAlert message={error.message} /> : null}

      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className={`button ${action === 'delete' ? 'button-danger' : 'button-primary'}`} disabled={!action || pending} onClick={() => void apply()}>
          {applyLabel}
        </button>
      </div>
    </Modal>
  );
}
