import {describe, expect, it} from 'vitest';

import manifest from '../../../plugin.json';

import type {ManifestSetting} from './console_definition';
import {customSettingKeys} from './console_messages';
import {settingTexts} from './setting_messages';

const settings: ManifestSetting[] = [
    ...manifest.settings_schema.settings,
    ...manifest.settings_schema.sections.flatMap((section) => section.settings as ManifestSetting[]),
];

describe('the System Console texts', () => {
    it('are plugin.json\'s English, for every setting but the custom ones', () => {
        const fromManifest = Object.fromEntries(settings.filter((s) => s.type !== 'custom').map((s) => [s.key, {
            label: s.display_name,
            help: s.help_text,
            options: s.options ? Object.fromEntries(s.options.map((o) => [o.value, o.display_name])) : undefined,
        }]));
        const inCode = Object.fromEntries(Object.entries(settingTexts).map(([key, texts]) => [key, {
            label: texts.label.defaultMessage,
            help: texts.help?.defaultMessage,
            options: texts.options ? Object.fromEntries(Object.entries(texts.options).map(([value, m]) => [value, m.defaultMessage])) : undefined,
        }]));
        expect(inCode).toEqual(fromManifest);
        expect(settings.filter((s) => s.type === 'custom').map((s) => s.key).sort()).toEqual([...customSettingKeys].sort());
    });
});
