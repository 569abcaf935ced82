/**
 * The matrix toolbar's "By attribute" control: keep the columns whose case has one of the chosen values of an
 * attribute (SCO member: yes; regime type: closed or electoral autocracy) and group the columns by an attribute's
 * values. Saved with a view; the logic is in electron/contract/columns.ts (shared with the exports and the CLI).
 */
import * as Popover from '@radix-ui/react-popover';
import { useId } from 'react';
import type { AttributeDto, CaseDto, ColumnArrangement } from '../../../electron/contract/api';
import { attributeValues, describeArrangement, isArranged, liveArrangement, NO_ARRANGEMENT, valueLabel } from '../../../electron/contract/columns';
import { useT } from '../i18n/use-t';
import { SEP } from '../ui/marks';
import { ChevronIcon } from '../ui/icons';
import type { MatrixSettings } from './view-state';
import './columns.css';

interface ColumnsControlProps {
  settings: MatrixSettings;
  onSettings: (next: MatrixSettings) => void;
  cases: CaseDto[];
  attributes: AttributeDto[];
}

export function ColumnsControl({ settings, onSettings, cases, attributes }: ColumnsControlProps) {
  const t = useT();
  const id = useId();
  const live = liveArrangement(settings.columns, attributes);
  const summary = describeArrangement(live, attributes, t);
  const set = (columns: ColumnArrangement) => onSettings({ ...settings, columns });
  const chosen = (attributeId: string) => live.filters.find((f) => f.attributeId === attributeId)?.values ?? [];
  const toggle = (attributeId: string, value: string, on: boolean) => {
    const values = new Set(chosen(attributeId));
    if (on) values.add(value);
    else values.delete(value);
    const others = live.filters.filter((f) => f.attributeId !== attributeId);
    set({ ...live, filters: values.size === 0 ? others : [...others, { attributeId, values: [...values] }] });
  };
  const filtered = live.filters.length;

  return (
    <Popover.Root>
      <Popover.Trigger
        className="button button-small toggle"
        data-toolbar-item=""
        aria-pressed={isArranged(live)}
        aria-label={t('matrix.byAttributeLabel', { summary: summary || 'none' })}
        title={summary || t('matrix.byAttributeTitle')}
        disabled={attributes.length === 0 && !isArranged(settings.columns)}
      >
        {t('matrix.byAttribute')}
        {filtered > 0 ? <span className="button-count"> {t('matrix.filterCount', { count: filtered })}</span> : null}
        {live.groupBy ? <span className="button-count">
            {SEP}
            {t('matrix.grouped')}
          </span> : null}
        <ChevronIcon />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="popover columns-popover" align="start" sideOffset={4} aria-label={t('matrix.columnsByAttribute')} data-testid="columns-popover">
          <p className="popover-title">{t('matrix.columnsByAttribute')}</p>
          <p className="popover-note">{t('matrix.columnsNote')}</p>
          <label className="field">
            <span className="field-label">{t('matrix.groupBy')}</span>
            <select className="native-select" value={live.groupBy ?? ''} onChange={(e) => set({ ...live, groupBy: e.target.value === '' ? null : e.target.value })}>
              <option value="">{t('matrix.noGrouping')}</option>
              {attributes.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          {attributes.map((a) => (
            <fieldset key={a.id} className="columns-attribute">
              <legend className="field-label">{a.name}</legend>
              <div className="columns-values">
                {attributeValues(a, cases).map((value) => (
                  <label key={value || 'unset'} className="check">
                    <input type="checkbox" id={`${id}-${a.id}-${value}`} checked={chosen(a.id).includes(value)} onChange={(e) => toggle(a.id, value, e.target.checked)} />
                    <span>{valueLabel(a, value, t)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <div className="popover-actions">
            <button type="button" className="button button-small" disabled={!isArranged(live)} onClick={() => set(NO_ARRANGEMENT)}>
              {t('matrix.allColumns')}
            </button>
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
