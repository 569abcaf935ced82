/**
 * A labelled field whose control is named by its label alone (a label wrapped around a select would name it with
 * the option shown too), with an optional hint read after it.
 */
import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  hint?: string | undefined;
  className?: string | undefined;
  children: (props: { id: string; 'aria-describedby'?: string }) => ReactNode;
}

export function Field({ label, hint, className, children }: FieldProps) {
  const id = useId();
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children(hint ? { id, 'aria-describedby': `${id}-hint` } : { id })}
      {hint ? (
        <span id={`${id}-hint`} className="muted small">
          {hint}
        </span>
      ) : null}
    </div>
  );
}
