// components/logged_in/logged_in.tsx: the signed-in part of the app. On mount it opens the
// websocket (closed again on unmount); a visitor who is not signed in is signed out and sent to
// the login page, which brings them back here.
import React, {useEffect, type ReactNode} from 'react';
import {useSelector, useStore} from 'react-redux';

import {getCurrentUser} from 'mattermost-redux/selectors/entities/users';

import {useLocation} from '../routing/history';
import {emitUserLoggedOutEvent} from '../session';
import type {DevHostState} from '../store';
import {close, initialize} from '../websocket';

export function LoggedIn({children}: {children: ReactNode}) {
    const store = useStore<DevHostState>();
    const currentUser = useSelector(getCurrentUser);
    const {pathname, search} = useLocation();

    useEffect(() => {
        initialize(store);
        if (!getCurrentUser(store.getState())) {
            void emitUserLoggedOutEvent(store, `/login?redirect_to=${encodeURIComponent(pathname + search)}`);
        }
        return close;

    // Only on mount, as componentDidMount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [store]);

    if (!currentUser) {
        return <div className='devhost-loading'>{'Loading…'}</div>;
    }
    return <>{children}</>;
}
