// What the team controller (components/team_controller/actions) does when a team opens: select it
// (entities.teams.currentTeamId) and load the user's channels in it, DMs and GMs included, with
// the people the DMs and GMs are named after.
import type {Channel} from '@mattermost/types/channels';
import type {Team} from '@mattermost/types/teams';

import {fetchChannelsAndMembers} from 'mattermost-redux/actions/channels';
import {selectTeam} from 'mattermost-redux/actions/teams';
import {getProfilesByIds, getProfilesInGroupChannels} from 'mattermost-redux/actions/users';

import type {DevHostDispatch} from '../store';

function directTeammateIds(channels: Channel[]): string[] {
    return channels.filter((channel) => channel.type === 'D').flatMap((channel) => channel.name.split('__'));
}

export async function initializeTeam(dispatch: DevHostDispatch, team: Team): Promise<void> {
    dispatch(selectTeam(team));
    const {data} = await dispatch(fetchChannelsAndMembers(team.id));
    const channels = data?.channels ?? [];
    const userIds = [...new Set(directTeammateIds(channels))];
    const groupIds = channels.filter((channel) => channel.type === 'G').map((channel) => channel.id);
    await Promise.all([
        userIds.length ? dispatch(getProfilesByIds(userIds)) : undefined,
        groupIds.length ? dispatch(getProfilesInGroupChannels(groupIds)) : undefined,
    ]);
}
