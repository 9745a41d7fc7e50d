import {describe, it} from 'vitest';

import {callAs, fullName, newStaffColleague, nonce, startConversationAs} from './support/connect';
import {useBrowserSuite} from './support/suite';
import {logOf, openWindow, send} from './support/ui';

// Read receipts' cost (issue 25): requests one open mini window makes to the seen route in a
// minute while its newest message is unseen, and in the half minute after it was seen. Figures
// only.
describe('read receipts: requests per open window', () => {
    const {env, browsers, admin, alice} = useBrowserSuite({signedIn: ['admin', 'alice'], pageErrors: 'ignored'});

    it('prints the requests', async () => {
        const reader = await newStaffColleague(env, admin, alice, 'Rita');
        const dm = await startConversationAs(env, alice, [reader.user.id]);
        const page = await browsers.openAs(alice);
        const asked: number[] = [];
        page.on('request', (request) => {
            if (request.url().endsWith(`/conversations/${dm.id}/seen`)) {
                asked.push(Date.now());
            }
        });
        const window = await openWindow(page, fullName(reader));
        const sentAt = Date.now();
        await send(window, `Unseen for a minute ${nonce()}`);
        await page.waitForTimeout(60_000);
        const unseenMinute = asked.filter((at) => at >= sentAt && at < sentAt + 60_000).length;
        console.log(`unseen, first minute: ${unseenMinute} requests`);

        await callAs(env, reader, 'POST', '/api/v4/channels/members/me/view', {channel_id: dm.id});
        await logOf(window).getByText(/^Seen/).waitFor({timeout: 20_000});
        const seenAt = Date.now();
        await page.waitForTimeout(30_000);
        console.log(`after it was seen, 30 s: ${asked.filter((at) => at > seenAt).length} requests`);
    });
});
