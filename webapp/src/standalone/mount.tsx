import React from 'react';
import {createRoot, type Root} from 'react-dom/client';
import {Provider} from 'react-redux';

import {ConnectClient, type FetchFunction} from '../client';
import {createConnectApp, createStandaloneStore} from '../connect_app';
import {siteURLFromWindow} from '../host/site_url';
import {replaceLocation} from '../navigation';
import {loginURL, workspaceReturnPath} from '../routes';
import {installStylesheet} from '../styles/stylesheet';
import type {UserProfile} from '../types/user';

import {WorkspaceApp, type StartConnect} from './WorkspaceApp';

export const workspaceRootId = 'connect-workspace-root';

// The plugin's server writes the Site URL into the page; the page's origin is the fallback.
function siteURLOf(rootElement: HTMLElement): string {
    const fromServer = rootElement.dataset.siteUrl;
    return fromServer ? fromServer.replace(/\/$/, '') : siteURLFromWindow(window.location, undefined);
}

export function mountWorkspace(rootElement: HTMLElement, fetchFunction?: FetchFunction): Root {
    const siteURL = siteURLOf(rootElement);
    const client = new ConnectClient(siteURL, fetchFunction);
    const store = createStandaloneStore();
    const goToLogin = () => {
        replaceLocation(loginURL(siteURL, workspaceReturnPath() + window.location.search));
    };

    // The page has no websocket yet: the app's handlers are ready for the one it will get.
    const startConnect: StartConnect = (user: UserProfile) => {
        const app = createConnectApp(store, {client, siteURL, currentUserId: user.id});
        return {environment: app.environment, stop: app.start(window.localStorage)};
    };

    installStylesheet();
    const root = createRoot(rootElement);
    root.render(
        <Provider store={store}>
            <WorkspaceApp
                client={client}
                onUnauthorized={goToLogin}
                startConnect={startConnect}
            />
        </Provider>,
    );
    return root;
}
