// components/app_bar/app_bar.tsx and app_bar_plugin_component.tsx: the column on the right with
// the plugins' app bar items and, while the app bar is on, the channel header buttons that
// selectors/plugins.ts left there. An item is the icon URL as an <img> (alt: the plugin id) in a
// role=button, or the header button's icon element when it has no icon URL, with the tooltip text
// on hover. A click calls the action with the current channel and the user's membership of it,
// which on pages without a channel are whatever channel was selected last (or none).
import React, {useState} from 'react';
import {useSelector} from 'react-redux';

import {getCurrentChannel, getMyCurrentChannelMembership} from 'mattermost-redux/selectors/entities/channels';

import type {PluginComponent} from '../plugins/reducer';
import {getAppBarPluginComponents, getChannelHeaderPluginComponents, shouldShowAppBar} from '../plugins/selectors';

import {WithTooltip} from './WithTooltip';

function AppBarPluginComponent({component}: {component: PluginComponent}) {
    const channel = useSelector(getCurrentChannel);
    const member = useSelector(getMyCurrentChannelMembership);
    const [failed, setFailed] = useState(false);
    const {iconUrl} = component;

    let content = (
        <div
            role='button'
            tabIndex={0}
            className='app-bar__icon-inner'
        >
            <img
                src={iconUrl}
                alt={component.pluginId}
                onError={() => setFailed(true)}
            />
        </div>
    );
    if (!iconUrl) {
        content = (
            <div
                role='button'
                tabIndex={0}
                className='app-bar__old-icon app-bar__icon-inner app-bar__icon-inner--centered'
            >
                {component.icon}
            </div>
        );
    }
    if (failed) {
        content = <span className='icon__plugin'>{'🔌'}</span>;
    }

    const action = component.action as ((channel?: unknown, member?: unknown) => void) | undefined;
    return (
        <WithTooltip title={component.tooltipText || component.dropdownText || component.pluginId}>
            <div
                id={`app-bar-icon-${component.pluginId}`}
                className='app-bar__icon'
                onClick={() => action?.(channel, member)}
            >
                {content}
            </div>
        </WithTooltip>
    );
}

export function AppBar() {
    const enabled = useSelector(shouldShowAppBar);
    const appBarItems = useSelector(getAppBarPluginComponents);
    const headerButtons = useSelector(getChannelHeaderPluginComponents);
    if (!enabled) {
        return null;
    }
    return (
        <div className='app-bar'>
            <div className='app-bar__top'>
                {[...appBarItems, ...headerButtons].map((item) => (
                    <AppBarPluginComponent
                        key={item.id}
                        component={item}
                    />
                ))}
            </div>
        </div>
    );
}
