import React, {useEffect, useRef} from 'react';

// In place of the sidebar for someone who is not ITIL staff: what Connect is, who gets it and
// whom to ask. No picker and no retry: nothing the user can do here changes the answer.
export function NotStaffPanel({help}: {help: string}) {
    const headingRef = useRef<HTMLHeadingElement>(null);
    useEffect(() => headingRef.current?.focus(), []);
    return (
        <section
            className='cc-sidebar cc-not-staff'
            aria-labelledby='cc-not-staff-title'
            data-testid='not-staff-panel'
        >
            <h2
                ref={headingRef}
                id='cc-not-staff-title'
                className='cc-not-staff-title'
                tabIndex={-1}
            >
                {'Connect Chat is for IT staff'}
            </h2>
            <p>{'It is where ITIL staff talk with each other about tickets, changes and incidents. Your account is not one of them, so there is nothing to show you here.'}</p>
            {help && <p>{help}</p>}
            <p>{'To reach IT about a request of your own, use your usual support channel or portal.'}</p>
        </section>
    );
}
