import {describe, expect, it} from 'vitest';

import type {NotificationPreferences} from '../../src/types/notifications';

import {callAs, fullName, newStaffColleague, postAs, startConversationAs} from './support/connect';
import {useBrowserSuite} from './support/suite';
import {chooseWindowAction, openWindow, row} from './support/ui';

interface ShownNotification {
    title: string;
    body: string;
}

declare global {
    interface Window {
        connectTestNotifications: ShownNotification[];
        connectTestHidden: boolean;
    }
}

// Stands in for the browser's notifications (granted) and lets the test put the page in the
// background, as another tab in front would.
function fakeNotificationsAndVisibility(): void {
    window.connectTestNotifications = [];
    window.connectTestHidden = false;
    class RecordedNotification {
        static permission = 'granted';
        static requestPermission = () => Promise.resolve('granted');
        onclick: (() => void) | null = null;
        constructor(title: string, options?: {body?: string}) {
            window.connectTestNotifications.push({title, body: options?.body ?? ''});
        }
        close(): void {}
    }
    Object.defineProperty(window, 'Notification', {value: RecordedNotification, configurable: true});
    Object.defineProperty(document, 'visibilityState', {get: () => (window.connectTestHidden ? 'hidden' : 'visible'), configurable: true});
    Object.defineProperty(document, 'hidden', {get: () => window.connectTestHidden, configurable: true});
}


interface Member {
    notify_props: Record<string, string>;
}

// F-51: the bell in a mini window changes the channel member's notify props, which Mattermost's
// own notifications read, and follows changes made elsewhere live; F-52: browser notifications
// follow it.
describe('the bell', () => {
    const {env, browsers, admin, alice} = useBrowserSuite({signedIn: ['admin', 'alice']});

    it('stores each choice in the notify props and shows changes made elsewhere', async () => {
        const colleague = await newStaffColleague(env, admin, alice, 'Bella');
        const dm = await startConversationAs(env, alice, [colleague.user.id]);
        const props = async () => (await callAs<Member>(env, alice, 'GET', `/api/v4/channels/${dm.id}/members/${alice.user.id}`)).notify_props;

        const page = await browsers.openAs(alice);
        const window = await openWindow(page, fullName(colleague));
        await chooseWindowAction(window, 'Notification preferences');
        const bell = window.getByRole('region', {name: 'Notification preferences'});
        const push = bell.getByRole('group', {name: 'Mobile push'});
        await push.getByRole('radio', {name: 'All activity'}).waitFor();
        expect(await bell.getByRole('radio', {name: 'Only @mentions'}).count()).toBe(0);

        await push.getByRole('radio', {name: 'Never'}).check();
        await expect.poll(async () => (await props()).push).toBe('none');
        await bell.getByRole('checkbox', {name: 'Mute this conversation'}).check();
        await expect.poll(async () => (await props()).mark_unread).toBe('mention');
        await bell.getByRole('group', {name: 'Email'}).getByRole('radio', {name: 'All activity'}).check();
        await expect.poll(async () => (await props()).email).toBe('true');

        const elsewhere: NotificationPreferences = {desktop: 'none', push: 'all', email: 'none', muted: false};
        await callAs(env, alice, 'PUT', `/plugins/connect-chat/api/v1/conversations/${dm.id}/notifications`, elsewhere);
        await expect.poll(() => bell.getByRole('group', {name: 'Desktop'}).getByRole('radio', {name: 'Never'}).isChecked()).toBe(true);
        expect(await bell.getByRole('checkbox', {name: 'Mute this conversation'}).isChecked()).toBe(false);
    });

    // F-52: the standalone workspace's browser notifications follow the bell, and never show the
    // user's own messages or anything while the page is in front.
    it('shows what the bell allows, only while the page is in the background', async () => {
        const quiet = await newStaffColleague(env, admin, alice, 'Quinn');
        const loud = await newStaffColleague(env, admin, alice, 'Lena');
        const quietDM = await startConversationAs(env, alice, [quiet.user.id]);
        const loudDM = await startConversationAs(env, alice, [loud.user.id]);
        const never: NotificationPreferences = {desktop: 'none', push: 'all', email: 'none', muted: false};
        await callAs(env, alice, 'PUT', `/plugins/connect-chat/api/v1/conversations/${quietDM.id}/notifications`, never);

        const page = await browsers.openWorkspace(alice, {initScript: fakeNotificationsAndVisibility});
        const shown = () => page.evaluate(() => window.connectTestNotifications.map((n) => `${n.title}: ${n.body}`));
        const setHidden = (hidden: boolean) => page.evaluate((value) => {
            window.connectTestHidden = value;
            document.dispatchEvent(new Event('visibilitychange'));
        }, hidden);

        await postAs(env, loud, loudDM.id, 'while you look at it');
        await page.getByRole('region', {name: 'Conversations'}).getByTestId('conversation-row').filter({hasText: 'while you look at it'}).getByRole('button', row(fullName(loud))).waitFor();
        await setHidden(true);
        await postAs(env, quiet, quietDM.id, 'the bell says never');
        await postAs(env, alice, loudDM.id, 'my own message');
        await postAs(env, loud, loudDM.id, 'the bell says all');

        await expect.poll(shown).toContain(`${fullName(loud)}: the bell says all`);
        expect(await shown()).toEqual([`${fullName(loud)}: the bell says all`]);
    });
});
