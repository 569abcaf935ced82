import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import * as Popover from '@radix-ui/react-popover';
import * as Select from '@radix-ui/react-select';
import { useState, type FormEvent } from 'react';
import type { AttributeDto, CaseDto, NormDto, ViewDto } from '../../../electron/contract/api';
import { ColumnsControl } from './ColumnsControl';
import { FocalMarker } from './FocalMarker';
import { CheckIcon, ChevronIcon } from '../ui/icons';
import { InlineAlert } from '../ui/InlineAlert';
import { Toolbar } from '../shell/Toolbar';
import { Modal } from '../ui/Modal';
import { SortableList } from '../ui/SortableList';
import { casesInColumnOrder, matchesView, settingsFromView, viewFromSettings, type MatrixSettings } from './view-state';
import { useEdit } from '../workbench-context';
import { useT } from '../i18n/use-t';
import { SPACE } from '../ui/marks';

interface ToolbarProps {
  settings: MatrixSettings;
  onSettings: (next: MatrixSettings) => void;
  norms: NormDto[];
  cases: CaseDto[];
  views: ViewDto[];
  /** Case attributes, to filter and group the columns by (absent: no such control). */
  attributes?: AttributeDto[] | undefined;
}

/** Above the matrix: which norm(s), which cases in which order, orientation, differences, saved views. */
export function MatrixToolbar({ settings, onSettings, norms, cases, views, attributes }: ToolbarProps) {
  const t = useT();
  const focal = cases.find((c) => c.role === 'focal' && !c.archived);
  return (
    <Toolbar className="matrix-toolbar" label={t('matrix.toolbar')}>
      <NormPicker settings={settings} onSettings={onSettings} norms={norms} />
      <CasesPopover settings={settings} onSettings={onSettings} cases={cases} />
      {attributes ? <ColumnsControl settings={settings} onSettings={onSettings} cases={cases} attributes={attributes} /> : null}
      <button
        type="button"
        className="button button-small toggle"
        data-toolbar-item=""
        aria-pressed={settings.orientation === 'stages-as-columns'}
        title={t('matrix.transposeTitle')}
        onClick={() => onSettings({ ...settings, orientation: settings.orientation === 'cases-as-columns' ? 'stages-as-columns' : 'cases-as-columns' })}
      >
        {t('matrix.transpose')}
      </button>
      <button
        type="button"
        className="button button-small toggle"
        data-toolbar-item=""
        aria-pressed={settings.differences}
        disabled={!focal}
        title={focal ? t('matrix.differencesTitle', { name: focal.name }) : t('matrix.differencesNoFocal')}
        onClick={() => onSettings({ ...settings, differences: !settings.differences })}
      >
        {t('matrix.differences')}
      </button>
      <span className="toolbar-spacer" />
      <ViewMenu settings={settings} onSettings={onSettings} norms={norms} cases={cases} views={views} />
    </Toolbar>
  );
}

const ALL = '__all';
const SUBSET = '__subset';

