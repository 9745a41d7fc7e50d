import type {UserProfile} from './types/user';

// "First Last" when the user has a name, otherwise "@username".
export function displayName(user: Pick<UserProfile, 'username' | 'first_name' | 'last_name'>): string {
    const fullName = [user.first_name, user.last_name].map((part) => part.trim()).filter(Boolean).join(' ');
    return fullName || `@${user.username}`;
}
