import React, {useEffect, useRef, useState, type KeyboardEvent} from 'react';
import {defineMessages, type IntlShape} from 'react-intl';

import {commonMessages} from '../../i18n/common_messages';
import {useConnectIntl} from '../../i18n/intl';
import type {Conversation} from '../../types/connect';
import {ConversationAvatar} from '../common/Avatar';
import {IconButton} from '../common/IconButton';
import {AddPeopleIcon, BellIcon, CloseIcon, ExpandIcon, ExternalIcon, GroupIcon, MinimizeIcon, MoreIcon} from '../common/icons';
import {Menu, type MenuItem} from '../common/Menu';
import {UnreadBadge} from '../common/UnreadBadge';

interface Props {
    conversation: Conversation;
    siteURL: string;
    titleId: string;
    collapsed: boolean;
    onAddPeople: () => void;
    onMembers: () => void;
    onNotifications: () => void;

    // Only for a group Connect manages; "" goes back to the member names.
    onRename: (name: string) => void;
    onNewWindow: () => void;
    onToggleCollapsed: () => void;
    onClose: () => void;
}

// The longest group name the server accepts.
export const maxGroupNameLength = 64;

interface TitleProps {
    conversation: Conversation;
    titleId: string;
    renamable: boolean;
    onRename: (name: string) => void;
}

const messages = defineMessages({
    groupName: {id: 'connect.window.group_name', defaultMessage: 'Group name'},
    memberNames: {id: 'connect.window.group_name_placeholder', defaultMessage: 'Member names'},
    rename: {id: 'connect.window.rename', defaultMessage: 'Rename group'},
    renameTitle: {id: 'connect.window.rename_title', defaultMessage: '{name} (click to rename)'},
    addPeople: {id: 'connect.window.actions.add_people', defaultMessage: 'Add people'},
    members: {id: 'connect.window.actions.members', defaultMessage: 'Members'},
    notifications: {id: 'connect.window.actions.notifications', defaultMessage: 'Notification preferences'},
    newWindow: {id: 'connect.window.actions.new_window', defaultMessage: 'New Window'},
    more: {id: 'connect.window.actions.more', defaultMessage: 'More actions'},
    expand: {id: 'connect.window.expand', defaultMessage: 'Expand'},
    collapse: {id: 'connect.window.collapse', defaultMessage: 'Collapse'},
});

// The window's name, which names the window itself. A managed group's name is a button that turns
// into a field (F-03): Enter or leaving the field saves, Escape cancels.
function WindowTitle({conversation, titleId, renamable, onRename}: TitleProps) {
    const [editing, setEditing] = useState(false);
    const intl = useConnectIntl();
    const inputRef = useRef<HTMLInputElement>(null);
    const buttonRef = useRef<HTMLButtonElement>(null);
    const finished = useRef(false);
    const refocus = useRef(false);

    useEffect(() => {
        if (editing) {
            inputRef.current?.focus();
            inputRef.current?.select();
        } else if (refocus.current) {
            refocus.current = false;
            buttonRef.current?.focus();
        }
    }, [editing]);

    const finish = (save: boolean, focusButton: boolean) => {
        // Enter and Escape end the editing; the blur that may follow must not save again.
        if (finished.current) {
            return;
        }
        finished.current = true;
        refocus.current = focusButton;
        const name = inputRef.current?.value.trim() ?? '';
        setEditing(false);
        if (save && name !== conversation.name) {
            onRename(name);
        }
    };

    const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
        if (event.key === 'Enter') {
            event.preventDefault();
            finish(true, true);
        } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            finish(false, true);
        }
    };

    const heading = (
        <h2
            id={titleId}
            className={renamable ? 'cc-visually-hidden' : 'cc-window-title'}
            title={conversation.name}
        >
            {conversation.name}
        </h2>
    );
    if (!renamable) {
        return heading;
    }
    return (
        <>
            {heading}
            {editing ? (
                <input
                    ref={inputRef}
                    className='cc-window-title cc-window-title-input'
                    aria-label={intl.formatMessage(messages.groupName)}
                    maxLength={maxGroupNameLength}
                    defaultValue={conversation.name}
                    placeholder={intl.formatMessage(messages.memberNames)}
                    onKeyDown={onKeyDown}
                    onBlur={() => finish(true, false)}
                />
            ) : (
                <button
                    ref={buttonRef}
                    type='button'
                    className='cc-window-title cc-window-title-button'
                    aria-label={`${intl.formatMessage(messages.rename)} ${conversation.name}`}
                    title={intl.formatMessage(messages.renameTitle, {name: conversation.name})}
                    onClick={() => {
                        finished.current = false;
                        setEditing(true);
                    }}
                >
                    {conversation.name}
                </button>
            )}
        </>
    );
}

interface ActionsOf {
    conversation: Conversation;
    onAddPeople: () => void;
    onMembers: () => void;
    onNotifications: () => void;
    onNewWindow: () => void;
}

// The less used buttons live in one menu, so the name keeps the header's room.
function windowActions(intl: IntlShape, {conversation, onAddPeople, onMembers, onNotifications, onNewWindow}: ActionsOf): MenuItem[] {
    const group: MenuItem[] = conversation.kind === 'group' ? [
        {label: intl.formatMessage(messages.addPeople), icon: <AddPeopleIcon/>, onSelect: onAddPeople},
        {label: intl.formatMessage(messages.members), icon: <GroupIcon/>, onSelect: onMembers},
    ] : [];
    return [
        ...group,
        {label: intl.formatMessage(messages.notifications), icon: <BellIcon/>, onSelect: onNotifications},
        {label: intl.formatMessage(messages.newWindow), icon: <ExternalIcon/>, onSelect: onNewWindow},
    ];
}

// F-22: avatar, name and the window's buttons. A collapsed window also shows its unread count.
export function MiniWindowHeader({conversation, siteURL, titleId, collapsed, onAddPeople, onMembers, onNotifications, onRename, onNewWindow, onToggleCollapsed, onClose}: Props) {
    const intl = useConnectIntl();
    return (
        <header
            className='cc-window-header'
            onClick={(event) => {
                // A click on a collapsed window's header (not on a button) expands it.
                if (collapsed && !(event.target instanceof Element && event.target.closest('button'))) {
                    onToggleCollapsed();
                }
            }}
        >
            <ConversationAvatar
                conversation={conversation}
                siteURL={siteURL}
                size='small'
            />
            <WindowTitle
                conversation={conversation}
                titleId={titleId}
                renamable={conversation.kind === 'group' && conversation.managed && !collapsed}
                onRename={onRename}
            />
            {collapsed && <UnreadBadge count={conversation.unread_count}/>}
            {!collapsed && (
                <Menu
                    label={intl.formatMessage(messages.more)}
                    icon={<MoreIcon/>}
                    items={windowActions(intl, {conversation, onAddPeople, onMembers, onNotifications, onNewWindow})}
                />
            )}
            <IconButton
                label={intl.formatMessage(collapsed ? messages.expand : messages.collapse)}
                expanded={!collapsed}
                onClick={onToggleCollapsed}
            >
                {collapsed ? <ExpandIcon/> : <MinimizeIcon/>}
            </IconButton>
            <IconButton
                label={intl.formatMessage(commonMessages.close)}
                onClick={onClose}
            >
                <CloseIcon/>
            </IconButton>
        </header>
    );
}
