import React from 'react';
import {createRoot, type Root} from 'react-dom/client';

import {ConnectClient, type FetchFunction} from '../client';
import {siteURLFromWindow} from '../host/site_url';
import {replaceLocation} from '../navigation';
import {loginURL, workspaceReturnPath} from '../routes';

import {WorkspaceApp} from './WorkspaceApp';

export const workspaceRootId = 'connect-workspace-root';

// The plugin's server writes the Site URL into the page; the page's origin is the fallback.
function siteURLOf(rootElement: HTMLElement): string {
    const fromServer = rootElement.dataset.siteUrl;
    return fromServer ? fromServer.replace(/\/$/, '') : siteURLFromWindow(window.location, undefined);
}

export function mountWorkspace(rootElement: HTMLElement, fetchFunction?: FetchFunction): Root {
    const siteURL = siteURLOf(rootElement);
    const client = new ConnectClient(siteURL, fetchFunction);
    const goToLogin = () => {
        replaceLocation(loginURL(siteURL, workspaceReturnPath() + window.location.search));
    };

    const root = createRoot(rootElement);
    root.render(
        <WorkspaceApp
            client={client}
            onUnauthorized={goToLogin}
        />,
    );
    return root;
}
