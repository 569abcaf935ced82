import * as ToggleGroup from '@radix-ui/react-toggle-group';
import { useCallback, useId, useState } from 'react';
import type { AttributeDto, AttributeValue, CaseDto, CaseRole } from '../../../electron/contract/api';
import { api } from '../api';
import { AttributesDialog } from './AttributesDialog';
import { Memos } from '../evidence/ui';
import { AutoTextArea, AutoTextField, requireText, useAutoSave } from '../ui/fields';
import { FocalMarker } from './FocalMarker';
import { InlineAlert } from '../ui/InlineAlert';
import { useEdit, useProject, useServices } from '../workbench-context';

interface CaseEditorProps {
  kase: CaseDto;
  attributes: AttributeDto[];
  /** The previous focal case, named when this one is made focal. */
  focalName: string | undefined;
}

const validateIso = (value: string) => (value.trim() === '' || /^[A-Z]{3}$/.test(value.trim()) ? null : 'An ISO code is three capital letters, e.g. KAZ.');

/** A case: its name, code, role, notes and typed attributes; archive or restore it. */
export function CaseEditor({ kase, attributes, focalName }: CaseEditorProps) {
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
      <p className="eyebrow">{kase.archived ? 'Case (archived)' : 'Case'}</p>
      <h2 id="case-editor-title" className="details-title">
        {kase.name} {kase.role === 'focal' ? <FocalMarker /> : null}
      </h2>

      <div className="form-stack">
        <AutoTextField
          label="Name"
          saveKey={`case:${kase.id}:name`}
          value={kase.name}
          send={(name) => api['cases.update']({ id: kase.id, name: name.trim() })}
          validate={requireText('The name')}
          onSaved={refresh}
        />
        <AutoTextField
          label="ISO code"
          className="field-short"
          saveKey={`case:${kase.id}:iso`}
          value={kase.isoCode ?? ''}
          send={(code) => api['cases.update']({ id: kase.id, isoCode: code.trim() === '' ? null : code.trim() })}
          validate={validateIso}
          onSaved={refresh}
          placeholder="e.g. KAZ"
        />
        <fieldset className="field role-field">
          <legend className="field-label">Role</legend>
          <label className="choice">
            <input type="radio" name={roleName} checked={role.shown === 'focal'} onChange={() => setRole('focal')} disabled={kase.archived} />
            <span>Focal case</span>
          </label>
          <label className="choice">
            <input type="radio" name={roleName} checked={role.shown === 'comparison'} onChange={() => setRole('comparison')} disabled={kase.archived} />
            <span>Comparison case</span>
          </label>
          <p className="field-hint">
            {kase.role === 'focal'
              ? 'The matrix pins the focal case first and compares the others with it.'
              : focalName
                ? `One focal case: making ${kase.name} focal makes ${focalName} a comparison case.`
                : 'The focal case is pinned first and the others are compared with it.'}
          </p>
        </fieldset>
        <AutoTextArea
          label="Notes"
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
            Attributes
          </h3>
          <button type="button" className="button button-small" onClick={() => setAttributesOpen(true)}>
            Define attributes…
          </button>
        </div>
        {attributes.length === 0 ? (
          <p className="muted">None defined yet — e.g. OSCE participation since (date), SCO status (choice), regime type (text).</p>
        ) : (
          <div className="form-grid attribute-grid">
            {attributes.map((attribute) => (
              <AttributeInput key={attribute.id} kase={kase} attribute={attribute} onSaved={refresh} />
            ))}
          </div>
        )}
      </section>

      <Memos targetType="case" targetId={kase.id} where={`Case ${kase.name}`} />

      <section className="details-section">
        <p className="muted">{assessed === undefined ? '' : `${assessed} assessed cell${assessed === 1 ? '' : 's'} across all norms.`}</p>
        {error ? <InlineAlert message={error.message} /> : null}
        <button type="button" className="button button-small details-action" disabled={archive.pending} onClick={() => void archive.run({ id: kase.id, archived: !kase.archived })}>
          {kase.archived ? 'Restore case' : 'Archive case'}
        </button>
        {!kase.archived ? <p className="field-hint">Archiving hides the case from the matrix; its cells are kept and come back with it.</p> : null}
      </section>

      {attributesOpen ? <AttributesDialog attributes={attributes} onClose={() => setAttributesOpen(false)} /> : null}
    </section>
  );
}

function AttributeInput({ kase, attribute, onSaved }: { kase: CaseDto; attribute: AttributeDto; onSaved: () => Promise<void> }) {
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
    validate: (value) => (attribute.type === 'number' && value.trim() !== '' && !Number.isFinite(Number(value.trim())) ? `${attribute.name} takes a number.` : null),
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
            Yes
          </ToggleGroup.Item>
          <ToggleGroup.Item value="false" className="segment">
            No
          </ToggleGroup.Item>
        </ToggleGroup.Root>
      );
      break;
    case 'choice':
      input = (
        <select className="native-select" aria-labelledby={id} value={text.shown} onChange={(e) => text.set(e.target.value, { immediate: true })}>
          <option value="">—</option>
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
      <span className="form-label" id={id} title={`${attribute.name} (${attribute.type === 'boolean' ? 'yes/no' : attribute.type})`}>
        {attribute.name}
      </span>
      <div>
        {input}
        {text.error ? <p className="field-error">{text.error}</p> : null}
      </div>
    </>
  );
}
