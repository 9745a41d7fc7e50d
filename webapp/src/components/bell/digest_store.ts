import type {ConversationDigest, DigestSettings} from '../../types/digest';

import {createKeyedStore} from '../common/keyed_store';

// The caller's digest settings (one value, under mine) and, per conversation, whether it is in
// the digest. REST answers and the server's digest_changed event feed them.
export const digestSettingsStore = createKeyedStore<DigestSettings>();
export const conversationDigestStore = createKeyedStore<ConversationDigest>();
export const mine = 'me';

export function resetDigest(): void {
    digestSettingsStore.reset();
    conversationDigestStore.reset();
}

// The digest_changed event: {enabled, interval_minutes} and, for one conversation's change,
// {conversation_id, included}. The rest of the settings (range, email) stay as last read.
export function onDigestChanged(data: Record<string, unknown>): void {
    const settings = digestSettingsStore.known(mine);
    if (settings && typeof data.enabled === 'boolean' && typeof data.interval_minutes === 'number') {
        digestSettingsStore.changed(mine, {...settings, enabled: data.enabled, interval_minutes: data.interval_minutes});
    }
    if (typeof data.conversation_id === 'string' && typeof data.included === 'boolean') {
        const before = conversationDigestStore.known(data.conversation_id);
        conversationDigestStore.changed(data.conversation_id, {included: data.included, reason: before?.reason ?? ''});
    }
}
