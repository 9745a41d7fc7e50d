import React, {useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode} from 'react';

export interface MenuItem {
    label: string;
    icon?: ReactNode;
    onSelect: () => void;

    // Shown but not chosen; the hint says why.
    unavailableHint?: string;
    danger?: boolean;
}

interface Props {
    label: string;
    icon: ReactNode;
    items: MenuItem[];
    className?: string;

    // Where the list opens relative to its button.
    placement?: 'below-end' | 'above-start';
}

// A button with a menu of actions, with the keyboard habits of one: arrows move, Escape closes
// and returns to the button, Tab leaves.
// What every Connect menu does: focus on its first item when it opens; Up/Down move between the
// items; Escape closes it and gives focus back to its button; Tab or leaving it closes it.
export function useMenu() {
    const [open, setOpen] = useState(false);
    const containerRef = useRef<HTMLDivElement>(null);
    const buttonRef = useRef<HTMLButtonElement>(null);

    useEffect(() => {
        if (open) {
            containerRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
        }
    }, [open]);

    const onMenuKeyDown = (event: KeyboardEvent) => {
        const all = Array.from(containerRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);
        const index = all.findIndex((item) => item === document.activeElement);
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            all[(index + step + all.length) % all.length]?.focus();
        } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            setOpen(false);
            buttonRef.current?.focus();
        } else if (event.key === 'Tab') {
            setOpen(false);
        }
    };

    const onBlur = (event: FocusEvent) => {
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) {
            setOpen(false);
        }
    };

    return {open, setOpen, containerRef, buttonRef, onMenuKeyDown, onBlur};
}

export function Menu({label, icon, items, className, placement = 'below-end'}: Props) {
    const {open, setOpen, containerRef, buttonRef, onMenuKeyDown, onBlur} = useMenu();
    const menuId = useId();

    const choose = (item: MenuItem) => {
        if (item.unavailableHint) {
            return;
        }
        setOpen(false);
        buttonRef.current?.focus();
        item.onSelect();
    };

    return (
        <div
            ref={containerRef}
            className={['cc-menu', className ?? ''].filter(Boolean).join(' ')}
            onBlur={onBlur}
        >
            <button
                ref={buttonRef}
                type='button'
                className='cc-icon-button'
                aria-label={label}
                title={label}
                aria-haspopup='menu'
                aria-expanded={open}
                aria-controls={open ? menuId : undefined}
                onClick={() => setOpen((shown) => !shown)}
            >
                {icon}
            </button>
            {open && (
                <ul
                    id={menuId}
                    role='menu'
                    aria-label={label}
                    className={`cc-menu-list cc-menu-list--${placement}`}
                    onKeyDown={onMenuKeyDown}
                >
                    {items.map((item) => (
                        <li
                            key={item.label}
                            role='none'
                        >
                            <button
                                type='button'
                                role='menuitem'
                                className={item.danger ? 'cc-menu-item cc-menu-item--danger' : 'cc-menu-item'}
                                aria-disabled={item.unavailableHint ? 'true' : undefined}
                                title={item.unavailableHint}
                                onClick={() => choose(item)}
                            >
                                {item.icon}
                                <span>{item.label}</span>
                            </button>
                        </li>
                    ))}
                </ul>
            )}
        </div>
    );
}
