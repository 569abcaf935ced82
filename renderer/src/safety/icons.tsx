/** Icons of the safety views (decorative: the words beside them speak). */

export function LockIcon() {
  return (
    <svg className="icon" viewBox="0 0 12 14" width="10" height="12" aria-hidden="true" focusable="false">
      <rect x="1.5" y="6" width="9" height="7" rx="1.2" fill="currentColor" />
      <path d="M3.5 6V4.2a2.5 2.5 0 015 0V6" fill="none" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}
