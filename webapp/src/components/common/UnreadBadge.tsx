import React from 'react';
import {defineMessages, type IntlShape} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';

const messages = defineMessages({
    unread: {id: 'connect.unread.count', defaultMessage: '{count, plural, one {# unread message} other {# unread messages}}'},
});

export function unreadLabel(intl: IntlShape, count: number): string {
    return intl.formatMessage(messages.unread, {count});
}

// Nothing for zero; 99+ beyond that. Screen readers hear the count in words, unless the
// element around the badge already says it (decorative).
export function UnreadBadge({count, decorative = false}: {count: number; decorative?: boolean}) {
    const intl = useConnectIntl();
    if (count <= 0) {
        return null;
    }
    return (
        <>
            <span
                className='cc-badge'
                title={unreadLabel(intl, count)}
                aria-hidden='true'
                data-testid='unread-badge'
            >
                {count > 99 ? '99+' : count}
            </span>
            {!decorative && <span className='cc-visually-hidden'>{unreadLabel(intl, count)}</span>}
        </>
    );
}
