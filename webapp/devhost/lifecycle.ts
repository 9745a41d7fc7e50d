// The page's start, as components/root/root.tsx runs it: point Client4 at the site URL (cookies
// authenticate, so no auth header), load the client config (and the user, when the browser is
// signed in), then onConfigLoaded initializes the plugins, signed in or not. Only then are the
// routes rendered.
import {Client4} from 'mattermost-redux/client';

import {initializePlugins, installRegisterPlugin} from './plugins/load';
import {browserHistory} from './routing/history';
import {loadConfigAndMe} from './session';
import {getSiteURL} from './site_url';
import type {DevHostStore} from './store';


export async function start(store: DevHostStore): Promise<void> {
    Client4.setUrl(getSiteURL());
    Client4.setAuthHeader = false;

    // plugins/export.js: the web app's router, for plugins that navigate.
    (window as {WebappUtils?: unknown}).WebappUtils = {browserHistory};
    installRegisterPlugin(store);

    await loadConfigAndMe(store);
    await initializePlugins();
}
