import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type ScreenReaderInstructions,
} from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ReactNode } from 'react';
import { GripIcon } from './icons';
import { useT } from '../i18n/use-t';

interface SortableListProps<T> {
  items: readonly T[];
  idOf: (item: T) => string;
  /** Said by screen readers and used in the handle's name ("Move Belarus"). */
  labelOf: (item: T) => string;
  onReorder: (ids: string[]) => void;
  /** Renders one row; `handle` is the drag handle to place in it. */
  renderItem: (item: T, handle: ReactNode) => ReactNode;
  className?: string;
  /** Tab index of the handles (-1 inside a list with its own arrow-key navigation). */
  handleTabIndex?: number;
  testId?: string;
  ariaLabel?: string;
}


/**
 * A list reordered by dragging its handles with the mouse, or from the keyboard: focus a handle, Space, arrows,
 * Space (dnd-kit's keyboard sensor). Reports the new order of ids; the caller stores it.
 */
export function SortableList<T>({ items, idOf, labelOf, onReorder, renderItem, className, handleTabIndex = 0, testId, ariaLabel }: SortableListProps<T>) {
  const t = useT();
  const instructions: ScreenReaderInstructions = { draggable: t('shell.dragInstructions', { enter: 'Enter', escape: 'Escape' }) };
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = items.map(idOf);
  const label = (id: string | number) => {
    const item = items.find((i) => idOf(i) === String(id));
    return item ? labelOf(item) : String(id);
  };
  const position = (id: string | number) => ids.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('shell.dragStart', { label: label(active.id), position: position(active.id), total: ids.length }),
    onDragOver: ({ active, over }) => (over ? t('shell.dragOver', { label: label(active.id), position: position(over.id), total: ids.length }) : undefined),
    onDragEnd: ({ active, over }) =>
      over ? t('shell.dragEnd', { label: label(active.id), position: position(over.id), total: ids.length }) : t('shell.dragDropped', { label: label(active.id) }),
    onDragCancel: ({ active }) => t('shell.dragCancel', { label: label(active.id) }),
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from < 0 || to < 0) return;
    onReorder(arrayMove(ids, from, to));
  };

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: instructions }}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ul className={className} data-testid={testId} aria-label={ariaLabel}>
          {items.map((item) => (
            <SortableRow key={idOf(item)} id={idOf(item)} label={labelOf(item)} handleTabIndex={handleTabIndex}>
              {(handle) => renderItem(item, handle)}
            </SortableRow>
          ))}
        </ul>
      </SortableContext>
    </DndContext>
  );
}

function SortableRow({ id, label, handleTabIndex, children }: { id: string; label: string; handleTabIndex: number; children: (handle: ReactNode) => ReactNode }) {
  const t = useT();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id, attributes: { roleDescription: t('shell.sortableRole') } });
  const handle = (
    <button
      type="button"
      ref={setActivatorNodeRef}
      className="grip"
      {...attributes}
      {...listeners}
      tabIndex={handleTabIndex}
      aria-label={t('shell.moveItem', { label })}
      title={t('shell.gripTitle')}
      data-grip=""
    >
      <GripIcon />
    </button>
  );
  return (
    <li
      ref={setNodeRef}
      className={`sortable-row${isDragging ? ' is-dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-sortable-id={id}
    >
      {children(handle)}
    </li>
  );
}
