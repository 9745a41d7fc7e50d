import {pluginId} from './manifest';

// The web app route (registered with registerCustomRoute) that leads back to the workspace page.
// Mattermost's login page follows redirect_to inside its own router, so a login that should end
// on the server-rendered workspace page has to go through a web app route.
export const workspaceReturnRoute = 'workspace';

export function workspaceReturnPath(): string {
    return `/plug/${pluginId}/${workspaceReturnRoute}`;
}

// The workspace inside the web app: a team route (registerNeedsTeamRoute).
export const workspaceTeamRoute = 'workspace';

export function workspaceTeamPath(teamName: string): string {
    return `/${teamName}/${pluginId}/${workspaceTeamRoute}`;
}

export function workspacePageURL(siteURL: string): string {
    return `${siteURL}/plugins/${pluginId}/workspace`;
}

export function pluginAssetURL(siteURL: string, fileName: string): string {
    return `${siteURL}/plugins/${pluginId}/assets/${fileName}`;
}

export function loginURL(siteURL: string, returnPath: string): string {
    return `${siteURL}/login?redirect_to=${encodeURIComponent(returnPath)}`;
}
