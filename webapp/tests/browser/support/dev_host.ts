import type {Page} from 'playwright-core';

// The dev host reports on <body data-host-status> once the plugin has registered ("ready"), once it
// shows the sign-in form ("signed-out"), or why it could not do either ("error: ...").
export async function waitForHostStatus(page: Page, expected: 'ready' | 'signed-out', pageErrors: string[]): Promise<void> {
    const status = page.locator('body[data-host-status]');
    await status.waitFor();
    const value = await status.getAttribute('data-host-status');
    if (value !== expected) {
        throw new Error(`The dev host page is "${value}", expected "${expected}".\n${pageErrors.join('\n')}`);
    }
}
