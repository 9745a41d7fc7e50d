import React from 'react';

export function unreadLabel(count: number): string {
    return count === 1 ? '1 unread message' : `${count} unread messages`;
}

// Nothing for zero; 99+ beyond that. Screen readers hear the count in words, unless the
// element around the badge already says it (decorative).
export function UnreadBadge({count, decorative = false}: {count: number; decorative?: boolean}) {
    if (count <= 0) {
        return null;
    }
    return (
        <>
            <span
                className='cc-badge'
                title={unreadLabel(count)}
                aria-hidden='true'
                data-testid='unread-badge'
            >
                {count > 99 ? '99+' : count}
            </span>
            {!decorative && <span className='cc-visually-hidden'>{unreadLabel(count)}</span>}
        </>
    );
}
