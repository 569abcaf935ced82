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
  const focal = cases.find((c) => c.role === 'focal' && !c.archived);
  return (
    <Toolbar className="matrix-toolbar" label="Matrix">
      <NormPicker settings={settings} onSettings={onSettings} norms={norms} />
      <CasesPopover settings={settings} onSettings={onSettings} cases={cases} />
      {attributes ? <ColumnsControl settings={settings} onSettings={onSettings} cases={cases} attributes={attributes} /> : null}
      <button
        type="button"
        className="button button-small toggle"
        data-toolbar-item=""
        aria-pressed={settings.orientation === 'stages-as-columns'}
        title="Stages as columns, cases as rows"
        onClick={() => onSettings({ ...settings, orientation: settings.orientation === 'cases-as-columns' ? 'stages-as-columns' : 'cases-as-columns' })}
      >
        Transpose
      </button>
      <button
        type="button"
        className="button button-small toggle"
        data-toolbar-item=""
        aria-pressed={settings.differences}
        disabled={!focal}
        title={focal ? `Mark cells whose status differs from ${focal.name}’s in the same row` : 'Differences compare with the focal case; make a case focal first'}
        onClick={() => onSettings({ ...settings, differences: !settings.differences })}
      >
        Differences
      </button>
      <span className="toolbar-spacer" />
      <ViewMenu settings={settings} onSettings={onSettings} norms={norms} cases={cases} views={views} />
    </Toolbar>
  );
}

const ALL = '__all';
const SUBSET = '__subset';

function NormPicker({ settings, onSettings, norms }: Omit<ToolbarProps, 'cases' | 'views'>) {
  const live = norms.filter((n) => !n.archived);
  let value: string;
  if (settings.normIds !== null && settings.normIds.length === 0) value = ALL;
  else if (settings.normIds !== null && settings.normIds.length > 1) value = SUBSET;
  else value = live.find((n) => n.id === settings.normIds?.[0])?.id ?? live[0]?.id ?? ALL;
  return (
    <div className="toolbar-field">
      <span className="toolbar-label" id="norm-picker-label">
        Norm
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
                <Select.ItemText>All norms, stacked ({live.length})</Select.ItemText>
              </Select.Item>
              {value === SUBSET ? (
                <Select.Item value={SUBSET} className="select-item">
                  <Select.ItemText>{settings.normIds?.length} norms, as the view lists them</Select.ItemText>
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
      <Popover.Trigger className="button button-small" aria-label={`Cases ${shownCount} of ${ordered.length} shown`} data-toolbar-item="">
        Cases <span className="button-count">{shownCount === ordered.length ? ordered.length : `${shownCount} of ${ordered.length}`}</span>
        <ChevronIcon />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="popover cases-popover" align="start" sideOffset={4} aria-label="Cases in the matrix" data-testid="cases-popover">
          <p className="popover-title">Cases in the matrix</p>
          <p className="popover-note">The focal case stays first. Reorder with a handle: drag it, or press Space, the arrow keys, then Space.</p>
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
                  pinned
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
              Show all
            </button>
            <button type="button" className="button button-small" disabled={settings.caseOrder.length === 0} onClick={() => onSettings({ ...settings, caseOrder: [] })}>
              Project order
            </button>
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

function ViewMenu({ settings, onSettings, norms, cases, views }: ToolbarProps) {
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
        <DropdownMenu.Trigger className="button button-small view-trigger" data-toolbar-item="" aria-label={`View: ${current ? current.name : 'Custom (none saved)'}${changed ? ' (changed)' : ''}`}>
          <span className="toolbar-label">View</span>{' '}
          <span className="view-name">{current ? current.name : 'Custom'}</span>
          {changed ? <span className="muted">(changed)</span> : null}
          <ChevronIcon />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
            {views.length === 0 ? (
              <DropdownMenu.Label className="menu-label">No saved views yet</DropdownMenu.Label>
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
                setName(current && changed ? `${current.name} (2)` : '');
                setDialog(true);
              }}
            >
              Save view as…
            </DropdownMenu.Item>
            {current ? (
              <>
                <DropdownMenu.Item className="menu-item" disabled={!changed} onSelect={() => void update()}>
                  Update “{current.name}”
                </DropdownMenu.Item>
                <DropdownMenu.Item className="menu-item" onSelect={() => void del()}>
                  Delete “{current.name}”
                </DropdownMenu.Item>
              </>
            ) : null}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {error ? <InlineAlert message={error.message} actionLabel="Dismiss" onAction={() => (save.error ? save.clearError() : remove.clearError())} /> : null}
      <Modal
        open={dialog}
        onOpenChange={setDialog}
        title="Save view"
        description="Saves which norms and cases the matrix shows, the column order, the orientation and the differences mode."
      >
        <form className="dialog-form" onSubmit={(e) => void saveAs(e)}>
          <label className="field-label" htmlFor="view-name">
            Name
          </label>
          <input id="view-name" className="text-input" value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} placeholder="e.g. Article table 1" />
          {save.error ? <InlineAlert message={save.error.message} /> : null}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setDialog(false)}>
              Cancel
            </button>
            <button type="submit" className="button button-primary" disabled={name.trim() === '' || save.pending}>
              Save view
            </button>
          </div>
        </form>
      </Modal>
    </div>
  );
}
