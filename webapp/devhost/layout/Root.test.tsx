import {act, render, screen} from '@testing-library/react';
import React from 'react';
import {Provider} from 'react-redux';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';

import {PluginRegistry} from '../plugins/registry';
import {browserHistory} from '../routing/history';
import type {DevHostStore} from '../store';
import {signedInStore} from '../test_store';
import {webSocketClient} from '../websocket';

import {Root} from './Root';

function FloatingRoot() {
    return <div data-testid='root-component'/>;
}

function TeamPage({className}: {className?: string}) {
    return <section data-testid='team-route' className={className}/>;
}

function PlugPage() {
    return <section data-testid='plug-route'/>;
}

async function renderAt(store: DevHostStore, path: string) {
    browserHistory.replace(path);
    render(<Provider store={store}><Root/></Provider>);
    await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
    });
}

describe('where root components render (components/root/root.tsx, channel_controller, team_controller)', () => {
    let store: DevHostStore;

    beforeEach(() => {
        vi.spyOn(webSocketClient, 'initialize').mockImplementation(() => undefined);
        // Every list is empty and no channel exists.
        vi.stubGlobal('fetch', (url: string) => {
            const notFound = url.includes('/channels/name/');
            return Promise.resolve(new Response(notFound ? '{"status_code":404}' : '[]', {status: notFound ? 404 : 200, headers: {'Content-Type': 'application/json'}}));
        });
        store = signedInStore();
        const registry = new PluginRegistry('p', store);
        registry.registerRootComponent(FloatingRoot);
        registry.registerNeedsTeamRoute('/workspace', TeamPage);
        registry.registerCustomRoute('/page', PlugPage);
    });

    afterEach(() => {
        browserHistory.replace('/');
    });

    it('renders them in the channel view', async () => {
        await renderAt(store, '/support/channels/town-square');
        expect(screen.getByTestId('root-component')).toBeInTheDocument();
    });

    it('does not render them on a plugin\'s team route, whose component gets the className naming grid area center', async () => {
        await renderAt(store, '/support/p/workspace');
        expect(screen.getByTestId('team-route')).toHaveClass('devhost-css-grid-area-center');
        expect(screen.queryByTestId('root-component')).toBeNull();
    });

    it('does not render them on a /plug/ route', async () => {
        await renderAt(store, '/plug/p/page');
        expect(screen.getByTestId('plug-route')).toBeInTheDocument();
        expect(screen.queryByTestId('root-component')).toBeNull();
    });

    it('does not render them in the System Console', async () => {
        await renderAt(store, '/admin_console/plugins');
        expect(screen.queryByTestId('root-component')).toBeNull();
    });

    it('renders them in backstage', async () => {
        await renderAt(store, '/support/integrations');
        expect(screen.getByTestId('root-component')).toBeInTheDocument();
    });

    it('renders them in an 11.x popout window', async () => {
        await renderAt(store, '/_popout/help');
        expect(screen.getByTestId('root-component')).toBeInTheDocument();
    });
});
