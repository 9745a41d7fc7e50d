// The contract with the server, from the web app's side: the server's real output (the
// fixtures its Go tests write in tests/contract) fed to the web app's own handlers, state and
// client. The Go side checks the fixtures against the server's types, from which
// types/wire.generated.ts is generated.
import {describe, expect, it, vi} from 'vitest';

import {eventFixture, eventFixtureFiles, refusalFixture, restFixtures, type Exchange} from '../../tests/contract/fixtures';
import {connectStore, directConversation, digestOff, fakeClient, me, stateOf} from '../../tests/unit/connect_fixtures';
import {ClientError, ConnectClient, type FetchFunction} from '../client';
import {followOf} from '../components/follow/follows';
import {pluginId} from '../manifest';
import type {CreateRecordRequest} from '../types/create';
import type {DigestChange} from '../types/digest';
import type {JournalKind, SaveToRecordRequest} from '../types/journal';
import type {WebSocketMessage} from '../types/mattermost';
import {serverEventNames, type ConversationSearch, type NotificationPreferences, type RouteAnswers, type ServerEvents} from '../types/wire.generated';

import {conversationsLoaded, knownChanged} from './actions';
import {mine, selectKnown} from './known';
import {pluginEvent, webSocketHandlers} from './websocket';

function listening() {
    const store = connectStore();
    const handlers = webSocketHandlers({client: fakeClient(), dispatch: store.dispatch, getState: () => store.getState()}, me.id);
    return {store, handlers};
}

type World = ReturnType<typeof listening>;

// What each event must visibly change, given the payload the server sent; the type makes
// every event the server sends need one.
type Effects = {[Name in keyof ServerEvents]: (data: ServerEvents[Name], deliver: () => void, world: World) => void};

const effects: Effects = {
    conversation_updated: (data, deliver, {store}) => {
        deliver();
        expect(stateOf(store).conversations.byId[data.conversation.id]).toEqual(data.conversation);
        expect(stateOf(store).conversations.openIds).toContain(data.conversation.id);
    },
    conversation_closed: (data, deliver, {store}) => {
        store.dispatch(conversationsLoaded({conversations: [directConversation({id: data.id})], total_unread: 0, total_mentions: 0}));
        deliver();
        expect(stateOf(store).conversations.openIds).not.toContain(data.id);
    },
    unread_totals: (data, deliver, {store}) => {
        deliver();
        expect(stateOf(store).totals).toEqual({unread: data.total_unread, mentions: data.total_mentions});
    },
    notifications_changed: (data, deliver, {store}) => {
        deliver();
        expect(selectKnown(store.getState(), 'notificationPreferences', data.conversation_id)).toEqual(data.preferences);
    },
    digest_changed: (data, deliver, {store}) => {
        if ('conversation_id' in data) {
            deliver();
            expect(selectKnown(store.getState(), 'digestInclusion', data.conversation_id)?.included).toBe(data.included);
            return;
        }
        store.dispatch(knownChanged('digestSettings', mine, {...digestOff, enabled: !data.enabled}));
        deliver();
        expect(selectKnown(store.getState(), 'digestSettings', mine)).toEqual({...digestOff, enabled: data.enabled, interval_minutes: data.interval_minutes});
    },
    follows_changed: ({following, ...follow}, deliver, {store}) => {
        const follows = () => selectKnown(store.getState(), 'follows', mine) ?? [];
        const before = {...follow, short_description: 'As it was before'};
        store.dispatch(knownChanged('follows', mine, following ? [] : [before]));
        deliver();
        expect(followOf(follows(), follow)).toEqual(following ? follow : undefined);

        store.dispatch(knownChanged('follows', mine, [before]));
        deliver();
        expect(follows()).toEqual(following ? [follow] : []);
    },
};

const eventName = (message: WebSocketMessage) => message.event.slice(pluginEvent('').length) as keyof ServerEvents;

describe('the websocket events of the contract', () => {
    it('are each handled, and the web app handles no event the server does not send', () => {
        const handled = Object.keys(listening().handlers).filter((event) => event.startsWith(pluginEvent(''))).map((event) => event.slice(pluginEvent('').length));
        expect(handled.sort()).toEqual([...serverEventNames].sort());
    });

    it('have a fixture for every event the server sends', () => {
        const named = new Set(eventFixtureFiles().map((file) => eventName(eventFixture(file))));
        expect([...named].sort()).toEqual([...serverEventNames].sort());
    });

    it.each(eventFixtureFiles())('%s has its effect', (file) => {
        const message = eventFixture(file);
        const world = listening();
        const deliver = () => world.handlers[message.event](message);
        const effect = effects[eventName(message)] as (data: unknown, deliver: () => void, world: World) => void;
        effect(message.data, deliver, world);
    });
});

