import React, {type RefObject} from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import {IconButton} from '../common/IconButton';
import {ExternalIcon, HideSidebarIcon, PlusIcon} from '../common/icons';
import {UnreadBadge} from '../common/UnreadBadge';

const messages = defineMessages({
    heading: {id: 'connect.sidebar.heading', defaultMessage: 'Connect conversations'},
    unread: {id: 'connect.sidebar.summary.unread', defaultMessage: '{badge} unread'},
    caughtUp: {id: 'connect.sidebar.summary.caught_up', defaultMessage: 'All caught up'},
    newConversation: {id: 'connect.sidebar.new_conversation', defaultMessage: 'New conversation'},
    openStandalone: {id: 'connect.sidebar.open_standalone', defaultMessage: 'Open standalone'},
    collapse: {id: 'connect.sidebar.collapse', defaultMessage: 'Collapse sidebar'},
});

interface Props {
    newButtonRef: RefObject<HTMLButtonElement>;
    totalUnread: number;
    pickerOpen: boolean;
    onNewConversation: () => void;
    onOpenStandalone?: () => void;
    onCollapse?: () => void;
}

export function SidebarHeader({newButtonRef, totalUnread, pickerOpen, onNewConversation, onOpenStandalone, onCollapse}: Props) {
    const intl = useConnectIntl();
    const badge = (
        <UnreadBadge
            key='badge'
            count={totalUnread}
        />
    );
    return (
        <header className='cc-sidebar-header'>
            {/* The sidebar's frame already shows "Connect"; the heading is for screen readers. */}
            <h2 className='cc-visually-hidden'>{intl.formatMessage(messages.heading)}</h2>
            <p className='cc-sidebar-summary'>
                {totalUnread > 0 ? intl.formatMessage(messages.unread, {badge}) : intl.formatMessage(messages.caughtUp)}
            </p>
            <IconButton
                ref={newButtonRef}
                label={intl.formatMessage(messages.newConversation)}
                expanded={pickerOpen}
                onClick={onNewConversation}
            >
                <PlusIcon/>
            </IconButton>
            {onOpenStandalone && (
                <IconButton
                    label={intl.formatMessage(messages.openStandalone)}
                    onClick={onOpenStandalone}
                >
                    <ExternalIcon/>
                </IconButton>
            )}
            {onCollapse && (
                <IconButton
                    label={intl.formatMessage(messages.collapse)}
                    onClick={onCollapse}
                >
                    <HideSidebarIcon/>
                </IconButton>
            )}
        </header>
    );
}
