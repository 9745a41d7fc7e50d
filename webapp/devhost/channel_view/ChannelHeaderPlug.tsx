// plugins/channel_header_plug/channel_header_plug.tsx: the plugins' channel header buttons. It
// shows nothing while the app bar shows (the buttons selectors/plugins.ts kept are in the app bar
// then); otherwise one button per plugin button with an icon and an action, named by its tooltip
// text (when that is a string), calling the action with the channel and the user's membership.
// Not imitated: more than 15 buttons collapse into one "Plugins" dropdown.
import React from 'react';
import {useSelector} from 'react-redux';

import type {Channel, ChannelMembership} from '@mattermost/types/channels';

import {getMyCurrentChannelMembership} from 'mattermost-redux/selectors/entities/channels';

import {WithTooltip} from '../layout/WithTooltip';
import {getChannelHeaderPluginComponents, shouldShowAppBar} from '../plugins/selectors';

type HeaderAction = (channel: Channel, member?: ChannelMembership) => void;

export function ChannelHeaderPlug({channel}: {channel: Channel}) {
    const components = useSelector(getChannelHeaderPluginComponents);
    const appBarShown = useSelector(shouldShowAppBar);
    const member = useSelector(getMyCurrentChannelMembership);
    if (appBarShown) {
        return null;
    }
    return (
        <>
            {components.filter((plug) => plug.icon && plug.action).map((plug) => {
                const label = plug.tooltipText ?? plug.dropdownText;
                return (
                    <WithTooltip
                        key={plug.id}
                        title={label ?? ''}
                    >
                        <button
                            type='button'
                            id={`${plug.id}ChannelHeaderButton`}
                            className='channel-header__icon'
                            aria-label={typeof label === 'string' ? label : undefined}
                            onClick={() => (plug.action as HeaderAction)(channel, member)}
                        >
                            {plug.icon}
                        </button>
                    </WithTooltip>
                );
            })}
        </>
    );
}
