import {workspacePageURL, workspaceTeamPath} from '../../routes';
import type {HostState} from '../../types/host_state';

interface WebappHistory {
    push: (path: string) => void;
}

declare global {
    interface Window {
        WebappUtils?: {browserHistory?: WebappHistory};
    }
}

function currentTeamName(state: HostState): string | undefined {
    const teams = state.entities.teams;
    return teams ? teams.teams[teams.currentTeamId]?.name : undefined;
}

// The main menu's "Connect Chat": the workspace route of the current team, through the web
// app's own router when it offers one; the standalone page when there is no team.
export function goToWorkspace(state: HostState, siteURL: string): void {
    const teamName = currentTeamName(state);
    if (!teamName) {
        window.open(workspacePageURL(siteURL), '_blank', 'noopener');
        return;
    }
    const path = workspaceTeamPath(teamName);
    const history = window.WebappUtils?.browserHistory;
    if (history) {
        history.push(path);
    } else {
        window.location.assign(siteURL + path);
    }
}
