import type {PluginRegistry} from '../types/registry';

import {CheckConnection} from './CheckConnection';
import {withConnectSettingsPage} from './console_definition';
import {StaffSummary} from './StaffSummary';

// Connect's System Console page: the two custom settings of plugin.json (registered as the web
// app lets plugins, plugins/registry.ts registerAdminConsoleCustomSetting; they draw their own
// translated label, hence no showTitle) and the translated page (console_definition.tsx).
export function registerSystemConsole(registry: PluginRegistry): void {
    registry.registerAdminConsoleCustomSetting('CheckConnection', CheckConnection, {showTitle: false});
    registry.registerAdminConsoleCustomSetting('StaffSummary', StaffSummary, {showTitle: false});
    registry.registerAdminConsolePlugin(withConnectSettingsPage);
}

// Taken back when the plugin is uninitialized, so the generic page returns.
export function unregisterSystemConsole(registry: PluginRegistry): void {
    registry.unregisterAdminConsolePlugin();
}
