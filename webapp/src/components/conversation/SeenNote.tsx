import React from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import type {SeenNote as Note} from './seen';

const messages = defineMessages({
    seenBy: {id: 'connect.seen.by_title', defaultMessage: 'Seen by {names}'},
});

// F-85: "Seen 10:42" or "Seen by Bob and Carol" under the caller's newest message someone has
// seen. The names show on hover (title) and on keyboard focus (conversation.css), and screen
// readers read them with the note.
export function SeenNote({note}: {note: Note}) {
    const intl = useConnectIntl();
    return (
        <p
            className='cc-seen'
            tabIndex={0}
            title={intl.formatMessage(messages.seenBy, {names: note.names})}
            data-names={note.names}
        >
            {note.text}
            <span className='cc-visually-hidden'>{` (${note.names})`}</span>
        </p>
    );
}
