import React, {useCallback, useEffect, useState} from 'react';
import {defineMessages} from 'react-intl';
import {useSelector} from 'react-redux';

import {useConnectIntl} from '../../i18n/intl';
import {errorMessage} from '../../error_message';
import {ensureConversation, reopenIfClosed} from '../../state/operations';
import {selectAccessHelp, selectConversation, selectConversationsLoaded} from '../../state/selectors';
import type {ConnectRootState} from '../../state/types';
import type {Conversation} from '../../types/connect';
import {Alert} from '../common/Alert';
import {useConnectDeps} from '../connect_context';
import {ConversationNavigator} from '../sidebar/ConversationNavigator';
import {NotStaffPanel} from '../sidebar/NotStaffPanel';

import {openConversationEvent} from './open_conversation_event';
import {QuickSwitcher} from './QuickSwitcher';
import {usePrefetchedRecentConversations} from './use_prefetch';
import {ConversationTools, type ToolsTab} from './tools/ConversationTools';
import {WorkspacePane} from './WorkspacePane';

interface Props {
    // The conversation to show first (a deep link).
    initialConversationId?: string | null;

    // Told of every conversation the user opens, to keep the address in step.
    onSelect?: (conversationId: string | null) => void;
}

// Below this width (workspace.css's media query) the list is avatars and the tools an overlay.
const narrowWidth = 900;

function isJumpKey(event: KeyboardEvent): boolean {
    return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
}

const messages = defineMessages({
    list: {id: 'connect.workspace.list', defaultMessage: 'Conversations'},
    empty: {id: 'connect.workspace.empty_label', defaultMessage: 'No conversation open'},
    missing: {id: 'connect.workspace.missing', defaultMessage: 'That conversation is not one of yours, or it no longer exists.'},
    choose: {id: 'connect.workspace.choose', defaultMessage: 'Choose a conversation on the left, or start one. Ctrl+K jumps to one by name.'},
    tools: {id: 'connect.workspace.tools', defaultMessage: 'Conversation tools'},
});

// The Connect Workspace (F-30, F-31): the conversation list, the open conversation, and its tools.
// One implementation for the route inside Mattermost and the standalone page.
export function Workspace({initialConversationId = null, onSelect}: Props) {
    const accessHelp = useSelector(selectAccessHelp);
    if (accessHelp !== null) {
        return (
            <div className='cc-ws cc-ws--denied'>
                <NotStaffPanel help={accessHelp}/>
            </div>
        );
    }
    return (
        <StaffWorkspace
            initialConversationId={initialConversationId}
            onSelect={onSelect}
        />
    );
}

function StaffWorkspace({initialConversationId, onSelect}: Props) {
    const deps = useConnectDeps();
    const intl = useConnectIntl();
    const [selectedId, setSelectedId] = useState<string | null>(initialConversationId ?? null);
    const [focusRequest, setFocusRequest] = useState(0);
    // On a narrow screen the tools are an overlay, so they start closed there.
    const [tab, setTab] = useState<ToolsTab | null>(() => (window.innerWidth > narrowWidth ? 'info' : null));
    const [switching, setSwitching] = useState(false);
    const [failure, setFailure] = useState<string | null>(null);
    const loaded = useSelector(selectConversationsLoaded);
    const selected = useSelector((state: ConnectRootState) => (selectedId ? selectConversation(state, selectedId) : undefined));

    const select = useCallback(async (conversation: Conversation) => {
        setFailure(null);
        await reopenIfClosed(deps, conversation);
        setSelectedId(conversation.id);
        setFocusRequest((count) => count + 1);
        setSwitching(false);
        onSelect?.(conversation.id);
    }, [deps, onSelect]);

    usePrefetchedRecentConversations(loaded);

    // A deep link may name a closed conversation, or one that is not the user's.
    useEffect(() => {
        if (loaded && selectedId && !selected) {
            ensureConversation(deps, selectedId).catch((error: unknown) => setFailure(errorMessage(error)));
        }
    }, [deps, loaded, selectedId, selected]);

    // A clicked browser notification names the conversation to open.
    useEffect(() => {
        const onOpenRequest = (event: Event) => {
            const id = event instanceof CustomEvent && typeof event.detail === 'string' ? event.detail : null;
            const conversation = id ? selectConversation(deps.getState(), id) : undefined;
            if (conversation) {
                event.preventDefault();
                void select(conversation);
            }
        };
        window.addEventListener(openConversationEvent, onOpenRequest);
        return () => window.removeEventListener(openConversationEvent, onOpenRequest);
    }, [deps, select]);

    useEffect(() => {
        const onKeyDown = (event: KeyboardEvent) => {
            if (isJumpKey(event)) {
                event.preventDefault();
                setSwitching(true);
            }
        };
        window.addEventListener('keydown', onKeyDown);
        return () => window.removeEventListener('keydown', onKeyDown);
    }, []);

    const missing = loaded && selectedId && !selected;
    return (
        <div
            className={tab ? 'cc-ws cc-ws--tools' : 'cc-ws'}
            data-testid='workspace'
        >
            <ConversationNavigator
                label={intl.formatMessage(messages.list)}
                className='cc-ws-list'
                selectedId={selectedId}
                onOpen={select}
            />
            {selected ? (
                <WorkspacePane
                    conversation={selected}
                    focusRequest={focusRequest}
                    onNotifications={() => setTab('notifications')}
                />
            ) : (
                <section
                    className='cc-ws-pane cc-ws-pane--empty'
                    aria-label={intl.formatMessage(messages.empty)}
                >
                    <Alert message={failure}/>
                    <p className='cc-status'>
                        {intl.formatMessage(missing ? messages.missing : messages.choose)}
                    </p>
                </section>
            )}
            {selected && (
                <aside
                    className='cc-ws-tools'
                    aria-label={intl.formatMessage(messages.tools)}
                    onKeyDown={(event) => {
                        if (event.key === 'Escape' && tab) {
                            event.preventDefault();
                            setTab(null);
                        }
                    }}
                >
                    <ConversationTools
                        conversation={selected}
                        tab={tab}
                        onTabChange={setTab}
                        onOpenConversation={(id) => {
                            const other = selectConversation(deps.getState(), id);
                            if (other) {
                                void select(other);
                            }
                        }}
                    />
                </aside>
            )}
            {switching && (
                <QuickSwitcher
                    onChoose={(conversation) => void select(conversation)}
                    onClose={() => setSwitching(false)}
                />
            )}
        </div>
    );
}
