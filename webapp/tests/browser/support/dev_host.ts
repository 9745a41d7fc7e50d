import type {Locator, Page} from 'playwright-core';

// The dev host reports on <body data-host-status>: "signed-out" once the plugins are initialized on
// the login page, "ready" once a signed-in page (a team's channel view or plugin route) is up, or why
// it could not start ("error: ..."); "loading" until then. <body data-host-plugins> lists the
// plugins whose initialize ran; <body data-host-socket> is "connected" once the websocket said hello.
export async function waitForHostStatus(page: Page, expected: 'ready' | 'signed-out', pageErrors: string[]): Promise<void> {
    const status = page.locator('body[data-host-status]:not([data-host-status="loading"])');
    await status.waitFor();
    const value = await status.getAttribute('data-host-status');
    if (value !== expected) {
        throw new Error(`The dev host page is "${value}", expected "${expected}".\n${pageErrors.join('\n')}`);
    }
}

// A plugin's app bar item, as the web app renders it: a role=button holding the icon, whose alt
// text (and so the button's name) is the plugin id.
export const appBarItemOf = (page: Page, pluginId = 'connect-chat'): Locator => page.locator(`#app-bar-icon-${pluginId}`).getByRole('button', {name: pluginId});

// The channel header's plugin buttons, named by their tooltip text.
export const channelHeaderOf = (page: Page): Locator => page.locator('#channel-header');
