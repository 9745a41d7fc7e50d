import {describe, expect, it} from 'vitest';

import {connectStore, deliverPluginEvent, digestOff, directConversation, fakeClient, stateOf} from '../../tests/unit/connect_fixtures';
import {ClientError} from '../client';
import type {NotificationPreferences} from '../types/notifications';

import {conversationsLoaded, knownChanged, sessionEnded, windowOpened} from './actions';
import {mine, readDue, readKnown, saveKnown, selectKnown, selectKnownEntry} from './known';
import {initialKnownState} from './known_reducer';

const quiet: NotificationPreferences = {desktop: 'all', push: 'all', email: 'none', muted: false};
const loud: NotificationPreferences = {...quiet, email: 'all'};
const muted: NotificationPreferences = {...quiet, muted: true};

// A request whose answer the test gives when it likes.
function held<T>() {
    let answer: (value: T) => void = () => undefined;
    let refuse: (error: unknown) => void = () => undefined;
    const promise = new Promise<T>((resolve, reject) => {
        answer = resolve;
        refuse = reject;
    });
    return {promise, answer, refuse};
}

function setup() {
    const store = connectStore();
    const client = fakeClient();
    const deps = {client, dispatch: store.dispatch, getState: () => store.getState()};
    const preferences = () => selectKnown(store.getState(), 'notificationPreferences', 'dm-bob');
    const event = (value: NotificationPreferences) => deliverPluginEvent(store, 'notifications_changed', {conversation_id: 'dm-bob', preferences: value});
    return {store, client, deps, preferences, event};
}

describe('known values', () => {
    it('are read into the state, and a read is not due while one is on its way', async () => {
        const {store, client, deps, preferences} = setup();
        const read = held<NotificationPreferences>();
        client.getNotificationPreferences.mockReturnValue(read.promise);
        expect(readDue(store.getState(), 'notificationPreferences', 'dm-bob')).toBe(true);

        const reading = readKnown(deps, 'notificationPreferences', 'dm-bob');
        expect(readDue(store.getState(), 'notificationPreferences', 'dm-bob')).toBe(false);
        read.answer(quiet);
        expect(await reading).toEqual(quiet);

        expect(preferences()).toEqual(quiet);
        expect(client.getNotificationPreferences).toHaveBeenCalledWith('dm-bob');
        expect(readDue(store.getState(), 'notificationPreferences', 'dm-bob')).toBe(true);
    });

    it('of a kind read once are not read again once known', async () => {
        const {store, client, deps} = setup();
        expect(readDue(store.getState(), 'follows', mine)).toBe(true);
        await readKnown(deps, 'follows', mine);
        expect(client.getFollows).toHaveBeenCalledTimes(1);
        expect(selectKnown(store.getState(), 'follows', mine)).toEqual([]);
        expect(readDue(store.getState(), 'follows', mine)).toBe(false);
    });

    it('keep why a read failed until the next read', async () => {
        const {store, client, deps} = setup();
        client.getNotificationPreferences.mockRejectedValueOnce(new ClientError(404, 'No such conversation.', '/x'));
        await expect(readKnown(deps, 'notificationPreferences', 'dm-bob')).rejects.toThrow('No such conversation.');
        expect(selectKnownEntry(store.getState(), 'notificationPreferences', 'dm-bob')).toMatchObject({value: undefined, reading: false, readFailure: 'No such conversation.'});
        expect(readDue(store.getState(), 'notificationPreferences', 'dm-bob')).toBe(true);

        const read = held<NotificationPreferences>();
        client.getNotificationPreferences.mockReturnValue(read.promise);
        const reading = readKnown(deps, 'notificationPreferences', 'dm-bob');
        expect(selectKnownEntry(store.getState(), 'notificationPreferences', 'dm-bob')?.readFailure).toBeNull();
        read.answer(quiet);
        await reading;
    });

    it('keep an event that arrives before the answer to an older read', async () => {
        const {client, deps, preferences, event} = setup();
        const read = held<NotificationPreferences>();
        client.getNotificationPreferences.mockReturnValue(read.promise);

        const reading = readKnown(deps, 'notificationPreferences', 'dm-bob');
        event(muted);
        read.answer(quiet);
        await reading;

        expect(preferences()).toEqual(muted);
    });

    it('show a save at once and take the server\'s answer, unless an event arrived meanwhile', async () => {
        const {store, deps, preferences, event} = setup();
        store.dispatch(knownChanged('notificationPreferences', 'dm-bob', quiet));

        const write = held<NotificationPreferences>();
        const saving = saveKnown(deps, 'notificationPreferences', 'dm-bob', loud, () => write.promise);
        expect(preferences()).toEqual(loud);
        write.answer({...loud, push: 'mention'});
        await saving;
        expect(preferences()).toEqual({...loud, push: 'mention'});

        const later = held<NotificationPreferences>();
        const savingAgain = saveKnown(deps, 'notificationPreferences', 'dm-bob', quiet, () => later.promise);
        event(muted);
        later.answer(quiet);
        await savingAgain;
        expect(preferences()).toEqual(muted);
    });

    it('go back to the value before a refused save, unless something newer arrived', async () => {
        const {store, deps, preferences, event} = setup();
        store.dispatch(knownChanged('notificationPreferences', 'dm-bob', quiet));
        const refusal = new ClientError(400, 'Refused.', '/x');

        await expect(saveKnown(deps, 'notificationPreferences', 'dm-bob', loud, () => Promise.reject(refusal))).rejects.toBe(refusal);
        expect(preferences()).toEqual(quiet);

        const write = held<NotificationPreferences>();
        const saving = saveKnown(deps, 'notificationPreferences', 'dm-bob', loud, () => write.promise);
        event(muted);
        write.refuse(refusal);
        await expect(saving).rejects.toBe(refusal);
        expect(preferences()).toEqual(muted);
    });

    it('keep a refused save shown when nothing was known before it', async () => {
        const {store, deps} = setup();
        await expect(saveKnown(deps, 'digestInclusion', 'dm-bob', {included: false, reason: ''}, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
        expect(selectKnown(store.getState(), 'digestInclusion', 'dm-bob')).toEqual({included: false, reason: ''});
    });

    it('are all gone when the session ends; only the page\'s layout stays', () => {
        const {store} = setup();
        store.dispatch(conversationsLoaded({conversations: [directConversation()], total_unread: 0, total_mentions: 0}));
        store.dispatch(windowOpened('dm-bob'));
        store.dispatch(knownChanged('follows', mine, [{table: 'incident', sys_id: 's', number: 'INC0010001', short_description: '', conversation_id: 'c'}]));
        store.dispatch(knownChanged('digestSettings', mine, digestOff));
        store.dispatch(knownChanged('digestInclusion', 'dm-bob', {included: true, reason: ''}));
        store.dispatch(knownChanged('notificationPreferences', 'dm-bob', quiet));
        const {capacity, sidebarInset} = stateOf(store).miniWindows;

        store.dispatch(sessionEnded());

        expect(stateOf(store).known).toEqual(initialKnownState);
        expect(stateOf(store).conversations.byId).toEqual({});
        expect(stateOf(store).miniWindows).toMatchObject({windows: [], capacity, sidebarInset});
    });
});
