import {describe, expect, it} from 'vitest';

import {fakeRegistry} from '../../tests/unit/fixtures';

import {CheckConnection} from './CheckConnection';
import {withConnectSettingsPage} from './console_definition';
import {registerSystemConsole, unregisterSystemConsole} from './register';
import {StaffSummary} from './StaffSummary';

describe('registerSystemConsole', () => {
    it('registers the custom settings by their plugin.json keys and the translated page, and takes the page back', () => {
        const registry = fakeRegistry();
        registerSystemConsole(registry);
        expect(registry.registerAdminConsoleCustomSetting.mock.calls).toEqual([
            ['CheckConnection', CheckConnection, {showTitle: false}],
            ['StaffSummary', StaffSummary, {showTitle: false}],
        ]);
        expect(registry.registerAdminConsolePlugin).toHaveBeenCalledExactlyOnceWith(withConnectSettingsPage);

        unregisterSystemConsole(registry);
        expect(registry.unregisterAdminConsolePlugin).toHaveBeenCalledOnce();
    });
});
