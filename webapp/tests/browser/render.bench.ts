import {beforeAll, describe, it} from 'vitest';

import {newStaffMember, nonce, postAs, readEverything, startConversationAs} from './support/connect';
import type {Session} from './support/mattermost';
import {useBrowserSuite} from './support/suite';
import {ms, percentile} from './support/timing';
import {logOf, openSidebar, row, windowOf} from './support/ui';

const messageCount = 200;
const liveMessages = 20;

// What people write: plain lines, markdown, record numbers (with their cards), code.
function sampleMessage(index: number, tag: string): string {
    switch (index % 5) {
    case 0:
        return `**Update ${index}** on the mail queue: see https://example.com/runbooks/${index} ${tag}`;
    case 1:
        return `INC0010001 again? ${index} ${tag}`;
    case 2:
        return `- step ${index}\n- then check \`Get-Queue\`\n- report back ${tag}`;
    case 3:
        return `\`\`\`\nping prn-3f-${index}.corp.example.com\n\`\`\`\n${tag}`;
    default:
        return `Plain message number ${index}, nothing special ${tag} :+1:`;
    }
}

// How a mini window copes with a long conversation: opening it, loading 200 messages, and new
// messages arriving while 200 are shown. Figures only; nothing is asserted about time.
describe('rendering a conversation of 200 messages', () => {
    const {env, browsers, admin, bob: writer} = useBrowserSuite({signedIn: ['admin', 'bob'], pageErrors: 'ignored'});
    let reader: Session;
    let conversationId: string;

    beforeAll(async () => {
        reader = await newStaffMember(env, admin, 'Renata', `Reader${nonce()}`);
        conversationId = (await startConversationAs(env, writer, [reader.user.id])).id;
        const tag = nonce();
        for (let index = 0; index < messageCount; index += 1) {
            await postAs(env, writer, conversationId, sampleMessage(index, tag));
        }
        await readEverything(env, reader);
    });

    it('prints the times', async () => {
        const page = await browsers.openAs(reader);
        const sidebar = await openSidebar(page);
        const window = windowOf(page, 'Bob Baker');
        const log = logOf(window);

        const opened = Date.now();
        await sidebar.getByRole('button', row('Bob Baker')).click();
        await log.getByTestId('message').nth(29).waitFor();
        const firstPage = Date.now() - opened;

        const loading = Date.now();
        while (await log.getByText('This is the start of the conversation.').count() === 0) {
            await log.getByRole('button', {name: 'Load older messages'}).click();
            await log.getByRole('button', {name: 'Load older messages'}).or(log.getByText('This is the start of the conversation.')).first().waitFor();
        }
        const all = Date.now() - loading;
        const shown = await log.getByTestId('message').count();
        await log.evaluate((element) => {
            element.scrollTop = element.scrollHeight;
        });

        // From the post's answer to its message on screen, with 200 messages above it.
        const arrivals: number[] = [];
        for (let index = 0; index < liveMessages; index += 1) {
            const text = `Live message ${index} ${nonce()}`;
            const posted = Date.now();
            await postAs(env, writer, conversationId, text);
            await log.getByText(text).waitFor();
            arrivals.push(Date.now() - posted);
        }

        // The main thread's time for one full re-render of the window's messages.
        const rerender = await page.evaluate(async () => {
            const element = document.querySelector('[role="log"]') as HTMLElement;
            const start = performance.now();
            element.style.width = '301px';
            element.getBoundingClientRect();
            await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
            return performance.now() - start;
        });

        console.log([
            `messages shown:                       ${shown}`,
            `open the window (first 30 messages):  ${ms(firstPage)}`,
            `load the other ${shown - 30} (7 pages, clicks): ${ms(all)}`,
            `a new message on screen, 200 above:   p50 ${ms(percentile(arrivals, 50))}, max ${ms(Math.max(...arrivals))} (includes the post and the websocket)`,
            `layout of all ${shown} messages after a resize: ${ms(rerender)}`,
        ].join('\n'));
    });
});
