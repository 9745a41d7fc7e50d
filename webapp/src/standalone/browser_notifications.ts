import {plainText} from '../components/message_text/plain_text';
import {openConversationEvent} from '../components/workspace/open_conversation_event';
import type {ConnectStore} from '../connect_app';
import {selectConnect} from '../state/selectors';
import type {Conversation} from '../types/connect';


export function browserNotificationsAllowed(): boolean {
    return typeof Notification !== 'undefined' && Notification.permission === 'granted';
}

function authorOf(conversation: Conversation, userId: string): string {
    const member = conversation.members.find((candidate) => candidate.id === userId);
    return member ? member.display_name || `@${member.username}` : 'Someone';
}

function show(conversation: Conversation): void {
    const post = conversation.last_post;
    if (!post) {
        return;
    }
    const title = conversation.kind === 'group' ? `${authorOf(conversation, post.user_id)} in ${conversation.name}` : authorOf(conversation, post.user_id);
    const notification = new Notification(title, {body: plainText(post.message).slice(0, 140) || 'Sent a file', tag: conversation.id});
    notification.onclick = () => {
        window.focus();
        window.dispatchEvent(new CustomEvent(openConversationEvent, {detail: conversation.id}));
        notification.close();
    };
}

// While the standalone page is in the background, a new message from someone else shows a
// browser notification, when the user allowed them. Never for the user's own messages, and
// never while the page is in front (the user is looking at it). Returns the stop.
export function notifyInBackground(store: ConnectStore, currentUserId: string): () => void {
    const seen = new Map<string, string | undefined>();
    let primed = false;
    return store.subscribe(() => {
        const {conversations} = selectConnect(store.getState());
        for (const conversation of Object.values(conversations.byId)) {
            const lastId = conversation.last_post?.id;
            const known = seen.has(conversation.id);
            if (seen.get(conversation.id) === lastId) {
                continue;
            }
            seen.set(conversation.id, lastId);
            const fromOthers = conversation.last_post && conversation.last_post.user_id !== currentUserId;
            if (primed && known && fromOthers && document.visibilityState === 'hidden' && browserNotificationsAllowed()) {
                show(conversation);
            }
        }
        primed = primed || conversations.loaded;
    });
}

export function canAskForNotifications(): boolean {
    return typeof Notification !== 'undefined' && Notification.permission === 'default';
}
