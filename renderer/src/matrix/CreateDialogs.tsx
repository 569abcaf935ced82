import { useState, type FormEvent } from 'react';
import type { CaseDto, CaseRole, FrameworkDto, NormDto } from '../../../electron/contract/api';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import { useEdit } from '../workbench-context';
import { useT } from '../i18n/use-t';

/** A code shown as an example in the ISO field: a code, not a word to translate. */
const ISO_EXAMPLE = 'RUS';

export function AddCaseDialog({ focalName, onClose, onCreated }: { focalName: string | undefined; onClose: () => void; onCreated: (kase: CaseDto) => void }) {
  const t = useT();
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
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title={t('matrix.addCase')} description={t('matrix.addCaseDescription')}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <div className="inline-fields">
          <label className="field">
            <span className="field-label">{t('matrix.name')}</span>
            <input className="text-input" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('matrix.casePlaceholder')} autoComplete="off" />
          </label>
          <label className="field field-short">
            <span className="field-label">{t('matrix.isoCode')}</span>
            <input
              className="text-input"
              value={iso}
              onChange={(e) => setIso(e.target.value.toUpperCase())}
              placeholder={ISO_EXAMPLE}
              maxLength={3}
              autoComplete="off"
              aria-invalid={isoValid ? undefined : true}
            />
          </label>
        </div>
        {!isoValid ? <p className="field-error">{t('matrix.isoInvalid', { example: ISO_EXAMPLE })}</p> : null}
        <fieldset className="field role-field">
          <legend className="field-label">{t('matrix.role')}</legend>
          <label className="choice">
            <input type="radio" name="new-case-role" checked={role === 'comparison'} onChange={() => setRole('comparison')} />
            <span>{t('matrix.comparisonCase')}</span>
          </label>
          <label className="choice">
            <input type="radio" name="new-case-role" checked={role === 'focal'} onChange={() => setRole('focal')} />
            <span>{focalName ? t('matrix.focalCaseDemotes', { name: focalName }) : t('matrix.focalCase')}</span>
          </label>
        </fieldset>
        {create.error ? <InlineAlert message={create.error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('matrix.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={name.trim() === '' || !isoValid || create.pending}>
            {t('matrix.addCase')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function AddNormDialog({ frameworks, onClose, onCreated }: { frameworks: FrameworkDto[]; onClose: () => void; onCreated: (norm: NormDto) => void }) {
  const t = useT();
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
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title={t('matrix.addNorm')} description={t('matrix.addNormDescription')}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span className="field-label">{t('matrix.label')}</span>
          <input className="text-input" value={label} onChange={(e) => setLabel(e.target.value)} placeholder={t('matrix.labelPlaceholder')} autoComplete="off" />
        </label>
        <label className="field">
          <span className="field-label">{t('matrix.shortLabel')}</span>
          <input className="text-input" value={shortLabel} onChange={(e) => setShortLabel(e.target.value)} placeholder={t('matrix.shortLabelPlaceholder')} autoComplete="off" />
        </label>
        <label className="field">
          <span className="field-label">{t('matrix.framework')}</span>
          <select className="native-select" value={frameworkId} onChange={(e) => setFrameworkId(e.target.value)}>
            {frameworks.map((f) => (
              <option key={f.id} value={f.id}>
                {f.isDefault ? t('matrix.frameworkDefault', { name: f.name }) : f.name}
              </option>
            ))}
          </select>
        </label>
        {create.error ? <InlineAlert message={create.error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('matrix.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={label.trim() === '' || create.pending}>
            {t('matrix.addNorm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
