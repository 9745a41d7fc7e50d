import React from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import {newMessagesLabel} from './unread';

const messages = defineMessages({
    newMessages: {id: 'connect.unread.line', defaultMessage: 'New messages'},
    jump: {id: 'connect.unread.jump', defaultMessage: 'Jump to newest'},
});

// F-86: above the first message that was unread when the conversation opened.
export function NewMessagesLine() {
    const intl = useConnectIntl();
    return (
        <div
            className='cc-unread-line'
            role='separator'
            aria-label={intl.formatMessage(messages.newMessages)}
            data-unread-line=''
        >
            <span>{intl.formatMessage(messages.newMessages)}</span>
        </div>
    );
}

// F-87: while the reader is scrolled up and messages arrive, how many, and the way down to them.
export function JumpToNewest({count, onJump}: {count: number; onJump: () => void}) {
    const intl = useConnectIntl();
    if (count === 0) {
        return null;
    }
    return (
        <button
            type='button'
            className='cc-jump-newest'
            onClick={onJump}
        >
            <span className='cc-jump-newest-count'>{newMessagesLabel(intl, count)}</span>
            <span>{intl.formatMessage(messages.jump)}</span>
        </button>
    );
}
