import {act, fireEvent, screen, waitFor, within} from '@testing-library/react';
import React from 'react';
import {describe, expect, it, vi} from 'vitest';

import {deliverPluginEvent, directConversation, fakeClient, groupConversation, renderWithConnect} from '../../../tests/unit/connect_fixtures';
import {ClientError} from '../../client';
import type {NotificationPreferences} from '../../types/notifications';

import {BellPanel} from './BellPanel';

const quiet: NotificationPreferences = {desktop: 'all', push: 'mention', email: 'none', muted: false};

function renderBell(conversation = groupConversation(), onClose?: () => void) {
    const client = fakeClient();
    client.getNotificationPreferences.mockResolvedValue(quiet);
    client.setNotificationPreferences.mockImplementation((_id, preferences) => Promise.resolve(preferences));
    const rendered = renderWithConnect(
        <BellPanel
            conversation={conversation}
            onClose={onClose}
        />,
        {client},
    );
    return rendered;
}

const channel = (name: string) => screen.getByRole('group', {name});

describe('BellPanel', () => {
    it('shows the three channels with their choices and mute, as the server has them', async () => {
        const {client} = renderBell();
        expect(screen.getByText('Loading…')).toBeInTheDocument();
        await screen.findByRole('group', {name: 'Desktop'});
        expect(client.getNotificationPreferences).toHaveBeenCalledWith('group-1');
        for (const name of ['Desktop', 'Mobile push', 'Email']) {
            expect(within(channel(name)).getAllByRole('radio').map((radio) => radio.parentElement?.textContent)).toEqual(['All activity', 'Only @mentions', 'Never']);
        }
        expect(within(channel('Desktop')).getByRole('radio', {name: 'All activity'})).toBeChecked();
        expect(within(channel('Mobile push')).getByRole('radio', {name: 'Only @mentions'})).toBeChecked();
        expect(within(channel('Email')).getByRole('radio', {name: 'Never'})).toBeChecked();
        expect(screen.getByRole('checkbox', {name: 'Mute this conversation'})).not.toBeChecked();
    });

    it('offers no "Only @mentions" in a direct conversation', async () => {
        renderBell(directConversation());
        await screen.findByRole('group', {name: 'Desktop'});
        expect(screen.queryByRole('radio', {name: 'Only @mentions'})).toBeNull();
        expect(screen.getByText(/every message is for you/)).toBeInTheDocument();
    });

    it('saves a choice at once with the other choices as they are', async () => {
        const {client} = renderBell();
        await screen.findByRole('group', {name: 'Email'});
        fireEvent.click(within(channel('Email')).getByRole('radio', {name: 'Only @mentions'}));
        expect(within(channel('Email')).getByRole('radio', {name: 'Only @mentions'})).toBeChecked();
        await waitFor(() => expect(client.setNotificationPreferences).toHaveBeenCalledWith('group-1', {...quiet, email: 'mention'}));

        fireEvent.click(screen.getByRole('checkbox', {name: 'Mute this conversation'}));
        await waitFor(() => expect(client.setNotificationPreferences).toHaveBeenLastCalledWith('group-1', {...quiet, email: 'mention', muted: true}));
        expect(screen.getByRole('checkbox', {name: 'Mute this conversation'})).toBeChecked();
    });

    it('keeps a change made elsewhere that arrives before the answer to its own save', async () => {
        const {client, store} = renderBell();
        await screen.findByRole('group', {name: 'Email'});
        let answer: (preferences: NotificationPreferences) => void = () => undefined;
        client.setNotificationPreferences.mockImplementation(() => new Promise((resolve) => {
            answer = resolve;
        }));

        fireEvent.click(within(channel('Email')).getByRole('radio', {name: 'All activity'}));
        act(() => deliverPluginEvent(store, 'notifications_changed', {conversation_id: 'group-1', preferences: {desktop: 'none', push: 'all', email: 'none', muted: false}}));
        await act(() => {
            answer({...quiet, email: 'all'});
            return Promise.resolve();
        });

        expect(within(channel('Desktop')).getByRole('radio', {name: 'Never'})).toBeChecked();
        expect(within(channel('Email')).getByRole('radio', {name: 'Never'})).toBeChecked();
    });

    it('goes back and says why when the server refuses', async () => {
        const {client} = renderBell();
        await screen.findByRole('group', {name: 'Desktop'});
        client.setNotificationPreferences.mockRejectedValue(new ClientError(400, 'desktop cannot be "mention" in a direct conversation.', '/x'));
        fireEvent.click(within(channel('Desktop')).getByRole('radio', {name: 'Never'}));
        expect(await screen.findByRole('alert')).toHaveTextContent('desktop cannot be "mention" in a direct conversation.');
        expect(within(channel('Desktop')).getByRole('radio', {name: 'All activity'})).toBeChecked();
    });

    it('says why when the preferences cannot be read', async () => {
        const client = fakeClient();
        client.getNotificationPreferences.mockRejectedValue(new ClientError(404, 'No such conversation.', '/x'));
        renderWithConnect(<BellPanel conversation={groupConversation()}/>, {client});
        expect(await screen.findByRole('alert')).toHaveTextContent('No such conversation.');
        expect(screen.queryByText('Loading…')).toBeNull();
    });

    it('is read once for two bells of one conversation, and both say why it cannot be read', async () => {
        const client = fakeClient();
        client.getNotificationPreferences.mockRejectedValue(new ClientError(404, 'No such conversation.', '/x'));
        renderWithConnect(
            <>
                <BellPanel conversation={groupConversation()}/>
                <BellPanel conversation={groupConversation()}/>
            </>,
            {client},
        );
        await waitFor(() => expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual(['No such conversation.', 'No such conversation.']));
        expect(client.getNotificationPreferences).toHaveBeenCalledTimes(1);
    });

    it('follows the notifications_changed event and other bells of the page', async () => {
        const {store} = renderBell();
        await screen.findByRole('group', {name: 'Desktop'});
        act(() => deliverPluginEvent(store, 'notifications_changed', {conversation_id: 'group-1', preferences: {desktop: 'none', push: 'none', email: 'all', muted: true}}));
        expect(within(channel('Desktop')).getByRole('radio', {name: 'Never'})).toBeChecked();
        expect(within(channel('Email')).getByRole('radio', {name: 'All activity'})).toBeChecked();
        expect(screen.getByRole('checkbox', {name: 'Mute this conversation'})).toBeChecked();

        act(() => deliverPluginEvent(store, 'notifications_changed', {conversation_id: 'other', preferences: quiet}));
        act(() => deliverPluginEvent(store, 'notifications_changed', {conversation_id: 'group-1', preferences: {desktop: 'loud'}}));
        expect(within(channel('Desktop')).getByRole('radio', {name: 'Never'})).toBeChecked();
    });

    it('closes with its button and with Escape when shown as a panel', async () => {
        const onClose = vi.fn();
        renderBell(groupConversation(), onClose);
        await screen.findByRole('group', {name: 'Desktop'});
        fireEvent.keyDown(channel('Desktop'), {key: 'Escape'});
        expect(onClose).toHaveBeenCalledTimes(1);
        fireEvent.click(screen.getByRole('button', {name: 'Close notification preferences'}));
        expect(onClose).toHaveBeenCalledTimes(2);
    });
});
