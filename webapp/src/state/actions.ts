import type {Conversation, ConversationList, Member, UnreadTotals} from '../types/connect';
import type {Post, Reaction} from '../types/mattermost';

import type {KnownKind, KnownValues, MiniWindow} from './types';

// Every action the plugin's reducer handles. Mattermost's store also passes the web app's own
// actions through it, which it ignores.
export type ConnectAction =
    | {type: 'connect/conversations-loaded'; list: ConversationList}
    | {type: 'connect/conversations-failed'; message: string}
    | {type: 'connect/access-denied'; help: string}
    | {type: 'connect/conversation-received'; conversation: Conversation}
    | {type: 'connect/conversation-closed'; id: string}
    | {type: 'connect/conversation-read'; id: string}
    | {type: 'connect/conversation-posted'; post: Post; unread: boolean; mentioned: boolean}
    | {type: 'connect/conversation-post-edited'; post: Post}
    | {type: 'connect/conversation-gone'; id: string}
    | {type: 'connect/totals-received'; totals: UnreadTotals}
    | {type: 'connect/users-received'; users: Member[]}
    | {type: 'connect/search-started'; query: string}
    | {type: 'connect/search-succeeded'; query: string; conversations: Conversation[]}
    | {type: 'connect/search-failed'; query: string; message: string}
    | {type: 'connect/search-cleared'}
    | {type: 'connect/window-opened'; id: string}
    | {type: 'connect/window-closed'; id: string; passFocus: boolean}
    | {type: 'connect/window-collapsed'; id: string; collapsed: boolean}
    | {type: 'connect/window-focused'; id: string | null}
    | {type: 'connect/windows-restored'; windows: MiniWindow[]}
    | {type: 'connect/dock-capacity-changed'; capacity: number}
    | {type: 'connect/sidebar-inset-changed'; inset: number | null}
    | {type: 'connect/posts-loaded'; channelId: string; posts: Post[]; reachedStart?: boolean}
    | {type: 'connect/post-received'; post: Post}
    | {type: 'connect/post-deleted'; post: Pick<Post, 'id' | 'channel_id'>}
    | {type: 'connect/reaction-changed'; channelId: string; reaction: Reaction; added: boolean}
    | {type: 'connect/posts-reset'}
    | {type: 'connect/known-changed'; kind: KnownKind; key: string; value: unknown}
    | {type: 'connect/known-answered'; kind: KnownKind; key: string; value: unknown; asOf: number}
    | {type: 'connect/known-reading'; kind: KnownKind; key: string}
    | {type: 'connect/known-read'; kind: KnownKind; key: string; value: unknown; asOf: number}
    | {type: 'connect/known-read-failed'; kind: KnownKind; key: string; message: string}
    | {type: 'connect/typing-started'; key: string; userId: string; at: number}
    | {type: 'connect/typing-stopped'; key: string; userId: string; at: number}
    | {type: 'connect/statuses-received'; statuses: Record<string, string>}
    | {type: 'connect/session-ended'};

export const conversationsLoaded = (list: ConversationList): ConnectAction => ({type: 'connect/conversations-loaded', list});
export const conversationsFailed = (message: string): ConnectAction => ({type: 'connect/conversations-failed', message});
export const accessDenied = (help: string): ConnectAction => ({type: 'connect/access-denied', help});
export const conversationReceived = (conversation: Conversation): ConnectAction => ({type: 'connect/conversation-received', conversation});
export const conversationClosed = (id: string): ConnectAction => ({type: 'connect/conversation-closed', id});
export const conversationRead = (id: string): ConnectAction => ({type: 'connect/conversation-read', id});

// A new post seen on Mattermost's own posted event: the row moves up, reopens if it was closed,
// and counts the post as Mattermost does (root posts by others are unread; a mention when the
// event names the user).
export const conversationPosted = (post: Post, unread: boolean, mentioned = false): ConnectAction => ({type: 'connect/conversation-posted', post, unread, mentioned});

// An edited post: the row's preview follows when it is the last post.
export const conversationPostEdited = (post: Post): ConnectAction => ({type: 'connect/conversation-post-edited', post});

// The user is no longer in it (or it no longer exists): it leaves the list and its window closes.
export const conversationGone = (id: string): ConnectAction => ({type: 'connect/conversation-gone', id});
export const totalsReceived = (totals: UnreadTotals): ConnectAction => ({type: 'connect/totals-received', totals});
export const usersReceived = (users: Member[]): ConnectAction => ({type: 'connect/users-received', users});

