import {act, screen, waitFor} from '@testing-library/react';
import type {Root} from 'react-dom/client';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';

import {alice, jsonResponse} from '../../tests/unit/fixtures';
import type {FetchFunction} from '../client';
import {replaceLocation} from '../navigation';
import {removeStylesheet, stylesheetElementId} from '../styles/stylesheet';

import {mountWorkspace} from './mount';

vi.mock('../navigation', () => ({replaceLocation: vi.fn()}));

// The page's own origin: the page keeps to it, as the web app does.
const site = window.location.origin;

let root: Root | undefined;
let rootElement: HTMLElement;

beforeEach(() => {
    rootElement = document.createElement('div');
    rootElement.id = 'connect-workspace-root';
    document.body.appendChild(rootElement);
});

afterEach(() => {
    act(() => root?.unmount());
    rootElement.remove();
    removeStylesheet();
    window.history.replaceState(null, '', '/');
});

function mountWith(fetchFunction: FetchFunction) {
    act(() => {
        root = mountWorkspace(rootElement, fetchFunction);
    });
}

describe('the standalone workspace page', () => {
    it('shows the workspace header and the signed-in user\'s full name', async () => {
        const fetchFunction = vi.fn<FetchFunction>(() => Promise.resolve(jsonResponse(200, alice)));
        mountWith(fetchFunction);

        expect(await screen.findByTestId('workspace-user')).toHaveTextContent('Alice Archer');
        expect(screen.getByRole('heading', {name: 'Connect Workspace'})).toBeInTheDocument();
        expect(fetchFunction.mock.calls[0][0]).toBe(`${site}/api/v4/users/me`);
    });

    it('loads the open conversations into its own store once signed in', async () => {
        const fetchFunction = vi.fn<FetchFunction>((url) => Promise.resolve(jsonResponse(200, url.endsWith('/users/me') ? alice : {conversations: [], total_unread: 0, total_mentions: 0})));
        mountWith(fetchFunction);

        await waitFor(() => expect(fetchFunction.mock.calls.map(([url]) => url)).toContain(`${site}/plugins/connect-chat/api/v1/conversations`));
        expect(await screen.findByText(/No conversations yet/)).toBeInTheDocument();
    });

    it('styles the page with the plugin\'s one stylesheet', () => {
        mountWith(() => Promise.resolve(jsonResponse(200, alice)));

        expect(document.querySelectorAll(`#${stylesheetElementId}`)).toHaveLength(1);
        expect(document.getElementById(stylesheetElementId)?.textContent).toContain('.cc-workspace-header');
    });

    it('shows @username for a user without a name', async () => {
        mountWith(() => Promise.resolve(jsonResponse(200, {...alice, first_name: '', last_name: ''})));

        expect(await screen.findByTestId('workspace-user')).toHaveTextContent('@alice');
    });

    it('sends an expired session to the login page, returning to the workspace afterwards', async () => {
        window.history.replaceState(null, '', '/plugins/connect-chat/workspace?conversation=abc');
        mountWith(() => Promise.resolve(jsonResponse(401, {message: 'Invalid or expired session, please login again.'})));

        await waitFor(() => expect(replaceLocation).toHaveBeenCalledOnce());
        expect(replaceLocation).toHaveBeenCalledWith(
            `${site}/login?redirect_to=%2Fplug%2Fconnect-chat%2Fworkspace%3Fconversation%3Dabc`,
        );
        expect(screen.queryByTestId('workspace-user')).not.toBeInTheDocument();
    });

    it('explains other failures instead of redirecting', async () => {
        mountWith(() => Promise.resolve(jsonResponse(500, {message: 'Database unavailable.'})));

        expect(await screen.findByRole('alert')).toHaveTextContent('Connect Workspace could not load: Database unavailable.');
        expect(replaceLocation).not.toHaveBeenCalled();
    });
});
