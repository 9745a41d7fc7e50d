// Signing in and out as the web app does, through mattermost-redux and Client4, never reloading:
// actions/views/root loadConfigAndMe, actions/views/login login, components/login/login.tsx
// finishSignin, actions/global_actions redirectUserToDefaultTeam and emitUserLoggedOutEvent.
import type {ServerError} from '@mattermost/types/errors';
import type {UserProfile} from '@mattermost/types/users';

import {UserTypes} from 'mattermost-redux/action_types';
import {getClientConfig, getLicenseConfig} from 'mattermost-redux/actions/general';
import {loadMe, logout} from 'mattermost-redux/actions/users';
import {Client4} from 'mattermost-redux/client';
import {getMyTeams} from 'mattermost-redux/selectors/entities/teams';

import {browserHistory} from './routing/history';
import type {DevHostDispatch, DevHostStore} from './store';
import {close as closeWebSocket} from './websocket';

// Only a signed-in browser has the MMUSERID cookie; without it the web app does not ask for "me".
export function loadConfigAndMe(store: DevHostStore): Promise<boolean> {
    return (async () => {
        await Promise.all([store.dispatch(getClientConfig()), store.dispatch(getLicenseConfig())]);
        if (!document.cookie.includes('MMUSERID=')) {
            return false;
        }
        const result = await store.dispatch(loadMe());
        return !('error' in result);
    })();
}

export type LoginResult = {user: UserProfile} | {error: ServerError};

export async function login(dispatch: DevHostDispatch, loginId: string, password: string): Promise<LoginResult> {
    dispatch({type: UserTypes.LOGIN_REQUEST});
    let user: UserProfile;
    try {
        user = await Client4.login(loginId, password);
    } catch (error) {
        dispatch({type: UserTypes.LOGIN_FAILURE, error});
        return {error: error as ServerError};
    }
    dispatch({type: UserTypes.LOGIN_SUCCESS});
    await dispatch(loadMe());
    return {user};
}

// The login page follows redirect_to only to a path on this site ("/x", not "//host").
export function isLocalPath(path: string | null): path is string {
    return path !== null && (/^\/([^/]|$)/).test(path);
}

// The first of the user's teams by display name; its town square.
export function defaultTeamPath(store: DevHostStore): string | null {
    const [team] = [...getMyTeams(store.getState())].sort((a, b) => a.display_name.localeCompare(b.display_name));
    return team ? `/${team.name}/channels/town-square` : null;
}

export function redirectUserToDefaultTeam(store: DevHostStore): void {
    browserHistory.push(defaultTeamPath(store) ?? '/select_team');
}

export function finishSignin(store: DevHostStore, search: string): void {
    const redirectTo = new URLSearchParams(search).get('redirect_to');
    if (isLocalPath(redirectTo)) {
        browserHistory.push(redirectTo);
        return;
    }
    redirectUserToDefaultTeam(store);
}

function clearUserCookie(): void {
    for (const name of ['MMUSERID', 'MMCSRF']) {
        document.cookie = `${name}=;expires=Thu, 01 Jan 1970 00:00:01 GMT;path=/`;
    }
}

// LOGOUT_SUCCESS clears entities.users.currentUserId; the plugins stay loaded.
export async function emitUserLoggedOutEvent(store: DevHostStore, redirectTo = '/'): Promise<void> {
    await store.dispatch(logout());
    closeWebSocket();
    clearUserCookie();
    browserHistory.push(redirectTo);
}
