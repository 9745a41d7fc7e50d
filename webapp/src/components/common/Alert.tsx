import React from 'react';

interface Props {
    // Nothing shows without a message.
    message: string | null | undefined;

    className?: string;

    // 'box' stands out as an error; 'text' keeps the text style around it, as in an empty state.
    look?: 'box' | 'text';

    // Whether screen readers announce it at once (role="alert").
    announce?: boolean;
}

// Every error message Connect shows.
export function Alert({message, className, look = 'box', announce = true}: Props) {
    if (!message) {
        return null;
    }
    const classes = [look === 'box' ? 'cc-alert' : 'cc-alert-text', className].filter(Boolean).join(' ');
    return (
        <p
            className={classes}
            role={announce ? 'alert' : undefined}
        >
            {message}
        </p>
    );
}
