import type {Page} from 'playwright-core';
import {beforeAll, describe, it} from 'vitest';

import {fullName, newStaffColleague, postAs, startConversationAs} from './support/connect';
import type {Session} from './support/mattermost';
import {useBrowserSuite} from './support/suite';
import {ms, percentile} from './support/timing';

const conversationCount = 500;
const colleagueCount = 33;
const switches = 20;

async function allRowsShown(page: Page): Promise<void> {
    try {
        await page.waitForFunction((count) => document.querySelectorAll('[data-testid="conversation-row"]').length >= count, conversationCount, {timeout: 60_000});
    } catch (error) {
        throw new Error(`The list shows ${await page.locator('[data-testid="conversation-row"]').count()} rows, not ${conversationCount}`, {cause: error});
    }
}

// The standalone workspace for someone with 500 conversations: how long the page takes to be
// usable, and switching between conversations. Figures only; nothing is asserted about time.
describe('the workspace with 500 conversations', () => {
    const {env, browsers, admin, alice} = useBrowserSuite({signedIn: ['admin', 'alice'], pageErrors: 'ignored'});
    let reader: Session;
    const names: string[] = [];

    // Groups of the same people are one conversation, so the groups pair up colleagues.
    beforeAll(async () => {
        reader = await newStaffColleague(env, admin, alice, 'Wanda');
        const colleagues: Session[] = [];
        for (let index = 0; index < colleagueCount; index += 1) {
            colleagues.push(await newStaffColleague(env, admin, reader, `Colleague${String.fromCharCode(65 + (index % 26))}${index}`));
        }
        const memberSets: Session[][] = colleagues.map((colleague) => [colleague]);
        for (let a = 0; a < colleagues.length && memberSets.length < conversationCount; a += 1) {
            for (let b = a + 1; b < colleagues.length && memberSets.length < conversationCount; b += 1) {
                memberSets.push([colleagues[a], colleagues[b]]);
            }
        }
        for (const members of memberSets) {
            const conversation = await startConversationAs(env, reader, members.map((member) => member.user.id));
            if (names.length < switches) {
                await postAs(env, members[0], conversation.id, `Hello from ${fullName(members[0])}`);
                names.push(conversation.name);
            }
        }
    }, 900_000);

    it('prints the times', async () => {
        const loads: number[] = [];
        for (let round = 0; round < 3; round += 1) {
            const page = await browsers.openWorkspace(reader);
            await allRowsShown(page);
            loads.push(await page.evaluate(() => performance.now()));
            console.log(`load ${round + 1}: ${ms(loads[round])}`);
            await page.context().close();
        }

        const page = await browsers.openWorkspace(reader);
        await allRowsShown(page);
        const switchTimes: number[] = [];
        for (const name of names) {
            switchTimes.push(await page.evaluate(async (target) => {
                const list = document.querySelector('[aria-label="Open conversations"]');
                const button = Array.from(list?.querySelectorAll<HTMLButtonElement>('.cc-row-main') ?? []).find((candidate) => candidate.textContent === target);
                const start = performance.now();
                button?.click();
                await new Promise<void>((resolve, reject) => {
                    const check = () => {
                        const pane = document.querySelector('[data-testid="workspace-conversation"]');
                        const heading = pane?.querySelector('h2')?.textContent;
                        if (heading === target && pane?.querySelector('[data-testid="message"]')) {
                            resolve();
                        } else if (performance.now() - start > 10_000) {
                            reject(new Error(`"${target}" did not open (found the row: ${Boolean(button)}; the pane shows "${heading}")`));
                        } else {
                            requestAnimationFrame(check);
                        }
                    };
                    check();
                });
                return performance.now() - start;
            }, name));
        }

        console.log([
            `conversations in the list:             ${await page.locator('[data-testid="conversation-row"]').count()}`,
            `page load to every row shown (3 loads): ${loads.map(ms).join(', ')}`,
            `switching to a conversation (${switchTimes.length}): p50 ${ms(percentile(switchTimes, 50))}, max ${ms(Math.max(...switchTimes))} (its messages fetched and shown)`,
        ].join('\n'));
    });
});
