// REST calls the conversation browser tests make to set the scene, as Mattermost's own clients
// would: with a user's session token.
import type {Conversation, ConversationList} from '../../../src/types/connect';
import type {Post} from '../../../src/types/mattermost';
import type {UserProfile} from '../../../src/types/user';

import type {RigEnvironment} from './environment';
import {logIn, type Session} from './mattermost';

// The rig's staff team (build/rig/settings.go): its members count as ITIL staff.
const staffTeamName = 'itil';

// Any REST call as the user, for what the helpers below do not cover.
export function callAs<T>(env: RigEnvironment, session: Session, method: string, path: string, body?: unknown): Promise<T> {
    return call<T>(env, session.token, method, path, body);
}

async function call<T>(env: RigEnvironment, token: string, method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(env.url + path, {
        method,
        headers: {Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest'},
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
        throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
}

const connectAPI = '/plugins/connect-chat/api/v1';

export function conversationsOf(env: RigEnvironment, session: Session): Promise<ConversationList> {
    return call<ConversationList>(env, session.token, 'GET', `${connectAPI}/conversations`);
}

export function startConversationAs(env: RigEnvironment, session: Session, userIds: string[]): Promise<Conversation> {
    return call<Conversation>(env, session.token, 'POST', `${connectAPI}/conversations`, {user_ids: userIds});
}

export async function staffSearchFinds(env: RigEnvironment, session: Session, text: string, userId: string): Promise<boolean> {
    const page = await call<{people: Array<{id: string}>}>(env, session.token, 'GET', `${connectAPI}/staff?q=${encodeURIComponent(text)}`);
    return page.people.some((person) => person.id === userId);
}

export function postAs(env: RigEnvironment, session: Session, channelId: string, message: string): Promise<Post> {
    return call<Post>(env, session.token, 'POST', '/api/v4/posts', {channel_id: channelId, message});
}

// Whether the server lets the user post there now (the staff policy may refuse).
export async function mayPost(env: RigEnvironment, session: Session, channelId: string): Promise<boolean> {
    try {
        await postAs(env, session, channelId, 'Checking whether I may still post here');
        return true;
    } catch {
        return false;
    }
}

// Marks all the user's conversations read, so unread counts start from zero.
export async function readEverything(env: RigEnvironment, session: Session): Promise<void> {
    const list = await conversationsOf(env, session);
    for (const conversation of list.conversations) {
        await call(env, session.token, 'POST', '/api/v4/channels/members/me/view', {channel_id: conversation.id});
    }
}

async function teamId(env: RigEnvironment, admin: Session, name: string): Promise<string> {
    return (await call<{id: string}>(env, admin.token, 'GET', `/api/v4/teams/name/${name}`)).id;
}

// A new member of staff (in the staff team and the support team), signed in.
export async function newStaffMember(env: RigEnvironment, admin: Session, firstName: string, lastName: string): Promise<Session> {
    const username = `${firstName}.${lastName}`.toLowerCase();
    const user = await call<UserProfile>(env, admin.token, 'POST', '/api/v4/users', {
        username,
        email: `${username}@connect.example.com`,
        password: env.password,
        first_name: firstName,
        last_name: lastName,
    });
    for (const team of [staffTeamName, env.team]) {
        await call(env, admin.token, 'POST', `/api/v4/teams/${await teamId(env, admin, team)}/members`, {team_id: await teamId(env, admin, team), user_id: user.id});
    }
    return logIn(env, username);
}

// Taking someone out of the staff team makes them non-staff at once.
export async function leaveStaffTeam(env: RigEnvironment, admin: Session, userId: string): Promise<void> {
    await call(env, admin.token, 'DELETE', `/api/v4/teams/${await teamId(env, admin, staffTeamName)}/members/${userId}`);
}

// Short, unique text for names and messages, so tests sharing a server never see each other's.
export function nonce(): string {
    return Math.random().toString(36).slice(2, 8);
}

export function addMembersAs(env: RigEnvironment, session: Session, conversationId: string, userIds: string[]): Promise<Conversation> {
    return call<Conversation>(env, session.token, 'POST', `${connectAPI}/conversations/${conversationId}/members`, {user_ids: userIds});
}

export function removeMemberAs(env: RigEnvironment, session: Session, conversationId: string, userId: string): Promise<Conversation> {
    return call<Conversation>(env, session.token, 'DELETE', `${connectAPI}/conversations/${conversationId}/members/${userId}`);
}

export function replyAs(env: RigEnvironment, session: Session, channelId: string, rootId: string, message: string): Promise<Post> {
    return call<Post>(env, session.token, 'POST', '/api/v4/posts', {channel_id: channelId, root_id: rootId, message});
}

export function renameAs(env: RigEnvironment, session: Session, conversationId: string, name: string): Promise<Conversation> {
    return call<Conversation>(env, session.token, 'PATCH', `${connectAPI}/conversations/${conversationId}`, {name});
}

// Someone new on the staff, once the server offers them to observer as staff. A group with them is
// new too (a group of the same people is the same group).
export async function newStaffColleague(env: RigEnvironment, admin: Session, observer: Session, firstName: string): Promise<Session> {
    const colleague = await newStaffMember(env, admin, firstName, `Tester${nonce()}`);
    await until(() => staffSearchFinds(env, observer, firstName, colleague.user.id), `${firstName} counts as staff`);
    return colleague;
}

// Polls until check answers true, for setups outside a test too (where expect.poll cannot run).
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
        if (Date.now() > deadline) {
            throw new Error(`Timed out waiting until ${what}.`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

export const fullName = (session: Session) => `${session.user.first_name} ${session.user.last_name}`;
