import {resetDigest} from './bell/digest_store';
import {resetPreferences} from './bell/preferences_store';
import {forgetFollows} from './follow/use_follows';
import {forgetPlainText} from './message_text/plain_text';

// What the page keeps about the signed-in user outside Connect's Redux state, dropped when they
// sign out so that nothing of theirs reaches whoever signs in next in the same tab.
export function forgetUserData(): void {
    forgetFollows();
    resetPreferences();
    resetDigest();
    forgetPlainText();
}
