import {fileURLToPath} from 'node:url';

import type {BrowserContext, Page} from 'playwright-core';

import type {RigEnvironment} from './environment';

export const hostPagePath = '/__connect_host__';

function fileOf(relativePath: string): string {
    return fileURLToPath(new URL(relativePath, import.meta.url));
}

// Serves the host page on the server's own origin, so the session cookie applies to its requests.
// Like the web app, it answers every web app route (/plug/...) with the same page.
export async function serveHostPage(context: BrowserContext, env: RigEnvironment): Promise<void> {
    const origin = new URL(env.url).origin;
    const files = new Map([
        [`${hostPagePath}/host-globals.js`, fileOf('../../../dist-test/host-globals.js')],
        [`${hostPagePath}/host.js`, fileOf('../../../dist-test/host.js')],
    ]);
    await context.route((url) => url.origin === origin && files.has(url.pathname), (route) => {
        return route.fulfill({path: files.get(new URL(route.request().url()).pathname)});
    });
    await context.route(
        (url) => url.origin === origin && (url.pathname === hostPagePath || url.pathname.startsWith('/plug/')),
        (route) => route.fulfill({path: fileOf('../host/host.html')}),
    );
}

// The host page reports on <body data-host-status> once the plugin has registered, or why it could not.
export async function waitForHostReady(page: Page, pageErrors: string[]): Promise<void> {
    const status = page.locator('body[data-host-status]');
    await status.waitFor();
    const value = await status.getAttribute('data-host-status');
    if (value !== 'ready') {
        throw new Error(`The host page did not load the plugin: ${value}\n${pageErrors.join('\n')}`);
    }
}
