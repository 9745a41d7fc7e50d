import {useCallback} from 'react';

import {mine} from '../../state/known';
import type {ConversationDigest, DigestChange, DigestSettings} from '../../types/digest';
import {useKnown} from '../common/use_known';

export interface DigestState {
    // Undefined until the server answered the first time.
    settings: DigestSettings | undefined;
    inclusion: ConversationDigest | undefined;
    failure: string | null;
    saving: boolean;
    change: (change: DigestChange) => Promise<void>;
    include: (included: boolean) => Promise<void>;
}

// F-53: the caller's email digest and whether one conversation is in it, read when shown,
// following changes from other windows and clients, and saved at once.
export function useDigest(conversationId: string): DigestState {
    const settings = useKnown('digestSettings', mine);
    const inclusion = useKnown('digestInclusion', conversationId);
    const {value: settingsNow, save: saveSettings} = settings;
    const {value: inclusionNow, save: saveInclusion} = inclusion;

    const change = useCallback(async (next: DigestChange) => {
        if (settingsNow) {
            await saveSettings({...settingsNow, ...next}, (client) => client.setDigest(next));
        }
    }, [settingsNow, saveSettings]);

    const include = useCallback(
        (included: boolean) => saveInclusion({included, reason: inclusionNow?.reason ?? ''}, (client) => client.setConversationDigest(conversationId, included)),
        [conversationId, inclusionNow, saveInclusion],
    );

    const failure = settings.failure ?? inclusion.failure ?? settings.readFailure ?? inclusion.readFailure;
    return {settings: settingsNow, inclusion: inclusionNow, failure, saving: settings.busy || inclusion.busy, change, include};
}
