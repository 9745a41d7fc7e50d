import React, {type RefObject} from 'react';

import {IconButton} from '../common/IconButton';
import {ExternalIcon, HideSidebarIcon, PlusIcon} from '../common/icons';
import {UnreadBadge} from '../common/UnreadBadge';

interface Props {
    newButtonRef: RefObject<HTMLButtonElement>;
    totalUnread: number;
    pickerOpen: boolean;
    onNewConversation: () => void;
    onOpenStandalone?: () => void;
    onCollapse?: () => void;
}

export function SidebarHeader({newButtonRef, totalUnread, pickerOpen, onNewConversation, onOpenStandalone, onCollapse}: Props) {
    return (
        <header className='cc-sidebar-header'>
            {/* The sidebar's frame already shows "Connect"; the heading is for screen readers. */}
            <h2 className='cc-visually-hidden'>{'Connect conversations'}</h2>
            <p className='cc-sidebar-summary'>
                {totalUnread > 0 ? (
                    <>
                        <UnreadBadge count={totalUnread}/>
                        {' unread'}
                    </>
                ) : 'All caught up'}
            </p>
            <IconButton
                ref={newButtonRef}
                label='New conversation'
                expanded={pickerOpen}
                onClick={onNewConversation}
            >
                <PlusIcon/>
            </IconButton>
            {onOpenStandalone && (
                <IconButton
                    label='Open standalone'
                    onClick={onOpenStandalone}
                >
                    <ExternalIcon/>
                </IconButton>
            )}
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
