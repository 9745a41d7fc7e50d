import React, {useEffect} from 'react';

import {useConnectEnvironment} from '../connect_context';

import {useConnectStylesheet} from '../../styles/stylesheet';

import {conversationInAddress, keepInAddress} from './address';
import {Workspace} from './Workspace';

// The workspace inside the web app, at /<team>/connect-chat/workspace (F-32): the same workspace
// as the standalone page, in the host's store and live over the host's websocket.
export function WorkspaceRoute() {
    useConnectStylesheet();

    // The web app keeps the right-hand sidebar open across routes; beside the workspace, whose
    // list is the same, the Connect sidebar would only take its room.
    const {hideSidebar} = useConnectEnvironment();
    useEffect(() => {
        hideSidebar?.();
    }, [hideSidebar]);
    return (
        <div className='cc-ws-route'>
            <Workspace
                initialConversationId={conversationInAddress()}
                onSelect={keepInAddress}
            />
        </div>
    );
}
