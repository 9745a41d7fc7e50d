import type {UserProfile} from './user';

// The part of the Mattermost web app's Redux state that the plugin relies on. Everything else
// the plugin needs it keeps in its own state, so it keeps working across Mattermost versions.
export interface HostState {
    entities: {
        general: {
            config: {
                SiteURL?: string;
            };
        };
        users: {
            currentUserId: string;
            profiles: Record<string, UserProfile | undefined>;
        };
    };
}
