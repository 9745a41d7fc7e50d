import {fileURLToPath} from 'node:url';

import {chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page} from 'playwright-core';

import {waitForHostStatus} from './dev_host';
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
function launchChromium(): Promise<Browser> {
    return chromium.launch({executablePath: '/usr/bin/chromium', args: chromiumArgs});
}

// Puts a REST login into the browser the way the web app's login leaves it: as cookies.
async function signIn(context: BrowserContext, env: RigEnvironment, session: Session): Promise<void> {
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
function collectPageErrors(page: Page, expectedFailedPaths: string[] = []): string[] {
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

export interface OpenOptions {
    // Requests the page is expected to see fail (a refused post, say).
    expectedFailedPaths?: string[];
    viewport?: {width: number; height: number};
    // Runs in the page before its own scripts (stand-ins for browser features, say).
    initScript?: () => void;
}

const hostViewport = {width: 1440, height: 900};

// People using Connect, each in a browser (context) of their own on one Chromium.
export class HostBrowsers {
    private browser: Browser | undefined;
    private contexts: BrowserContext[] = [];
    private errors = new Map<Page, string[]>();

    constructor(private readonly env: RigEnvironment) {}

    async launch(): Promise<void> {
        this.browser = await launchChromium();
    }

    async close(): Promise<void> {
        await this.browser?.close();
    }

    // A new page, signed in when a session is given, collecting its errors; it has not loaded anything yet.
    async newPage(session?: Session, {expectedFailedPaths = [], viewport = hostViewport, initScript}: OpenOptions = {}): Promise<Page> {
        if (!this.browser) {
            throw new Error('The browser is not launched: call newPage from a test.');
        }
        const context = await this.browser.newContext({viewport});
        this.contexts.push(context);
        if (initScript) {
            await context.addInitScript(initScript);
        }
        if (session) {
            await signIn(context, this.env, session);
        }
        const page = await context.newPage();
        this.errors.set(page, collectPageErrors(page, expectedFailedPaths));
        return page;
    }

    // The page errors seen so far, for a test that asserts them or waits with them at hand.
    errorsOf(page: Page): string[] {
        return this.errors.get(page) ?? [];
    }

    // A browser of the user's own, on the front page with the plugin loaded and the websocket up.
    async openAs(session: Session, options: OpenOptions = {}): Promise<Page> {
        return this.openHostPage(session, '/', options);
    }

    // The dev host on any of its pages (a team route, say), ready as openAs leaves it.
    async openHostPage(session: Session, path: string, options: OpenOptions = {}): Promise<Page> {
        const page = await this.openPage(session, path, options);
        await waitForHostStatus(page, 'ready', this.errorsOf(page));
        await page.locator('body[data-host-socket="connected"]').waitFor();
        return page;
    }

    // The standalone workspace page, live (its websocket up), on a conversation when one is named.
    async openWorkspace(session: Session, {conversationId, ...options}: OpenOptions & {conversationId?: string} = {}): Promise<Page> {
        const query = conversationId ? `?conversation=${encodeURIComponent(conversationId)}` : '';
        const page = await this.openPage(session, `/plugins/connect-chat/workspace${query}`, options);
        await page.locator('body[data-workspace-socket="connected"]').waitFor();
        await page.getByTestId('workspace').waitFor();
        return page;
    }

    private async openPage(session: Session, path: string, options: OpenOptions): Promise<Page> {
        const page = await this.newPage(session, options);
        await page.goto(this.env.url + path);
        return page;
    }

    // Closes every browser; returns the page errors they saw, which a test expects to be none.
    async closeAll(): Promise<string[]> {
        const errors = [...this.errors.values()].flat();
        await Promise.all(this.contexts.map((context) => context.close()));
        this.contexts = [];
        this.errors.clear();
        return errors;
    }
}
