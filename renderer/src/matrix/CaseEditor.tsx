import * as ToggleGroup from '@radix-ui/react-toggle-group';
import { useCallback, useId, useState } from 'react';
import type { AttributeDto, AttributeValue, CaseDto, CaseRole } from '../../../electron/contract/api';
import { api } from '../api';
import { AttributesDialog, TYPE_NAMES } from './AttributesDialog';
import { Memos } from '../evidence/ui';
import { AutoTextArea, AutoTextField, requireText, useAutoSave } from '../ui/fields';
import { FocalMarker } from './FocalMarker';
import { InlineAlert } from '../ui/InlineAlert';
import { useEdit, useProject, useServices } from '../workbench-context';
import { useT } from '../i18n/use-t';
import { EM_DASH } from '../ui/marks';

interface CaseEditorProps {
  kase: CaseDto;
  attributes: AttributeDto[];
  /** The previous focal case, named when this one is made focal. */
  focalName: string | undefined;
}

/** A code shown as an example in the ISO field: a code, not a word to translate. */
const ISO_EXAMPLE = 'KAZ';

const isoValid = (value: string) => value.trim() === '' || /^[A-Z]{3}$/.test(value.trim());

/** A case: its name, code, role, notes and typed attributes; archive or restore it. */
export function CaseEditor({ kase, attributes, focalName }: CaseEditorProps) {
  const t = useT();
  const { store } = useServices();
  const { cells } = useProject();
  const archive = useEdit('cases.archive');
  const [attributesOpen, setAttributesOpen] = useState(false);
  const roleName = useId();
  const refresh = useCallback(() => store.refresh(['overview', 'history']), [store]);
  const assessed = cells ? [...cells.values()].filter((c) => c.caseId === kase.id).length : undefined;
  const error = archive.error;
  // Saved at once and shown at once; making one case focal demotes the other, so the whole overview reloads.
  const role = useAutoSave<CaseRole>({
    saveKey: `case:${kase.id}:role`,
    value: kase.role,
    send: (next) => api['cases.update']({ id: kase.id, role: next }),
    onSaved: refresh,
  });
  const setRole = (next: CaseRole) => role.set(next, { immediate: true });

  return (
    <section className="details case-editor" data-testid="case-editor" aria-labelledby="case-editor-title">
      <p className="eyebrow">{kase.archived ? t('matrix.caseArchived') : t('matrix.case')}</p>
      <h2 id="case-editor-title" className="details-title">
        {kase.name} {kase.role === 'focal' ? <FocalMarker /> : null}
      </h2>

      <div className="form-stack">
        <AutoTextField
          label={t('matrix.name')}
          saveKey={`case:${kase.id}:name`}
          value={kase.name}
          send={(name) => api['cases.update']({ id: kase.id, name: name.trim() })}
          validate={requireText(t('matrix.theName'))}
          onSaved={refresh}
        />
        <AutoTextField
          label={t('matrix.isoCode')}
          className="field-short"
          saveKey={`case:${kase.id}:iso`}
          value={kase.isoCode ?? ''}
          send={(code) => api['cases.update']({ id: kase.id, isoCode: code.trim() === '' ? null : code.trim() })}
          validate={(value) => (isoValid(value) ? null : t('matrix.caseIsoInvalid', { example: ISO_EXAMPLE }))}
          onSaved={refresh}
          placeholder={t('matrix.isoPlaceholder', { example: ISO_EXAMPLE })}
        />
        <fieldset className="field role-field">
          <legend className="field-label">{t('matrix.role')}</legend>
          <label className="choice">
            <input type="radio" name={roleName} checked={role.shown === 'focal'} onChange={() => setRole('focal')} disabled={kase.archived} />
            <span>{t('matrix.focalCase')}</span>
          </label>
          <label className="choice">
            <input type="radio" name={roleName} checked={role.shown === 'comparison'} onChange={() => setRole('comparison')} disabled={kase.archived} />
            <span>{t('matrix.comparisonCase')}</span>
          </label>
          <p className="field-hint">
            {kase.role === 'focal'
              ? t('matrix.focalHint')
              : focalName
                ? t('matrix.focalSwapHint', { name: kase.name, focal: focalName })
                : t('matrix.focalNoneHint')}
          </p>
        </fieldset>
        <AutoTextArea
          label={t('matrix.notes')}
          saveKey={`case:${kase.id}:notes`}
          value={kase.notes}
          send={(notes) => api['cases.update']({ id: kase.id, notes })}
          onSaved={refresh}
          rows={4}
        />
      </div>

      <section className="details-section" aria-labelledby="case-attributes-title">
        <div className="section-head">
          <h3 id="case-attributes-title" className="section-heading">
            {t('matrix.attributes')}
          </h3>
          <button type="button" className="button button-small" onClick={() => setAttributesOpen(true)}>
            {t('matrix.defineAttributes')}
          </button>
        </div>
        {attributes.length === 0 ? (
          <p className="muted">{t('matrix.noAttributesDefined')}</p>
        ) : (
          <div className="form-grid attribute-grid">
            {attributes.map((attribute) => (
              <AttributeInput key={attribute.id} kase={kase} attribute={attribute} onSaved={refresh} />
            ))}
          </div>
        )}
      </section>

      <Memos targetType="case" targetId={kase.id} where={t('matrix.caseWhere', { name: kase.name })} />

      <section className="details-section">
        <p className="muted">{assessed === undefined ? '' : t('matrix.assessedCells', { count: assessed })}</p>
        {error ? <InlineAlert message={error.message} /> : null}
        <button type="button" className="button button-small details-action" disabled={archive.pending} onClick={() => void archive.run({ id: kase.id, archived: !kase.archived })}>
          {kase.archived ? t('matrix.restoreCase') : t('matrix.archiveCase')}
        </button>
        {!kase.archived ? <p className="field-hint">{t('matrix.archiveCaseHint')}</p> : null}
      </section>

      {attributesOpen ? <AttributesDialog attributes={attributes} onClose={() => setAttributesOpen(false)} /> : null}
    </section>
  );
}