function NormPicker({ settings, onSettings, norms }: Omit<ToolbarProps, 'cases' | 'views'>) {
  const t = useT();
  const live = norms.filter((n) => !n.archived);
  let value: string;
  if (settings.normIds !== null && settings.normIds.length === 0) value = ALL;
  else if (settings.normIds !== null && settings.normIds.length > 1) value = SUBSET;
  else value = live.find((n) => n.id === settings.normIds?.[0])?.id ?? live[0]?.id ?? ALL;
  return (
    <div className="toolbar-field">
      <span className="toolbar-label" id="norm-picker-label">
        {t('matrix.normLabel')}
      </span>
      <Select.Root
        value={value}
        onValueChange={(next) => {
          if (next === SUBSET) return;
          onSettings({ ...settings, normIds: next === ALL ? [] : [next] });
        }}
      >
        <Select.Trigger className="select-trigger select-norm" aria-labelledby="norm-picker-label" data-toolbar-item="">
          <Select.Value />
          <Select.Icon className="select-icon">
            <ChevronIcon />
          </Select.Icon>
        </Select.Trigger>
        <Select.Portal>
          <Select.Content className="select-content" position="popper" sideOffset={2}>
            <Select.Viewport>
              {live.map((n) => (
                <Select.Item key={n.id} value={n.id} className="select-item">
                  <Select.ItemText>{n.shortLabel || n.label}</Select.ItemText>
                </Select.Item>
              ))}
              <Select.Separator className="select-separator" />
              <Select.Item value={ALL} className="select-item">
                <Select.ItemText>{t('matrix.allNormsOption', { count: live.length })}</Select.ItemText>
              </Select.Item>
              {value === SUBSET ? (
                <Select.Item value={SUBSET} className="select-item">
                  <Select.ItemText>{t('matrix.subsetNormsOption', { count: settings.normIds?.length ?? 0 })}</Select.ItemText>
                </Select.Item>
              ) : null}
            </Select.Viewport>
          </Select.Content>
        </Select.Portal>
      </Select.Root>
    </div>
  );
}

