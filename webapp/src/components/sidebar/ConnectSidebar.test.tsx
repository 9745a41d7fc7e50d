import {render, screen} from '@testing-library/react';
import React from 'react';
import {Provider} from 'react-redux';
import {describe, expect, it} from 'vitest';

import {hostState, reduxStoreWith} from '../../../tests/unit/fixtures';
import type {UserProfile} from '../../types/user';

import {ConnectSidebar} from './ConnectSidebar';

function renderSidebarFor(user: UserProfile) {
    render(
        <Provider store={reduxStoreWith(hostState({user}))}>
            <ConnectSidebar/>
        </Provider>,
    );
}

describe('ConnectSidebar', () => {
    it('is a region headed "Connect" with an empty state', () => {
        renderSidebarFor({id: 'u1', username: 'alice', first_name: 'Alice', last_name: 'Archer'});

        const region = screen.getByRole('region', {name: 'Connect'});
        expect(region).toContainElement(screen.getByRole('heading', {name: 'Connect'}));
        expect(region).toHaveTextContent('No conversations yet.');
    });

    it('shows the signed-in user from the host store', () => {
        renderSidebarFor({id: 'u1', username: 'alice', first_name: 'Alice', last_name: 'Archer'});

        expect(screen.getByTestId('connect-sidebar-user')).toHaveTextContent('Signed in as Alice Archer');
    });

    it('falls back to the username when the user has no name', () => {
        renderSidebarFor({id: 'u2', username: 'dave', first_name: '', last_name: ''});

        expect(screen.getByTestId('connect-sidebar-user')).toHaveTextContent('Signed in as @dave');
    });
});
