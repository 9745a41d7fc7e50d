import React, {useEffect, useRef} from 'react';
import {defineMessages} from 'react-intl';
import {useSelector} from 'react-redux';

import {useConnectIntl} from '../../i18n/intl';
import {ensureConversation} from '../../state/operations';
import {dockLayout, selectConversationsLoaded, selectDockCapacity, selectFocusedWindowId, selectFocusRequest, selectMiniWindows, selectSidebarInset} from '../../state/selectors';
import type {MiniWindow as MiniWindowState} from '../../state/types';
import {useConnectStylesheet} from '../../styles/stylesheet';
import {useConnectDeps} from '../connect_context';

import {appBarInset, useDockCapacity, windowGap} from './dock_capacity';
import {MiniWindow} from './MiniWindow';
import {OverflowMenu} from './OverflowMenu';

// Once the list is in, fetches the conversations of windows restored from an earlier visit
// that it lacks (closed ones, or ones the user has left).
function useRestoredConversations(windows: MiniWindowState[]): void {
    const deps = useConnectDeps();
    const loaded = useSelector(selectConversationsLoaded);
    const requested = useRef(new Set<string>());
    useEffect(() => {
        if (!loaded) {
            return;
        }
        for (const {id} of windows) {
            if (!requested.current.has(id)) {
                requested.current.add(id);
                ensureConversation(deps, id).catch(() => requested.current.delete(id));
            }
        }
    }, [deps, loaded, windows]);
}

const messages = defineMessages({
    label: {id: 'connect.dock.label', defaultMessage: 'Conversation windows'},
});

// The mini windows (F-20, F-21), docked at the bottom right beside the sidebar: the newest
// nearest the sidebar, the oldest in an overflow menu once the viewport is too narrow.
export function MiniWindowDock() {
    useConnectStylesheet();
    const intl = useConnectIntl();
    const windows = useSelector(selectMiniWindows);
    const capacity = useSelector(selectDockCapacity);
    const focusedId = useSelector(selectFocusedWindowId);
    const focusRequest = useSelector(selectFocusRequest);
    const sidebarInset = useSelector(selectSidebarInset);
    const rightInset = sidebarInset === null ? appBarInset : sidebarInset + windowGap;
    useDockCapacity(rightInset);
    useRestoredConversations(windows);

    if (windows.length === 0) {
        return null;
    }
    const {visible, overflow} = dockLayout(windows, capacity);
    return (
        <div
            className='cc-dock'
            role='region'
            aria-label={intl.formatMessage(messages.label)}
            style={{right: rightInset, maxWidth: `calc(100vw - ${rightInset + windowGap}px)`}}
        >
            {overflow.length > 0 && <OverflowMenu windows={overflow}/>}
            {visible.map((window) => (
                <MiniWindow
                    key={window.id}
                    id={window.id}
                    collapsed={window.collapsed}
                    focused={window.id === focusedId}
                    focusRequest={window.id === focusedId ? focusRequest : 0}
                />
            ))}
        </div>
    );
}
