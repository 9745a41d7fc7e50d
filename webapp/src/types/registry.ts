import type {ComponentType, ReactNode} from 'react';
import type {Action} from 'redux';

import type {HostState} from './host_state';
import type {WebSocketMessage} from './mattermost';

// Mattermost's store runs redux-thunk: some actions the registry hands out are functions.
export type HostThunk = (dispatch: HostDispatch, getState: () => HostState) => unknown;
export type HostAction = Action<string> | HostThunk;
export type HostDispatch = (action: HostAction) => unknown;

// Properties rather than methods: the plugin hands them on detached from the store.
export interface HostStore {
    getState: () => HostState;
    dispatch: HostDispatch;
    subscribe: (listener: () => void) => () => void;
}

// Minimal shapes of the channel and membership Mattermost passes to button actions.
export interface HostChannel {
    id: string;
    team_id: string;
    type: string;
    name: string;
    display_name: string;
}

export interface HostChannelMembership {
    channel_id: string;
    user_id: string;
}

export type ChannelHeaderButtonAction = (channel: HostChannel, member: HostChannelMembership) => void;

// The app bar also shows outside channels, where Mattermost has no channel to pass.
export type AppBarAction = (channel?: HostChannel, member?: HostChannelMembership) => void;

export interface RightHandSidebarRegistration {
    id: string;
    showRHSPlugin: HostAction;
    hideRHSPlugin: HostAction;
    toggleRHSPlugin: HostAction;
}

// The registry methods Connect Chat uses (webapp/channels/src/plugins/registry.ts). Positional
// arguments: newer web apps also take one options object, but every version takes these.
export interface PluginRegistry {
    registerRightHandSidebarComponent(component: ComponentType, title: ReactNode): RightHandSidebarRegistration;

    registerAppBarComponent(iconUrl: string, action: AppBarAction, tooltipText: ReactNode): string;

    registerChannelHeaderButtonAction(
        icon: ReactNode,
        action: ChannelHeaderButtonAction,
        dropdownText: ReactNode,
        tooltipText: ReactNode,
    ): string;

    // Mounted by the web app at /plug/<plugin id>/<route>.
    registerCustomRoute(route: string, component: ComponentType): string;

    // Mounted by the web app at /<team name>/<plugin id>/<route>, inside the team's layout.
    registerNeedsTeamRoute(route: string, component: ComponentType): string;

    // An entry of the web app's main menu (the team menu).
    registerMainMenuAction(text: ReactNode, action: () => void, mobileIcon: ReactNode): string;

    // Mounted only in the channel view, backstage and popout windows (channel_controller.tsx,
    // backstage_controller.tsx, popout_controller.tsx): not on plugin routes or the System Console.
    registerRootComponent(component: ComponentType): string;

    // Mounted at the root of the signed-in app on every page but the System Console and the
    // popouts, beside the app bar and the right-hand sidebar (components/root/root.tsx renders
    // <Pluggable pluggableName='Global'/> after the routes). Marked internal in the registry, so
    // a plugin must cope without it.
    registerGlobalComponent?(component: ComponentType): string;

    // The web app keeps the reducer's state at state['plugins-<plugin id>']. The state parameter
    // is typed never so that a reducer of any state fits: only the plugin knows its shape.
    registerReducer(reducer: (state: never, action: Action<string>) => unknown): void;

    // One handler per event and plugin: core events (posted, ...) and custom_<plugin id>_<event>.
    registerWebSocketEventHandler(event: string, handler: (message: WebSocketMessage) => void): void;
    unregisterWebSocketEventHandler(event: string): void;

    // Called after the websocket reconnects, when events may have been missed.
    registerReconnectHandler(handler: () => void): void;
    unregisterReconnectHandler(): void;

    unregisterComponent(componentId: string): void;

    // The plugin's messages for a locale (actions/views/root.ts registerPluginTranslationsSource):
    // called at once with the user's locale and again whenever the web app loads a locale.
    registerTranslations(getTranslationsForLocale: (locale: string) => Record<string, string>): void;

    // The System Console (plugins/registry.ts): a component for a custom setting of plugin.json,
    // by its key, and a function the web app runs over its admin definition
    // (selectors/admin_console.tsx, getAdminDefinition); one function per plugin.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    registerAdminConsoleCustomSetting(key: string, component: ComponentType<any>, options: {showTitle?: boolean}): void;
    registerAdminConsolePlugin(func: <T>(definition: T) => T): void;
    unregisterAdminConsolePlugin(): void;
}

export interface WebappPlugin {
    initialize(registry: PluginRegistry, store: HostStore): void | Promise<void>;
    uninitialize?(): void;
}
