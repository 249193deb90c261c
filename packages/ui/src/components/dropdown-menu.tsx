import { useEffect, useId, useRef, useState, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { cx } from '../lib/cx';
import { Icon } from './icons';

export interface DropdownMenuProps {
  /** Content of the trigger button. */
  trigger: ReactNode;
  /** Accessible name of the trigger. */
  label: string;
  children: ReactNode;
  align?: 'start' | 'end';
  testId?: string;
  triggerClassName?: string;
}

/** A button that opens a small menu; closes on item click, outside click and Escape. */
export function DropdownMenu({ trigger, label, children, align = 'end', testId, triggerClassName }: DropdownMenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="ui-menu" ref={root}>
      <button
        type="button"
        className={cx('ui-menu__trigger', triggerClassName)}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={label}
        data-testid={testId}
        onClick={() => setOpen((value) => !value)}
      >
        {trigger}
        <Icon name="chevron-down" className="ui-menu__chevron" />
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          className={cx('ui-menu__panel', `ui-menu__panel--${align}`)}
          onClick={(event) => {
            if ((event.target as HTMLElement).closest('[role="menuitem"]')) setOpen(false);
          }}
        >
          {children}
        </div>
      )}
    </div>
  );
}

export interface MenuItemProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  icon?: ReactNode;
  selected?: boolean;
  tone?: 'default' | 'danger';
}

export function MenuItem({ icon, selected, tone = 'default', className, children, ...rest }: MenuItemProps) {
  return (
    <button
      type="button"
      role="menuitem"
      className={cx('ui-menu__item', tone === 'danger' && 'ui-menu__item--danger', className)}
      aria-current={selected || undefined}
      {...rest}
    >
      <span className="ui-menu__item-icon">{selected ? <Icon name="check" /> : icon}</span>
      <span className="ui-menu__item-text">{children}</span>
    </button>
  );
}

export function MenuLabel({ children }: { children: ReactNode }) {
  return <div className="ui-menu__label">{children}</div>;
}

export function MenuSeparator() {
  return <div className="ui-menu__separator" role="separator" />;
}
