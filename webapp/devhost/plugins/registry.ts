// The registry each plugin gets (plugins/registry.ts): registrations are actions on the store
// (RECEIVED_PLUGIN_COMPONENT under the web app's pluggable names), a reducer goes to
// mattermost-redux's reducerRegistry as plugins-<id>, socket handlers to the websocket's tables.
// Only the calls Connect and common plugins make are here; the others throw, so that a plugin
// needing one shows up.
import React, {isValidElement, type ReactNode} from 'react';
import type {Reducer} from 'redux';

import reducerRegistryExport from 'mattermost-redux/store/reducer_registry';

import {cjsDefault} from '../cjs_default';
import {registerPluginTranslationsSource, type TranslationSource} from '../i18n/translations';
import type {DevHostStore} from '../store';
import {hideRHSPlugin, showRHSPlugin, toggleRHSPlugin} from '../views/rhs';
import {
    registerPluginReconnectHandler,
    registerPluginWebSocketEvent,
    unregisterPluginReconnectHandler,
    unregisterPluginWebSocketEvent,
    type PluginEventHandler,
} from '../websocket';

import {
    registerAdminConsoleCustomSetting,
    registerAdminConsolePlugin,
    unregisterAdminConsolePlugin,
    type DefinitionFunction,
} from '../system_console/registrations';

import {RECEIVED_PLUGIN_COMPONENT, REMOVED_PLUGIN_COMPONENT, type PluggableName, type PluginComponent, type PluginComponentType} from './reducer';

const reducerRegistry = cjsDefault(reducerRegistryExport);

let lastId = 0;

// utils/utils generateId: any unique string.
function generateId(): string {
    lastId += 1;
    return `devhost-${Date.now().toString(36)}-${lastId}`;
}

// resolveReactElement: a component type given where an element is expected becomes an element.
function resolveReactElement(element: unknown): ReactNode {
    const isComponentType = typeof element === 'function' || (typeof element === 'object' && element !== null && '$$typeof' in element && !isValidElement(element));
    if (isComponentType) {
        return React.createElement(element as PluginComponentType);
    }
    return element as ReactNode;
}

// utils/func reArg: every registry call takes its arguments in order or as one object.
function argumentsOf<K extends string>(names: K[], args: unknown[]): Record<K, unknown> {
    const [first] = args;
    const isObjectForm = args.length === 1 && typeof first === 'object' && first !== null && !isValidElement(first) &&
        Object.keys(first).some((key) => (names as string[]).includes(key));
    if (isObjectForm) {
        return first as Record<K, unknown>;
    }
    return Object.fromEntries(names.map((name, index) => [name, args[index]])) as Record<K, unknown>;
}

// The route the web app mounts: /<plugin id>/<route> without a leading slash (standardizeRoute).
function pluginRoute(pluginId: string, route: unknown): string {
    const trimmed = String(route).trim();
    return `${pluginId}/${trimmed.startsWith('/') ? trimmed.slice(1) : trimmed}`;
}

type Action = PluginComponent['action'];
type Component = PluginComponentType;

export class PluginRegistry {
    readonly supports = {globalAppBar: true, globalRhs: true};

    constructor(readonly id: string, private readonly store: DevHostStore) {}

    private dispatchComponent(name: PluggableName, data: Omit<PluginComponent, 'id' | 'pluginId'>, id = generateId()): string {
        this.store.dispatch({type: RECEIVED_PLUGIN_COMPONENT, name, data: {id, pluginId: this.id, ...data}});
        return id;
    }

    // "Register a component at the root of the channel view of the app."
    registerRootComponent = (...args: unknown[]) => {
        const {component} = argumentsOf(['component'], args);
        return this.dispatchComponent('Root', {component: component as Component});
    };

    registerGlobalComponent = (...args: unknown[]) => {
        const {component} = argumentsOf(['component'], args);
        return this.dispatchComponent('Global', {component: component as Component});
    };

    registerChannelHeaderButtonAction = (...args: unknown[]) => {
        const {icon, action, dropdownText, tooltipText} = argumentsOf(['icon', 'action', 'dropdownText', 'tooltipText'], args);
        const data = {icon: resolveReactElement(icon), action: action as Action, dropdownText: resolveReactElement(dropdownText), tooltipText: resolveReactElement(tooltipText)};
        const id = this.dispatchComponent('ChannelHeaderButton', data);
        this.dispatchComponent('MobileChannelHeaderButton', data, id);
        return id;
    };

