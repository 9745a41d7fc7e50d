// Which registered components show where, as selectors/plugins.ts decides it.
import {appBarEnabled} from 'mattermost-redux/selectors/entities/apps';

import type {DevHostState} from '../store';

import type {PluginComponent} from './reducer';

const none: PluginComponent[] = [];

export function getAppBarPluginComponents(state: DevHostState): PluginComponent[] {
    return state.plugins.components.AppBar ?? none;
}

// While the app bar is enabled, a plugin that registered an app bar item loses its channel header
// buttons. With it disabled every channel header button shows (and no app bar item shows at all).
export function getChannelHeaderPluginComponents(state: DevHostState): PluginComponent[] {
    const headerButtons = state.plugins.components.ChannelHeaderButton ?? none;
    const appBarItems = getAppBarPluginComponents(state);
    if (!appBarEnabled(state) || appBarItems.length === 0) {
        return headerButtons;
    }
    const appBarPluginIds = new Set(appBarItems.map((item) => item.pluginId));
    return headerButtons.filter((button) => !appBarPluginIds.has(button.pluginId));
}

// The app bar shows while it is enabled and has anything to show: app bar items, and the channel
// header buttons left above (which then move into it, so the channel header shows none).
export function shouldShowAppBar(state: DevHostState): boolean {
    return appBarEnabled(state) && (getAppBarPluginComponents(state).length > 0 || getChannelHeaderPluginComponents(state).length > 0);
}

export function getPluginComponents(state: DevHostState, name: string): PluginComponent[] {
    return state.plugins.components[name] ?? none;
}
