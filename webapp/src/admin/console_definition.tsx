import React from 'react';

import {name as pluginName, settings_schema as manifestSchema} from '../../../plugin.json';
import {pluginId} from '../manifest';

import {CheckConnection} from './CheckConnection';
import {customSettingKeys, sectionLayout, type Message} from './console_messages';
import {settingTexts} from './setting_messages';
import {StaffSummary} from './StaffSummary';
import {Text} from './text';

// How Connect's System Console page is translated. The web app builds a plugin's page from its
// manifest (components/admin_console/custom_plugin_settings/index.tsx) and shows each display
// name and help text as the manifest's string, in English whatever the admin's language. A plugin
// may rewrite the admin definition (registry.registerAdminConsolePlugin; the web app runs every
// registered function over it in selectors/admin_console.tsx, getAdminDefinition), and the routes
// of the System Console are its subsections, the first matching URL winning
// (components/admin_console/admin_console.tsx, renderRoutes). So Connect puts, before the
// generic plugins/plugin_:plugin_id page, a page at plugins/plugin_connect-chat built from the same
// manifest, with the same config keys, rendered by the same SchemaAdminSettings, but with message
// descriptors the web app formats in the admin's language. It has no title, so the System Console
// sidebar does not list it twice (admin_sidebar.tsx skips untitled subsections).

// A setting of plugin.json's settings_schema, as the web app reads it.
export interface ManifestSetting {
    key: string;
    display_name: string;
    type: string;
    help_text?: string;
    placeholder?: string;
    default?: unknown;
    options?: Array<{display_name: string; value: string}>;
    secret?: boolean;
}

// The functions the web app calls to decide whether a setting is disabled
// (admin_definition_helpers.ts `it`): config, the page's state, license, enterpriseReady, console access.
interface ConsoleAccess {
    write?: Record<string, boolean>;
}
type Check = (config: unknown, state: Record<string, unknown>, license: unknown, enterpriseReady: unknown, consoleAccess?: ConsoleAccess) => boolean;

export const enableKey = `PluginSettings.PluginStates.${pluginId}.Enable`;
const settingKey = (key: string) => `PluginSettings.Plugins.${pluginId}.${key.toLowerCase()}`;

const cannotWritePlugins: Check = (_config, _state, _license, _enterprise, consoleAccess) => consoleAccess?.write?.plugins === false;
const disabledUnlessEnabled: Check = (config, state, license, enterprise, consoleAccess) =>
    state[enableKey] === false || cannotWritePlugins(config, state, license, enterprise, consoleAccess);

const allSettings: ManifestSetting[] = [
    ...(manifestSchema.settings as ManifestSetting[]),
    ...manifestSchema.sections.flatMap((section) => section.settings as ManifestSetting[]),
];

function manifestSetting(key: string): ManifestSetting {
    const setting = allSettings.find((candidate) => candidate.key === key);
    if (!setting) {
        throw new Error(`plugin.json has no setting ${key}`);
    }
    return setting;
}

const customComponents: Record<string, React.ComponentType<{id: string; disabled?: boolean}>> = {
    CheckConnection,
    StaffSummary,
};

function definitionSetting(key: string): Record<string, unknown> {
    const setting = manifestSetting(key);
    if (customSettingKeys.includes(key)) {
        return {type: 'custom', key: settingKey(key), component: customComponents[key], showTitle: false, isDisabled: disabledUnlessEnabled};
    }
    const texts = settingTexts[key];
    return {
        type: setting.type,
        key: settingKey(key),
        label: texts.label,
        help_text: texts.help ? <Text message={texts.help}/> : undefined,
        help_text_markdown: false,
        placeholder: setting.placeholder,
        default: setting.default,
        options: setting.options?.map((option) => ({value: option.value, display_name: texts.options?.[option.value] ?? option.display_name})),
        isDisabled: disabledUnlessEnabled,
    };
}

const enableHelp: Message = {id: 'connect.admin.enable.help', defaultMessage: 'When true, Connect Chat runs: its conversations, record cards and checks. Save to apply.'};

const enableSetting = {
    type: 'bool',
    key: enableKey,
    label: {id: 'connect.admin.enable.label', defaultMessage: 'Enable plugin'},
    help_text: <Text message={enableHelp}/>,
    help_text_markdown: false,
    isDisabled: cannotWritePlugins,
};

// The page, its sections in the order of sectionLayout (plugin.json's sections, with the secrets
// put back beside the settings they belong to).
export function connectSettingsPage(): Record<string, unknown> {
    const sections = sectionLayout.map((section) => ({
        key: `connect-${section.key}`,
        title: <Text message={section.title}/>,
        subtitle: <Text message={section.subtitle}/>,
        settings: section.keys.map(definitionSetting),
    }));
    return {
        url: `plugins/plugin_${pluginId}`,
        isDisabled: cannotWritePlugins,
        schema: {
            id: 'ConnectChatSettings',
            name: pluginName,
            sections: [{key: `${enableKey}.Section`, settings: [enableSetting]}, ...sections],
        },
    };
}

interface AdminDefinition {
    plugins?: {subsections?: Record<string, unknown>};
}

export const subsectionKey = 'connect_chat_settings';

// The function Connect registers with registerAdminConsolePlugin. It changes nothing when the
// definition has no plugins section (a web app this was not written against).
export function withConnectSettingsPage<T>(definition: T): T {
    const plugins = (definition as AdminDefinition | null)?.plugins;
    if (!plugins?.subsections) {
        return definition;
    }
    const rest = {...plugins.subsections};
    delete rest[subsectionKey];
    plugins.subsections = {[subsectionKey]: connectSettingsPage(), ...rest};
    return definition;
}
