// The shapes of the admin definition (components/admin_console/types.ts), reduced to what
// plugin pages use, and the `it` helpers of admin_definition_helpers.ts that decide whether a
// setting is disabled or hidden. They are called with the saved config, the page's state (the
// values being edited), the license, enterpriseReady and the admin's console access.
import type {ComponentType, ReactNode} from 'react';
import type {MessageDescriptor} from 'react-intl';

export interface ConsoleAccess {
    read: Record<string, boolean>;
    write: Record<string, boolean>;
}

export type Check = (config: unknown, state: Record<string, unknown>, license: unknown, enterpriseReady: boolean, consoleAccess: ConsoleAccess) => boolean;

export interface AdminSetting {
    type: string;
    key?: string;
    label?: string | MessageDescriptor;
    help_text?: string | MessageDescriptor | ReactNode;
    help_text_markdown?: boolean;
    placeholder?: string | MessageDescriptor;
    default?: unknown;
    options?: Array<{value: string; display_name: string | MessageDescriptor}>;
    regenerate_help_text?: string;
    banner_type?: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    component?: ComponentType<any>;
    showTitle?: boolean;
    isDisabled?: Check | boolean;
    isHidden?: Check | boolean;
}

export interface AdminSection {
    key: string;
    title?: ReactNode;
    subtitle?: ReactNode;
    header?: string;
    footer?: string;
    settings: AdminSetting[];
}

export interface AdminSchema {
    id: string;
    name?: string | MessageDescriptor;
    header?: string;
    footer?: string;
    settings?: AdminSetting[];
    sections?: AdminSection[];
    // A page drawn by a component of its own (the generic plugin page).
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    component?: ComponentType<any>;
}

export interface AdminSubsection {
    url: string;
    title?: unknown;
    isDisabled?: Check | boolean;
    schema: AdminSchema;
}

export type AdminDefinition = Record<string, {subsections: Record<string, AdminSubsection>}>;

export const it = {
    not: (check: Check): Check => (...args) => !check(...args),
    any: (...checks: Check[]): Check => (...args) => checks.some((check) => check(...args)),
    stateIsTrue: (key: string): Check => (_config, state) => state[key] === true,
    stateIsFalse: (key: string): Check => (_config, state) => state[key] === false,
    userHasWritePermissionOnResource: (resource: string): Check => (_config, _state, _license, _enterprise, access) => Boolean(access.write[resource]),
};

export function evaluate(check: Check | boolean | undefined, config: unknown, state: Record<string, unknown>, access: ConsoleAccess): boolean {
    if (typeof check === 'function') {
        return check(config, state, {}, false, access);
    }
    return Boolean(check);
}
