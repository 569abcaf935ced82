/** The right pane on the indicators page: the selected value (label, verification, note, source), else the indicator. */
import { useState } from 'react';
import type { CaseDto, IndicatorDto, Verification } from '../../../electron/contract/api';
import { ApiError } from '../../../electron/contract/errors';
import { AutoTextArea, AutoTextField, requireText } from '../ui/fields';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import { sourceLine, useCitations } from './lookups';
import { AutoSelect, VERIFICATION_OPTIONS, VerificationTag } from './RecordBits';
import { useRecordEdit, useRecordSender, useRecordStore, useRecordUi } from './record-store';
import { useValueSave, validateValue } from './IndicatorsView';

export function IndicatorDetails({ indicator, cases }: { indicator: IndicatorDto; cases: CaseDto[] }) {
  const [ui] = useRecordUi();
  const cell = ui.indicatorCell;
  const kase = cell ? cases.find((c) => c.id === cell.caseId) : undefined;
  if (cell && kase) return <ValueEditor key={`${indicator.id}|${cell.caseId}|${cell.year}`} indicator={indicator} kase={kase} year={cell.year} />;
  return <IndicatorEditor key={indicator.id} indicator={indicator} />;
}

function ValueEditor({ indicator, kase, year }: { indicator: IndicatorDto; kase: CaseDto; year: number }) {
  const [, setUi] = useRecordUi();
  const save = useValueSave(indicator.id, kase.id, year);
  const { sourceById } = useCitations();
  const value = indicator.values.find((v) => v.caseId === kase.id && v.year === year);
  const where = `${indicator.name} · ${kase.name} ${year}`;
  const base = `indicator:${indicator.id}:${kase.id}:${year}`;
  const sources = [...sourceById.values()].sort((a, b) => a.title.localeCompare(b.title));

  return (
    <section className="details rec-details" aria-labelledby="value-details-title" data-testid="value-details">
      <p className="eyebrow">Indicator value</p>
      <h2 id="value-details-title" className="details-title">
        {kase.name} · {year}
      </h2>
      <p className="details-norm muted">{indicator.name}</p>
      {value ? (
        <p className="details-norm">
          <VerificationTag value={value.verification} />
        </p>
      ) : null}
      <div className="form-stack">
        <AutoTextField
          label={`Value${indicator.scale ? ` (${indicator.minValue ?? '…'} to ${indicator.maxValue ?? '…'})` : ''}`}
          saveKey={`${base}:value`}
          where={where}
          value={value?.value === null || value?.value === undefined ? '' : String(value.value)}
          validate={validateValue(indicator)}
          inputMode="numeric"
          send={(text) => save({ value: text.trim() === '' ? null : Number(text.trim().replace(',', '.')) })}
        />
        <AutoTextField label="Label (e.g. Not Free)" saveKey={`${base}:label`} where={where} value={value?.label ?? ''} send={(label) => save({ label })} />
        <AutoSelect<Verification>
          label="Verification"
          saveKey={`${base}:verification`}
          where={where}
          value={value?.verification ?? 'unverified'}
          options={VERIFICATION_OPTIONS}
          send={(verification) => save({ verification })}
        />
        <AutoSelect
          label="Source"
          saveKey={`${base}:source`}
          where={where}
          value={value?.sourceId ?? ''}
          options={[{ value: '', label: 'none (the indicator’s source)' }, ...sources.map((s) => ({ value: s.id, label: sourceLine(s).slice(0, 90) }))]}
          send={(id) => save({ sourceId: id || null })}
        />
        <AutoTextArea label="Note" saveKey={`${base}:note`} where={where} value={value?.note ?? ''} send={(note) => save({ note })} rows={3} />
      </div>
      <p className="details-action">
        <button type="button" className="button button-small" onClick={() => setUi({ indicatorCell: null })}>
          Edit the indicator itself
        </button>
      </p>
    </section>
  );
}

function IndicatorEditor({ indicator }: { indicator: IndicatorDto }) {
  const store = useRecordStore();
  const sender = useRecordSender();
  const [, setUi] = useRecordUi();
  const remove = useRecordEdit('indicators.remove');
  const [confirming, setConfirming] = useState(false);
  const where = indicator.name;
  const key = (f: string) => `indicator:${indicator.id}:${f}`;
  const save = (patch: { name?: string; scale?: string; minValue?: number | null; maxValue?: number | null; higherIs?: 'better' | 'worse' | 'neither'; description?: string }) => {
    const latest = store.slot('indicators').data?.find((i) => i.id === indicator.id);
    if (!latest) return Promise.reject(new ApiError('NOT_FOUND', 'That indicator no longer exists in this project.'));
    return sender('indicators.save', { id: indicator.id, name: latest.name, ...patch });
  };
  const numberOrNull = (t: string) => (t.trim() === '' ? null : Number(t.trim()));
  const validNumber = (t: string) => (t.trim() === '' || Number.isFinite(Number(t.trim())) ? null : 'A number, or empty.');

  return (
    <section className="details rec-details" aria-labelledby="indicator-details-title" data-testid="indicator-details">
      <p className="eyebrow">Indicator</p>
      <h2 id="indicator-details-title" className="details-title">
        {indicator.name}
      </h2>
      <p className="details-norm muted">{indicator.values.length} values. Select a value in the table to edit its label, verification and note.</p>
      <div className="form-stack">
        <AutoTextField label="Name" saveKey={key('name')} where={where} value={indicator.name} validate={requireText('The name')} send={(name) => save({ name })} />
        <AutoTextField label="Scale" saveKey={key('scale')} where={where} value={indicator.scale} send={(scale) => save({ scale })} />
        <div className="inline-fields">
          <AutoTextField label="Minimum" saveKey={key('min')} where={where} value={indicator.minValue?.toString() ?? ''} validate={validNumber} send={(t) => save({ minValue: numberOrNull(t) })} />
          <AutoTextField label="Maximum" saveKey={key('max')} where={where} value={indicator.maxValue?.toString() ?? ''} validate={validNumber} send={(t) => save({ maxValue: numberOrNull(t) })} />
          <AutoSelect<'better' | 'worse' | 'neither'>
            label="Higher is"
            saveKey={key('higherIs')}
            where={where}
            value={indicator.higherIs}
            options={[
              { value: 'better', label: 'better' },
              { value: 'worse', label: 'worse' },
              { value: 'neither', label: 'neither' },
            ]}
            send={(higherIs) => save({ higherIs })}
          />
        </div>
        <AutoTextArea label="Description" saveKey={key('description')} where={where} value={indicator.description} send={(description) => save({ description })} rows={3} />
      </div>
      <div className="rec-danger-zone">
        <button type="button" className="button button-small" onClick={() => setConfirming(true)}>
          Delete indicator…
        </button>
      </div>
      {remove.error ? <InlineAlert message={remove.error.message} /> : null}
      {confirming ? (
        <Modal open onOpenChange={(o) => (o ? undefined : setConfirming(false))} title="Delete this indicator?" description={`“${indicator.name}” and its ${indicator.values.length} values. Undo (Ctrl+Z) brings them back.`}>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={remove.pending}
              onClick={() =>
                void remove.run({ id: indicator.id }).then((done) => {
                  setConfirming(false);
                  if (done !== undefined) setUi({ indicatorId: null, indicatorCell: null });
                })
              }
            >
              Delete indicator
            </button>
          </div>
        </Modal>
      ) : null}
    </section>
  );
}
