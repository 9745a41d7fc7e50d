import type {Action} from 'redux';
import {describe, expect, it} from 'vitest';

import {UserTypes} from 'mattermost-redux/action_types';

import {signedInStore, testUser} from '../test_store';

import {PluginRegistry, withUnimitatedCallsFailing} from './registry';
import {getChannelHeaderPluginComponents, shouldShowAppBar} from './selectors';

function counter(state = 0, action: Action<string>): number {
    return action.type === 'counter/increment' ? state + 1 : state;
}

describe('the registry (plugins/registry.ts)', () => {
    it('keeps a registered reducer\'s state at plugins-<plugin id>, beside mattermost-redux\'s entities', () => {
        const store = signedInStore();
        new PluginRegistry('counter-plugin', store).registerReducer(counter);

        store.dispatch({type: 'counter/increment'});

        expect(store.getState()['plugins-counter-plugin']).toBe(1);
        expect(store.getState().entities.users.currentUserId).toBe(testUser.id);
    });

    it('clears entities.users.currentUserId on LOGOUT_SUCCESS and keeps the plugin\'s state', () => {
        const store = signedInStore();
        new PluginRegistry('counter-plugin', store).registerReducer(counter);
        store.dispatch({type: 'counter/increment'});

        store.dispatch({type: UserTypes.LOGOUT_SUCCESS, data: null});

        expect(store.getState().entities.users.currentUserId).toBe('');
        expect(store.getState()['plugins-counter-plugin']).toBe(1);
    });

    it('takes a call\'s arguments in order or as one object', () => {
        const store = signedInStore();
        const registry = new PluginRegistry('p', store);
        const component = () => null;

        registry.registerCustomRoute('/one', component);
        registry.registerCustomRoute({route: 'two', component});

        expect(store.getState().plugins.components.CustomRouteComponent?.map((item) => item.route)).toEqual(['p/one', 'p/two']);
    });

    it('hands out the RHS show action and hide and toggle thunks of actions/views/rhs', () => {
        const store = signedInStore();
        const {id, showRHSPlugin, toggleRHSPlugin} = new PluginRegistry('p', store).registerRightHandSidebarComponent(() => null, 'Title');

        store.dispatch(showRHSPlugin);
        expect(store.getState().views.rhs).toMatchObject({rhsState: 'plugin', pluggableId: id});
        store.dispatch(toggleRHSPlugin);
        expect(store.getState().views.rhs.rhsState).toBeNull();
    });

    it('removes what unregisterComponent names', () => {
        const store = signedInStore();
        const registry = new PluginRegistry('p', store);
        const id = registry.registerRootComponent(() => null);

        registry.unregisterComponent(id);

        expect(store.getState().plugins.components.Root).toEqual([]);
    });

    it('fails a registry call it does not imitate, instead of ignoring it', () => {
        const registry = withUnimitatedCallsFailing(new PluginRegistry('p', signedInStore())) as unknown as Record<string, () => void>;
        expect(() => registry.registerPostTypeComponent()).toThrow('does not imitate registry.registerPostTypeComponent');
    });
});

describe('channel header buttons and the app bar (selectors/plugins.ts)', () => {
    function withConnectAndOther(config: Record<string, string>) {
        const store = signedInStore(config);
        const connect = new PluginRegistry('connect-chat', store);
        connect.registerAppBarComponent('/icon.svg', () => undefined, 'Connect');
        connect.registerChannelHeaderButtonAction('icon', () => undefined, 'Connect', 'Connect');
        new PluginRegistry('other', store).registerChannelHeaderButtonAction('icon', () => undefined, 'Other', 'Other');
        return store;
    }

    it('hides the header buttons of a plugin with an app bar item while the app bar is on, and shows the app bar', () => {
        const store = withConnectAndOther({DisableAppBar: 'false'});

        expect(getChannelHeaderPluginComponents(store.getState()).map((item) => item.pluginId)).toEqual(['other']);
        expect(shouldShowAppBar(store.getState())).toBe(true);
    });

    it('shows every header button and no app bar when the app bar is disabled', () => {
        const store = withConnectAndOther({DisableAppBar: 'true'});

        expect(getChannelHeaderPluginComponents(store.getState()).map((item) => item.pluginId)).toEqual(['connect-chat', 'other']);
        expect(shouldShowAppBar(store.getState())).toBe(false);
    });
});
