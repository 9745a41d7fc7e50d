// What plugins registered for the System Console, kept as the web app keeps it in
// state.plugins (reducers/plugins/index.ts): adminConsoleCustomComponents[pluginId][lowercase key]
// = {component, options}, adminConsoleReducers[pluginId] = the definition function (one per
// plugin). Kept in a small store of their own: only the System Console reads them.
import {useSyncExternalStore, type ComponentType} from 'react';

export interface CustomSettingRegistration {
    // Registered components take the web app's custom setting props (schema_admin_settings.tsx).
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    component: ComponentType<any>;
    options: {showTitle?: boolean};
}

export type DefinitionFunction = <T>(definition: T) => T;

export interface AdminConsoleRegistrations {
    customComponents: Record<string, Record<string, CustomSettingRegistration>>;
    reducers: Record<string, DefinitionFunction>;
}

let current: AdminConsoleRegistrations = {customComponents: {}, reducers: {}};
const listeners = new Set<() => void>();

function update(next: AdminConsoleRegistrations): void {
    current = next;
    listeners.forEach((listener) => listener());
}

export function registerAdminConsoleCustomSetting(pluginId: string, key: string, registration: CustomSettingRegistration): void {
    const own = {...current.customComponents[pluginId], [key.toLowerCase()]: registration};
    update({...current, customComponents: {...current.customComponents, [pluginId]: own}});
}

export function registerAdminConsolePlugin(pluginId: string, func: DefinitionFunction): void {
    update({...current, reducers: {...current.reducers, [pluginId]: func}});
}

export function unregisterAdminConsolePlugin(pluginId: string): void {
    const reducers = {...current.reducers};
    delete reducers[pluginId];
    update({...current, reducers});
}

export function useAdminConsoleRegistrations(): AdminConsoleRegistrations {
    return useSyncExternalStore((listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
    }, () => current);
}