// Where the fake fetch answers, and what it was asked.
const site = 'https://chat.example.com';

function answering(exchange: Exchange) {
    const fetchFunction = vi.fn<FetchFunction>(() => Promise.resolve(exchange.body === null ?
        new Response(null, {status: exchange.status}) :
        new Response(JSON.stringify(exchange.body), {status: exchange.status, headers: {'Content-Type': 'application/json'}})));
    return {client: new ConnectClient(site, fetchFunction, () => ''), fetchFunction};
}

function expectRequest(fetchFunction: ReturnType<typeof answering>['fetchFunction'], exchange: Exchange) {
    expect(fetchFunction).toHaveBeenCalledTimes(1);
    const [url, init] = fetchFunction.mock.calls[0];
    const sent = new URL(url);
    const wanted = new URL(`/plugins/${pluginId}${exchange.request.path}`, site);
    expect(init.method).toBe(exchange.request.method);
    expect(sent.pathname).toBe(wanted.pathname);
    expect(Object.fromEntries(sent.searchParams)).toEqual(Object.fromEntries(wanted.searchParams));
    expect(typeof init.body === 'string' ? JSON.parse(init.body) as unknown : init.body).toEqual(exchange.request.body);
}

// The path parameters of a route's request, by their names in the route.
function parameters(exchange: Exchange): Record<string, string> {
    const names: string[] = [];
    const pattern = exchange.route.split(' ')[1].replace(/\{(\w+)\}/g, (_whole, name: string) => {
        names.push(name);
        return '([^/?]+)';
    });
    const found = new RegExp(`^${pattern}(?:\\?|$)`).exec(exchange.request.path) ?? [];
    return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]));
}

function query(exchange: Exchange): URLSearchParams {
    return new URL(exchange.request.path, site).searchParams;
}

const body = <T, >(exchange: Exchange) => exchange.request.body as T;

interface Call {
    // The client's method for the route, with the request's arguments.
    call: (client: ConnectClient, exchange: Exchange) => Promise<unknown>;

    // What the method returns for the server's answer: the answer itself unless said.
    read?: (answer: unknown) => unknown;
}

// The client's call for each route the web app calls; the type makes every route need one.
const calls: {[Route in keyof RouteAnswers]: Call} = {
    'GET /api/v1/conversations': {call: (client) => client.getConversations()},
    'GET /api/v1/conversations/search': {
        call: (client, x) => client.searchConversations(query(x).get('q') ?? ''),
        read: (answer) => (answer as ConversationSearch).conversations,
    },
    'GET /api/v1/conversations/{id}': {call: (client, x) => client.getConversation(parameters(x).id)},
    'POST /api/v1/conversations': {call: (client, x) => client.createConversation(body<{user_ids: string[]}>(x).user_ids, body<{name?: string}>(x).name)},
    'POST /api/v1/conversations/{id}/members': {call: (client, x) => client.addMembers(parameters(x).id, body<{user_ids: string[]}>(x).user_ids)},
    'DELETE /api/v1/conversations/{id}/members/{user_id}': {call: (client, x) => client.removeMember(parameters(x).id, parameters(x).user_id)},
    'PATCH /api/v1/conversations/{id}': {call: (client, x) => client.renameConversation(parameters(x).id, body<{name: string}>(x).name)},
    'POST /api/v1/conversations/{id}/close': {call: (client, x) => client.closeConversation(parameters(x).id)},
    'POST /api/v1/conversations/{id}/open': {call: (client, x) => client.openConversation(parameters(x).id)},
    'POST /api/v1/posts/{post_id}/cards/refresh': {call: (client, x) => client.refreshCards(parameters(x).post_id), read: () => undefined},
    'GET /api/v1/staff': {call: (client, x) => client.searchStaff(query(x).get('q') ?? '', Number(query(x).get('page')), Number(query(x).get('per_page')))},
    'GET /api/v1/conversations/{id}/files': {call: (client, x) => client.getConversationFiles(parameters(x).id, Number(query(x).get('page')), Number(query(x).get('per_page')))},
    'GET /api/v1/conversations/{id}/records': {call: (client, x) => client.getConversationRecords(parameters(x).id)},
    'GET /api/v1/conversations/{id}/notifications': {call: (client, x) => client.getNotificationPreferences(parameters(x).id)},
    'PUT /api/v1/conversations/{id}/notifications': {call: (client, x) => client.setNotificationPreferences(parameters(x).id, body<NotificationPreferences>(x))},
    'GET /api/v1/digest': {call: (client) => client.getDigest()},
    'PUT /api/v1/digest': {call: (client, x) => client.setDigest(body<DigestChange>(x))},
    'GET /api/v1/conversations/{id}/digest': {call: (client, x) => client.getConversationDigest(parameters(x).id)},
    'PUT /api/v1/conversations/{id}/digest': {call: (client, x) => client.setConversationDigest(parameters(x).id, body<{included: boolean}>(x).included)},
    'GET /api/v1/conversations/{id}/seen': {call: (client, x) => client.getSeen(parameters(x).id)},
    'GET /api/v1/receipts': {call: (client) => client.getReceipts()},
    'PUT /api/v1/receipts': {call: (client, x) => client.setReceipts(body<{enabled: boolean}>(x).enabled)},
    'GET /api/v1/follows': {call: (client) => client.getFollows()},
    'POST /api/v1/follows': {call: (client, x) => client.follow(body<{record: string}>(x))},
    'DELETE /api/v1/follows/{table}/{sys_id}': {call: (client, x) => client.unfollow(parameters(x).table, parameters(x).sys_id)},
    'GET /api/v1/swarm/{table}/{sys_id}': {call: (client, x) => client.getSwarmPlan(parameters(x).table, parameters(x).sys_id)},
    'POST /api/v1/swarm/{table}/{sys_id}': {call: (client, x) => client.bringInTeam(parameters(x).table, parameters(x).sys_id, body<{user_ids: string[]}>(x).user_ids)},
    'GET /api/v1/records/creatable': {call: (client) => client.getCreatableTables()},
    'POST /api/v1/conversations/{id}/records': {call: (client, x) => client.createRecord(parameters(x).id, body<CreateRecordRequest>(x))},
    'POST /api/v1/conversations/{id}/saved': {call: (client, x) => client.saveToRecord(parameters(x).id, body<SaveToRecordRequest>(x))},
    'GET /api/v1/conversations/{id}/journal': {call: (client, x) => client.getJournalKind(parameters(x).id)},
    'PUT /api/v1/conversations/{id}/journal': {call: (client, x) => client.setJournalKind(parameters(x).id, body<JournalKind>(x))},
    'GET /api/v1/search': {call: (client, x) => client.searchMessages(query(x).get('terms') ?? '')},
};

