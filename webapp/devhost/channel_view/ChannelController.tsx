// components/channel_layout/channel_controller.tsx: the channel sidebar (grid area lhs) and the
// channel view (grid area center) holding the center channel and the plugins' root components.
import React from 'react';

import type {Team} from '@mattermost/types/teams';

import {Pluggable} from '../plugins/Pluggable';

import {CenterChannel} from './CenterChannel';
import {ChannelSidebar} from './ChannelSidebar';

export function ChannelController({team, channelsLoaded}: {team: Team; channelsLoaded: boolean}) {
    return (
        <>
            <ChannelSidebar team={team}/>
            <div
                id='channel_view'
                className='channel-view'
                data-testid='channel_view'
            >
                <div className='container-fluid channel-view-inner'>
                    {channelsLoaded ? <CenterChannel team={team}/> : <div className='devhost-loading'>{'Loading…'}</div>}
                    <Pluggable pluggableName='Root'/>
                </div>
            </div>
        </>
    );
}
