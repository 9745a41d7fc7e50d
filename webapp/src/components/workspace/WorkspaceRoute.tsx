import React from 'react';

import {useConnectStylesheet} from '../../styles/stylesheet';

import {conversationInAddress, keepInAddress} from './address';
import {Workspace} from './Workspace';

// The workspace inside the web app, at /<team>/connect-chat/workspace (F-32): the same workspace
// as the standalone page, in the host's store and live over the host's websocket.
export function WorkspaceRoute() {
    useConnectStylesheet();
    return (
        <div className='cc-ws-route'>
            <Workspace
                initialConversationId={conversationInAddress()}
                onSelect={keepInAddress}
            />
        </div>
    );
}
