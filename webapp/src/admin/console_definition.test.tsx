import {render, screen} from '@testing-library/react';
import React, {type ReactElement} from 'react';
import {IntlProvider} from 'react-intl';
import {describe, expect, it} from 'vitest';

import fr from '../../i18n/fr.json';
import manifest from '../../../plugin.json';

import {CheckConnection} from './CheckConnection';
import {connectSettingsPage, enableKey, subsectionKey, withConnectSettingsPage} from './console_definition';
import {StaffSummary} from './StaffSummary';

interface Setting {
    type: string;
    key: string;
    label?: {id: string; defaultMessage: string};
    help_text?: ReactElement;
    component?: unknown;
    options?: Array<{value: string; display_name: {id: string}}>;
    isDisabled?: (...args: unknown[]) => boolean;
}

interface Section {
    key: string;
    title?: ReactElement;
    settings: Setting[];
}

const page = connectSettingsPage() as {url: string; schema: {id: string; name: string; sections: Section[]}};
const settingKeys = (section: Section) => section.settings.map((setting) => setting.key.split('.').pop());

describe('the translated System Console page', () => {
    it('goes before the web app\'s generic plugin page, which it leaves in place', () => {
        const generic = {url: 'plugins/plugin_:plugin_id', schema: {id: 'CustomPluginSettings'}};
        const definition = {about: {subsections: {}}, plugins: {subsections: {plugin_management: {url: 'plugins/plugin_management'}, custom: generic}}};

        const result = withConnectSettingsPage(definition);

        expect(Object.keys(result.plugins.subsections)).toEqual([subsectionKey, 'plugin_management', 'custom']);
        expect(result.plugins.subsections.custom).toBe(generic);
        expect(page.url).toBe('plugins/plugin_connect-chat');
        expect('title' in page).toBe(false); // untitled: the sidebar lists the plugin once
        expect(Object.keys(withConnectSettingsPage(result).plugins.subsections)).toEqual([subsectionKey, 'plugin_management', 'custom']);
    });

    it('leaves a definition without a plugins section as it is', () => {
        const definition = {about: {subsections: {}}};
        expect(withConnectSettingsPage(definition)).toEqual({about: {subsections: {}}});
    });

    it('holds every setting of plugin.json once, the secrets beside their section, with the plugin switch first', () => {
        const [enable, ...sections] = page.schema.sections;
        expect(enable.key).toBe(`${enableKey}.Section`);
        expect(enable.settings.map((setting) => setting.key)).toEqual([enableKey]);
        expect(sections.map((section) => section.key)).toEqual([
            'connect-servicenow', 'connect-staff', 'connect-cards', 'connect-conversations', 'connect-notifications', 'connect-following', 'connect-acting',
        ]);
        expect(settingKeys(sections[0])).toEqual([
            'servicenowurl', 'servicenowauthmode', 'servicenowusername', 'servicenowpassword', 'servicenowclientid', 'servicenowclientsecret', 'checkconnection',
        ]);
        expect(settingKeys(sections[5])[0]).toBe('webhooksecret');

        const onPage = sections.flatMap(settingKeys).sort();
        const inManifest = [
            ...manifest.settings_schema.settings.map((setting) => setting.key),
            ...manifest.settings_schema.sections.flatMap((section) => section.settings.map((setting: {key: string}) => setting.key)),
        ].map((key) => key.toLowerCase()).sort();
        expect(onPage).toEqual(inManifest);
        for (const setting of sections.flatMap((section) => section.settings)) {
            expect(setting.key.startsWith('PluginSettings.Plugins.connect-chat.')).toBe(true);
        }
    });

    it('renders Connect\'s own components for the custom settings, and disables everything while the plugin is off', () => {
        const all = page.schema.sections.slice(1).flatMap((section) => section.settings);
        expect(all.find((s) => s.key.endsWith('.checkconnection'))?.component).toBe(CheckConnection);
        expect(all.find((s) => s.key.endsWith('.staffsummary'))?.component).toBe(StaffSummary);
        const url = all.find((s) => s.key.endsWith('.servicenowurl'))!;
        expect(url.isDisabled?.({}, {[enableKey]: true}, {}, false, {write: {plugins: true}})).toBe(false);
        expect(url.isDisabled?.({}, {[enableKey]: false}, {}, false, {write: {plugins: true}})).toBe(true);
        expect(url.isDisabled?.({}, {[enableKey]: true}, {}, false, {write: {plugins: false}})).toBe(true);
    });

    it('gives titles, labels, help texts and options in the admin\'s language', () => {
        const servicenow = page.schema.sections[1];
        const auth = servicenow.settings.find((s) => s.key.endsWith('.servicenowauthmode'))!;
        expect(auth.label).toEqual({id: 'connect.admin.servicenow_auth_mode.label', defaultMessage: 'ServiceNow authentication'});
        expect(auth.options?.map((option) => option.display_name.id)).toEqual([
            'connect.admin.servicenow_auth_mode.option.basic', 'connect.admin.servicenow_auth_mode.option.oauth',
        ]);
        render(
            <IntlProvider
                locale='fr'
                messages={fr}
            >
                <p>{servicenow.title}</p>
                <p>{auth.help_text}</p>
            </IntlProvider>,
        );
        expect(screen.getByText('Connexion à ServiceNow')).toBeInTheDocument();
        expect(screen.getByText('La façon dont Connect se connecte à l\'API Table de ServiceNow.')).toBeInTheDocument();
    });
});
