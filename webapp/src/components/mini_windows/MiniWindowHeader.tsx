import React from 'react';

import type {Conversation} from '../../types/connect';
import {ConversationAvatar} from '../common/Avatar';
import {IconButton} from '../common/IconButton';
import {AddPeopleIcon, BellIcon, CloseIcon, ExpandIcon, ExternalIcon, MinimizeIcon} from '../common/icons';
import {UnreadBadge} from '../common/UnreadBadge';

interface Props {
    conversation: Conversation;
    siteURL: string;
    titleId: string;
    collapsed: boolean;
    addingPeople: boolean;
    onAddPeople: () => void;
    onNewWindow: () => void;
    onToggleCollapsed: () => void;
    onClose: () => void;
}

export const bellTooltip = 'Notification preferences arrive with the notifications feature';

// F-22: avatar, name and the window's buttons. A collapsed window also shows its unread count.
export function MiniWindowHeader({conversation, siteURL, titleId, collapsed, addingPeople, onAddPeople, onNewWindow, onToggleCollapsed, onClose}: Props) {
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
                size={24}
            />
            <h2
                id={titleId}
                className='cc-window-title'
                title={conversation.name}
            >
                {conversation.name}
            </h2>
            {collapsed && <UnreadBadge count={conversation.unread_count}/>}
            {conversation.kind === 'group' && !collapsed && (
                <IconButton
                    label='Add people'
                    expanded={addingPeople}
                    onClick={onAddPeople}
                >
                    <AddPeopleIcon/>
                </IconButton>
            )}
            {!collapsed && (
                <IconButton
                    label='Notification preferences'
                    tooltip={bellTooltip}
                    unavailable={true}
                    onClick={() => undefined}
                >
                    <BellIcon/>
                </IconButton>
            )}
            <IconButton
                label='New Window'
                tooltip='Open in the Connect workspace, in a new tab'
                onClick={onNewWindow}
            >
                <ExternalIcon/>
            </IconButton>
            <IconButton
                label={collapsed ? 'Expand' : 'Collapse'}
                expanded={!collapsed}
                onClick={onToggleCollapsed}
            >
                {collapsed ? <ExpandIcon/> : <MinimizeIcon/>}
            </IconButton>
            <IconButton
                label='Close'
                onClick={onClose}
            >
                <CloseIcon/>
            </IconButton>
        </header>
    );
}
