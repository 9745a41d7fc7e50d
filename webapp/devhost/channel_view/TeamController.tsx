// components/team_controller/team_controller.tsx: /:team. It opens the team named in the URL, then
// shows backstage (/:team/integrations, /:team/emoji), a plugin's team route
// (/:team/<plugin id>/<route>, rendered like a /plug/ route: as a direct child of the main
// wrapper with a className naming grid area center) or else the channel view.
import React, {useEffect, useState} from 'react';
import {useDispatch, useSelector} from 'react-redux';

import {getMyTeams} from 'mattermost-redux/selectors/entities/teams';

import {gridAreaCenterClassName, Pluggable} from '../plugins/Pluggable';
import {getPluginComponents} from '../plugins/selectors';
import {useLocation} from '../routing/history';
import {matchesPrefix, pathInTeam, teamNameOf} from '../routing/match';
import {setHostStatus} from '../status';
import type {DevHostState} from '../store';

import {ChannelController} from './ChannelController';
import {initializeTeam} from './team_actions';

// components/backstage: root components render there; the backstage pages themselves do not.
function Backstage() {
    return (
        <div className='backstage-body'>
            <Pluggable pluggableName='Root'/>
            <p className='devhost-not-imitated'>{'Integrations and custom emoji (backstage) are not imitated by the dev host.'}</p>
        </div>
    );
}

export function TeamController() {
    const dispatch = useDispatch();
    const {pathname} = useLocation();
    const teamName = teamNameOf(pathname);
    const team = useSelector((state: DevHostState) => getMyTeams(state).find((candidate) => candidate.name === teamName));
    const teamRoutes = useSelector((state: DevHostState) => getPluginComponents(state, 'NeedsTeamComponent'));
    const [loadedTeamId, setLoadedTeamId] = useState<string | null>(null);

    useEffect(() => {
        if (!team) {
            return;
        }
        let current = true;
        void initializeTeam(dispatch, team).then(() => {
            if (current) {
                setLoadedTeamId(team.id);
                setHostStatus('ready');
            }
        });
        return () => {
            current = false;
        };
    }, [dispatch, team]);

    if (!team) {
        return <main className='devhost-not-imitated'>{`You are not a member of a team named "${teamName}".`}</main>;
    }
    const inTeam = pathInTeam(pathname);
    if (matchesPrefix(inTeam, '/integrations') || matchesPrefix(inTeam, '/emoji')) {
        return <Backstage/>;
    }
    const teamRoute = teamRoutes.find((item) => matchesPrefix(inTeam, `/${item.route ?? ''}`));
    if (teamRoute) {
        return (
            <Pluggable
                pluggableName='NeedsTeamComponent'
                pluggableId={teamRoute.id}
                className={gridAreaCenterClassName}
            />
        );
    }
    return (
        <ChannelController
            team={team}
            channelsLoaded={loadedTeamId === team.id}
        />
    );
}
