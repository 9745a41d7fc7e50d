import type {UserProfile} from '../../../src/types/user';

import type {RigEnvironment} from './environment';

export interface Session {
    token: string;
    csrfToken: string | undefined;
    user: UserProfile;
}

async function failure(what: string, response: Response): Promise<Error> {
    return new Error(`${what} answered ${response.status}: ${await response.text()}`);
}

function cookieValue(response: Response, name: string): string | undefined {
    const prefix = `${name}=`;
    const cookie = response.headers.getSetCookie().find((header) => header.startsWith(prefix));
    return cookie?.slice(prefix.length).split(';')[0];
}

function postLogin(env: RigEnvironment, loginId: string, password: string): Promise<Response> {
    return fetch(`${env.url}/api/v4/users/login`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest'},
        body: JSON.stringify({login_id: loginId, password}),
    });
}

// Logs in over REST, as the web app's login page does.
export async function logIn(env: RigEnvironment, username: string): Promise<Session> {
    const response = await postLogin(env, username, env.password);
    if (!response.ok) {
        throw await failure(`POST /api/v4/users/login as ${username}`, response);
    }
    const token = response.headers.get('Token');
    if (!token) {
        throw new Error(`POST /api/v4/users/login as ${username} answered no Token header.`);
    }
    await response.body?.cancel();
    return {token, csrfToken: cookieValue(response, 'MMCSRF'), user: await currentUser(env, token)};
}

export async function currentUser(env: RigEnvironment, token: string): Promise<UserProfile> {
    const response = await fetch(`${env.url}/api/v4/users/me`, {headers: {Authorization: `Bearer ${token}`}});
    if (!response.ok) {
        throw await failure('GET /api/v4/users/me', response);
    }
    return await response.json() as UserProfile;
}

// The message the server gives for a refused login, which a sign-in page should show.
export async function loginFailureMessage(env: RigEnvironment, loginId: string, password: string): Promise<string> {
    const response = await postLogin(env, loginId, password);
    if (response.ok) {
        throw new Error(`POST /api/v4/users/login as ${loginId} succeeded; expected a refusal.`);
    }
    const body = await response.json() as {message?: string};
    return body.message ?? '';
}
