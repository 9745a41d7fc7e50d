// state.plugins as reducers/plugins/index.ts keeps it: the enabled plugins' manifests and, by the
// web app's pluggable names, what each plugin registered.
import type {ComponentType, ReactNode} from 'react';
import type {Action} from 'redux';

import type {ClientPluginManifest} from '@mattermost/types/plugins';

export const RECEIVED_PLUGIN_COMPONENT = 'RECEIVED_PLUGIN_COMPONENT';
export const REMOVED_PLUGIN_COMPONENT = 'REMOVED_PLUGIN_COMPONENT';
export const RECEIVED_WEBAPP_PLUGINS = 'RECEIVED_WEBAPP_PLUGINS';

// The pluggable names of plugins/registry.ts that the dev host renders; others are kept, not shown.
export type PluggableName =
    | 'Root'
    | 'Global'
    | 'AppBar'
    | 'ChannelHeaderButton'
    | 'MobileChannelHeaderButton'
    | 'CustomRouteComponent'
    | 'NeedsTeamComponent'
    | 'MainMenu'
    | 'RightHandSidebarComponent'
    | (string & {});

// Plugins hand over any props, so the component type takes any.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PluginComponentType = ComponentType<any>;

export interface PluginComponent {
    id: string;
    pluginId: string;
    component?: PluginComponentType;
    icon?: ReactNode;
    iconUrl?: string;
    action?: (...args: never[]) => unknown;
    dropdownText?: ReactNode;
    tooltipText?: ReactNode;
    text?: ReactNode;
    title?: ReactNode;
    route?: string;
}

export interface PluginsState {
    plugins: Record<string, ClientPluginManifest>;
    components: Partial<Record<PluggableName, PluginComponent[]>>;
}

interface ReceivedComponent extends Action<typeof RECEIVED_PLUGIN_COMPONENT> {
    name: PluggableName;
    data: PluginComponent;
}

interface RemovedComponent extends Action<typeof REMOVED_PLUGIN_COMPONENT> {
    id: string;
}

interface ReceivedPlugins extends Action<typeof RECEIVED_WEBAPP_PLUGINS> {
    data: ClientPluginManifest[];
}

export type PluginsAction = ReceivedComponent | RemovedComponent | ReceivedPlugins;

const initialState: PluginsState = {plugins: {}, components: {}};

function withoutComponent(components: PluginsState['components'], id: string): PluginsState['components'] {
    const next: PluginsState['components'] = {};
    for (const [name, list] of Object.entries(components)) {
        next[name] = list?.filter((item) => item.id !== id);
    }
    return next;
}

function is<T extends PluginsAction>(action: Action<string>, type: T['type']): action is T {
    return action.type === type;
}

export function pluginsReducer(state: PluginsState = initialState, action: Action<string>): PluginsState {
    if (is<ReceivedComponent>(action, RECEIVED_PLUGIN_COMPONENT)) {
        const list = state.components[action.name] ?? [];
        return {...state, components: {...state.components, [action.name]: [...list, action.data]}};
    }
    if (is<RemovedComponent>(action, REMOVED_PLUGIN_COMPONENT)) {
        return {...state, components: withoutComponent(state.components, action.id)};
    }
    if (is<ReceivedPlugins>(action, RECEIVED_WEBAPP_PLUGINS)) {
        return {...state, plugins: Object.fromEntries(action.data.map((manifest) => [manifest.id, manifest]))};
    }
    return state;
}
