import type {Locator} from 'playwright-core';
import {describe, expect, it} from 'vitest';

import {callAs, nonce, postAs, startConversationAs} from './support/connect';
import type {Session} from './support/mattermost';
import {MattermostSocket} from './support/mattermost_socket';
import {useBrowserSuite} from './support/suite';
import {composerOf, messageWith, openSidebar, openWindow, row, windowOf} from './support/ui';

// Mattermost's defaults the server runs with (TimeBetweenUserTypingUpdatesMilliseconds).
const typingUpdatesMs = 5000;

// The web app's status poll (Constants.STATUS_INTERVAL).
const statusIntervalMs = 60_000;

const typingLine = (place: Locator) => place.getByTestId('typing-indicator');

// A presence dot by its words. In a sidebar row it sits beside the row's button, which it
// describes (aria-describedby), so it is found by its attributes.
const dot = (place: Locator, label: string) => place.locator(`[role="img"][aria-label="${label}"]`);

// F-80..F-82: typing and presence, between Connect and Mattermost's own clients, each person in
// a browser (or a websocket) of their own against the real server.
describe('typing and presence', () => {
    const {env, browsers, alice, bob} = useBrowserSuite({signedIn: ['alice', 'bob']});

    const setStatus = (session: Session, status: string) => callAs(env, session, 'PUT', `/api/v4/users/${session.user.id}/status`, {user_id: session.user.id, status});

    it('shows Bob typing on his own websocket within a second, and not once his message arrives', async () => {
        const direct = await startConversationAs(env, alice, [bob.user.id]);
        const window = await openWindow(await browsers.openAs(alice), 'Bob Baker');
        const bobSocket = await MattermostSocket.open(browsers, env, bob);
        await expect.poll(() => typingLine(window).textContent()).toBe('');

        await bobSocket.userTyping(direct.id);
        await expect.poll(() => typingLine(window).textContent(), {timeout: 1000}).toBe('Bob Baker is typing…');
        expect(await typingLine(window).getAttribute('aria-live')).toBe('polite');

        // His message ends it at once, long before the entry would run out.
        await bobSocket.userTyping(direct.id);
        const message = `Found it: the relay was down. ${nonce()}`;
        const started = Date.now();
        await postAs(env, bob, direct.id, message);
        await messageWith(window, message).waitFor();
        await expect.poll(() => typingLine(window).textContent(), {timeout: 2000}).toBe('');
        expect(Date.now() - started).toBeLessThan(typingUpdatesMs);

        // Typing that stops runs out after TimeBetweenUserTypingUpdatesMilliseconds.
        await bobSocket.userTyping(direct.id);
        await expect.poll(() => typingLine(window).textContent(), {timeout: 1000}).toBe('Bob Baker is typing…');
        const shown = Date.now();
        await expect.poll(() => typingLine(window).textContent(), {timeout: typingUpdatesMs + 2000}).toBe('');
        expect(Date.now() - shown).toBeGreaterThan(typingUpdatesMs - 1500);

        // Typing in a reply thread is not typing in the conversation.
        await bobSocket.userTyping(direct.id, (await postAs(env, alice, direct.id, `Thanks ${nonce()}`)).id);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect(await typingLine(window).textContent()).toBe('');
    });

    it('sends Mattermost\'s typing event as Alice types in a mini window, once per five seconds', async () => {
        const direct = await startConversationAs(env, alice, [bob.user.id]);
        const bobSocket = await MattermostSocket.open(browsers, env, bob);
        const window = await openWindow(await browsers.openAs(alice), 'Bob Baker');

        const typedFor = Date.now();
        await composerOf(window).pressSequentially('Is the mail queue draining on your side?', {delay: 60});
        const typingMs = Date.now() - typedFor;
        await expect.poll(async () => (await bobSocket.events('typing')).length).toBeGreaterThan(0);
        const events = await bobSocket.events('typing');
        expect(events[0].data.user_id).toBe(alice.user.id);
        expect(events[0].broadcast.channel_id).toBe(direct.id);
        expect(events[0].data.parent_id).toBe('');
        expect(events.length).toBeLessThanOrEqual(Math.floor(typingMs / typingUpdatesMs) + 1);
        console.info(`typing: ${events.length} events reached Bob while Alice typed for ${typingMs} ms (at most one per ${typingUpdatesMs} ms)`);
    });

    it('works both ways on the standalone workspace page', async () => {
        const direct = await startConversationAs(env, alice, [bob.user.id]);
        const workspace = await browsers.openWorkspace(alice, {conversationId: direct.id});
        const pane = workspace.getByTestId('workspace-conversation');
        const bobSocket = await MattermostSocket.open(browsers, env, bob);

        await bobSocket.userTyping(direct.id);
        await expect.poll(() => typingLine(pane).textContent(), {timeout: 1000}).toBe('Bob Baker is typing…');

        await composerOf(pane).pressSequentially('On it', {delay: 50});
        await expect.poll(async () => (await bobSocket.events('typing')).filter((event) => event.data.user_id === alice.user.id).length).toBe(1);
    });

    it('shows Bob\'s presence on his avatar, and follows his status change', async () => {
        await startConversationAs(env, alice, [bob.user.id]);

        // Bob stays connected, as a native client would, so the server's handling of earlier
        // sockets closing cannot set him offline; he sets his status by hand.
        await MattermostSocket.open(browsers, env, bob);
        await setStatus(bob, 'away');
        await expect.poll(async () => (await callAs<{status: string}>(env, bob, 'GET', `/api/v4/users/${bob.user.id}/status`)).status).toBe('away');
        const aliceSocket = await MattermostSocket.open(browsers, env, alice);
        const page = await browsers.openAs(alice);
        // Connect's requests (its client asks for JSON); the dev host's own mattermost-redux also
        // asks, once, for the authors of the posts in its channel view.
        const statusRequests: number[] = [];
        page.on('request', (request) => {
            if (request.url().endsWith('/api/v4/users/status/ids') && request.headers().accept === 'application/json') {
                statusRequests.push(Date.now());
            }
        });
        const sidebar = await openSidebar(page);
        const bobRow = sidebar.getByRole('button', row('Bob Baker'));
        const bobRowItem = sidebar.getByTestId('conversation-row').filter({has: page.getByRole('button', row('Bob Baker'))});
        // Bob's status as Mattermost holds it can change under the test (the server's handling of
        // his other connections); each check sets it again while it is not what the test set, so
        // what is checked is the dot following Mattermost, within the web app's poll interval.
        const shows = async (place: Locator, status: string, label: string) => {
            if ((await callAs<{status: string}>(env, bob, 'GET', `/api/v4/users/${bob.user.id}/status`)).status !== status) {
                await setStatus(bob, status);
            }
            return (await dot(place, label).count()) > 0;
        };
        await expect.poll(() => shows(bobRowItem, 'away', 'Away'), {timeout: statusIntervalMs + 5000, interval: 1000}).toBe(true);
        const described = await bobRow.evaluate((button) => (button.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.getAttribute('aria-label') ?? document.getElementById(id)?.textContent));
        expect(described[0]).toBe('Away');
        await bobRow.click();
        const header = windowOf(page, 'Bob Baker');
        await header.getByRole('img', {name: 'Away'}).first().waitFor();

        const changed = Date.now();
        const requestsBefore = statusRequests.length;
        await setStatus(bob, 'dnd');
        await expect.poll(() => shows(bobRowItem, 'dnd', 'Do not disturb'), {timeout: statusIntervalMs + 5000, interval: 1000}).toBe(true);
        await header.getByRole('img', {name: 'Do not disturb'}).first().waitFor({timeout: 1000});
        const seenAfter = Date.now() - changed;

        // No faster than the web app polls: one request a minute for everyone shown.
        const minutes = seenAfter / 60_000;
        expect(statusRequests.length - requestsBefore).toBeLessThanOrEqual(Math.ceil(minutes));
        const heard = (await aliceSocket.events('status_change')).filter((event) => event.data.user_id === bob.user.id).length;
        console.info(`presence: the change showed after ${seenAfter} ms; ${statusRequests.length - requestsBefore} status requests in the ${minutes.toFixed(2)} minutes after it; status_change events about Bob on Alice's websocket: ${heard}`);
        await setStatus(bob, 'online');
    }, 210_000);
});

