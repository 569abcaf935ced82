/** Small inline icons (the bundled face has no ★ or arrows of these shapes). Decorative: the text beside them speaks. */

export function StarIcon() {
  return (
    <svg className="icon icon-star" viewBox="0 0 16 16" width="11" height="11" aria-hidden="true" focusable="false">
      <path d="M8 1.2l2.05 4.3 4.7.6-3.45 3.25.88 4.65L8 11.7 3.82 14l.88-4.65L1.25 6.1l4.7-.6z" fill="currentColor" />
    </svg>
  );
}

/** Six dots in two columns, as one path: the handle is repeated on every case and norm in the sidebar (100 at XL). */
const GRIP_DOTS = [3, 8, 13]
  .flatMap((y) => [3, 7].map((x) => `M${x} ${y - 1.3}a1.3 1.3 0 1 0 0 2.6a1.3 1.3 0 1 0 0-2.6z`))
  .join('');

export function GripIcon() {
  return (
    <svg className="icon" viewBox="0 0 10 16" width="8" height="13" aria-hidden="true" focusable="false">
      <path d={GRIP_DOTS} fill="currentColor" />
    </svg>
  );
}

export function ChevronIcon() {
  return (
    <svg className="icon icon-chevron" viewBox="0 0 12 12" width="10" height="10" aria-hidden="true" focusable="false">
      <path d="M2.5 4.5L6 8l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

export function UndoIcon({ flip = false }: { flip?: boolean }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" focusable="false" style={flip ? { transform: 'scaleX(-1)' } : undefined}>
      <path d="M5.5 3.5L2.5 6.5l3 3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      <path d="M3 6.5h6.5a3.5 3.5 0 010 7H7" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

export function PlusIcon() {
  return (
    <svg className="icon" viewBox="0 0 12 12" width="10" height="10" aria-hidden="true" focusable="false">
      <path d="M6 1.5v9M1.5 6h9" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

export function CheckIcon() {
  return (
    <svg className="icon" viewBox="0 0 12 12" width="10" height="10" aria-hidden="true" focusable="false">
      <path d="M2 6.5l2.5 2.5L10 3" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

export function NotEqualIcon() {
  return (
    <svg className="icon icon-ne" viewBox="0 0 12 12" width="10" height="10" aria-hidden="true" focusable="false">
      <path d="M2 4.5h8M2 7.5h8M8 1.5L4 10.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}

/** Evidence: a quotation mark (excerpts linked to a cell). */
export function QuoteIcon() {
  return (
    <svg className="icon" viewBox="0 0 12 12" width="10" height="10" aria-hidden="true" focusable="false">
      <path d="M1.5 7.5V5a3 3 0 0 1 3-3M1.5 5.5h3v4h-3zM6.5 7.5V5a3 3 0 0 1 3-3M6.5 5.5h3v4h-3z" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
    </svg>
  );
}

export function ArrowIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 12" width="14" height="11" aria-hidden="true" focusable="false">
      <path d="M1 6h13M9.5 1.5L14 6l-4.5 4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
