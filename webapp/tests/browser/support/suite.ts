// The one browser setup every spec uses: the rig's server, Chromium, signed-in people, and each
// test's browsers closed after it with their page errors asserted.
import {afterAll, afterEach, beforeAll, expect} from 'vitest';

import {HostBrowsers} from './browser';
import {rigEnvironment, type RigEnvironment} from './environment';
import {logIn, type Session} from './mattermost';

// The rig's demo people (build/rig/users.go): admin, three staff, a customer.
export type Person = 'admin' | 'alice' | 'bob' | 'carol' | 'dave';

export interface SuiteOptions {
    // The people the spec uses, signed in over REST before its tests.
    signedIn?: Person[];
    // Whether a test fails on its pages' errors; a spec that checks the host, not the plugin, may ignore them.
    pageErrors?: 'asserted' | 'ignored';
}

export type BrowserSuite = {env: RigEnvironment; browsers: HostBrowsers} & Record<Person, Session>;

function usernameOf(env: RigEnvironment, person: Person): string {
    const usernames: Record<Person, string | undefined> = {
        admin: env.admin, alice: env.staff[0], bob: env.staff[1], carol: env.staff[2], dave: env.customers[0],
    };
    const username = usernames[person];
    if (!username) {
        throw new Error(`The rig has no user for ${person}.`);
    }
    return username;
}

// Registers the hooks in the calling describe. Sessions are handed out empty and filled in before
// the tests, so a spec can destructure them where it declares its tests.
export function useBrowserSuite({signedIn = [], pageErrors = 'asserted'}: SuiteOptions = {}): BrowserSuite {
    const env = rigEnvironment();
    const browsers = new HostBrowsers(env);
    const sessions = Object.fromEntries(signedIn.map((person) => [person, {} as Session])) as Record<Person, Session>;

    beforeAll(async () => {
        await browsers.launch();
        await Promise.all(signedIn.map(async (person) => Object.assign(sessions[person], await logIn(env, usernameOf(env, person)))));
    });
    afterEach(async () => {
        const errors = await browsers.closeAll();
        if (pageErrors === 'asserted') {
            expect(errors).toEqual([]);
        }
    });
    afterAll(async () => {
        await browsers.close();
    });
    return {env, browsers, ...sessions};
}
