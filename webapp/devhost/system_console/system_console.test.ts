import {describe, expect, it} from 'vitest';

import {adminDefinition, matchSubsection} from './AdminConsole';
import {pluginSchema} from './plugin_schema';
import type {AdminConsoleRegistrations} from './registrations';
import {getConfigValue, setConfigValue, stateFromConfig} from './SchemaPage';

const manifest = {
    id: 'com.example.p',
    name: 'Example',
    settings_schema: {
        settings: [{key: 'Secret', display_name: 'Secret', type: 'text', secret: true}],
        sections: [{key: 'Main', title: 'Main', subtitle: 'The main settings', settings: [
            {key: 'Name', display_name: 'Name', type: 'text', default: 'x'},
            {key: 'Check', display_name: 'Check', type: 'custom'},
        ]}],
    },
};

function Check() {
    return null;
}

describe('the dev host System Console', () => {
    it('builds a plugin page as custom_plugin_settings does: top-level settings first, keys lowercased, custom settings registered or a banner', () => {
        const schema = pluginSchema(manifest, {check: {component: Check, options: {}}});
        expect(schema.sections?.map((section) => section.key)).toEqual(['PluginSettings.PluginStates.com+example+p.Enable.Section', 'main']);
        expect(schema.sections?.[0].settings.map((setting) => setting.key)).toEqual([
            'PluginSettings.PluginStates.com+example+p.Enable', 'PluginSettings.Plugins.com+example+p.secret',
        ]);
        const [name, check] = schema.sections?.[1].settings ?? [];
        expect(name).toMatchObject({key: 'PluginSettings.Plugins.com+example+p.name', label: 'Name', type: 'text'});
        expect(check).toMatchObject({type: 'custom', component: Check});
        expect(pluginSchema(manifest).sections?.[1].settings[1]).toMatchObject({type: 'banner', banner_type: 'warning'});
    });

    it('shows the first subsection whose URL matches, after the plugins\' definition functions ran', () => {
        const none: AdminConsoleRegistrations = {customComponents: {}, reducers: {}};
        expect(matchSubsection(adminDefinition(none), 'plugins/plugin_connect-chat')).toMatchObject({
            subsection: {schema: {id: 'CustomPluginSettings'}}, params: {plugin_id: 'connect-chat'},
        });
        const own = {url: 'plugins/plugin_connect-chat', schema: {id: 'Own'}};
        const withOwn: AdminConsoleRegistrations = {customComponents: {}, reducers: {p: <T>(definition: T) => {
            const plugins = (definition as {plugins: {subsections: Record<string, unknown>}}).plugins;
            plugins.subsections = {own, ...plugins.subsections};
            return definition;
        }}};
        expect(matchSubsection(adminDefinition(withOwn), 'plugins/plugin_connect-chat')?.subsection).toBe(own);
        expect(matchSubsection(adminDefinition(withOwn), 'plugins/plugin_other')?.subsection.schema.id).toBe('CustomPluginSettings');
    });

    it('reads and writes config paths whose parts hold dots', () => {
        const config = {PluginSettings: {Plugins: {'com.example.p': {name: 'y'}}}};
        expect(getConfigValue(config, 'PluginSettings.Plugins.com+example+p.name')).toBe('y');
        setConfigValue(config, 'PluginSettings.Plugins.com+example+p.secret', 'z');
        expect(config.PluginSettings.Plugins['com.example.p']).toEqual({name: 'y', secret: 'z'});
        expect(stateFromConfig(config, pluginSchema(manifest))).toMatchObject({'PluginSettings.Plugins.com+example+p.secret': 'z'});
    });
});
