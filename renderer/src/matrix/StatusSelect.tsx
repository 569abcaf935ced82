import * as Select from '@radix-ui/react-select';
import type { StatusLevelDto } from '../../../electron/contract/api';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { useT } from '../i18n/use-t';
import { ChevronIcon } from '../ui/icons';
import { STATUS_PALETTE } from '../ui/palette';
import { StatusSwatch } from './StatusSwatch';

interface StatusSelectProps {
  id?: string;
  label: string;
  statuses: readonly StatusLevelDto[];
  /** Undefined when the cell has no status yet. */
  value: string | undefined;
  onChange: (key: string) => void;
  placeholder?: string;
}

/** A status of the framework's scale, chosen with its colour and its word. */
export function StatusSelect({ id, label, statuses, value, onChange, placeholder }: StatusSelectProps) {
  const t = useT();
  const sorted = [...statuses].sort((a, b) => a.position - b.position);
  return (
    <Select.Root value={value ?? ''} onValueChange={onChange}>
      <Select.Trigger id={id} className="select-trigger" aria-label={label}>
        <Select.Value placeholder={placeholder ?? t('matrix.noData')} />
        <Select.Icon className="select-icon">
          <ChevronIcon />
        </Select.Icon>
      </Select.Trigger>
      <Select.Portal>
        <Select.Content className="select-content" position="popper" sideOffset={2}>
          <Select.Viewport>
            {sorted.map((status) => (
              <Select.Item key={status.key} value={status.key} className="select-item">
                <Select.ItemText>
                  <span className="select-item-text">
                    <StatusSwatch palette={status.palette} />
                    {status.label}
                  </span>
                </Select.ItemText>
              </Select.Item>
            ))}
          </Select.Viewport>
        </Select.Content>
      </Select.Portal>
    </Select.Root>
  );
}

interface PaletteSelectProps {
  label: string;
  value: number;
  onChange: (slot: number) => void;
}

/** The palette's slot names, in STATUS_PALETTE's order. */
const PALETTE_NAMES: readonly MessageId[] = [
  'matrix.palette0',
  'matrix.palette1',
  'matrix.palette2',
  'matrix.palette3',
  'matrix.palette4',
  'matrix.palette5',
  'matrix.palette6',
  'matrix.palette7',
];

/** One of the shared palette's eight slots, by swatch and name. */
export function PaletteSelect({ label, value, onChange }: PaletteSelectProps) {
  const t = useT();
  return (
    <Select.Root value={String(value)} onValueChange={(v) => onChange(Number(v))}>
      <Select.Trigger className="select-trigger select-palette" aria-label={label}>
        <Select.Value />
        <Select.Icon className="select-icon">
          <ChevronIcon />
        </Select.Icon>
      </Select.Trigger>
      <Select.Portal>
        <Select.Content className="select-content" position="popper" sideOffset={2}>
          <Select.Viewport>
            {STATUS_PALETTE.map((slot, index) => (
              <Select.Item key={slot.hex} value={String(index)} className="select-item">
                <Select.ItemText>
                  <span className="select-item-text">
                    <StatusSwatch palette={index} />
                    {t(PALETTE_NAMES[index] ?? 'matrix.palette0')}
                  </span>
                </Select.ItemText>
              </Select.Item>
            ))}
          </Select.Viewport>
        </Select.Content>
      </Select.Portal>
    </Select.Root>
  );
}