    registerAppBarComponent = (...args: unknown[]) => {
        const {iconUrl, action, tooltipText} = argumentsOf(['iconUrl', 'action', 'tooltipText'], args);
        return this.dispatchComponent('AppBar', {iconUrl: iconUrl as string, action: action as Action, tooltipText: resolveReactElement(tooltipText)});
    };

    registerRightHandSidebarComponent = (...args: unknown[]) => {
        const {component, title} = argumentsOf(['component', 'title'], args);
        const id = this.dispatchComponent('RightHandSidebarComponent', {component: component as Component, title: resolveReactElement(title)});
        return {id, showRHSPlugin: showRHSPlugin(id), hideRHSPlugin: hideRHSPlugin(id), toggleRHSPlugin: toggleRHSPlugin(id)};
    };

    // Shown at /<team>/<plugin id>/<route>.
    registerNeedsTeamRoute = (...args: unknown[]) => {
        const {route, component} = argumentsOf(['route', 'component'], args);
        return this.dispatchComponent('NeedsTeamComponent', {component: component as Component, route: pluginRoute(this.id, route)});
    };

    // Shown at /plug/<plugin id>/<route>; "you must specify a grid-area (recommended: grid-area: center)".
    registerCustomRoute = (...args: unknown[]) => {
        const {route, component} = argumentsOf(['route', 'component'], args);
        return this.dispatchComponent('CustomRouteComponent', {component: component as Component, route: pluginRoute(this.id, route)});
    };

    registerMainMenuAction = (...args: unknown[]) => {
        const {text, action} = argumentsOf(['text', 'action', 'mobileIcon'], args);
        return this.dispatchComponent('MainMenu', {text: resolveReactElement(text), action: action as Action});
    };

    registerReducer = (...args: unknown[]) => {
        const {reducer} = argumentsOf(['reducer'], args);
        reducerRegistry.register(`plugins-${this.id}`, reducer as Reducer);
    };

    registerWebSocketEventHandler = (...args: unknown[]) => {
        const {event, handler} = argumentsOf(['event', 'handler'], args);
        registerPluginWebSocketEvent(this.id, String(event), handler as PluginEventHandler);
    };

    unregisterWebSocketEventHandler = (...args: unknown[]) => {
        const {event} = argumentsOf(['event'], args);
        unregisterPluginWebSocketEvent(this.id, String(event));
    };

    registerReconnectHandler = (...args: unknown[]) => {
        const {handler} = argumentsOf(['handler'], args);
        registerPluginReconnectHandler(this.id, handler as () => void);
    };

    unregisterReconnectHandler = () => {
        unregisterPluginReconnectHandler(this.id);
    };

    unregisterComponent = (...args: unknown[]) => {
        const {componentId} = argumentsOf(['componentId'], args);
        this.store.dispatch({type: REMOVED_PLUGIN_COMPONENT, id: String(componentId)});
    };

    // The plugin's messages for a locale, merged into the IntlProvider's (i18n/translations.ts).
    registerTranslations = (...args: unknown[]) => {
        const {getTranslationsForLocale} = argumentsOf(['getTranslationsForLocale'], args);
        this.store.dispatch(registerPluginTranslationsSource(this.id, getTranslationsForLocale as TranslationSource));
    };

    // The System Console (system_console/registrations.ts): a custom setting's component by its
    // plugin.json key, and the plugin's function over the admin definition.
    registerAdminConsoleCustomSetting = (...args: unknown[]) => {
        const {key, component, options} = argumentsOf(['key', 'component', 'options'], args);
        registerAdminConsoleCustomSetting(this.id, String(key), {component: component as Component, options: options ?? {}});
    };

    registerAdminConsolePlugin = (...args: unknown[]) => {
        const {func} = argumentsOf(['func'], args);
        registerAdminConsolePlugin(this.id, func as DefinitionFunction);
    };

    unregisterAdminConsolePlugin = () => {
        unregisterAdminConsolePlugin(this.id);
    };
}

// A registry call the dev host does not imitate fails loudly instead of silently doing nothing.
export function withUnimitatedCallsFailing(registry: PluginRegistry): PluginRegistry {
    return new Proxy(registry, {
        get(target, property, receiver) {
            if (typeof property === 'string' && property.startsWith('register') && !(property in target)) {
                return () => {
                    throw new Error(`The dev host does not imitate registry.${property} (plugins/registry.ts).`);
                };
            }
            return Reflect.get(target, property, receiver) as unknown;
        },
    });
}
