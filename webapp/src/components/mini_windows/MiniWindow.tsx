import React, {useCallback, useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent} from 'react';
import {useDispatch, useSelector} from 'react-redux';

import {errorMessage} from '../../error_message';
import {workspacePageURL} from '../../routes';
import {windowClosed, windowCollapsed, windowFocused} from '../../state/actions';
import {addPeople, removeFromGroup, renameGroup, sendPost} from '../../state/operations';
import {selectConversation, selectLastOwnPostId} from '../../state/selectors';
import type {ConnectRootState} from '../../state/types';
import type {Conversation, Member, StaffPerson} from '../../types/connect';
import {Alert} from '../common/Alert';
import {IconButton} from '../common/IconButton';
import {CloseIcon} from '../common/icons';
import {useConnectDeps, useConnectEnvironment} from '../connect_context';
import {PeoplePicker} from '../people_picker/PeoplePicker';

import {Composer} from './Composer';
import {MembersPanel} from './MembersPanel';
import type {DroppedContent} from './drop';
import {MessageList} from './MessageList';
import {fitsInPost} from './message_length';
import {MiniWindowHeader} from './MiniWindowHeader';
import {filesLabel, useComposerFiles} from './use_composer_files';
import {useDropZone} from './use_drop_zone';
import {useMarkReadWhileSeen} from './use_mark_read';

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

// A window restored from an earlier visit, while its conversation is fetched.
function PendingWindow({id}: {id: string}) {
    const dispatch = useDispatch();
    return (
        <section
            className='cc-window cc-window--collapsed'
            aria-label='Loading conversation'
            data-conversation-id={id}
        >
            <header className='cc-window-header'>
                <p className='cc-window-title'>{'Loading…'}</p>
                <IconButton
                    label='Close'
                    onClick={() => dispatch(windowClosed(id))}
                >
                    <CloseIcon/>
                </IconButton>
            </header>
        </section>
    );
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
    const composerRef = useRef<HTMLTextAreaElement>(null);
    const [draft, setDraft] = useState('');
    const waitingFiles = useComposerFiles();
    const [failure, setFailure] = useState<string | null>(null);
    const [activity, setActivity] = useState<string | null>(null);
    const [addingPeople, setAddingPeople] = useState(false);
    const [showingMembers, setShowingMembers] = useState(false);
    const [atBottom, setAtBottom] = useState(true);
    const [sentCount, setSentCount] = useState(0);
    const [editingId, setEditingId] = useState<string | null>(null);
    const lastOwnPostId = useSelector((state: ConnectRootState) => selectLastOwnPostId(state, id, currentUserId));
    const endEditing = () => {
        setEditingId(null);
        composerRef.current?.focus();
    };

    useMarkReadWhileSeen(deps, conversation, focused && atBottom && !collapsed);

    // Opening a window (or closing the one that had focus) hands focus to it; closing it gives
    // focus back to what had it before (a sidebar row, say).
    const openerRef = useRef<HTMLElement | null>(null);
    useEffect(() => {
        const element = windowRef.current;
        if (focused && element && !element.contains(document.activeElement)) {
            openerRef.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
            (composerRef.current ?? element.querySelector<HTMLButtonElement>('button[aria-expanded]'))?.focus();
        }
    }, [focused, collapsed, focusRequest]);

    const post = useCallback(async (message: string, description: string | null = null, files: File[] = []) => {
        setFailure(null);
        setActivity(description);
        try {
            await sendPost(deps, id, message, files);
            setSentCount((count) => count + 1);
            return true;
        } catch (error) {
            setFailure(errorMessage(error));
            return false;
        } finally {
            setActivity(null);
        }
    }, [deps, id]);

    // The text and the waiting files go as one post. A refused message stays in the field with its
    // files, with the server's reason above it (F-07).
    const send = async () => {
        const message = draft.trim();
        const sending = waitingFiles.files;
        if ((!message && sending.length === 0) || !fitsInPost(message) || activity) {
            return;
        }
        setDraft(message);
        const files = sending.map((waiting) => waiting.file);
        if (await post(message, files.length > 0 ? `Uploading ${filesLabel(files)}…` : 'Sending…', files)) {
            setDraft((current) => (current === message ? '' : current));
            waitingFiles.clear(sending);
        }
    };

    // Picked or dropped files wait in the field until the message is sent; past Mattermost's
    // limit of files in a post, the rest are refused.
    const attach = (files: File[]) => {
        setFailure(waitingFiles.add(files));
        composerRef.current?.focus();
    };

    const {dragging, handlers} = useDropZone((content: DroppedContent) => {
        switch (content.kind) {
        case 'files':
            attach(content.files);
            break;
        case 'record':
            void post(content.text, 'Adding the record…');
            break;
        case 'text':
            setDraft((current) => (current ? `${current} ${content.text}` : content.text));
            composerRef.current?.focus();
            break;
        }
    });

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

    const close = () => {
        const opener = openerRef.current;
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
            {...handlers}
        >
            <MiniWindowHeader
                conversation={conversation}
                siteURL={siteURL}
                titleId={titleId}
                collapsed={collapsed}
                onAddPeople={() => {
                    setShowingMembers(false);
                    setAddingPeople(true);
                }}
                onMembers={() => {
                    setAddingPeople(false);
                    setShowingMembers(true);
                }}
                onRename={(name) => void rename(name)}
                onNewWindow={() => window.open(`${workspacePageURL(siteURL)}?conversation=${encodeURIComponent(id)}`, '_blank', 'noopener')}
                onToggleCollapsed={() => dispatch(windowCollapsed(id, !collapsed))}
                onClose={close}
            />
            {!collapsed && (
                <div className='cc-window-body'>
                    {addingPeople && (
                        <PeoplePicker
                            title='Add people'
                            hint='They see the whole conversation, earlier messages included.'
                            submitLabel='Add'
                            excludeIds={conversation.members.map((member) => member.id)}
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
                    <MessageList
                        conversationId={id}
                        conversationName={conversation.name}
                        onAtBottomChange={setAtBottom}
                        sentCount={sentCount}
                        editingId={editingId}
                        onEdit={setEditingId}
                        onEditEnd={endEditing}
                    />
                    {activity && (
                        <p
                            className='cc-window-status'
                            role='status'
                        >
                            {activity}
                        </p>
                    )}
                    <Alert
                        message={failure}
                        className='cc-window-alert'
                    />
                    <Composer
                        inputRef={composerRef}
                        conversationName={conversation.name}
                        draft={draft}
                        onDraftChange={(text) => {
                            setDraft(text);
                            setFailure(null);
                        }}
                        onSend={() => void send()}
                        onAttach={attach}
                        files={waitingFiles.files}
                        onRemoveFile={(file) => {
                            waitingFiles.remove(file.key);
                            setFailure(null);
                        }}
                        busy={activity !== null}
                        onEditLast={lastOwnPostId ? () => setEditingId(lastOwnPostId) : undefined}
                    />
                </div>
            )}
            {dragging && (
                <div
                    className='cc-drop-overlay'
                    aria-hidden='true'
                >
                    {'Drop to share in this conversation'}
                </div>
            )}
        </section>
    );
}
