import {render, screen} from '@testing-library/react';
import React from 'react';
import {Provider} from 'react-redux';
import {expect, it, vi} from 'vitest';

import {hostState, reduxStoreWith} from '../../../tests/unit/fixtures';
import {replaceLocation} from '../../navigation';

import {WorkspaceReturn} from './WorkspaceReturn';

vi.mock('../../navigation', () => ({replaceLocation: vi.fn()}));

it('loads the standalone workspace page of the site', () => {
    render(
        <Provider store={reduxStoreWith(hostState({siteURL: 'https://chat.example.com/team-chat'}))}>
            <WorkspaceReturn/>
        </Provider>,
    );

    const workspaceURL = 'https://chat.example.com/team-chat/plugins/connect-chat/workspace';
    expect(replaceLocation).toHaveBeenCalledExactlyOnceWith(workspaceURL);
    expect(screen.getByRole('link', {name: 'Connect Workspace'})).toHaveAttribute('href', workspaceURL);
});
