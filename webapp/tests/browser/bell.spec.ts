import type {Browser} from 'playwright-core';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';

import type {NotificationPreferences} from '../../src/types/notifications';

import {launchChromium} from './support/browser';
import {callAs, fullName, newStaffColleague, startConversationAs} from './support/connect';
import {rigEnvironment, type RigEnvironment} from './support/environment';
import {logIn, type Session} from './support/mattermost';
import {chooseWindowAction, HostBrowsers, openWindow} from './support/ui';

interface Member {
    notify_props: Record<string, string>;
}

// F-51: the bell in a mini window changes the channel member's notify props, which Mattermost's
// own notifications read, and follows changes made elsewhere live.
describe('the bell in a mini window', () => {
    let env: RigEnvironment;
    let browser: Browser;
    let browsers: HostBrowsers;
    let admin: Session;
    let alice: Session;

    beforeAll(async () => {
        env = rigEnvironment();
        browser = await launchChromium();
        browsers = new HostBrowsers(browser, env);
        admin = await logIn(env, env.admin);
        alice = await logIn(env, env.staff[0]);
    });

    afterEach(async () => {
        expect(await browsers.closeAll()).toEqual([]);
    });

    afterAll(async () => {
        await browser?.close();
    });

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
});
