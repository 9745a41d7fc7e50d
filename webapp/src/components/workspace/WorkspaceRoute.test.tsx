import {render} from '@testing-library/react';
import React from 'react';
import {Provider} from 'react-redux';
import {expect, it, vi} from 'vitest';

import {connectStore, fakeClient, me} from '../../../tests/unit/connect_fixtures';
import {ConnectProvider} from '../connect_context';

import {WorkspaceRoute} from './WorkspaceRoute';

it('closes the Connect sidebar, whose list the workspace already shows', () => {
    const hideSidebar = vi.fn();
    const client = fakeClient();
    client.getConversations.mockResolvedValue({conversations: [], total_unread: 0, total_mentions: 0});

    render(
        <Provider store={connectStore()}>
            <ConnectProvider value={{client, siteURL: 'https://chat.example.com', currentUserId: me.id, hideSidebar}}>
                <WorkspaceRoute/>
            </ConnectProvider>
        </Provider>,
    );

    expect(hideSidebar).toHaveBeenCalledOnce();
});
