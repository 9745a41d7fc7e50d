import {defineMessages} from 'react-intl';

import {errorMessage} from './error_message';
import {currentIntl} from './i18n/intl';
import {pluginId} from './manifest';
import type {Conversation, ConversationList, StaffPage} from './types/connect';
import type {MessageSearchResults} from './types/wire.generated';
import type {CreatableTables, CreatedRecord, CreateRecordRequest} from './types/create';
import type {ConversationDigest, DigestChange, DigestSettings} from './types/digest';
import type {EmojiCatalogFile} from './components/emoji/catalog';
import type {Follow, FollowList} from './types/follow';
import type {JournalKind, SavedToRecord, SaveToRecordRequest} from './types/journal';
import type {CustomEmoji, FileInfo, FileUploadResponse, NewPost, Post, PostList, Preference} from './types/mattermost';
import type {NotificationPreferences} from './types/notifications';
import type {SwarmPlan, SwarmResult} from './types/swarm';
import type {ConversationSeen, ReceiptSetting} from './types/receipts';
import type {UserProfile} from './types/user';
import type {ConversationFilePage, ConversationRecords, UserStatus} from './types/workspace';

const messages = defineMessages({
    failedWithStatus: {id: 'connect.client.failed_with_status', defaultMessage: 'Request failed with status {status}'},
    unreachable: {id: 'connect.client.unreachable', defaultMessage: 'Could not reach the server: {reason}'},
    signedOut: {id: 'connect.client.signed_out', defaultMessage: 'Signed out: the request was dropped.'},
});

// Status 0 stands for a request that got no HTTP answer at all (network down, CORS, aborted).
export class ClientError extends Error {
    override readonly name = 'ClientError';

    constructor(
        readonly status: number,
        message: string,
        readonly url: string,

        // The answer's error id and help text, when it has them (Connect's "not staff" refusal does).
        readonly detail: ErrorDetail = {},
    ) {
        super(message);
    }

    // The server says the user is not ITIL staff: no retry helps.
    get isNotStaff(): boolean {
        return this.status === 403 && this.detail.id === notStaffErrorId;
    }

    get isUnauthorized(): boolean {
        return this.status === 401;
    }
}

export const notStaffErrorId = 'connect.not_staff';

export interface ErrorDetail {
    id?: string;
    help?: string;
}

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

// Mattermost's REST API answers {message, id, ...}; the plugin's own routes answer {error} (and
// for the "not staff" refusal {error, id, help}).
interface ErrorBody {
    message?: unknown;
    error?: unknown;
    id?: unknown;
    help?: unknown;
}

function text(value: unknown): string | undefined {
    return typeof value === 'string' && value ? value : undefined;
}

async function errorOfResponse(response: Response, url: string): Promise<ClientError> {
    let body: ErrorBody = {};
    try {
        body = await response.json() as ErrorBody;
    } catch {
        // Not JSON: the status says what there is to say.
    }
    const message = text(body.message) ?? text(body.error) ?? currentIntl().formatMessage(messages.failedWithStatus, {status: response.status});
    return new ClientError(response.status, message, url, {id: text(body.id), help: text(body.help)});
}

// The MMCSRF cookie the server sets at login; Mattermost wants it back in X-CSRF-Token on
// every write made with a cookie session, the plugin's own routes included.
export function csrfTokenFromCookies(cookies: string): string | undefined {
    const prefix = 'MMCSRF=';
    const cookie = cookies.split(';').map((part) => part.trim()).find((part) => part.startsWith(prefix));
    return cookie ? decodeURIComponent(cookie.slice(prefix.length)) : undefined;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | undefined>;

interface RequestOptions {
    query?: Query;
    body?: unknown;
}

function queryString(query: Query | undefined): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
        if (value !== undefined) {
            params.set(key, String(value));
        }
    }
    const text = params.toString();
    return text ? `?${text}` : '';
}

export interface PostPage {
    // Oldest first.
    posts: Post[];

    // True when the page reached the conversation's first post.
    reachedStart: boolean;
}

const connectAPI = `/plugins/${pluginId}/api/v1`;

// What the components and operations call: the client's public methods, which tests fake.
export type ConnectAPI = Pick<ConnectClient, keyof ConnectClient>;

export class ConnectClient {
    // Closed when its user signs out: requests in flight end, and their answers are dropped.
    private readonly signedOut = new AbortController();

    constructor(
        private readonly siteURL: string,
        // Wrapped so the browser's fetch is never called detached from window.
        private readonly fetchFunction: FetchFunction = (input, init) => fetch(input, init),
        private readonly readCookies: () => string = () => document.cookie,
    ) {}

