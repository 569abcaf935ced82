import { useState, type FormEvent } from 'react';
import type { CaseDto, CaseRole, FrameworkDto, NormDto } from '../../../electron/contract/api';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import { useEdit } from '../workbench-context';

export function AddCaseDialog({ focalName, onClose, onCreated }: { focalName: string | undefined; onClose: () => void; onCreated: (kase: CaseDto) => void }) {
  const create = useEdit('cases.create');
  const [name, setName] = useState('');
  const [iso, setIso] = useState('');
  const [role, setRole] = useState<CaseRole>(focalName ? 'comparison' : 'focal');
  const isoValid = iso.trim() === '' || /^[A-Z]{3}$/.test(iso.trim());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = await create.run({ name: name.trim(), isoCode: iso.trim() === '' ? null : iso.trim(), role });
    if (made) onCreated(made);
  };

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title="Add case" description="A unit you compare, usually a state.">
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <div className="inline-fields">
          <label className="field">
            <span className="field-label">Name</span>
            <input className="text-input" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Russia" autoComplete="off" />
          </label>
          <label className="field field-short">
            <span className="field-label">ISO code</span>
            <input
              className="text-input"
              value={iso}
              onChange={(e) => setIso(e.target.value.toUpperCase())}
              placeholder="RUS"
              maxLength={3}
              autoComplete="off"
              aria-invalid={isoValid ? undefined : true}
            />
          </label>
        </div>
        {!isoValid ? <p className="field-error">An ISO code is three capital letters, e.g. RUS.</p> : null}
        <fieldset className="field role-field">
          <legend className="field-label">Role</legend>
          <label className="choice">
            <input type="radio" name="new-case-role" checked={role === 'comparison'} onChange={() => setRole('comparison')} />
            <span>Comparison case</span>
          </label>
          <label className="choice">
            <input type="radio" name="new-case-role" checked={role === 'focal'} onChange={() => setRole('focal')} />
            <span>Focal case{focalName ? ` (${focalName} becomes a comparison case)` : ''}</span>
          </label>
        </fieldset>
        {create.error ? <InlineAlert message={create.error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={name.trim() === '' || !isoValid || create.pending}>
            Add case
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function AddNormDialog({ frameworks, onClose, onCreated }: { frameworks: FrameworkDto[]; onClose: () => void; onCreated: (norm: NormDto) => void }) {
  const create = useEdit('norms.create');
  const [label, setLabel] = useState('');
  const [shortLabel, setShortLabel] = useState('');
  const [frameworkId, setFrameworkId] = useState(frameworks.find((f) => f.isDefault)?.id ?? frameworks[0]?.id ?? '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = await create.run({ label: label.trim(), shortLabel: shortLabel.trim(), ...(frameworkId ? { frameworkId } : {}) });
    if (made) onCreated(made);
  };

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title="Add norm" description="What is diffused; the framework gives its matrix’s stages.">
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span className="field-label">Label</span>
          <input className="text-input" value={label} onChange={(e) => setLabel(e.target.value)} placeholder="e.g. Independent election administration" autoComplete="off" />
        </label>
        <label className="field">
          <span className="field-label">Short label</span>
          <input className="text-input" value={shortLabel} onChange={(e) => setShortLabel(e.target.value)} placeholder="e.g. Election administration" autoComplete="off" />
        </label>
        <label className="field">
          <span className="field-label">Framework</span>
          <select className="native-select" value={frameworkId} onChange={(e) => setFrameworkId(e.target.value)}>
            {frameworks.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
                {f.isDefault ? ' (default)' : ''}
              </option>
            ))}
          </select>
        </label>
        {create.error ? <InlineAlert message={create.error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={label.trim() === '' || create.pending}>
            Add norm
          </button>
        </div>
      </form>
    </Modal>
  );
}
