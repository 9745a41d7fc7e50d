import {describe, expect, it, vi} from 'vitest';

import type {FetchFunction} from '../src/client';
import {jsonResponse} from '../tests/unit/fixtures';

import {csrfTokenFromCookies, isLocalPath, signIn, signInTarget} from './session';

describe('signInTarget', () => {
    it('follows a redirect_to that is a path on this site', () => {
        expect(signInTarget('?redirect_to=%2Fplug%2Fconnect-chat%2Fworkspace')).toBe('/plug/connect-chat/workspace');
        expect(signInTarget('?redirect_to=%2F')).toBe('/');
    });

    it('goes to the site root without a redirect_to, or with one that leaves the site', () => {
        expect(signInTarget('')).toBe('/');
        expect(signInTarget('?redirect_to=')).toBe('/');
        expect(signInTarget('?redirect_to=%2F%2Fevil.example%2Fpath')).toBe('/');
        expect(signInTarget('?redirect_to=https%3A%2F%2Fevil.example%2F')).toBe('/');
        expect(signInTarget('?redirect_to=plug%2Fconnect-chat')).toBe('/');
    });
});

describe('isLocalPath', () => {
    it('accepts one leading slash only', () => {
        expect(isLocalPath('/')).toBe(true);
        expect(isLocalPath('/channels/town-square')).toBe(true);
        expect(isLocalPath('//evil.example')).toBe(false);
        expect(isLocalPath('javascript:alert(1)')).toBe(false);
    });
});

describe('csrfTokenFromCookies', () => {
    it('reads the MMCSRF cookie among others', () => {
        expect(csrfTokenFromCookies('MMUSERID=u1; MMCSRF=token-1; other=x')).toBe('token-1');
        expect(csrfTokenFromCookies('MMUSERID=u1')).toBeUndefined();
    });
});

describe('signIn', () => {
    const credentials = {loginId: 'alice', password: 'secret'};

    it('posts the login id and password the way the web app does', async () => {
        const fetchFunction = vi.fn<FetchFunction>(() => Promise.resolve(jsonResponse(200, {id: 'user-alice'})));

        const result = await signIn('https://chat.example.com', credentials, fetchFunction);

        expect(result).toEqual({ok: true});
        const [url, init] = fetchFunction.mock.calls[0];
        expect(url).toBe('https://chat.example.com/api/v4/users/login');
        expect(init.method).toBe('POST');
        expect(init.credentials).toBe('include');
        expect(new Headers(init.headers).get('X-Requested-With')).toBe('XMLHttpRequest');
        expect(JSON.parse(init.body as string)).toEqual({login_id: 'alice', password: 'secret'});
    });

    it('reports the server\'s message when the login is refused', async () => {
        const body = {id: 'api.user.login.invalid_credentials_email_username', message: 'Enter a valid email or username and/or password.', status_code: 401};

        const result = await signIn('https://chat.example.com', credentials, () => Promise.resolve(jsonResponse(401, body)));

        expect(result).toEqual({ok: false, message: 'Enter a valid email or username and/or password.'});
    });

    it('reports the status when the answer carries no message', async () => {
        const result = await signIn('https://chat.example.com', credentials, () => Promise.resolve(new Response('Bad gateway', {status: 502})));

        expect(result).toEqual({ok: false, message: 'The server answered status 502.'});
    });

    it('reports a request that got no answer', async () => {
        const result = await signIn('https://chat.example.com', credentials, () => Promise.reject(new TypeError('Failed to fetch')));

        expect(result).toEqual({ok: false, message: 'Could not reach the server: Failed to fetch'});
    });
});
