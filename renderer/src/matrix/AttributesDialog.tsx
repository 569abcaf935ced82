import { useCallback, useState, type FormEvent } from 'react';
import type { AttributeDto, AttributeType } from '../../../electron/contract/api';
import { api } from '../api';
import { AutoTextField, requireText } from '../ui/fields';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import { useEdit, useServices } from '../workbench-context';

const TYPES: { value: AttributeType; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'number', label: 'Number' },
  { value: 'date', label: 'Date' },
  { value: 'boolean', label: 'Yes / no' },
  { value: 'choice', label: 'Choice' },
];

function splitChoices(text: string): string[] {
  return text
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/** The typed attributes every case can have: add, rename, edit choices, remove. */
export function AttributesDialog({ attributes, onClose }: { attributes: AttributeDto[]; onClose: () => void }) {
  const { store } = useServices();
  const create = useEdit('attributes.create');
  const remove = useEdit('attributes.remove');
  const [name, setName] = useState('');
  const [type, setType] = useState<AttributeType>('text');
  const [choices, setChoices] = useState('');
  const refresh = useCallback(() => store.refresh(['overview', 'history']), [store]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const made = await create.run({ name: name.trim(), type, ...(type === 'choice' ? { choices: splitChoices(choices) } : {}) });
    if (made) {
      setName('');
      setChoices('');
    }
  };

  const error = create.error ?? remove.error;

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title="Case attributes" description="Typed facts every case can carry. Values are set on each case.">
      {attributes.length === 0 ? (
        <p className="muted">No attributes yet.</p>
      ) : (
        <ul className="attribute-defs">
          {attributes.map((a) => (
            <li key={a.id} className="attribute-def">
              <AutoTextField
                label={`Name of attribute ${a.name}`}
                showLabel={false}
                saveKey={`attribute:${a.id}:name`}
                value={a.name}
                send={(value) => api['attributes.update']({ id: a.id, name: value.trim() })}
                validate={requireText('The name')}
                onSaved={refresh}
              />
              <span className="attribute-type muted">{TYPES.find((t) => t.value === a.type)?.label}</span>
              {a.type === 'choice' ? (
                <AutoTextField
                  label={`Choices of ${a.name}, separated by commas`}
                  showLabel={false}
                  saveKey={`attribute:${a.id}:choices`}
                  value={a.choices.join(', ')}
                  send={(value) => api['attributes.update']({ id: a.id, choices: splitChoices(value) })}
                  validate={(value) => (splitChoices(value).length === 0 ? 'Give at least one choice.' : null)}
                  onSaved={refresh}
                />
              ) : (
                <span />
              )}
              <button type="button" className="button button-small" aria-label={`Remove attribute ${a.name}`} onClick={() => void remove.run({ id: a.id })}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}

      <form className="dialog-form attribute-new" onSubmit={(e) => void add(e)}>
        <p className="section-heading">New attribute</p>
        <div className="inline-fields">
          <label className="field">
            <span className="field-label">Name</span>
            <input className="text-input" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. SCO status" autoComplete="off" />
          </label>
          <label className="field">
            <span className="field-label">Type</span>
            <select className="native-select" value={type} onChange={(e) => setType(e.target.value as AttributeType)}>
              {TYPES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        {type === 'choice' ? (
          <label className="field">
            <span className="field-label">Choices, separated by commas</span>
            <input className="text-input" value={choices} onChange={(e) => setChoices(e.target.value)} placeholder="member, observer, dialogue partner" autoComplete="off" />
          </label>
        ) : null}
        {error ? <InlineAlert message={error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Done
          </button>
          <button type="submit" className="button button-primary" disabled={name.trim() === '' || (type === 'choice' && splitChoices(choices).length === 0) || create.pending}>
            Add attribute
          </button>
        </div>
      </form>
    </Modal>
  );
}
