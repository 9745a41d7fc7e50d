import {afterEach, expect, it} from 'vitest';

import {hostSiteURL, siteURLFromWindow, siteURLOfPluginPage} from './site_url';

afterEach(() => {
    delete window.basename;
});

it('is the page origin plus the web app\'s subpath, whatever Site URL is configured', () => {
    window.basename = '/chat';

    expect(hostSiteURL()).toBe(`${window.location.origin}/chat`);
});

it('builds the address like the web app does', () => {
    expect(siteURLFromWindow({origin: 'https://chat.example.com'}, undefined)).toBe('https://chat.example.com');
    expect(siteURLFromWindow({origin: 'https://chat.example.com'}, '/sub/')).toBe('https://chat.example.com/sub');
});

it('finds the subpath of a page the plugin serves in the page\'s own path', () => {
    expect(siteURLOfPluginPage({origin: 'http://10.0.0.5:8065', pathname: '/plugins/connect-chat/workspace'}, 'connect-chat')).toBe('http://10.0.0.5:8065');
    expect(siteURLOfPluginPage({origin: 'https://example.com', pathname: '/chat/plugins/connect-chat/workspace'}, 'connect-chat')).toBe('https://example.com/chat');
});
