import type {HostState} from '../types/host_state';
import type {UserProfile} from '../types/user';

export function selectCurrentUser(state: HostState): UserProfile | undefined {
    const {currentUserId, profiles} = state.entities.users;
    return profiles[currentUserId];
}
