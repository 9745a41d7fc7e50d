// The dev host: the Mattermost server serves it as its web client (root.html), in place of the
// Mattermost web app, which cannot be built here. Built on the web app's own store
// (mattermost-redux) and client (@mattermost/client), it follows the web app's lifecycle and
// rendering rules; each module names the web app file its rule comes from.
import React from 'react';
import {createRoot} from 'react-dom/client';
import {Provider} from 'react-redux';

import {errorMessage} from '../src/error_message';

import {IntlProvider} from './i18n/IntlProvider';
import {Root} from './layout/Root';
import {start} from './lifecycle';
import {setHostStatus} from './status';
import {createDevHostStore} from './store';
import {webSocketClient} from './websocket';

async function main(): Promise<void> {
    setHostStatus('loading');
    const element = document.getElementById('root');
    if (!element) {
        throw new Error('The dev host page has no #root element.');
    }
    const store = createDevHostStore();
    await start(store);

    // components/root/root_provider.tsx: the web app's WebSocketClient for every component below,
    // plugins' among them, in the context globals.ts created (one React, one context object).
    const WebSocketContext = window.ProductApi.WebSocketProvider;
    createRoot(element).render(
        <Provider store={store}>
            <IntlProvider>
                <WebSocketContext.Provider value={webSocketClient}>
                    <Root/>
                </WebSocketContext.Provider>
            </IntlProvider>
        </Provider>,
    );
}

main().catch((error: unknown) => {
    const message = errorMessage(error);
    setHostStatus(`error: ${message}`);
    const alert = document.createElement('p');
    alert.setAttribute('role', 'alert');
    alert.textContent = message;
    document.body.appendChild(alert);
});
