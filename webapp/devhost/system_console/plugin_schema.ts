// components/admin_console/custom_plugin_settings/index.tsx: the page the web app builds for a
// plugin from its manifest. Every setting's config key is PluginSettings.Plugins.<id>.<lowercase
// key>; a custom setting shows the component the plugin registered for its key (or, while the
// plugin is not running, a banner asking to enable it); the sections keep their title and
// subtitle; the top-level settings, with the plugin's Enable setting, go into a first untitled
// section. The labels and help texts are the manifest's strings, untranslated.
import type {ManifestSetting} from '../../src/admin/console_definition';

import type {CustomSettingRegistration} from './registrations';
import {it, type AdminSetting, type AdminSchema, type AdminSection} from './schema';

export interface ManifestSection {
    key: string;
    title?: string;
    subtitle?: string;
    header?: string;
    footer?: string;
    settings: ManifestSetting[];
}

export interface AdminPluginManifest {
    id: string;
    name: string;
    settings_schema?: {
        header?: string;
        footer?: string;
        settings?: ManifestSetting[];
        sections?: ManifestSection[];
    };
}

// schema_admin_settings.tsx escapePathPart: plugin ids may hold dots, config paths split on them.
export const escapePathPart = (part: string) => part.replace(/\./g, '+');
export const pluginEnabledConfigKey = (pluginId: string) => `PluginSettings.PluginStates.${escapePathPart(pluginId)}.Enable`;

function parseSettings(plugin: AdminPluginManifest, settings: ManifestSetting[], custom: Record<string, CustomSettingRegistration>): AdminSetting[] {
    const enabledKey = pluginEnabledConfigKey(plugin.id);
    return settings.map((setting) => {
        const key = setting.key.toLowerCase();
        const base: AdminSetting = {
            ...setting,
            key: `PluginSettings.Plugins.${escapePathPart(plugin.id)}.${key}`,
            label: setting.display_name,
            help_text: setting.help_text,
            help_text_markdown: true,
            isDisabled: it.any(it.stateIsFalse(enabledKey), it.not(it.userHasWritePermissionOnResource('plugins'))),
        };
        if (custom[key]) {
            return {...base, type: 'custom', component: custom[key].component, showTitle: custom[key].options.showTitle ?? false};
        }
        if (setting.type === 'custom') {
            return {
                ...base,
                type: 'banner',
                banner_type: 'warning',
                label: 'In order to view this setting, enable the plugin.',
                isDisabled: it.stateIsTrue(enabledKey),
            };
        }
        return base;
    });
}

export function pluginSchema(plugin: AdminPluginManifest, custom: Record<string, CustomSettingRegistration> = {}): AdminSchema {
    const schema = plugin.settings_schema ?? {};
    const enabledKey = pluginEnabledConfigKey(plugin.id);
    // enable_plugin_setting.ts: the Enable setting is a hidden bool; the page header switches it.
    const enable: AdminSetting = {type: 'bool', key: enabledKey, label: '', isHidden: true};
    const sections: AdminSection[] = (schema.sections ?? []).map((section) => ({
        key: section.key.toLowerCase(),
        title: section.title,
        subtitle: section.subtitle,
        header: section.header,
        footer: section.footer,
        settings: parseSettings(plugin, section.settings, custom),
    }));
    const topLevel = parseSettings(plugin, schema.settings ?? [], custom);
    if (sections.length === 0) {
        return {id: plugin.id, name: plugin.name, header: schema.header, footer: schema.footer, settings: [enable, ...topLevel]};
    }
    return {
        id: plugin.id,
        name: plugin.name,
        footer: schema.footer,
        sections: [{key: `${enabledKey}.Section`, settings: [enable, ...topLevel]}, ...sections],
    };
}
