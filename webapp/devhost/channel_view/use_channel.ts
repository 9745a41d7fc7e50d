// Opening the channel a channel view URL names (actions/views/channel, switchToChannel): find or
// fetch it (a DM is made when there is none yet), select it (entities.channels.currentChannelId),
// load its posts and mark it viewed.
import {useEffect, useState} from 'react';
import {useDispatch, useStore} from 'react-redux';

import type {Channel} from '@mattermost/types/channels';
import type {Team} from '@mattermost/types/teams';

import {createDirectChannel, getChannelByNameAndTeamName, selectChannel} from 'mattermost-redux/actions/channels';
import {getPosts} from 'mattermost-redux/actions/posts';
import {getUserByUsername} from 'mattermost-redux/actions/users';
import {Client4} from 'mattermost-redux/client';
import {getAllChannels} from 'mattermost-redux/selectors/entities/channels';
import {getCurrentUserId} from 'mattermost-redux/selectors/entities/users';

import type {DevHostDispatch, DevHostState, DevHostStore} from '../store';

import type {ChannelAddress} from './channel_urls';

async function findChannel(dispatch: DevHostDispatch, store: DevHostStore, team: Team, address: ChannelAddress): Promise<Channel | undefined> {
    const channels = Object.values(getAllChannels(store.getState()));
    if (address.kind === 'channel') {
        const known = channels.find((channel) => channel.name === address.name && channel.team_id === team.id);
        return known ?? (await dispatch(getChannelByNameAndTeamName(team.name, address.name))).data;
    }
    if (address.kind === 'group') {
        return channels.find((channel) => channel.type === 'G' && channel.name === address.name);
    }
    const {data: user} = await dispatch(getUserByUsername(address.username));
    if (!user) {
        return undefined;
    }
    return (await dispatch(createDirectChannel(getCurrentUserId(store.getState()), user.id))).data;
}

export function useChannel(team: Team, address: ChannelAddress | null): {channelId: string | null; missing: boolean} {
    const dispatch = useDispatch();
    const store = useStore<DevHostState>();
    const key = address ? `${address.kind}:${'name' in address ? address.name : address.username}` : '';
    const [result, setResult] = useState<{key: string; channelId: string | null; missing: boolean}>({key: '', channelId: null, missing: false});

    useEffect(() => {
        if (!address) {
            return;
        }
        let current = true;
        void (async () => {
            const channel = await findChannel(dispatch, store, team, address);
            if (!current) {
                return;
            }
            if (!channel?.id) {
                setResult({key, channelId: null, missing: true});
                return;
            }
            dispatch(selectChannel(channel.id));
            setResult({key, channelId: channel.id, missing: false});
            await dispatch(getPosts(channel.id));
            await Client4.viewMyChannel(channel.id).catch(() => undefined);
        })();
        return () => {
            current = false;
        };

    // The address is what key spells.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [dispatch, store, team, key]);

    // Until the address's own channel is found, none is open (not the one before).
    return result.key === key ? result : {channelId: null, missing: false};
}
