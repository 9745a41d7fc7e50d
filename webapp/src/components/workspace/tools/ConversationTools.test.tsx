import {fireEvent, screen, within} from '@testing-library/react';
import React, {useState} from 'react';
import {describe, expect, it, vi} from 'vitest';

import {directConversation, fakeClient, renderWithConnect} from '../../../../tests/unit/connect_fixtures';

import {ConversationTools, type ToolsTab} from './ConversationTools';

const notificationsText = 'Notification preferences';

// The workspace's part: it keeps the open tab.
function Workspace({initial, onTabChange}: {initial: ToolsTab | null; onTabChange?: (tab: ToolsTab | null) => void}) {
    const [tab, setTab] = useState<ToolsTab | null>(initial);
    return (
        <ConversationTools
            conversation={directConversation()}
            tab={tab}
            onTabChange={(next) => {
                onTabChange?.(next);
                setTab(next);
            }}
            onOpenConversation={() => undefined}
        />
    );
}

function renderTools(initial: ToolsTab | null, onTabChange?: (tab: ToolsTab | null) => void) {
    const client = fakeClient();
    client.getConversationRecords.mockResolvedValue({records: [], links: [], scanned_posts: 0, complete: true});
    client.getStatuses.mockResolvedValue([]);
    client.getConversationFiles.mockResolvedValue({files: [], has_more: false});
    client.getNotificationPreferences.mockResolvedValue({desktop: 'all', push: 'all', email: 'none', muted: false});
    return renderWithConnect(
        <Workspace
            initial={initial}
            onTabChange={onTabChange}
        />,
        {client},
    );
}

describe('ConversationTools', () => {
    it('shows only the tab list while no tab is open', () => {
        renderTools(null);

        const tablist = screen.getByRole('tablist', {name: 'Conversation tools'});
        const tabs = within(tablist).getAllByRole('tab');
        expect(tabs.map((tab) => tab.textContent)).toEqual(['Info', 'Members', 'Attachments', 'Notifications']);
        expect(tabs.every((tab) => tab.getAttribute('aria-selected') === 'false')).toBe(true);
        expect(screen.queryByRole('tabpanel')).toBeNull();

        // One tab stop.
        expect(tabs.map((tab) => tab.tabIndex)).toEqual([0, -1, -1, -1]);
    });

    it('opens the chosen tab\'s panel, labelled by its tab, and switches tabs', async () => {
        const onTabChange = vi.fn();
        renderTools(null, onTabChange);

        fireEvent.click(screen.getByRole('tab', {name: 'Notifications'}));
        expect(onTabChange).toHaveBeenLastCalledWith('notifications');
        const panel = screen.getByRole('tabpanel', {name: 'Notifications'});
        expect(panel).toHaveTextContent(notificationsText);
        expect(within(panel).queryByRole('checkbox')).toBeNull();
        expect(screen.getByRole('tab', {name: 'Notifications'})).toHaveAttribute('aria-selected', 'true');
        expect(screen.getByRole('tab', {name: 'Notifications'})).toHaveAttribute('aria-controls', panel.id);

        fireEvent.click(screen.getByRole('tab', {name: 'Info'}));
        expect(onTabChange).toHaveBeenLastCalledWith('info');
        expect(screen.getByRole('tabpanel', {name: 'Info'})).toBeInTheDocument();
        expect(await screen.findByText('Records mentioned here')).toBeInTheDocument();
        expect(screen.getByRole('tab', {name: 'Notifications'})).toHaveAttribute('aria-selected', 'false');
    });

    it('hides the area when the open tab is clicked again', () => {
        const onTabChange = vi.fn();
        renderTools('notifications', onTabChange);

        fireEvent.click(screen.getByRole('tab', {name: 'Notifications'}));

        expect(onTabChange).toHaveBeenLastCalledWith(null);
        expect(screen.queryByRole('tabpanel')).toBeNull();
        expect(screen.getByRole('tablist')).toBeInTheDocument();
    });

    it('moves between tabs with the arrow keys, Home and End, opening each while the area is shown', async () => {
        const onTabChange = vi.fn();
        renderTools('info', onTabChange);
        const info = screen.getByRole('tab', {name: 'Info'});
        info.focus();

        fireEvent.keyDown(info, {key: 'ArrowRight'});
        expect(screen.getByRole('tab', {name: 'Members'})).toHaveFocus();
        expect(onTabChange).toHaveBeenLastCalledWith('members');
        expect(screen.getByRole('tabpanel', {name: 'Members'})).toBeInTheDocument();

        fireEvent.keyDown(screen.getByRole('tab', {name: 'Members'}), {key: 'ArrowLeft'});
        expect(info).toHaveFocus();
        expect(onTabChange).toHaveBeenLastCalledWith('info');

        fireEvent.keyDown(info, {key: 'ArrowLeft'});
        expect(screen.getByRole('tab', {name: 'Notifications'})).toHaveFocus();
        expect(onTabChange).toHaveBeenLastCalledWith('notifications');

        fireEvent.keyDown(screen.getByRole('tab', {name: 'Notifications'}), {key: 'Home'});
        expect(info).toHaveFocus();
        fireEvent.keyDown(info, {key: 'End'});
        expect(screen.getByRole('tab', {name: 'Notifications'})).toHaveFocus();
        expect(screen.getByRole('tab', {name: 'Notifications'}).tabIndex).toBe(0);
        await screen.findByRole('tabpanel', {name: 'Notifications'});
    });

    it('moves focus only, without opening, while the area is hidden', () => {
        const onTabChange = vi.fn();
        renderTools(null, onTabChange);
        const info = screen.getByRole('tab', {name: 'Info'});
        info.focus();

        fireEvent.keyDown(info, {key: 'ArrowRight'});

        const members = screen.getByRole('tab', {name: 'Members'});
        expect(members).toHaveFocus();
        expect(members.tabIndex).toBe(0);
        expect(onTabChange).not.toHaveBeenCalled();
        expect(screen.queryByRole('tabpanel')).toBeNull();
    });
});
