import React, {type RefObject} from 'react';

import {IconButton} from '../common/IconButton';
import {ExternalIcon, HideSidebarIcon, PlusIcon} from '../common/icons';
import {UnreadBadge} from '../common/UnreadBadge';

interface Props {
    newButtonRef: RefObject<HTMLButtonElement>;
    totalUnread: number;
    pickerOpen: boolean;
    onNewConversation: () => void;
    onOpenStandalone: () => void;
    onCollapse?: () => void;
}

export function SidebarHeader({newButtonRef, totalUnread, pickerOpen, onNewConversation, onOpenStandalone, onCollapse}: Props) {
    return (
        <header className='cc-sidebar-header'>
            <h2 className='cc-sidebar-title'>
                {'Connect'}
                <UnreadBadge count={totalUnread}/>
            </h2>
            <IconButton
                ref={newButtonRef}
                label='New conversation'
                expanded={pickerOpen}
                onClick={onNewConversation}
            >
                <PlusIcon/>
            </IconButton>
            <IconButton
                label='Open standalone'
                onClick={onOpenStandalone}
            >
                <ExternalIcon/>
            </IconButton>
            {onCollapse && (
                <IconButton
                    label='Collapse sidebar'
                    onClick={onCollapse}
                >
                    <HideSidebarIcon/>
                </IconButton>
            )}
        </header>
    );
}
