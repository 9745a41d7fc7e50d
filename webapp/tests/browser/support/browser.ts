import {fileURLToPath} from 'node:url';

import {chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page} from 'playwright-core';

import type {RigEnvironment} from './environment';
import type {Session} from './mattermost';

const chromiumArgs = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];

// Debian's Chromium; playwright-core never downloads a browser.
export function launchChromium(): Promise<Browser> {
    return chromium.launch({executablePath: '/usr/bin/chromium', args: chromiumArgs});
}

// Puts a REST login into the browser the way the web app's login leaves it: as cookies.
export async function signIn(context: BrowserContext, env: RigEnvironment, session: Session): Promise<void> {
    const cookies = [
        {name: 'MMAUTHTOKEN', value: session.token, url: env.url, httpOnly: true},
        {name: 'MMUSERID', value: session.user.id, url: env.url},
    ];
    if (session.csrfToken) {
        cookies.push({name: 'MMCSRF', value: session.csrfToken, url: env.url});
    }
    await context.addCookies(cookies);
}

// Chromium reports every failed response as a console error; some pages expect one, such as the
// 401 that tells the dev host nobody is signed in. They name the paths of those requests.
function isExpectedFailure(message: ConsoleMessage, expectedFailedPaths: string[]): boolean {
    const url = message.location().url;
    return message.text().startsWith('Failed to load resource') && Boolean(url) && expectedFailedPaths.includes(new URL(url).pathname);
}

// Uncaught errors and console errors of the page, to assert there are none or explain a failure.
export function collectPageErrors(page: Page, expectedFailedPaths: string[] = []): string[] {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
        if (message.type() === 'error' && !isExpectedFailure(message, expectedFailedPaths)) {
            errors.push(`${message.text()} (${message.location().url})`);
        }
    });
    return errors;
}

export function testResultPath(fileName: string): string {
    return fileURLToPath(new URL(`../../../test-results/${fileName}`, import.meta.url));
}
