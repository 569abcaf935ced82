/** The alert's mark: a sign, the same in every language. */
const MARK = '!';

interface InlineAlertProps {
  message: string;
  actionLabel?: string | undefined;
  onAction?: (() => void) | undefined;
}

/** A failure said calmly where it happened, with the one thing to do about it. */
export function InlineAlert({ message, actionLabel, onAction }: InlineAlertProps) {
  return (
    <div className="alert" role="alert">
      <span className="alert-mark" aria-hidden="true">
        {MARK}
      </span>
      <p className="alert-message">{message}</p>
      {actionLabel && onAction ? (
        <button type="button" className="button button-small" onClick={onAction}>
          {actionLabel}
        </button>
      ) : null}
    </div>
  );
}
