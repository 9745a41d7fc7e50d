// Signing in and out of the dev host, the way the Mattermost web app's login page does it.
import {ClientError, ConnectClient, csrfTokenFromCookies, type FetchFunction} from '../src/client';
import {errorMessage} from '../src/error_message';
import type {UserProfile} from '../src/types/user';

export type SignInResult = {ok: true} | {ok: false; message: string};

const browserFetch: FetchFunction = (input, init) => fetch(input, init);

// Mattermost's login page follows redirect_to only when it is a path on this site: one leading
// slash, so neither "//evil.example" nor "https://evil.example" leaves the site.
export function isLocalPath(path: string): boolean {
    return /^\/([^/]|$)/.test(path);
}

// Where a successful sign-in goes, given the page's query string.
export function signInTarget(search: string): string {
    const redirectTo = new URLSearchParams(search).get('redirect_to');
    return redirectTo && isLocalPath(redirectTo) ? redirectTo : '/';
}

export {csrfTokenFromCookies};

// Mattermost's REST API explains a failure in the "message" of its JSON answer.
export async function serverErrorMessage(response: Response): Promise<string> {
    const fallback = `The server answered status ${response.status}.`;
    try {
        const body = await response.json() as {message?: unknown};
        return typeof body.message === 'string' && body.message ? body.message : fallback;
    } catch {
        return fallback;
    }
}

// On success the server answers with the session cookies, which the browser keeps.
export async function signIn(
    siteURL: string,
    credentials: {loginId: string; password: string},
    fetchFunction: FetchFunction = browserFetch,
): Promise<SignInResult> {
    let response: Response;
    try {
        response = await fetchFunction(`${siteURL}/api/v4/users/login`, {
            method: 'POST',
            credentials: 'include',
            headers: {'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest'},
            body: JSON.stringify({login_id: credentials.loginId, password: credentials.password}),
        });
    } catch (cause) {
        return {ok: false, message: `Could not reach the server: ${errorMessage(cause)}`};
    }
    if (!response.ok) {
        return {ok: false, message: await serverErrorMessage(response)};
    }
    await response.body?.cancel();
    return {ok: true};
}

export async function signOut(siteURL: string, fetchFunction: FetchFunction = browserFetch): Promise<void> {
    const headers: Record<string, string> = {'X-Requested-With': 'XMLHttpRequest'};
    const csrfToken = csrfTokenFromCookies(document.cookie);
    if (csrfToken) {
        headers['X-CSRF-Token'] = csrfToken;
    }
    const response = await fetchFunction(`${siteURL}/api/v4/users/logout`, {method: 'POST', credentials: 'include', headers});
    if (!response.ok) {
        throw new Error(`Sign-out failed: ${await serverErrorMessage(response)}`);
    }
}

// The session's user, or null when nobody is signed in.
export async function fetchSignedInUser(siteURL: string): Promise<UserProfile | null> {
    try {
        return await new ConnectClient(siteURL).getCurrentUser();
    } catch (error) {
        if (error instanceof ClientError && error.isUnauthorized) {
            return null;
        }
        throw error;
    }
}