function CasesPopover({ settings, onSettings, cases }: Omit<ToolbarProps, 'norms' | 'views'>) {
  const t = useT();
  const ordered = casesInColumnOrder(settings, cases);
  const hidden = new Set(settings.hiddenCaseIds);
  const focal = ordered.filter((c) => c.role === 'focal');
  const others = ordered.filter((c) => c.role !== 'focal');
  const shownCount = ordered.filter((c) => c.role === 'focal' || !hidden.has(c.id)).length;

  const toggle = (id: string, show: boolean) => {
    const next = new Set(hidden);
    if (show) next.delete(id);
    else next.add(id);
    onSettings({ ...settings, hiddenCaseIds: [...next] });
  };

  return (
    <Popover.Root>
      <Popover.Trigger className="button button-small" aria-label={t('matrix.casesShownLabel', { shown: shownCount, total: ordered.length })} data-toolbar-item="">
        {t('matrix.cases')} <span className="button-count">{shownCount === ordered.length ? ordered.length : t('matrix.shownOfTotal', { shown: shownCount, total: ordered.length })}</span>
        <ChevronIcon />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="popover cases-popover" align="start" sideOffset={4} aria-label={t('matrix.casesInMatrix')} data-testid="cases-popover">
          <p className="popover-title">{t('matrix.casesInMatrix')}</p>
          <p className="popover-note">{t('matrix.casesNote')}</p>
          <ul className="case-choices">
            {focal.map((c) => (
              <li key={c.id} className="case-choice">
                <span className="grip-space" aria-hidden="true" />
                <label className="check">
                  <input type="checkbox" checked disabled aria-describedby="focal-pinned" />
                  <span>{c.name}</span>
                </label>
                <FocalMarker />
                <span id="focal-pinned" className="muted small">
                  {t('matrix.pinned')}
                </span>
              </li>
            ))}
          </ul>
          <SortableList
            className="case-choices"
            items={others}
            idOf={(c) => c.id}
            labelOf={(c) => c.name}
            testId="column-order"
            onReorder={(ids) => onSettings({ ...settings, caseOrder: [...focal.map((c) => c.id), ...ids] })}
            renderItem={(c, handle) => (
              <div className="case-choice">
                {handle}
                <label className="check">
                  <input type="checkbox" checked={!hidden.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                  <span>{c.name}</span>
                </label>
                {c.isoCode ? <span className="nav-code">{c.isoCode}</span> : null}
              </div>
            )}
          />
          <div className="popover-actions">
            <button type="button" className="button button-small" disabled={hidden.size === 0} onClick={() => onSettings({ ...settings, hiddenCaseIds: [] })}>
              {t('matrix.showAll')}
            </button>
            <button type="button" className="button button-small" disabled={settings.caseOrder.length === 0} onClick={() => onSettings({ ...settings, caseOrder: [] })}>
              {t('matrix.projectOrder')}
            </button>
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

function ViewMenu({ settings, onSettings, norms, cases, views }: ToolbarProps) {
  const t = useT();
  const save = useEdit('views.save');
  const remove = useEdit('views.remove');
  const [dialog, setDialog] = useState(false);
  const [name, setName] = useState('');
  const current = views.find((v) => v.id === settings.viewId);
  const changed = current ? !matchesView(settings, current, norms, cases) : false;

  const apply = (id: string) => {
    const view = views.find((v) => v.id === id);
    if (view) onSettings(settingsFromView(view, cases));
  };

  const saveAs = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run({ name: name.trim(), ...viewFromSettings(settings, norms, cases) });
    if (saved) {
      setDialog(false);
      onSettings({ ...settings, viewId: saved.id });
    }
  };

  const update = async () => {
    if (!current) return;
    await save.run({ id: current.id, name: current.name, ...viewFromSettings(settings, norms, cases) });
  };

  const del = async () => {
    if (!current) return;
    const done = await remove.run({ id: current.id });
    if (done !== undefined) onSettings({ ...settings, viewId: null });
  };

  const error = (!dialog ? save.error : undefined) ?? remove.error;

  return (
    <div className="toolbar-field">
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger className="button button-small view-trigger" data-toolbar-item="" aria-label={t('matrix.viewLabel', { name: current ? current.name : t('matrix.customNoneSaved'), changed: changed ? 'yes' : 'no' })}>
          <span className="toolbar-label">{t('matrix.view')}</span>
          {SPACE}
          <span className="view-name">{current ? current.name : t('matrix.custom')}</span>
          {changed ? <span className="muted">{t('matrix.changed')}</span> : null}
          <ChevronIcon />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
            {views.length === 0 ? (
              <DropdownMenu.Label className="menu-label">{t('matrix.noViews')}</DropdownMenu.Label>
            ) : (
              <DropdownMenu.RadioGroup value={current?.id ?? ''} onValueChange={apply}>
                {views.map((v) => (
                  <DropdownMenu.RadioItem key={v.id} value={v.id} className="menu-item">
                    <DropdownMenu.ItemIndicator className="menu-indicator">
                      <CheckIcon />
                    </DropdownMenu.ItemIndicator>
                    {v.name}
                  </DropdownMenu.RadioItem>
                ))}
              </DropdownMenu.RadioGroup>
            )}
            <DropdownMenu.Separator className="menu-separator" />
            <DropdownMenu.Item
              className="menu-item"
              onSelect={() => {
                save.clearError();
                setName(current && changed ? t('matrix.copyName', { name: current.name }) : '');
                setDialog(true);
              }}
            >
              {t('matrix.saveViewAs')}
            </DropdownMenu.Item>
            {current ? (
              <>
                <DropdownMenu.Item className="menu-item" disabled={!changed} onSelect={() => void update()}>
                  {t('matrix.updateView', { name: current.name })}
                </DropdownMenu.Item>
                <DropdownMenu.Item className="menu-item" onSelect={() => void del()}>
                  {t('matrix.deleteView', { name: current.name })}
                </DropdownMenu.Item>
              </>
            ) : null}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {error ? <InlineAlert message={error.message} actionLabel={t('matrix.dismiss')} onAction={() => (save.error ? save.clearError() : remove.clearError())} /> : null}
      <Modal
        open={dialog}
        onOpenChange={setDialog}
        title={t('matrix.saveView')}
        description={t('matrix.saveViewDescription')}
      >
        <form className="dialog-form" onSubmit={(e) => void saveAs(e)}>
          <label className="field-label" htmlFor="view-name">
            {t('matrix.name')}
          </label>
          <input id="view-name" className="text-input" value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} placeholder={t('matrix.viewNamePlaceholder')} />
          {save.error ? <InlineAlert message={save.error.message} /> : null}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setDialog(false)}>
              {t('matrix.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={name.trim() === '' || save.pending}>
              {t('matrix.saveView')}
            </button>
          </div>
        </form>
      </Modal>
    </div>
  );
}
