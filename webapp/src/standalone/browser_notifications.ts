import {defineMessages, type IntlShape} from 'react-intl';

import type {DesktopGate} from '../components/bell/desktop_rule';
import {plainText} from '../components/message_text/plain_text';
import {openConversationEvent} from '../components/workspace/open_conversation_event';
import type {ConnectStore} from '../connect_app';
import {currentIntl} from '../i18n/intl';
import {previewInLanguage, sentFileText} from '../i18n/sent_file';
import {selectConnect} from '../state/selectors';
import type {Conversation} from '../types/connect';

const messages = defineMessages({
    someone: {id: 'connect.notification.someone', defaultMessage: 'Someone'},
    inGroup: {id: 'connect.notification.in_group', defaultMessage: '{author} in {name}'},
});

export function browserNotificationsAllowed(): boolean {
    return typeof Notification !== 'undefined' && Notification.permission === 'granted';
}

function authorOf(intl: IntlShape, conversation: Conversation, userId: string): string {
    const member = conversation.members.find((candidate) => candidate.id === userId);
    return member ? member.display_name || `@${member.username}` : intl.formatMessage(messages.someone);
}

function show(conversation: Conversation): void {
    const post = conversation.last_post;
    if (!post) {
        return;
    }
    const intl = currentIntl();
    const author = authorOf(intl, conversation, post.user_id);
    const title = conversation.kind === 'group' ? intl.formatMessage(messages.inGroup, {author, name: conversation.name}) : author;
    const body = previewInLanguage(intl, plainText(post.message).slice(0, 140)) || sentFileText(intl);
    const notification = new Notification(title, {body, tag: conversation.id});
    notification.onclick = () => {
        window.focus();
        window.dispatchEvent(new CustomEvent(openConversationEvent, {detail: conversation.id}));
        notification.close();
    };
}

// While the standalone page is in the background, a new message from someone else shows a
// browser notification, when the user allowed them. Never for the user's own messages, and
// never while the page is in front (the user is looking at it); and only as the conversation's
// bell allows (allows, when given). Returns the stop.
export function notifyInBackground(store: ConnectStore, currentUserId: string, allows?: DesktopGate): () => void {
    const lastPostIds = new Map<string, string | undefined>();
    const mentionCounts = new Map<string, number>();
    const startedAt = Date.now();

    // News is a last post the page had not seen: in a conversation it knew, or one it did not
    // know yet (a new DM) posted since it started; the first load of the list is not news.
    const seenBefore = (conversation: Conversation) => {
        const known = lastPostIds.has(conversation.id);
        const changed = lastPostIds.get(conversation.id) !== conversation.last_post?.id;
        lastPostIds.set(conversation.id, conversation.last_post?.id);
        return changed && (known || (conversation.last_post?.create_at ?? 0) >= startedAt);
    };
    // Whether the news mentions the user: the conversation's mention count went up.
    const mentionedNow = (conversation: Conversation) => {
        const mentioned = conversation.mention_count > (mentionCounts.get(conversation.id) ?? 0);
        mentionCounts.set(conversation.id, conversation.mention_count);
        return mentioned;
    };
    const conversations = () => Object.values(selectConnect(store.getState()).conversations.byId);
    conversations().forEach((conversation) => {
        seenBefore(conversation);
        mentionedNow(conversation);
    });
    const stillHidden = () => document.visibilityState === 'hidden' && browserNotificationsAllowed();

    return store.subscribe(() => {
        const loaded = selectConnect(store.getState()).conversations.loaded;
        for (const conversation of conversations()) {
            const news = seenBefore(conversation);
            const mentioned = mentionedNow(conversation);
            const fromOthers = conversation.last_post && conversation.last_post.user_id !== currentUserId;
            if (!loaded || !news || !fromOthers || !stillHidden()) {
                continue;
            }
            if (!allows) {
                show(conversation);
                continue;
            }
            void allows(conversation, mentioned).then((allowed) => allowed && stillHidden() && show(conversation));
        }
    });
}

export function canAskForNotifications(): boolean {
    return typeof Notification !== 'undefined' && Notification.permission === 'default';
}
