import React, {useCallback, useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent} from 'react';
import {defineMessages} from 'react-intl';
import {useDispatch, useSelector} from 'react-redux';

import {commonMessages} from '../../i18n/common_messages';
import {useConnectIntl} from '../../i18n/intl';
import {errorMessage} from '../../error_message';
import {workspacePageURL} from '../../routes';
import {windowClosed, windowCollapsed, windowFocused} from '../../state/actions';
import {addPeople, removeFromGroup, renameGroup} from '../../state/operations';
import {selectConversation} from '../../state/selectors';
import type {ConnectRootState} from '../../state/types';
import type {Conversation, Member, StaffPerson} from '../../types/connect';
import {IconButton} from '../common/IconButton';
import {CloseIcon} from '../common/icons';
import {BellPanel} from '../bell/BellPanel';
import {useConnectDeps, useConnectEnvironment} from '../connect_context';
import {ConversationBody, DropOverlay} from '../conversation/ConversationBody';
import {useConversation} from '../conversation/use_conversation';
import {AddPeoplePicker} from '../people_picker/AddPeoplePicker';

import {MembersPanel} from './MembersPanel';
import {MiniWindowHeader} from './MiniWindowHeader';

interface Props {
    id: string;
    collapsed: boolean;
    focused: boolean;

    // Changes each time the focused window is opened (again): focus goes to it.
    focusRequest: number;
}

// One Connect mini window (F-20..F-23): header, conversation and message field. Dropped files
// wait in the message field; dropping a ticket number or link posts it as a record (F-41).
export function MiniWindow({id, collapsed, focused, focusRequest}: Props) {
    const conversation = useSelector((state: ConnectRootState) => selectConversation(state, id));
    if (!conversation) {
        return <PendingWindow id={id}/>;
    }
    return (
        <ConversationWindow
            conversation={conversation}
            collapsed={collapsed}
            focused={focused}
            focusRequest={focusRequest}
        />
    );
}

const messages = defineMessages({
    loadingLabel: {id: 'connect.window.loading_label', defaultMessage: 'Loading conversation'},
});

// A window restored from an earlier visit, while its conversation is fetched.
function PendingWindow({id}: {id: string}) {
    const dispatch = useDispatch();
    const intl = useConnectIntl();
    return (
        <section
            className='cc-window cc-window--collapsed'
            aria-label={intl.formatMessage(messages.loadingLabel)}
            data-conversation-id={id}
        >
            <header className='cc-window-header'>
                <p className='cc-window-title'>{intl.formatMessage(commonMessages.loading)}</p>
                <IconButton
                    label={intl.formatMessage(commonMessages.close)}
                    onClick={() => dispatch(windowClosed(id))}
                >
                    <CloseIcon/>
                </IconButton>
            </header>
        </section>
    );
}

function sidebarRowOf(id: string): HTMLElement | null {
    const rows = Array.from(document.querySelectorAll<HTMLElement>('.cc-sidebar [data-conversation-row-id]'));
    return rows.find((row) => row.dataset.conversationRowId === id)?.querySelector<HTMLElement>('.cc-row-main') ?? null;
}

interface ConversationWindowProps {
    conversation: Conversation;
    collapsed: boolean;
    focused: boolean;
    focusRequest: number;
}

