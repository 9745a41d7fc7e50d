import React, {useRef, useState} from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import {SwarmDialog, type SwarmRecordRef} from './SwarmDialog';

const messages = defineMessages({
    label: {id: 'connect.swarm.button.label', defaultMessage: 'Bring in the team of {number}'},
    title: {id: 'connect.swarm.button.title', defaultMessage: 'Bring in the team of {number}: its assignee and assignment group join its record conversation'},
    button: {id: 'connect.swarm.button', defaultMessage: 'Bring in the team'},
});

// "Bring in the team" of a found record: opens the dialog that lists its people. The server
// answers only staff; Connect's views are staff-only.
export function SwarmButton({record}: {record: SwarmRecordRef}) {
    const [open, setOpen] = useState(false);
    const intl = useConnectIntl();
    const buttonRef = useRef<HTMLButtonElement>(null);
    return (
        <>
            <button
                ref={buttonRef}
                type='button'
                className='cc-follow-button cc-swarm-button'
                aria-haspopup='dialog'
                aria-label={intl.formatMessage(messages.label, {number: record.number})}
                title={intl.formatMessage(messages.title, {number: record.number})}
                onClick={() => setOpen(true)}
            >
                {intl.formatMessage(messages.button)}
            </button>
            {open && (
                <SwarmDialog
                    record={record}
                    onClose={() => {
                        setOpen(false);
                        buttonRef.current?.focus();
                    }}
                />
            )}
        </>
    );
}
