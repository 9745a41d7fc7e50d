// components/root/root_redirect: "/" goes to the user's default team, or to the login page.
import {useEffect} from 'react';
import {useStore} from 'react-redux';

import {getCurrentUserId} from 'mattermost-redux/selectors/entities/users';

import {browserHistory, useLocation} from '../routing/history';
import {redirectUserToDefaultTeam} from '../session';
import type {DevHostState} from '../store';

export function RootRedirect() {
    const store = useStore<DevHostState>();
    const {search} = useLocation();
    useEffect(() => {
        if (getCurrentUserId(store.getState())) {
            redirectUserToDefaultTeam(store);
        } else {
            browserHistory.replace(`/login${search}`);
        }
    }, [store, search]);
    return null;
}
