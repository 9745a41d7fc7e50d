// components/team_sidebar: the column of the user's teams (grid area "team-sidebar"), shown only to
// someone in more than one team.
import React from 'react';
import {useSelector} from 'react-redux';

import {getCurrentTeamId, getMyTeams} from 'mattermost-redux/selectors/entities/teams';

import {Link} from '../routing/Link';

export function TeamSidebar() {
    const teams = useSelector(getMyTeams);
    const currentTeamId = useSelector(getCurrentTeamId);
    if (teams.length < 2) {
        return null;
    }
    const sorted = [...teams].sort((a, b) => a.display_name.localeCompare(b.display_name));
    return (
        <nav
            className='team-sidebar'
            aria-label='Teams'
        >
            {sorted.map((team) => (
                <Link
                    key={team.id}
                    to={`/${team.name}`}
                    className={team.id === currentTeamId ? 'team-btn active' : 'team-btn'}
                >
                    <span title={team.display_name}>{team.display_name.slice(0, 2)}</span>
                </Link>
            ))}
        </nav>
    );
}
