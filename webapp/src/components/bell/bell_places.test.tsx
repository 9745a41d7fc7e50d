import {act, fireEvent, screen, within} from '@testing-library/react';
import React from 'react';
import {describe, expect, it} from 'vitest';

import {connectStore, fakeClient, groupConversation, me, post, renderWithConnect} from '../../../tests/unit/connect_fixtures';
import {conversationsLoaded, dockCapacityChanged, windowOpened} from '../../state/actions';
import {selectKnown} from '../../state/known';
import {pluginEvent, webSocketHandlers} from '../../state/websocket';
import type {NotificationPreferences} from '../../types/notifications';
import {MiniWindowDock} from '../mini_windows/MiniWindowDock';
import {Workspace} from '../workspace/Workspace';

const quiet: NotificationPreferences = {desktop: 'all', push: 'all', email: 'none', muted: false};

function loadedStore() {
    const store = connectStore();
    store.dispatch(conversationsLoaded({conversations: [groupConversation()], total_unread: 0, total_mentions: 0}));
    return store;
}

function withBell(rendered: ReturnType<typeof renderWithConnect>) {
    rendered.client.getPosts.mockResolvedValue({posts: [post({channel_id: 'group-1'})], reachedStart: true});
    rendered.client.viewChannel.mockResolvedValue(undefined);
    rendered.client.getConversationRecords.mockResolvedValue({records: [], links: [], scanned_posts: 1, complete: true});
    rendered.client.getNotificationPreferences.mockResolvedValue(quiet);
    return rendered;
}

describe('the bell in its places', () => {
    it('opens from a mini window\'s More actions, and Escape closes it but not the window', async () => {
        const store = loadedStore();
        store.dispatch(dockCapacityChanged(5));
        withBell(renderWithConnect(<MiniWindowDock/>, {store}));
        act(() => {
            store.dispatch(windowOpened('group-1'));
        });
        const groupWindow = screen.getByRole('region', {name: 'Bob Baker, Carol Chen'});
        fireEvent.click(within(groupWindow).getByRole('button', {name: 'More actions'}));
        fireEvent.click(within(groupWindow).getByRole('menuitem', {name: 'Notification preferences'}));
        const panel = await within(groupWindow).findByRole('region', {name: 'Notification preferences'});
        expect(await within(panel).findByRole('group', {name: 'Mobile push'})).toBeInTheDocument();
        fireEvent.keyDown(panel, {key: 'Escape'});
        expect(within(groupWindow).queryByRole('region', {name: 'Notification preferences'})).toBeNull();
        expect(screen.getByRole('region', {name: 'Bob Baker, Carol Chen'})).toBeInTheDocument();
    });

    it('opens the workspace tools\' Notifications tab from the header\'s bell', async () => {
        withBell(renderWithConnect(<Workspace initialConversationId='group-1'/>, {store: loadedStore()}));
        const header = within(screen.getByTestId('workspace-conversation'));
        const bell = header.getByRole('button', {name: 'Notification preferences'});
        expect(bell).not.toHaveAttribute('aria-disabled');
        fireEvent.click(bell);
        expect(screen.getByRole('tab', {name: 'Notifications'})).toHaveAttribute('aria-selected', 'true');
        const panel = screen.getByRole('tabpanel', {name: 'Notifications'});
        expect(await within(panel).findByRole('group', {name: 'Email'})).toBeInTheDocument();
    });

    it('keeps what the notifications_changed event says', () => {
        const store = connectStore();
        const handlers = webSocketHandlers({client: fakeClient(), dispatch: store.dispatch, getState: () => store.getState()}, me.id);
        const event = pluginEvent('notifications_changed');
        handlers[event]({event, data: {conversation_id: 'group-1', preferences: {...quiet, muted: true}}});
        expect(selectKnown(store.getState(), 'notificationPreferences', 'group-1')).toEqual({...quiet, muted: true});
    });
});
