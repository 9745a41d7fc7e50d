import {act, render, screen, waitFor} from '@testing-library/react';
import React from 'react';
import {Provider} from 'react-redux';
import {afterEach, expect, it} from 'vitest';

import {connectStore, directConversation} from '../../../tests/unit/connect_fixtures';
import {conversationRead, conversationsLoaded} from '../../state/actions';

import {AppBarUnreadBadge} from './AppBarUnreadBadge';

const iconUrl = 'https://chat.example.com/plugins/connect-chat/assets/connect.svg';

afterEach(() => {
    document.body.innerHTML = '';
});

it('draws the total unread count over the app bar icon, and nothing once all is read', async () => {
    const icon = document.createElement('img');
    icon.src = iconUrl;
    icon.getBoundingClientRect = () => DOMRect.fromRect({x: 1200, y: 60, width: 24, height: 24});
    document.body.appendChild(icon);
    const store = connectStore();
    store.dispatch(conversationsLoaded({conversations: [directConversation({unread_count: 3})], total_unread: 3, total_mentions: 0}));

    render(
        <Provider store={store}>
            <AppBarUnreadBadge iconUrl={iconUrl}/>
        </Provider>,
    );

    const badge = await screen.findByTestId('app-bar-unread-badge');
    expect(badge).toHaveTextContent('3');
    expect(badge).toHaveStyle({top: '60px', left: '1224px'});

    act(() => {
        store.dispatch(conversationRead('dm-bob'));
    });
    await waitFor(() => expect(screen.queryByTestId('app-bar-unread-badge')).toBeNull());
});

it('draws nothing where the page has no app bar icon', () => {
    const store = connectStore();
    store.dispatch(conversationsLoaded({conversations: [directConversation({unread_count: 3})], total_unread: 3, total_mentions: 0}));

    render(
        <Provider store={store}>
            <AppBarUnreadBadge iconUrl={iconUrl}/>
        </Provider>,
    );

    expect(screen.queryByTestId('app-bar-unread-badge')).toBeNull();
});
