import type {ConnectRootState} from '../state/types';

import type {UserProfile} from './user';

// The part of the Mattermost web app's Redux state that the plugin relies on. Everything else
// the plugin needs it keeps in its own state, so it keeps working across Mattermost versions.
// It also holds the plugin's own state, under the key its registered reducer gets.
export interface HostState extends ConnectRootState {
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
