import React from 'react';

import type {SeenNote as Note} from './seen';

// F-85: "Seen 10:42" or "Seen by Bob and Carol" under the caller's newest message someone has
// seen. The names show on hover (title) and on keyboard focus (conversation.css), and screen
// readers read them with the note.
export function SeenNote({note}: {note: Note}) {
    return (
        <p
            className='cc-seen'
            tabIndex={0}
            title={`Seen by ${note.names}`}
            data-names={note.names}
        >
            {note.text}
            <span className='cc-visually-hidden'>{` (${note.names})`}</span>
        </p>
    );
}