function AttributeInput({ kase, attribute, onSaved }: { kase: CaseDto; attribute: AttributeDto; onSaved: () => Promise<void> }) {
  const t = useT();
  const id = useId();
  const stored = kase.attributes[attribute.id];
  const send = (value: AttributeValue | null) => api['cases.setAttribute']({ caseId: kase.id, attributeId: attribute.id, value });
  const text = useAutoSave<string>({
    saveKey: `case:${kase.id}:attr:${attribute.id}`,
    value: stored === undefined ? '' : String(stored),
    send: (value) => {
      const trimmed = value.trim();
      if (trimmed === '') return send(null);
      if (attribute.type === 'number') return send(Number(trimmed));
      if (attribute.type === 'boolean') return send(trimmed === 'true');
      return send(attribute.type === 'text' ? value : trimmed);
    },
    validate: (value) => (attribute.type === 'number' && value.trim() !== '' && !Number.isFinite(Number(value.trim())) ? t('matrix.takesNumber', { name: attribute.name }) : null),
    onSaved,
  });

  let input;
  switch (attribute.type) {
    case 'boolean':
      input = (
        <ToggleGroup.Root
          type="single"
          className="segmented"
          aria-labelledby={id}
          value={text.shown}
          onValueChange={(value) => text.set(value, { immediate: true })}
        >
          <ToggleGroup.Item value="true" className="segment">
            {t('matrix.yes')}
          </ToggleGroup.Item>
          <ToggleGroup.Item value="false" className="segment">
            {t('matrix.no')}
          </ToggleGroup.Item>
        </ToggleGroup.Root>
      );
      break;
    case 'choice':
      input = (
        <select className="native-select" aria-labelledby={id} value={text.shown} onChange={(e) => text.set(e.target.value, { immediate: true })}>
          <option value="">{EM_DASH}</option>
          {attribute.choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      );
      break;
    case 'date':
      input = (
        <input className="text-input" type="date" aria-labelledby={id} value={text.shown} onChange={(e) => text.set(e.target.value, { immediate: true })} />
      );
      break;
    default:
      input = (
        <input
          className="text-input"
          type="text"
          inputMode={attribute.type === 'number' ? 'decimal' : undefined}
          aria-labelledby={id}
          aria-invalid={text.error ? true : undefined}
          value={text.shown}
          onChange={(e) => text.set(e.target.value)}
          onBlur={text.flush}
        />
      );
  }
  return (
    <>
      <span className="form-label" id={id} title={t('matrix.attributeTypeTitle', { name: attribute.name, type: t(TYPE_NAMES[attribute.type]) })}>
        {attribute.name}
      </span>
      <div>
        {input}
        {text.error ? <p className="field-error">{text.error}</p> : null}
      </div>
    </>
  );
}
