// The channel view's URLs, as the web app makes them (utils/channel_utils, components/channel_layout
// center_channel routes): /<team>/channels/<name> for channels, /<team>/messages/@<username> for a
// DM, /<team>/messages/<GM channel name> for a GM.
import type {Channel} from '@mattermost/types/channels';
import type {UserProfile} from '@mattermost/types/users';

export type ChannelAddress =
    | {kind: 'channel'; name: string}
    | {kind: 'direct'; username: string}
    | {kind: 'group'; name: string};

// pathInTeam: the path after /<team>.
export function channelAddressOf(pathInTeam: string): ChannelAddress | null {
    const [, section, identifier] = pathInTeam.split('/');
    if (!identifier) {
        return null;
    }
    const decoded = decodeURIComponent(identifier);
    if (section === 'channels') {
        return {kind: 'channel', name: decoded};
    }
    if (section === 'messages') {
        return decoded.startsWith('@') ? {kind: 'direct', username: decoded.slice(1)} : {kind: 'group', name: decoded};
    }
    return null;
}

export function channelPath(teamName: string, channel: Channel, teammate?: UserProfile): string {
    if (channel.type === 'D' && teammate) {
        return `/${teamName}/messages/@${teammate.username}`;
    }
    if (channel.type === 'G') {
        return `/${teamName}/messages/${channel.name}`;
    }
    return `/${teamName}/channels/${channel.name}`;
}
