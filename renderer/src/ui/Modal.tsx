import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';

interface ModalProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** One sentence under the title (also the dialog's accessible description). */
  description?: ReactNode;
  wide?: boolean;
  children: ReactNode;
  testId?: string;
}

/** A calm modal dialog: title, one line of explanation, the form. Escape and Cancel close it without changing anything. */
export function Modal({ open, onOpenChange, title, description, wide = false, children, testId }: ModalProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className={`dialog${wide ? ' dialog-wide' : ''}`} data-testid={testId} {...(description ? {} : { 'aria-describedby': undefined })}>
          <Dialog.Title className="dialog-title">{title}</Dialog.Title>
          {description ? <Dialog.Description className="dialog-description">{description}</Dialog.Description> : null}
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
