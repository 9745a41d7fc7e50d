import React from 'react';
import {useSelector} from 'react-redux';

import {workspacePageURL} from '../../routes';
import {showConversation} from '../../state/operations';
import {selectAccessHelp} from '../../state/selectors';
import {useConnectStylesheet} from '../../styles/stylesheet';
import {useConnectDeps, useConnectEnvironment} from '../connect_context';

import {ConversationNavigator} from './ConversationNavigator';
import {NotStaffPanel} from './NotStaffPanel';
import {useSidebarInset} from './use_sidebar_inset';

// The Connect sidebar (F-10..F-15): the open conversations, most recent first, a filter that
// searches all of them, and the buttons to start one, open the workspace and hide the sidebar.
// A conversation opens in a mini window.
export function ConnectSidebar() {
    useConnectStylesheet();
    const accessHelp = useSelector(selectAccessHelp);
    if (accessHelp !== null) {
        return <NotStaffPanel help={accessHelp}/>;
    }
    return <StaffSidebar/>;
}

function StaffSidebar() {
    const deps = useConnectDeps();
    const {siteURL, hideSidebar} = useConnectEnvironment();
    const regionRef = useSidebarInset<HTMLElement>();
    return (
        <ConversationNavigator
            regionRef={regionRef}
            label='Connect'
            onOpen={(conversation) => showConversation(deps, conversation)}
            onOpenStandalone={() => window.open(workspacePageURL(siteURL), '_blank', 'noopener')}
            onCollapse={hideSidebar}
        />
    );
}
