import React, {forwardRef, type ReactNode} from 'react';

interface Props {
    label: string;

    // The tooltip, when it should say more than the label.
    tooltip?: string;
    onClick: () => void;
    children: ReactNode;

    // Kept focusable and showing its tooltip, unlike a disabled button: it says why it does nothing.
    unavailable?: boolean;
    expanded?: boolean;
    small?: boolean;
    className?: string;
}

export const IconButton = forwardRef<HTMLButtonElement, Props>(function IconButton({label, tooltip, onClick, children, unavailable, expanded, small, className}, ref) {
    const classes = ['cc-icon-button', small ? 'cc-icon-button--small' : '', className ?? ''].filter(Boolean).join(' ');
    return (
        <button
            ref={ref}
            type='button'
            className={classes}
            aria-label={label}
            title={tooltip ?? label}
            aria-disabled={unavailable ? 'true' : undefined}
            aria-expanded={expanded}
            onClick={unavailable ? undefined : onClick}
        >
            {children}
        </button>
    );
});
