import type {Action} from 'redux';
import {expect, it} from 'vitest';

import {alice} from '../tests/unit/fixtures';

import {createHarnessRegistry} from './registry';
import {createHarnessStore} from './store';
import {PluginSocketHandlers} from '../src/host/websocket';

function counter(state = 0, action: Action<string>): number {
    return action.type === 'counter/increment' ? state + 1 : state;
}

it('keeps a registered reducer\'s state at plugins-<plugin id>, like the web app', () => {
    const store = createHarnessStore('http://localhost:8065', alice);
    const registry = createHarnessRegistry('counter-plugin', store, new PluginSocketHandlers());

    registry.registerReducer(counter);
    expect(store.getState()['plugins-counter-plugin']).toBe(0);

    store.dispatch({type: 'counter/increment'});
    expect(store.getState()['plugins-counter-plugin']).toBe(1);
    expect(store.getState().entities.users.currentUserId).toBe(alice.id);
});

it('lists root components until they are unregistered', () => {
    const store = createHarnessStore('http://localhost:8065', alice);
    const registry = createHarnessRegistry('connect-chat', store, new PluginSocketHandlers());

    const id = registry.registerRootComponent(() => null);
    expect(store.getState().harness.components.root.map((item) => item.id)).toEqual([id]);

    registry.unregisterComponent(id);
    expect(store.getState().harness.components.root).toEqual([]);
});
