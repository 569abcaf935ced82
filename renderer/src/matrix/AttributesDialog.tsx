import { useCallback, useState, type FormEvent } from 'react';
import type { AttributeDto, AttributeType } from '../../../electron/contract/api';
import { api } from '../api';
import { AutoTextField, requireText } from '../ui/fields';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { useT } from '../i18n/use-t';
import { useEdit, useServices } from '../workbench-context';

const TYPES: { value: AttributeType; label: MessageId }[] = [
  { value: 'text', label: 'matrix.typeText' },
  { value: 'number', label: 'matrix.typeNumber' },
  { value: 'date', label: 'matrix.typeDate' },
  { value: 'boolean', label: 'matrix.typeBoolean' },
  { value: 'choice', label: 'matrix.typeChoice' },
];

/** Each type's name, as the case editor's attribute labels say it on hover. */
export const TYPE_NAMES: Record<AttributeType, MessageId> = Object.fromEntries(TYPES.map((type) => [type.value, type.label])) as Record<AttributeType, MessageId>;

function splitChoices(text: string): string[] {
  return text
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/** The typed attributes every case can have: add, rename, edit choices, remove. */
export function AttributesDialog({ attributes, onClose }: { attributes: AttributeDto[]; onClose: () => void }) {
  const t = useT();
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
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title={t('matrix.caseAttributes')} description={t('matrix.caseAttributesDescription')}>
      {attributes.length === 0 ? (
        <p className="muted">{t('matrix.noAttributes')}</p>
      ) : (
        <ul className="attribute-defs">
          {attributes.map((a) => (
            <li key={a.id} className="attribute-def">
              <AutoTextField
                label={t('matrix.attributeNameOf', { name: a.name })}
                showLabel={false}
                saveKey={`attribute:${a.id}:name`}
                value={a.name}
                send={(value) => api['attributes.update']({ id: a.id, name: value.trim() })}
                validate={requireText(t('matrix.theName'))}
                onSaved={refresh}
              />
              <span className="attribute-type muted">{t(TYPES.find((type) => type.value === a.type)?.label ?? 'matrix.typeText')}</span>
              {a.type === 'choice' ? (
                <AutoTextField
                  label={t('matrix.attributeChoicesOf', { name: a.name })}
                  showLabel={false}
                  saveKey={`attribute:${a.id}:choices`}
                  value={a.choices.join(', ')}
                  send={(value) => api['attributes.update']({ id: a.id, choices: splitChoices(value) })}
                  validate={(value) => (splitChoices(value).length === 0 ? t('matrix.atLeastOneChoice') : null)}
                  onSaved={refresh}
                />
              ) : (
                <span />
              )}
              <button type="button" className="button button-small" aria-label={t('matrix.removeAttribute', { name: a.name })} onClick={() => void remove.run({ id: a.id })}>
                {t('matrix.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <form className="dialog-form attribute-new" onSubmit={(e) => void add(e)}>
        <p className="section-heading">{t('matrix.newAttribute')}</p>
        <div className="inline-fields">
          <label className="field">
            <span className="field-label">{t('matrix.name')}</span>
            <input className="text-input" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('matrix.attributePlaceholder')} autoComplete="off" />
          </label>
          <label className="field">
            <span className="field-label">{t('matrix.type')}</span>
            <select className="native-select" value={type} onChange={(e) => setType(e.target.value as AttributeType)}>
              {TYPES.map((type) => (
                <option key={type.value} value={type.value}>
                  {t(type.label)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {type === 'choice' ? (
          <label className="field">
            <span className="field-label">{t('matrix.choicesLabel')}</span>
            <input className="text-input" value={choices} onChange={(e) => setChoices(e.target.value)} placeholder={t('matrix.choicesPlaceholder')} autoComplete="off" />
          </label>
        ) : null}
        {error ? <InlineAlert message={error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('matrix.done')}
          </button>
          <button type="submit" className="button button-primary" disabled={name.trim() === '' || (type === 'choice' && splitChoices(choices).length === 0) || create.pending}>
            {t('matrix.addAttribute')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
