import React from 'react';
import {useSelector} from 'react-redux';

import {displayName} from '../../display_name';
import {selectCurrentUser} from '../../host/selectors';

import {sidebarStyles} from './styles';

const headingId = 'connect-sidebar-heading';

// The right-hand sidebar. It reads the signed-in user from the host store, which the web app
// provides to every plugin component.
export function ConnectSidebar() {
    const currentUser = useSelector(selectCurrentUser);

    return (
        <section
            aria-labelledby={headingId}
            style={sidebarStyles.region}
        >
            <h2
                id={headingId}
                style={sidebarStyles.heading}
            >
                {'Connect'}
            </h2>
            {currentUser && (
                <p
                    data-testid='connect-sidebar-user'
                    style={sidebarStyles.signedInAs}
                >
                    {'Signed in as '}
                    <strong>{displayName(currentUser)}</strong>
                </p>
            )}
            <p style={sidebarStyles.emptyState}>{'No conversations yet.'}</p>
        </section>
    );
}
