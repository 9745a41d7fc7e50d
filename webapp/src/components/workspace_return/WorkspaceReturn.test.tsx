import {render, screen} from '@testing-library/react';
import React from 'react';
import {Provider} from 'react-redux';
import {afterEach, expect, it, vi} from 'vitest';

import {hostState, reduxStoreWith} from '../../../tests/unit/fixtures';
import {replaceLocation} from '../../navigation';

import {WorkspaceReturn} from './WorkspaceReturn';

vi.mock('../../navigation', () => ({replaceLocation: vi.fn()}));

afterEach(() => {
    delete window.basename;
});

it('loads the standalone workspace page on the web app\'s own origin and subpath', () => {
    window.basename = '/team-chat';
    render(
        <Provider store={reduxStoreWith(hostState({siteURL: 'https://elsewhere.example.com'}))}>
            <WorkspaceReturn/>
        </Provider>,
    );

    const workspaceURL = `${window.location.origin}/team-chat/plugins/connect-chat/workspace`;
    expect(replaceLocation).toHaveBeenCalledExactlyOnceWith(workspaceURL);
    expect(screen.getByRole('link', {name: 'Connect Workspace'})).toHaveAttribute('href', workspaceURL);
});
