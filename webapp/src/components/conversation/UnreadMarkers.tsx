import React from 'react';

import {newMessagesLabel} from './unread';

// F-86: above the first message that was unread when the conversation opened.
export function NewMessagesLine() {
    return (
        <div
            className='cc-unread-line'
            role='separator'
            aria-label='New messages'
            data-unread-line=''
        >
            <span>{'New messages'}</span>
        </div>
    );
}

// F-87: while the reader is scrolled up and messages arrive, how many, and the way down to them.
export function JumpToNewest({count, onJump}: {count: number; onJump: () => void}) {
    if (count === 0) {
        return null;
    }
    return (
        <button
            type='button'
            className='cc-jump-newest'
            onClick={onJump}
        >
            <span className='cc-jump-newest-count'>{newMessagesLabel(count)}</span>
            <span>{'Jump to newest'}</span>
        </button>
    );
}
