import React, {useEffect, useRef} from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';

const messages = defineMessages({
    title: {id: 'connect.not_staff.title', defaultMessage: 'Connect Chat is for IT staff'},
    what: {id: 'connect.not_staff.what', defaultMessage: 'It is where ITIL staff talk with each other about tickets, changes and incidents. Your account is not one of them, so there is nothing to show you here.'},
    elsewhere: {id: 'connect.not_staff.elsewhere', defaultMessage: 'To reach IT about a request of your own, use your usual support channel or portal.'},
});

// In place of the sidebar for someone who is not ITIL staff: what Connect is, who gets it and
// whom to ask. No picker and no retry: nothing the user can do here changes the answer.
export function NotStaffPanel({help}: {help: string}) {
    const headingRef = useRef<HTMLHeadingElement>(null);
    const intl = useConnectIntl();
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
                {intl.formatMessage(messages.title)}
            </h2>
            <p>{intl.formatMessage(messages.what)}</p>
            {help && <p>{help}</p>}
            <p>{intl.formatMessage(messages.elsewhere)}</p>
        </section>
    );
}
