import {useEffect} from 'react';

import {loadLatestPosts} from '../../state/operations';
import {selectConnect} from '../../state/selectors';
import {useConnectDeps} from '../connect_context';

// How many of the most recent conversations have their latest messages fetched ahead.
export const prefetchedConversations = 10;

// Once the list is in, fetches the latest messages of the most recent conversations one after
// the other, as Mattermost does for unread channels, so that switching to them shows their
// messages at once. A failure is left for the conversation's own load to retry.
export function usePrefetchedRecentConversations(loaded: boolean): void {
    const deps = useConnectDeps();
    useEffect(() => {
        if (!loaded) {
            return undefined;
        }
        let cancelled = false;
        const prefetch = async () => {
            const {conversations, posts} = selectConnect(deps.getState());
            for (const id of conversations.openIds.slice(0, prefetchedConversations)) {
                if (cancelled) {
                    return;
                }
                if (!posts[id]) {
                    await loadLatestPosts(deps, id).catch(() => undefined);
                }
            }
        };
        const timer = setTimeout(() => void prefetch(), 0);
        return () => {
            cancelled = true;
            clearTimeout(timer);
        };
    }, [deps, loaded]);
}
