// components/channel_layout/center_channel: the open channel's header, posts and post box. A team
// path that names no channel goes to the team's town square.
import React, {useEffect, useMemo} from 'react';
import {useSelector} from 'react-redux';

import type {Team} from '@mattermost/types/teams';

import {makeGetChannel} from 'mattermost-redux/selectors/entities/channels';

import {browserHistory, useLocation} from '../routing/history';
import {pathInTeam} from '../routing/match';
import type {DevHostState} from '../store';

import {channelAddressOf} from './channel_urls';
import {ChannelHeaderPlug} from './ChannelHeaderPlug';
import {PostBox} from './PostBox';
import {PostList} from './PostList';
import {useChannel} from './use_channel';

export function CenterChannel({team}: {team: Team}) {
    const {pathname} = useLocation();
    const address = channelAddressOf(pathInTeam(pathname));
    const {channelId, missing} = useChannel(team, address);
    // With a DM's or GM's display name made from its members, as the web app shows it.
    const getChannel = useMemo(() => makeGetChannel(), []);
    const channel = useSelector((state: DevHostState) => (channelId ? getChannel(state, channelId) : undefined));

    useEffect(() => {
        if (!address) {
            browserHistory.replace(`/${team.name}/channels/town-square`);
        }
    }, [address, team.name]);

    if (missing) {
        return <main className='devhost-not-imitated'>{'This channel was not found.'}</main>;
    }
    if (!channel) {
        return <div className='devhost-loading'>{'Loading…'}</div>;
    }
    return (
        <div
            id='app-content'
            className='app__content'
        >
            <div
                id='channel-header'
                className='channel-header'
                role='banner'
                aria-label='Channel header'
            >
                <h1 className='channel-header__title'>{channel.display_name || channel.name}</h1>
                <div className='channel-header__icons'>
                    <ChannelHeaderPlug channel={channel}/>
                </div>
            </div>
            <PostList/>
            <PostBox channel={channel}/>
        </div>
    );
}
