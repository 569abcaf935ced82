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

const INSTRUCTIONS: ScreenReaderInstructions = {
  draggable:
    'To move this item, press Space or Enter, move it with the Up and Down arrow keys, then press Space or Enter to drop it, or Escape to cancel.',
};

/**
 * A list reordered by dragging its handles with the mouse, or from the keyboard: focus a handle, Space, arrows,
 * Space (dnd-kit's keyboard sensor). Reports the new order of ids; the caller stores it.
 */
export function SortableList<T>({ items, idOf, labelOf, onReorder, renderItem, className, handleTabIndex = 0, testId, ariaLabel }: SortableListProps<T>) {
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
    onDragStart: ({ active }) => `Picked up ${label(active.id)}, position ${position(active.id)} of ${ids.length}.`,
    onDragOver: ({ active, over }) => (over ? `${label(active.id)} is now at position ${position(over.id)} of ${ids.length}.` : undefined),
    onDragEnd: ({ active, over }) => (over ? `${label(active.id)} dropped at position ${position(over.id)} of ${ids.length}.` : `${label(active.id)} dropped.`),
    onDragCancel: ({ active }) => `Moving ${label(active.id)} was cancelled; it is back in its place.`,
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from < 0 || to < 0) return;
    onReorder(arrayMove(ids, from, to));
  };

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: INSTRUCTIONS }}>
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
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  const handle = (
    <button
      type="button"
      ref={setActivatorNodeRef}
      className="grip"
      {...attributes}
      {...listeners}
      tabIndex={handleTabIndex}
      aria-label={`Move ${label}`}
      title="Drag, or press Space and use the arrow keys, to reorder"
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
