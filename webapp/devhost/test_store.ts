// A dev host store in the state a signed-in page reaches: the client config, the user and their
// teams, as loadConfigAndMe leaves them (for the unit tests).
import {GeneralTypes, TeamTypes, UserTypes} from 'mattermost-redux/action_types';

import {createDevHostStore, type DevHostStore} from './store';

export const testUser = {id: 'user-alice', username: 'alice', first_name: 'Alice', last_name: 'Archer', roles: 'system_user'};
export const testTeam = {id: 'team-support', name: 'support', display_name: 'IT Support', delete_at: 0};

export function signedInStore(config: Record<string, string> = {}): DevHostStore {
    const store = createDevHostStore();
    store.dispatch({type: GeneralTypes.CLIENT_CONFIG_RECEIVED, data: {PluginsEnabled: 'true', DisableAppBar: 'false', ...config}});
    store.dispatch({type: UserTypes.RECEIVED_ME, data: testUser});
    store.dispatch({type: TeamTypes.RECEIVED_TEAMS_LIST, data: [testTeam]});
    store.dispatch({type: TeamTypes.RECEIVED_MY_TEAM_MEMBERS, data: [{team_id: testTeam.id, user_id: testUser.id, roles: 'team_user', delete_at: 0}]});
    return store;
}