// The client's methods that call the plugin's routes, found by calling each one.
async function pluginMethods(): Promise<string[]> {
    const names = Object.getOwnPropertyNames(ConnectClient.prototype).filter((name) => name !== 'constructor');
    const calling: string[] = [];
    for (const name of names) {
        const {client, fetchFunction} = answering({route: 'GET /api/v1/digest', request: {method: 'GET', path: ''}, status: 200, body: {}});
        const method = (client as unknown as Record<string, (...args: unknown[]) => unknown>)[name];
        try {
            await method.call(client, 'id-1', 'id-2', 'id-3');
        } catch {
            // Only the request matters.
        }
        if (fetchFunction.mock.calls.some(([url]) => new URL(url).pathname.startsWith(`/plugins/${pluginId}/api/`))) {
            calling.push(name);
        }
    }
    return calling.sort();
}

describe('the REST answers of the contract', () => {
    it.each(restFixtures().map((exchange) => [exchange.route, exchange] as const))('%s: the client sends the request and reads the answer', async (_route, exchange) => {
        const {client, fetchFunction} = answering(exchange);
        const {call, read = (answer: unknown) => answer ?? undefined} = calls[exchange.route];

        const result = await call(client, exchange);

        expectRequest(fetchFunction, exchange);
        expect(result).toEqual(read(exchange.body));
    });

    it('cover every route the client calls', async () => {
        const used: string[] = [];
        const recording = new Proxy(answering(restFixtures()[0]).client, {
            get: (_target, name: string) => {
                used.push(name);
                return () => Promise.resolve();
            },
        });
        for (const exchange of restFixtures()) {
            await calls[exchange.route].call(recording, exchange);
        }
        expect(new Set(restFixtures().map((exchange) => exchange.route)).size).toBe(Object.keys(calls).length);
        expect([...new Set(used)].sort()).toEqual(await pluginMethods());
    });

    it('read the refusal of someone who is not staff', async () => {
        const refusal = refusalFixture('not_staff.json');
        const {client} = answering(refusal);
        const error = await client.getConversations().catch((reason: unknown) => reason);

        expect(error).toBeInstanceOf(ClientError);
        expect(error).toMatchObject({status: 403, isNotStaff: true, message: (refusal.body as {error: string}).error, detail: {help: (refusal.body as {help: string}).help}});
    });

    it('read the refusal of a request the server cannot do', async () => {
        const refusal = refusalFixture('invalid.json');
        const {client, fetchFunction} = answering(refusal);
        const error = await client.follow(body<{record: string}>(refusal)).catch((reason: unknown) => reason);

        expectRequest(fetchFunction, refusal);
        expect(error).toMatchObject({status: 400, isNotStaff: false, message: (refusal.body as {error: string}).error});
    });
});