export const searchStarted = (query: string): ConnectAction => ({type: 'connect/search-started', query});
export const searchSucceeded = (query: string, conversations: Conversation[]): ConnectAction => ({type: 'connect/search-succeeded', query, conversations});
export const searchFailed = (query: string, message: string): ConnectAction => ({type: 'connect/search-failed', query, message});
export const searchCleared = (): ConnectAction => ({type: 'connect/search-cleared'});

export const windowOpened = (id: string): ConnectAction => ({type: 'connect/window-opened', id});
// passFocus: the focused window's focus goes to the newest window left; false when the closing
// window hands focus back to whatever opened it.
export const windowClosed = (id: string, passFocus = true): ConnectAction => ({type: 'connect/window-closed', id, passFocus});
export const windowCollapsed = (id: string, collapsed: boolean): ConnectAction => ({type: 'connect/window-collapsed', id, collapsed});
export const windowFocused = (id: string | null): ConnectAction => ({type: 'connect/window-focused', id});
export const windowsRestored = (windows: MiniWindow[]): ConnectAction => ({type: 'connect/windows-restored', windows});

// The user signed out (or another signed in): nothing of theirs stays.
export const sessionEnded = (): ConnectAction => ({type: 'connect/session-ended'});

// How many windows fit side by side in the viewport; the older ones go to the overflow menu.
export const dockCapacityChanged = (capacity: number): ConnectAction => ({type: 'connect/dock-capacity-changed', capacity});

// How far from the right edge of the viewport the sidebar begins; null while it is hidden.
export const sidebarInsetChanged = (inset: number | null): ConnectAction => ({type: 'connect/sidebar-inset-changed', inset});

export const postsLoaded = (channelId: string, posts: Post[], reachedStart?: boolean): ConnectAction => ({type: 'connect/posts-loaded', channelId, posts, reachedStart});
export const postReceived = (post: Post): ConnectAction => ({type: 'connect/post-received', post});
export const postDeleted = (post: Pick<Post, 'id' | 'channel_id'>): ConnectAction => ({type: 'connect/post-deleted', post});

// After the websocket reconnects: whatever was missed is fetched again by the open windows.
export const postsReset = (): ConnectAction => ({type: 'connect/posts-reset'});
export const reactionChanged = (channelId: string, reaction: Reaction, added: boolean): ConnectAction => ({type: 'connect/reaction-changed', channelId, reaction, added});

// A known value changed: an event said so, or a save shows it before the server answers.
export const knownChanged = <Kind extends KnownKind>(kind: Kind, key: string, value: KnownValues[Kind]): ConnectAction => ({type: 'connect/known-changed', kind, key, value});

// The server's answer to a request made when the value was at version asOf (a save's answer, or
// the value before a refused save): it counts only if nothing changed since.
export const knownAnswered = <Kind extends KnownKind>(kind: Kind, key: string, value: KnownValues[Kind], asOf: number): ConnectAction => ({type: 'connect/known-answered', kind, key, value, asOf});

export const knownReading = (kind: KnownKind, key: string): ConnectAction => ({type: 'connect/known-reading', kind, key});

// A read's answer, which counts only if nothing changed since it was asked (at version asOf).
export const knownRead = <Kind extends KnownKind>(kind: Kind, key: string, value: KnownValues[Kind], asOf: number): ConnectAction => ({type: 'connect/known-read', kind, key, value, asOf});
export const knownReadFailed = (kind: KnownKind, key: string, message: string): ConnectAction => ({type: 'connect/known-read-failed', kind, key, message});

// Someone's typing event arrived at `at` (ms) for the conversation (or thread) of key.
export const typingStarted = (key: string, userId: string, at: number): ConnectAction => ({type: 'connect/typing-started', key, userId, at});

// Ends the typing entry that arrived at or before `at` (a later one stays).
export const typingStopped = (key: string, userId: string, at: number): ConnectAction => ({type: 'connect/typing-stopped', key, userId, at});

// Presence by user id, from Mattermost's answer or its events.
export const statusesReceived = (statuses: Record<string, string>): ConnectAction => ({type: 'connect/statuses-received', statuses});
