// Which registered components show where, as selectors/plugins.ts decides it (memoized, as there).
import {createSelector} from 'mattermost-redux/selectors/create_selector';
import {appBarEnabled} from 'mattermost-redux/selectors/entities/apps';

import type {DevHostState} from '../store';

import type {PluginComponent} from './reducer';

const none: PluginComponent[] = [];

export function getPluginComponents(state: DevHostState, name: string): PluginComponent[] {
    return state.plugins.components[name] ?? none;
}

export function getAppBarPluginComponents(state: DevHostState): PluginComponent[] {
    return getPluginComponents(state, 'AppBar');
}

// While the app bar is enabled, a plugin that registered an app bar item loses its channel header
// buttons. With it disabled every channel header button shows (and no app bar item shows at all).
export const getChannelHeaderPluginComponents = createSelector(
    'getChannelHeaderPluginComponents',
    (state: DevHostState) => appBarEnabled(state),
    (state: DevHostState) => getPluginComponents(state, 'ChannelHeaderButton'),
    getAppBarPluginComponents,
    (enabled, headerButtons, appBarItems) => {
        if (!enabled || appBarItems.length === 0) {
            return headerButtons;
        }
        const appBarPluginIds = new Set(appBarItems.map((item) => item.pluginId));
        return headerButtons.filter((button) => !appBarPluginIds.has(button.pluginId));
    },
);

// The app bar shows while it is enabled and has anything to show: app bar items, and the channel
// header buttons left above (which then move into it, so the channel header shows none).
export function shouldShowAppBar(state: DevHostState): boolean {
    return appBarEnabled(state) && (getAppBarPluginComponents(state).length > 0 || getChannelHeaderPluginComponents(state).length > 0);
}
