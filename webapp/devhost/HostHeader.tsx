import React, {useState, type ReactNode} from 'react';
import {useSelector} from 'react-redux';

import {displayName} from '../src/display_name';
import {errorMessage} from '../src/error_message';

import {signOut} from './session';
import type {HarnessState} from './store';

// The bar across the top of every dev host page, saying plainly what this page is.
export function HostHeader({children}: {children?: ReactNode}) {
    return (
        <header className='host-header'>
            <strong>{'Connect Chat dev host'}</strong>
            <span className='host-header-note'>{'A stand-in for the Mattermost web app, which is not available here'}</span>
            <div className='host-header-account'>{children}</div>
        </header>
    );
}

export function SignedInAccount({siteURL}: {siteURL: string}) {
    const user = useSelector((state: HarnessState) => state.entities.users.profiles[state.entities.users.currentUserId]);
    const [failure, setFailure] = useState<string | null>(null);

    const onSignOut = () => {
        setFailure(null);
        signOut(siteURL).then(
            () => window.location.assign('/login'),
            (error: unknown) => setFailure(errorMessage(error)),
        );
    };

    return (
        <>
            {failure && <span role='alert'>{failure}</span>}
            <span data-testid='host-user'>{user ? displayName(user) : ''}</span>
            <button
                type='button'
                onClick={onSignOut}
            >
                {'Sign out'}
            </button>
        </>
    );
}
