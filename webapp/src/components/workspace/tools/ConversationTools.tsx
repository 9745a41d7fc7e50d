import React, {useId, useRef, useState, type KeyboardEvent} from 'react';
import {defineMessages, type MessageDescriptor} from 'react-intl';

import {useConnectIntl} from '../../../i18n/intl';
import type {Conversation} from '../../../types/connect';

import {BellPanel} from '../../bell/BellPanel';

import {AttachmentsTab} from './AttachmentsTab';
import {InfoTab} from './InfoTab';
import {MembersTab} from './MembersTab';

const messages = defineMessages({
    info: {id: 'connect.tools.info', defaultMessage: 'Info'},
    members: {id: 'connect.tools.members', defaultMessage: 'Members'},
    attachments: {id: 'connect.tools.attachments', defaultMessage: 'Attachments'},
    notifications: {id: 'connect.tools.notifications', defaultMessage: 'Notifications'},
    tools: {id: 'connect.tools.label', defaultMessage: 'Conversation tools'},
    hide: {id: 'connect.tools.hide', defaultMessage: 'Hide {tab}'},
});

export type ToolsTab = 'info' | 'members' | 'attachments' | 'notifications';

export const toolsTabs: ReadonlyArray<{id: ToolsTab; label: MessageDescriptor}> = [
    {id: 'info', label: messages.info},
    {id: 'members', label: messages.members},
    {id: 'attachments', label: messages.attachments},
    {id: 'notifications', label: messages.notifications},
];

export interface ConversationToolsProps {
    conversation: Conversation;

    // The open tab; null while the tools area is hidden (only the tabs show).
    tab: ToolsTab | null;

    // Choosing a tab opens it; choosing the open one again hides the area (null).
    onTabChange: (tab: ToolsTab | null) => void;

    // "Also discussed in": shows that conversation in the workspace.
    onOpenConversation: (id: string) => void;
}

function TabContent({conversation, tab, onOpenConversation}: {conversation: Conversation; tab: ToolsTab; onOpenConversation: (id: string) => void}) {
    switch (tab) {
    case 'info':
        return (
            <InfoTab
                conversation={conversation}
                onOpenConversation={onOpenConversation}
            />
        );
    case 'members':
        return <MembersTab conversation={conversation}/>;
    case 'attachments':
        return <AttachmentsTab conversation={conversation}/>;
    case 'notifications':
        return <BellPanel conversation={conversation}/>;
    }
}

// F-31: the workspace's conversation tools, a tab list and the open tab's panel. Left and Right
// (Home, End) move between the tabs, opening each while the area is shown; the parent places it
// (a column beside the conversation, or an overlay on narrow screens) and hides it when tab is null.
export function ConversationTools({conversation, tab, onTabChange, onOpenConversation}: ConversationToolsProps) {
    const baseId = useId();
    const intl = useConnectIntl();
    const tabRefs = useRef(new Map<ToolsTab, HTMLButtonElement>());

    // The tab that takes focus from outside the list (one tab stop) while none is open.
    const [lastFocused, setLastFocused] = useState<ToolsTab>('info');
    const tabStop = tab ?? lastFocused;
    const tabId = (id: ToolsTab) => `${baseId}-tab-${id}`;
    const panelId = `${baseId}-panel`;

    const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
        const focused = toolsTabs.findIndex((candidate) => tabRefs.current.get(candidate.id) === event.target);
        const index = focused >= 0 ? focused : toolsTabs.findIndex((candidate) => candidate.id === tabStop);
        let next: number;
        switch (event.key) {
        case 'ArrowRight':
            next = (index + 1) % toolsTabs.length;
            break;
        case 'ArrowLeft':
            next = (index - 1 + toolsTabs.length) % toolsTabs.length;
            break;
        case 'Home':
            next = 0;
            break;
        case 'End':
            next = toolsTabs.length - 1;
            break;
        default:
            return;
        }
        event.preventDefault();
        const target = toolsTabs[next].id;
        setLastFocused(target);
        tabRefs.current.get(target)?.focus();
        if (tab !== null && target !== tab) {
            onTabChange(target);
        }
    };

    return (
        <div className={`cc-tools${tab ? ' cc-tools--open' : ''}`}>
            <div
                className='cc-tools-tabs'
                role='tablist'
                aria-label={intl.formatMessage(messages.tools)}
                onKeyDown={onKeyDown}
            >
                {toolsTabs.map(({id, label: descriptor}) => {
                    const selected = id === tab;
                    const label = intl.formatMessage(descriptor);
                    return (
                        <button
                            key={id}
                            ref={(element) => {
                                if (element) {
                                    tabRefs.current.set(id, element);
                                } else {
                                    tabRefs.current.delete(id);
                                }
                            }}
                            id={tabId(id)}
                            type='button'
                            role='tab'
                            className='cc-tools-tab'
                            aria-selected={selected}
                            aria-controls={selected ? panelId : undefined}
                            tabIndex={id === tabStop ? 0 : -1}
                            title={selected ? intl.formatMessage(messages.hide, {tab: label}) : label}
                            onFocus={() => setLastFocused(id)}
                            onClick={() => onTabChange(selected ? null : id)}
                        >
                            {label}
                        </button>
                    );
                })}
            </div>
            {tab && (
                <div
                    id={panelId}
                    className='cc-tools-panel'
                    role='tabpanel'
                    aria-labelledby={tabId(tab)}
                    tabIndex={0}
                >
                    <TabContent
                        key={`${tab}:${conversation.id}`}
                        conversation={conversation}
                        tab={tab}
                        onOpenConversation={onOpenConversation}
                    />
                </div>
            )}
        </div>
    );
}