    // For the user's session ending: what they asked for must not reach whoever signs in next.
    close(): void {
        this.signedOut.abort();
    }

    // The client configuration Mattermost gives every signed-in page (the standalone page reads
    // typing and presence settings from it; inside the web app it is in the host's store).
    getClientConfig(): Promise<Record<string, string>> {
        return this.request<Record<string, string>>('GET', '/api/v4/config/client', {query: {format: 'old'}});
    }

    getCurrentUser(): Promise<UserProfile> {
        return this.request<UserProfile>('GET', '/api/v4/users/me');
    }

    // Connect's conversations API.

    getConversations(): Promise<ConversationList> {
        return this.request<ConversationList>('GET', `${connectAPI}/conversations`);
    }

    async searchConversations(text: string): Promise<Conversation[]> {
        const answer = await this.request<{conversations: Conversation[]}>('GET', `${connectAPI}/conversations/search`, {query: {q: text}});
        return answer.conversations;
    }

    getConversation(id: string): Promise<Conversation> {
        return this.request<Conversation>('GET', `${connectAPI}/conversations/${encodeURIComponent(id)}`);
    }

    createConversation(userIds: string[], name?: string): Promise<Conversation> {
        return this.request<Conversation>('POST', `${connectAPI}/conversations`, {body: name ? {user_ids: userIds, name} : {user_ids: userIds}});
    }

    addMembers(id: string, userIds: string[]): Promise<Conversation> {
        return this.request<Conversation>('POST', `${connectAPI}/conversations/${encodeURIComponent(id)}/members`, {body: {user_ids: userIds}});
    }

    removeMember(id: string, userId: string): Promise<Conversation> {
        return this.request<Conversation>('DELETE', `${connectAPI}/conversations/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`);
    }

    renameConversation(id: string, name: string): Promise<Conversation> {
        return this.request<Conversation>('PATCH', `${connectAPI}/conversations/${encodeURIComponent(id)}`, {body: {name}});
    }

    async closeConversation(id: string): Promise<void> {
        await this.request<unknown>('POST', `${connectAPI}/conversations/${encodeURIComponent(id)}/close`);
    }

    openConversation(id: string): Promise<Conversation> {
        return this.request<Conversation>('POST', `${connectAPI}/conversations/${encodeURIComponent(id)}/open`);
    }

    // Asks the server to read the records on a post's cards again (through its cache); when a
    // record changed, the post is updated and arrives as post_edited.
    async refreshCards(postId: string): Promise<void> {
        await this.request<unknown>('POST', `${connectAPI}/posts/${encodeURIComponent(postId)}/cards/refresh`);
    }

    // Messages in the user's Connect conversations, by Mattermost's own search (words, from:, in:).
    searchMessages(terms: string): Promise<MessageSearchResults> {
        return this.request<MessageSearchResults>('GET', `${connectAPI}/search`, {query: {terms}});
    }

    searchStaff(text: string, page = 0, perPage = 20): Promise<StaffPage> {
        return this.request<StaffPage>('GET', `${connectAPI}/staff`, {query: {q: text, page, per_page: perPage}});
    }

    // Mattermost's REST API: messages are ordinary posts.

    // The latest posts, or with before the ones older than that post.
    async getPosts(channelId: string, {perPage, before}: {perPage: number; before?: string}): Promise<PostPage> {
        const list = await this.request<PostList>('GET', `/api/v4/channels/${encodeURIComponent(channelId)}/posts`, {
            query: before ? {before, per_page: perPage} : {page: 0, per_page: perPage},
        });
        const posts = list.order.map((id) => list.posts[id]).filter((post): post is Post => Boolean(post)).reverse();
        return {posts, reachedStart: list.order.length < perPage};
    }

    createPost(post: NewPost): Promise<Post> {
        return this.request<Post>('POST', '/api/v4/posts', {body: post});
    }

    // Edits the text of the user's own message.
    editPost(postId: string, message: string): Promise<Post> {
        return this.request<Post>('PUT', `/api/v4/posts/${encodeURIComponent(postId)}/patch`, {body: {message}});
    }

    async deletePost(postId: string): Promise<void> {
        await this.request<unknown>('DELETE', `/api/v4/posts/${encodeURIComponent(postId)}`);
    }

    async addReaction(userId: string, postId: string, emojiName: string): Promise<void> {
        await this.request<unknown>('POST', '/api/v4/reactions', {body: {user_id: userId, post_id: postId, emoji_name: emojiName}});
    }

