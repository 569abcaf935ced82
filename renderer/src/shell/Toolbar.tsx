import { useEffect, useId, useRef, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';

import { useT } from '../i18n/use-t';

const ITEM = '[data-toolbar-item]:not(:disabled)';

interface ToolbarProps {
  label: string;
  className?: string;
  children: ReactNode;
}

/**
 * A toolbar is one Tab stop (the ARIA toolbar pattern): Left/Right, Home/End move between its controls (those
 * marked data-toolbar-item, Radix triggers included), Tab leaves it, and the control last focused keeps the stop.
 */
export function Toolbar({ label, className, children }: ToolbarProps) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const active = useRef<HTMLElement | null>(null);

  // After every render (items appear, disappear or are re-created): exactly one item is reachable by Tab.
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const items = Array.from(root.querySelectorAll<HTMLElement>(ITEM));
    const current = active.current && items.includes(active.current) ? active.current : items[0];
    for (const item of items) item.tabIndex = item === current ? 0 : -1;
  });

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const focused = event.target;
    if (!focused.matches(ITEM)) return;
    active.current = focused;
    for (const item of event.currentTarget.querySelectorAll<HTMLElement>(ITEM)) item.tabIndex = item === focused ? 0 : -1;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (!target.matches(ITEM) || event.altKey || event.ctrlKey || event.metaKey) return;
    const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(ITEM));
    const at = items.indexOf(target);
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
        next = Math.min(at + 1, items.length - 1);
        break;
      case 'ArrowLeft':
        next = Math.max(at - 1, 0);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    items[next]?.focus();
  };

  return (
    <div ref={ref} role="toolbar" aria-label={label} aria-describedby={hintId} className={`has-keys-hint ${className ?? ''}`} onFocus={onFocus} onKeyDown={onKeyDown}>
      {children}
      {/* Tab reaches one control of a toolbar: the keys that reach the others are shown while it has keyboard focus. */}
      <span id={hintId} className="keys-hint keys-hint-float">
        {t('shell.toolbarKeys', { left: '←', right: '→' })}
      </span>
    </div>
  );
}
