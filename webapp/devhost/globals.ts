// What the Mattermost web app puts on window for plugins; loaded before anything else on the dev host page.
import React from 'react';
import * as ReactDOM from 'react-dom';
import * as ReactIntl from 'react-intl';
import * as ReactRedux from 'react-redux';
import * as Redux from 'redux';

import {WebSocketContext} from './websocket_context';

declare global {
    interface Window {
        React: typeof React;
        ReactDOM: typeof ReactDOM;
        Redux: typeof Redux;
        ReactRedux: typeof ReactRedux;
        ReactIntl: typeof ReactIntl;
        ProductApi: {WebSocketProvider: typeof WebSocketContext};
    }
}

window.React = React;
window.ReactDOM = ReactDOM;
window.Redux = Redux;
window.ReactRedux = ReactRedux;
window.ReactIntl = ReactIntl;

// plugins/export.js: the prototype Product API, of which the dev host imitates the websocket part.
window.ProductApi = {WebSocketProvider: WebSocketContext};
