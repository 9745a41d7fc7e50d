import type {UserProfile} from './user';

// Mattermost keeps a plugin's registered reducer state at state['plugins-<plugin id>'].
export type PluginStateKey = `plugins-${string}`;

export function pluginStateKeyOf(pluginId: string): PluginStateKey {
    return `plugins-${pluginId}`;
}

// The part of the Mattermost web app's Redux state that the plugin relies on. Everything else
// the plugin needs it keeps in its own state, so it keeps working across Mattermost versions.
// It also holds each plugin's registered reducer state, Connect's among them (see connect_app).
export interface HostState {
    [pluginState: PluginStateKey]: unknown;
    entities: {
        general: {
            // The client configuration (GET /api/v4/config/client): strings, as Mattermost sends them.
            config: {
                SiteURL?: string;
                EnableUserTypingMessages?: string;
                TimeBetweenUserTypingUpdatesMilliseconds?: string;
                MaxNotificationsPerChannel?: string;
                EnableUserStatuses?: string;
            };
        };
        users: {
            currentUserId: string;
            profiles: Record<string, UserProfile | undefined>;
        };

        // The team the user is in now, for team routes such as the workspace's.
        teams?: {
            currentTeamId: string;
            teams: Record<string, {id: string; name: string} | undefined>;
        };
    };
}