function ConversationWindow({conversation, collapsed, focused, focusRequest}: ConversationWindowProps) {
    const {id} = conversation;
    const deps = useConnectDeps();
    const {siteURL, currentUserId} = useConnectEnvironment();
    const dispatch = useDispatch();
    const titleId = useId();
    const windowRef = useRef<HTMLElement>(null);
    const session = useConversation(conversation, focused && !collapsed);
    const {composerRef, setFailure} = session;
    const [addingPeople, setAddingPeople] = useState(false);
    const [showingMembers, setShowingMembers] = useState(false);
    const [showingBell, setShowingBell] = useState(false);

    // Opening a window (or closing the one that had focus) hands focus to it; closing it gives
    // focus back to what had it before (a sidebar row, say).
    const openerRef = useRef<HTMLElement | null>(null);
    useEffect(() => {
        const element = windowRef.current;
        if (focused && element && !element.contains(document.activeElement)) {
            openerRef.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
            (composerRef.current ?? element.querySelector<HTMLButtonElement>('button[aria-expanded]'))?.focus();
        }
    }, [focused, collapsed, focusRequest, composerRef]);

    const add = async (people: StaffPerson[]) => {
        await addPeople(deps, id, people.map((person) => person.id));
        setAddingPeople(false);
        composerRef.current?.focus();
    };

    // F-03: a failure shows in the window's alert; the name stays what the server has.
    const rename = async (name: string) => {
        setFailure(null);
        try {
            await renameGroup(deps, id, name);
        } catch (error) {
            setFailure(errorMessage(error));
        }
    };

    // F-04: removing yourself leaves the group, which closes this window.
    const remove = async (member: Member) => {
        setFailure(null);
        try {
            await removeFromGroup(deps, id, member.id);
        } catch (error) {
            setFailure(errorMessage(error));
        }
    };

    const closeMembers = () => {
        setShowingMembers(false);
        composerRef.current?.focus();
    };

    const closeBell = useCallback(() => {
        setShowingBell(false);
        composerRef.current?.focus();
    }, [composerRef]);

    const close = () => {
        // An opener that is gone (a filter's result, replaced by the list once chosen) hands over
        // to the conversation's row in the sidebar, if it shows one.
        const opener = openerRef.current?.isConnected ? openerRef.current : sidebarRowOf(id);
        const returnsFocus = Boolean(opener?.isConnected) && windowRef.current?.contains(document.activeElement);
        dispatch(windowClosed(id, !returnsFocus));
        if (returnsFocus) {
            opener?.focus();
        }
    };

    const onKeyDown = (event: KeyboardEvent) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
            event.preventDefault();
            close();
        }
    };

    const onBlur = (event: FocusEvent) => {
        if (focused && !(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) {
            dispatch(windowFocused(null));
        }
    };

    const classes = ['cc-window', collapsed ? 'cc-window--collapsed' : '', focused ? 'cc-window--focused' : ''].filter(Boolean).join(' ');
    return (
        <section
            ref={windowRef}
            className={classes}
            aria-labelledby={titleId}
            data-conversation-id={id}
            data-testid='mini-window'
            onKeyDown={onKeyDown}
            onFocus={() => !focused && dispatch(windowFocused(id))}
            onBlur={onBlur}
            {...session.dropHandlers}
        >
            <MiniWindowHeader
                conversation={conversation}
                siteURL={siteURL}
                titleId={titleId}
                collapsed={collapsed}
                onAddPeople={() => {
                    setShowingMembers(false);
                    setShowingBell(false);
                    setAddingPeople(true);
                }}
                onMembers={() => {
                    setAddingPeople(false);
                    setShowingBell(false);
                    setShowingMembers(true);
                }}
                onNotifications={() => {
                    setAddingPeople(false);
                    setShowingMembers(false);
                    setShowingBell(true);
                }}
                onRename={(name) => void rename(name)}
                onNewWindow={() => window.open(`${workspacePageURL(siteURL)}?conversation=${encodeURIComponent(id)}`, '_blank', 'noopener')}
                onToggleCollapsed={() => dispatch(windowCollapsed(id, !collapsed))}
                onClose={close}
            />
            {!collapsed && (
                <div className='cc-window-body'>
                    {addingPeople && (
                        <AddPeoplePicker
                            conversation={conversation}
                            onSubmit={add}
                            onCancel={() => {
                                setAddingPeople(false);
                                composerRef.current?.focus();
                            }}
                        />
                    )}
                    {showingMembers && conversation.kind === 'group' && (
                        <MembersPanel
                            conversation={conversation}
                            siteURL={siteURL}
                            currentUserId={currentUserId}
                            onRemove={remove}
                            onClose={closeMembers}
                        />
                    )}
                    {showingBell && (
                        <BellPanel
                            conversation={conversation}
                            onClose={closeBell}
                        />
                    )}
                    <ConversationBody session={session}/>
                </div>
            )}
            {session.dragging && <DropOverlay/>}
        </section>
    );
}
