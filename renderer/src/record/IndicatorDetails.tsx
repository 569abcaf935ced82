/** The right pane on the indicators page: the selected value (label, verification, note, source), else the indicator. */
import { useState } from 'react';
import type { CaseDto, IndicatorDto, Verification } from '../../../electron/contract/api';
import { ApiError } from '../../../electron/contract/errors';
import { formatMessage } from '../../../electron/contract/i18n/format';
import { currentLanguage } from '../i18n/current';
import { useT } from '../i18n/use-t';
import { AutoTextArea, AutoTextField } from '../ui/fields';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import { sourceLine, useCitations } from './lookups';
import { AutoSelect, mustFill, verificationOptions, VerificationTag } from './RecordBits';
import { useRecordEdit, useRecordSender, useRecordStore, useRecordUi } from './record-store';
import { useValueSave, validateValue } from './IndicatorsView';
import { DOT } from './typography';

export function IndicatorDetails({ indicator, cases }: { indicator: IndicatorDto; cases: CaseDto[] }) {
  const [ui] = useRecordUi();
  const cell = ui.indicatorCell;
  const kase = cell ? cases.find((c) => c.id === cell.caseId) : undefined;
  if (cell && kase) return <ValueEditor key={`${indicator.id}|${cell.caseId}|${cell.year}`} indicator={indicator} kase={kase} year={cell.year} />;
  return <IndicatorEditor key={indicator.id} indicator={indicator} />;
}

function ValueEditor({ indicator, kase, year }: { indicator: IndicatorDto; kase: CaseDto; year: number }) {
  const t = useT();
  const [, setUi] = useRecordUi();
  const save = useValueSave(indicator.id, kase.id, year);
  const { sourceById } = useCitations();
  const value = indicator.values.find((v) => v.caseId === kase.id && v.year === year);
  const where = `${indicator.name} · ${kase.name} ${year}`;
  const base = `indicator:${indicator.id}:${kase.id}:${year}`;
  const sources = [...sourceById.values()].sort((a, b) => a.title.localeCompare(b.title));

  return (
    <section className="details rec-details" aria-labelledby="value-details-title" data-testid="value-details">
      <p className="eyebrow">{t('record.utype.indicator-value')}</p>
      <h2 id="value-details-title" className="details-title">
        {[kase.name, year].join(DOT)}
      </h2>
      <p className="details-norm muted">{indicator.name}</p>
      {value ? (
        <p className="details-norm">
          <VerificationTag value={value.verification} />
        </p>
      ) : null}
      <div className="form-stack">
        <AutoTextField
          label={indicator.scale ? t('observation.valueRange', { min: indicator.minValue ?? '…', max: indicator.maxValue ?? '…' }) : t('observation.value')}
          saveKey={`${base}:value`}
          where={where}
          value={value?.value === null || value?.value === undefined ? '' : String(value.value)}
          validate={validateValue(indicator)}
          inputMode="numeric"
          send={(text) => save({ value: text.trim() === '' ? null : Number(text.trim().replace(',', '.')) })}
        />
        <AutoTextField label={t('observation.valueLabel')} saveKey={`${base}:label`} where={where} value={value?.label ?? ''} send={(label) => save({ label })} />
        <AutoSelect<Verification>
          label={t('observation.verification')}
          saveKey={`${base}:verification`}
          where={where}
          value={value?.verification ?? 'unverified'}
          options={verificationOptions(t)}
          send={(verification) => save({ verification })}
        />
        <AutoSelect
          label={t('context.source')}
          saveKey={`${base}:source`}
          where={where}
          value={value?.sourceId ?? ''}
          options={[{ value: '', label: t('observation.indicatorSource') }, ...sources.map((s) => ({ value: s.id, label: sourceLine(s).slice(0, 90) }))]}
          send={(id) => save({ sourceId: id || null })}
        />
        <AutoTextArea label={t('context.note')} saveKey={`${base}:note`} where={where} value={value?.note ?? ''} send={(note) => save({ note })} rows={3} />
      </div>
      <p className="details-action">
        <button type="button" className="button button-small" onClick={() => setUi({ indicatorCell: null })}>
          {t('observation.editIndicator')}
        </button>
      </p>
    </section>
  );
}

