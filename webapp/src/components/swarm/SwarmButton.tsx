import React, {useRef, useState} from 'react';

import {SwarmDialog, type SwarmRecordRef} from './SwarmDialog';

// "Bring in the team" of a found record: opens the dialog that lists its people. The server
// answers only staff; Connect's views are staff-only.
export function SwarmButton({record}: {record: SwarmRecordRef}) {
    const [open, setOpen] = useState(false);
    const buttonRef = useRef<HTMLButtonElement>(null);
    return (
        <>
            <button
                ref={buttonRef}
                type='button'
                className='cc-follow-button cc-swarm-button'
                aria-haspopup='dialog'
                aria-label={`Bring in the team of ${record.number}`}
                title={`Bring in the team of ${record.number}: its assignee and assignment group join its record conversation`}
                onClick={() => setOpen(true)}
            >
                {'Bring in the team'}
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
