import { useEffect, useRef, type ReactNode } from 'react';
import { cx } from '../lib/cx';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  tone?: 'default' | 'danger';
  testId?: string;
}

/**
 * A modal on the native <dialog> element (focus trap, Escape and the backdrop for free).
 * Content mounts only while open, so forms inside start empty each time.
 */
export function Dialog({ open, onClose, title, description, children, tone = 'default', testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={cx('ui-dialog', tone === 'danger' && 'ui-dialog--danger')}
      onClose={onClose}
      data-testid={testId}
    >
      {open && (
        <div className="ui-dialog__content">
          <h2 className="ui-dialog__title">{title}</h2>
          {description && <div className="ui-dialog__description">{description}</div>}
          {children}
        </div>
      )}
    </dialog>
  );
}

/** Right-aligned buttons at the bottom of a dialog's form. */
export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className="ui-dialog__footer">{children}</div>;
}
