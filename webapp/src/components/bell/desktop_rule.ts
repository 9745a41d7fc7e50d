import {readKnown, selectKnown} from '../../state/known';
import type {ConnectDeps} from '../../state/operations';
import type {Conversation} from '../../types/connect';
import type {NotificationPreferences} from '../../types/notifications';

// F-52: whether the bell lets a new message show a browser notification. Muted or "Never": no;
// "Only @mentions" (groups): only when the message mentions the user; "All activity": yes.
export function desktopAllows(preferences: NotificationPreferences, mentioned: boolean): boolean {
    if (preferences.muted) {
        return false;
    }
    switch (preferences.desktop) {
    case 'none':
        return false;
    case 'mention':
        return mentioned;
    default:
        return true;
    }
}

export type DesktopGate = (conversation: Conversation, mentioned: boolean) => Promise<boolean>;

// The bell's answer for a conversation's new message, reading its preferences from the server
// the first time (later changes arrive with notifications_changed). When they cannot be read,
// the message notifies, as before there was a bell.
export function bellDesktopGate(deps: ConnectDeps): DesktopGate {
    return async (conversation, mentioned) => {
        let preferences = selectKnown(deps.getState(), 'notificationPreferences', conversation.id);
        if (!preferences) {
            try {
                preferences = await readKnown(deps, 'notificationPreferences', conversation.id);
            } catch {
                return true;
            }
        }
        return desktopAllows(preferences, conversation.kind === 'direct' || mentioned);
    };
}