    async removeReaction(userId: string, postId: string, emojiName: string): Promise<void> {
        await this.request<unknown>('DELETE', `/api/v4/users/${encodeURIComponent(userId)}/posts/${encodeURIComponent(postId)}/reactions/${encodeURIComponent(emojiName)}`);
    }

    // Emoji: the picker's catalog (shipped beside main.js, loaded when the picker first opens),
    // the server's custom emoji, and the preferences Mattermost's clients keep emoji choices in.

    getEmojiCatalog(): Promise<EmojiCatalogFile> {
        return this.request<EmojiCatalogFile>('GET', `/plugins/${pluginId}/static/emoji.json`);
    }

    getCustomEmojis(page: number, perPage: number): Promise<CustomEmoji[]> {
        return this.request<CustomEmoji[]>('GET', '/api/v4/emoji', {query: {page, per_page: perPage, sort: 'name'}});
    }

    // All the user's preferences, as the web app reads them (the route for one category answers
    // 404 while it holds none).
    getPreferences(): Promise<Preference[]> {
        return this.request<Preference[]>('GET', '/api/v4/users/me/preferences');
    }

    async savePreferences(userId: string, preferences: Preference[]): Promise<void> {
        await this.request<unknown>('PUT', `/api/v4/users/${encodeURIComponent(userId)}/preferences`, {body: preferences});
    }

    async uploadFiles(channelId: string, files: File[]): Promise<FileInfo[]> {
        // Mattermost streams the upload only when channel_id comes before the files.
        const form = new FormData();
        form.append('channel_id', channelId);
        for (const file of files) {
            form.append('files', file, file.name);
        }
        const answer = await this.request<FileUploadResponse>('POST', '/api/v4/files', {query: {channel_id: channelId}, body: form});
        return answer.file_infos;
    }

    async viewChannel(channelId: string): Promise<void> {
        await this.request<unknown>('POST', '/api/v4/channels/members/me/view', {body: {channel_id: channelId}});
    }

    getUsersByIds(ids: string[]): Promise<UserProfile[]> {
        return this.request<UserProfile[]>('POST', '/api/v4/users/ids', {body: ids});
    }

    private headersFor(method: Method, body: unknown): Headers {
        const headers = new Headers({
            Accept: 'application/json',

            // Sent by Mattermost's own web app on every call.
            'X-Requested-With': 'XMLHttpRequest',
        });
        if (body !== undefined && !(body instanceof FormData)) {
            headers.set('Content-Type', 'application/json');
        }
        if (method !== 'GET') {
            const csrfToken = csrfTokenFromCookies(this.readCookies());
            if (csrfToken) {
                headers.set('X-CSRF-Token', csrfToken);
            }
        }
        return headers;
    }

    private async request<T>(method: Method, path: string, {query, body}: RequestOptions = {}): Promise<T> {
        const url = this.siteURL + path + queryString(query);
        let response: Response;
        try {
            this.refuseAfterSignOut(url);
            response = await this.fetchFunction(url, {
                method,
                credentials: 'include',
                headers: this.headersFor(method, body),
                body: body instanceof FormData || body === undefined ? body : JSON.stringify(body),
                signal: this.signedOut.signal,
            });
        } catch (cause) {
            this.refuseAfterSignOut(url);
            throw new ClientError(0, currentIntl().formatMessage(messages.unreachable, {reason: errorMessage(cause)}), url);
        }
        if (!response.ok) {
            throw await errorOfResponse(response, url);
        }
        const text = response.status === 204 ? '' : await response.text();
        this.refuseAfterSignOut(url);
        return (text ? JSON.parse(text) : undefined) as T;
    }

    private refuseAfterSignOut(url: string): void {
        if (this.signedOut.signal.aborted) {
            throw new ClientError(0, currentIntl().formatMessage(messages.signedOut), url);
        }
    }

    // Workspace tools.

    // The records and links mentioned in a conversation (the workspace's Info tab).
    getConversationRecords(id: string): Promise<ConversationRecords> {
        return this.request<ConversationRecords>('GET', `${connectAPI}/conversations/${encodeURIComponent(id)}/records`);
    }

    // A page of the files posted in a conversation, newest first (page counts from 0).
    getConversationFiles(id: string, page = 0, perPage = 20): Promise<ConversationFilePage> {
        return this.request<ConversationFilePage>('GET', `${connectAPI}/conversations/${encodeURIComponent(id)}/files`, {query: {page, per_page: perPage}});
    }

    // Mattermost's presence of these users: online, away, offline or dnd.
    getStatuses(userIds: string[]): Promise<UserStatus[]> {
        return this.request<UserStatus[]>('POST', '/api/v4/users/status/ids', {body: userIds});
    }

