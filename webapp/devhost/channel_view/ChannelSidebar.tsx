// components/sidebar: the left-hand sidebar (grid area lhs) with the team menu (which holds the
// plugins' main menu entries, registerMainMenuAction) and the user's channels in the team, then
// their direct and group messages.
import React, {useState} from 'react';
import {useSelector} from 'react-redux';

import type {Channel} from '@mattermost/types/channels';
import type {Team} from '@mattermost/types/teams';

import {getCurrentChannelId, getMyChannels} from 'mattermost-redux/selectors/entities/channels';
import {getUser} from 'mattermost-redux/selectors/entities/users';

import {getPluginComponents} from '../plugins/selectors';
import {Link} from '../routing/Link';
import type {DevHostState} from '../store';

import {channelPath} from './channel_urls';

function MainMenu({team}: {team: Team}) {
    const items = useSelector((state: DevHostState) => getPluginComponents(state, 'MainMenu'));
    const [open, setOpen] = useState(false);
    return (
        <div className='SidebarHeader'>
            <span className='devhost-team-name'>{team.display_name}</span>
            <button
                type='button'
                aria-haspopup='menu'
                aria-expanded={open}
                onClick={() => setOpen((shown) => !shown)}
            >
                {'Main menu'}
            </button>
            {open && (
                <ul
                    role='menu'
                    aria-label='Main menu'
                >
                    {items.map((item) => (
                        <li
                            key={item.id}
                            role='none'
                        >
                            <button
                                type='button'
                                role='menuitem'
                                onClick={() => {
                                    setOpen(false);
                                    item.action?.();
                                }}
                            >
                                {item.text}
                            </button>
                        </li>
                    ))}
                </ul>
            )}
        </div>
    );
}

type SidebarChannel = Channel & {teammate_id?: string};

function ChannelLink({team, channel, current}: {team: Team; channel: SidebarChannel; current: boolean}) {
    const teammate = useSelector((state: DevHostState) => (channel.teammate_id ? getUser(state, channel.teammate_id) : undefined));
    return (
        <li className={current ? 'SidebarChannel active' : 'SidebarChannel'}>
            <Link to={channelPath(team.name, channel, teammate)}>{channel.display_name || channel.name}</Link>
        </li>
    );
}

function byDisplayName(a: Channel, b: Channel): number {
    return (a.display_name || a.name).localeCompare(b.display_name || b.name);
}

export function ChannelSidebar({team}: {team: Team}) {
    const channels = useSelector(getMyChannels) as SidebarChannel[];
    const currentChannelId = useSelector(getCurrentChannelId);
    const inTeam = channels.filter((channel) => channel.type === 'O' || channel.type === 'P').sort(byDisplayName);
    const messages = channels.filter((channel) => channel.type === 'D' || channel.type === 'G').sort(byDisplayName);
    const section = (title: string, list: SidebarChannel[]) => (
        <section aria-label={title}>
            <h2>{title}</h2>
            <ul>
                {list.map((channel) => (
                    <ChannelLink
                        key={channel.id}
                        team={team}
                        channel={channel}
                        current={channel.id === currentChannelId}
                    />
                ))}
            </ul>
        </section>
    );
    return (
        <nav
            id='SidebarContainer'
            aria-label='Channels'
        >
            <MainMenu team={team}/>
            {section('Channels', inTeam)}
            {section('Direct Messages', messages)}
        </nav>
    );
}
