import {legacy_createStore as createStore} from 'redux';
import {vi} from 'vitest';

import type {HostState} from '../../src/types/host_state';
import type {HostAction, HostStore, PluginRegistry, RightHandSidebarRegistration} from '../../src/types/registry';
import type {UserProfile} from '../../src/types/user';

export const alice: UserProfile = {id: 'user-alice', username: 'alice', first_name: 'Alice', last_name: 'Archer'};

export const bob: UserProfile = {id: 'user-bob', username: 'bob', first_name: 'Bob', last_name: 'Baker'};

// user null: the page before anyone signed in, or after they signed out.
export function hostState({siteURL = 'https://chat.example.com', user = alice}: {siteURL?: string; user?: UserProfile | null} = {}): HostState {
    return {
        entities: {
            general: {config: {SiteURL: siteURL}},
            users: {currentUserId: user?.id ?? '', profiles: user ? {[user.id]: user} : {}},
        },
    };
}

export function reduxStoreWith(state: HostState) {
    return createStore((current: HostState = state) => current);
}

export function fakeStore(state: HostState): HostStore & {dispatched: HostAction[]} {
    const dispatched: HostAction[] = [];
    return {
        dispatched,
        getState: () => state,
        subscribe: () => () => undefined,
        dispatch: (action) => {
            dispatched.push(action);
        },
    };
}

export const sidebarRegistration: RightHandSidebarRegistration = {
    id: 'rhs-1',
    showRHSPlugin: {type: 'show-rhs-1'},
    hideRHSPlugin: {type: 'hide-rhs-1'},
    toggleRHSPlugin: {type: 'toggle-rhs-1'},
};

export function fakeRegistry() {
    return {
        registerRightHandSidebarComponent: vi.fn<PluginRegistry['registerRightHandSidebarComponent']>(() => sidebarRegistration),
        registerAppBarComponent: vi.fn<PluginRegistry['registerAppBarComponent']>(() => 'app-bar-1'),
        registerChannelHeaderButtonAction: vi.fn<PluginRegistry['registerChannelHeaderButtonAction']>(() => 'header-button-1'),
        registerCustomRoute: vi.fn<PluginRegistry['registerCustomRoute']>(() => 'route-1'),
        registerNeedsTeamRoute: vi.fn<PluginRegistry['registerNeedsTeamRoute']>(() => 'team-route-1'),
        registerMainMenuAction: vi.fn<PluginRegistry['registerMainMenuAction']>(() => 'main-menu-1'),
        registerRootComponent: vi.fn<PluginRegistry['registerRootComponent']>(() => 'root-1'),
        registerGlobalComponent: vi.fn<NonNullable<PluginRegistry['registerGlobalComponent']>>(() => 'global-1'),
        registerReducer: vi.fn<PluginRegistry['registerReducer']>(),
        registerWebSocketEventHandler: vi.fn<PluginRegistry['registerWebSocketEventHandler']>(),
        unregisterWebSocketEventHandler: vi.fn<PluginRegistry['unregisterWebSocketEventHandler']>(),
        registerReconnectHandler: vi.fn<PluginRegistry['registerReconnectHandler']>(),
        unregisterReconnectHandler: vi.fn<PluginRegistry['unregisterReconnectHandler']>(),
        unregisterComponent: vi.fn<PluginRegistry['unregisterComponent']>(),
        registerTranslations: vi.fn<PluginRegistry['registerTranslations']>(),
        registerAdminConsoleCustomSetting: vi.fn<PluginRegistry['registerAdminConsoleCustomSetting']>(),
        registerAdminConsolePlugin: vi.fn<PluginRegistry['registerAdminConsolePlugin']>(),
        unregisterAdminConsolePlugin: vi.fn<PluginRegistry['unregisterAdminConsolePlugin']>(),
    } satisfies PluginRegistry;
}

export function jsonResponse(status: number, body: unknown): Response {
    return new Response(JSON.stringify(body), {status, headers: {'Content-Type': 'application/json'}});
}