    // The bell: the caller's notification preferences for one conversation.
    getNotificationPreferences(id: string): Promise<NotificationPreferences> {
        return this.request<NotificationPreferences>('GET', `${connectAPI}/conversations/${encodeURIComponent(id)}/notifications`);
    }

    setNotificationPreferences(id: string, preferences: NotificationPreferences): Promise<NotificationPreferences> {
        return this.request<NotificationPreferences>('PUT', `${connectAPI}/conversations/${encodeURIComponent(id)}/notifications`, {body: preferences});
    }

    // The email digest: the caller's own settings, and whether one conversation is in it.
    getDigest(): Promise<DigestSettings> {
        return this.request<DigestSettings>('GET', `${connectAPI}/digest`);
    }

    setDigest(change: DigestChange): Promise<DigestSettings> {
        return this.request<DigestSettings>('PUT', `${connectAPI}/digest`, {body: change});
    }

    getConversationDigest(id: string): Promise<ConversationDigest> {
        return this.request<ConversationDigest>('GET', `${connectAPI}/conversations/${encodeURIComponent(id)}/digest`);
    }

    setConversationDigest(id: string, included: boolean): Promise<ConversationDigest> {
        return this.request<ConversationDigest>('PUT', `${connectAPI}/conversations/${encodeURIComponent(id)}/digest`, {body: {included}});
    }

    // Following records: the caller's, and following or unfollowing one (by number or link, or
    // by table and sys_id).
    getFollows(): Promise<FollowList> {
        return this.request<FollowList>('GET', `${connectAPI}/follows`);
    }

    follow(record: {record: string} | {table: string; sys_id: string}): Promise<Follow> {
        return this.request<Follow>('POST', `${connectAPI}/follows`, {body: record});
    }

    unfollow(table: string, sysId: string): Promise<void> {
        return this.request<void>('DELETE', `${connectAPI}/follows/${encodeURIComponent(table)}/${encodeURIComponent(sysId)}`);
    }

    // Bringing in a record's people: who would be added and why not, and adding the chosen ones.
    getSwarmPlan(table: string, sysId: string): Promise<SwarmPlan> {
        return this.request<SwarmPlan>('GET', `${connectAPI}/swarm/${encodeURIComponent(table)}/${encodeURIComponent(sysId)}`);
    }

    bringInTeam(table: string, sysId: string, userIds: string[]): Promise<SwarmResult> {
        return this.request<SwarmResult>('POST', `${connectAPI}/swarm/${encodeURIComponent(table)}/${encodeURIComponent(sysId)}`, {body: {user_ids: userIds}});
    }

    // Creating a record from a conversation: the tables the caller may create records in, and
    // creating one (its card back, or queued while ServiceNow cannot take it).
    getCreatableTables(): Promise<CreatableTables> {
        return this.request<CreatableTables>('GET', `${connectAPI}/records/creatable`);
    }

    createRecord(conversationId: string, request: CreateRecordRequest): Promise<CreatedRecord> {
        return this.request<CreatedRecord>('POST', `${connectAPI}/conversations/${encodeURIComponent(conversationId)}/records`, {body: request});
    }

    // Saving messages of a conversation to a record, as one work note or comment; each message
    // goes to a record once.
    saveToRecord(id: string, request: SaveToRecordRequest): Promise<SavedToRecord> {
        return this.request<SavedToRecord>('POST', `${connectAPI}/conversations/${encodeURIComponent(id)}/saved`, {body: request});
    }

    // The caller's journal field (work note or comment) for a record conversation's messages.
    getJournalKind(id: string): Promise<JournalKind> {
        return this.request<JournalKind>('GET', `${connectAPI}/conversations/${encodeURIComponent(id)}/journal`);
    }

    setJournalKind(id: string, kind: JournalKind): Promise<JournalKind> {
        return this.request<JournalKind>('PUT', `${connectAPI}/conversations/${encodeURIComponent(id)}/journal`, {body: kind});
    }

    // Read receipts: how far the other members have seen a conversation, and the caller's switch.
    getSeen(id: string): Promise<ConversationSeen> {
        return this.request<ConversationSeen>('GET', `${connectAPI}/conversations/${encodeURIComponent(id)}/seen`);
    }

    getReceipts(): Promise<ReceiptSetting> {
        return this.request<ReceiptSetting>('GET', `${connectAPI}/receipts`);
    }

    setReceipts(enabled: boolean): Promise<ReceiptSetting> {
        return this.request<ReceiptSetting>('PUT', `${connectAPI}/receipts`, {body: {enabled}});
    }
}