function IndicatorEditor({ indicator }: { indicator: IndicatorDto }) {
  const t = useT();
  const store = useRecordStore();
  const sender = useRecordSender();
  const [, setUi] = useRecordUi();
  const remove = useRecordEdit('indicators.remove');
  const [confirming, setConfirming] = useState(false);
  const where = indicator.name;
  const key = (f: string) => `indicator:${indicator.id}:${f}`;
  const save = (patch: { name?: string; scale?: string; minValue?: number | null; maxValue?: number | null; higherIs?: 'better' | 'worse' | 'neither'; description?: string }) => {
    const latest = store.slot('indicators').data?.find((i) => i.id === indicator.id);
    if (!latest) return Promise.reject(new ApiError('NOT_FOUND', formatMessage(currentLanguage(), 'observation.indicatorGone')));
    return sender('indicators.save', { id: indicator.id, name: latest.name, ...patch });
  };
  const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text.trim()));
  const validNumber = (text: string) => (text.trim() === '' || Number.isFinite(Number(text.trim())) ? null : t('observation.numberOrEmpty'));

  return (
    <section className="details rec-details" aria-labelledby="indicator-details-title" data-testid="indicator-details">
      <p className="eyebrow">{t('observation.indicator')}</p>
      <h2 id="indicator-details-title" className="details-title">
        {indicator.name}
      </h2>
      <p className="details-norm muted">{t('observation.indicatorLede', { count: indicator.values.length })}</p>
      <div className="form-stack">
        <AutoTextField label={t('context.name')} saveKey={key('name')} where={where} value={indicator.name} validate={mustFill(t('context.nameEmpty'))} send={(name) => save({ name })} />
        <AutoTextField label={t('observation.scale')} saveKey={key('scale')} where={where} value={indicator.scale} send={(scale) => save({ scale })} />
        <div className="inline-fields">
          <AutoTextField label={t('observation.minimum')} saveKey={key('min')} where={where} value={indicator.minValue?.toString() ?? ''} validate={validNumber} send={(v) => save({ minValue: numberOrNull(v) })} />
          <AutoTextField label={t('observation.maximum')} saveKey={key('max')} where={where} value={indicator.maxValue?.toString() ?? ''} validate={validNumber} send={(v) => save({ maxValue: numberOrNull(v) })} />
          <AutoSelect<'better' | 'worse' | 'neither'>
            label={t('observation.higherIs')}
            saveKey={key('higherIs')}
            where={where}
            value={indicator.higherIs}
            options={[
              { value: 'better', label: t('observation.higher.better') },
              { value: 'worse', label: t('observation.higher.worse') },
              { value: 'neither', label: t('observation.higher.neither') },
            ]}
            send={(higherIs) => save({ higherIs })}
          />
        </div>
        <AutoTextArea label={t('context.description')} saveKey={key('description')} where={where} value={indicator.description} send={(description) => save({ description })} rows={3} />
      </div>
      <div className="rec-danger-zone">
        <button type="button" className="button button-small" onClick={() => setConfirming(true)}>
          {t('observation.deleteIndicatorMenu')}
        </button>
      </div>
      {remove.error ? <InlineAlert message={remove.error.message} /> : null}
      {confirming ? (
        <Modal open onOpenChange={(o) => (o ? undefined : setConfirming(false))} title={t('observation.deleteIndicatorTitle')} description={t('observation.deleteIndicatorHelp', { name: indicator.name, count: indicator.values.length })}>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
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
              {t('observation.deleteIndicator')}
            </button>
          </div>
        </Modal>
      ) : null}
    </section>
  );
}
