import {afterEach, expect, it} from 'vitest';

import {hostState} from '../../tests/unit/fixtures';

import {selectSiteURL, siteURLFromWindow} from './site_url';

afterEach(() => {
    delete window.basename;
});

it('uses the configured Site URL without a trailing slash', () => {
    expect(selectSiteURL(hostState({siteURL: 'https://chat.example.com/'}))).toBe('https://chat.example.com');
});

it('falls back to the page origin and the web app\'s subpath', () => {
    window.basename = '/chat';

    expect(selectSiteURL(hostState({siteURL: ''}))).toBe(`${window.location.origin}/chat`);
});

it('builds the fallback like the web app does', () => {
    expect(siteURLFromWindow({origin: 'https://chat.example.com'}, undefined)).toBe('https://chat.example.com');
    expect(siteURLFromWindow({origin: 'https://chat.example.com'}, '/sub/')).toBe('https://chat.example.com/sub');
});
