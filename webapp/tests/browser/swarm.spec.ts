import {describe, expect, it} from 'vitest';

import type {FollowList} from '../../src/types/follow';
import type {UserProfile} from '../../src/types/user';

import {callAs, nonce, postAs, startConversationAs} from './support/connect';
import type {RigEnvironment} from './support/environment';
import type {Session} from './support/mattermost';
import {useBrowserSuite} from './support/suite';
import {messageWith, openWindow, windowOf} from './support/ui';

const connectAPI = '/plugins/connect-chat/api/v1';

// The stand-in's swarm sample (build/servicenow/groups.go): an incident assigned to Nina Patel
// whose assignment group holds two staff, a customer, someone with no Mattermost account and
// someone deactivated in Mattermost. This spec makes their Mattermost side.
const record = {number: 'INC0010003', shortDescription: 'Payroll portal unreachable for all staff'};
const recordConversation = `${record.number} · ${record.shortDescription}`;
const cast = {
    nina: {username: 'nina.patel', first: 'Nina', last: 'Patel', email: 'nina.patel@connect.example.com', staff: true},
    omar: {username: 'omar.haddad', first: 'Omar', last: 'Haddad', email: 'omar.haddad@connect.example.com', staff: true},
    pia: {username: 'pia.larsen', first: 'Pia', last: 'Larsen', email: 'pia.larsen@connect.example.com', staff: true},
    rosa: {username: 'rosa.quintero', first: 'Rosa', last: 'Quintero', email: 'rosa.quintero@customer.example.com', staff: false},
    tess: {username: 'tess.ward', first: 'Tess', last: 'Ward', email: 'tess.ward@connect.example.com', staff: true},
};
type CastMember = typeof cast.nina;

async function teamIdOf(env: RigEnvironment, admin: Session, name: string): Promise<string> {
    return (await callAs<{id: string}>(env, admin, 'GET', `/api/v4/teams/name/${name}`)).id;
}

// The Mattermost account with the person's address, made (its address vouched for by the admin)
// when there is none yet.
async function accountOf(env: RigEnvironment, admin: Session, person: CastMember): Promise<UserProfile> {
    try {
        return await callAs<UserProfile>(env, admin, 'GET', `/api/v4/users/email/${encodeURIComponent(person.email)}`);
    } catch {
        const user = await callAs<UserProfile>(env, admin, 'POST', '/api/v4/users', {
            username: person.username, email: person.email, email_verified: true, password: env.password,
            first_name: person.first, last_name: person.last,
        });
        for (const team of person.staff ? ['itil', env.team] : [env.team]) {
            const teamId = await teamIdOf(env, admin, team);
            await callAs(env, admin, 'POST', `/api/v4/teams/${teamId}/members`, {team_id: teamId, user_id: user.id});
        }
        return user;
    }
}

// Issue 24 item 1: bringing in a record's people from its card in Connect, choosing who.
describe('bringing in the team', () => {
    const {env, browsers, admin, alice, bob} = useBrowserSuite({signedIn: ['admin', 'alice', 'bob']});

    it('brings in the ticked people from a card and opens the record conversation with them in it', async () => {
        const nina = await accountOf(env, admin, cast.nina);
        const omar = await accountOf(env, admin, cast.omar);
        const pia = await accountOf(env, admin, cast.pia);
        const rosa = await accountOf(env, admin, cast.rosa);
        const tess = await accountOf(env, admin, cast.tess);
        await callAs(env, admin, 'DELETE', `/api/v4/users/${tess.id}`);

        const direct = await startConversationAs(env, alice, [bob.user.id]);
        const tag = nonce();
        await postAs(env, bob, direct.id, `Can we swarm on ${record.number}? ${tag}`);
        const page = await browsers.openAs(alice);
        const window = await openWindow(page, 'Bob Baker');
        const card = messageWith(window, tag).getByTestId('attachment-card');
        await expect.poll(() => card.textContent(), {timeout: 15_000}).toContain(record.shortDescription);

        await card.getByRole('button', {name: `Bring in the team of ${record.number}`}).click();
        const dialog = page.getByRole('dialog', {name: `Bring in the team of ${record.number}`});
        const box = (name: string) => dialog.getByRole('checkbox', {name: new RegExp(name)});
        await box('@nina.patel').waitFor();
        expect(await box('@nina.patel').isChecked()).toBe(true);
        expect(await box('@omar.haddad').isChecked()).toBe(true);
        expect(await box('@pia.larsen').isChecked()).toBe(true);
        expect(await box('@rosa.quintero').isDisabled()).toBe(true);
        expect(await box('@tess.ward').isDisabled()).toBe(true);
        expect(await dialog.textContent()).toContain('not staff');
        expect(await dialog.textContent()).toContain('deactivated');
        expect(await dialog.textContent()).toContain('Sam Okafor');
        expect(await dialog.textContent()).toContain('no Mattermost account');

        await box('@pia.larsen').uncheck();
        await dialog.getByRole('button', {name: 'Bring in', exact: true}).click();
        await dialog.waitFor({state: 'detached'});
        await windowOf(page, recordConversation).waitFor({timeout: 10_000});

        const {follows} = await callAs<FollowList>(env, alice, 'GET', `${connectAPI}/follows`);
        const followed = follows.find((f) => f.number === record.number);
        expect(followed?.conversation_id).toBeTruthy();
        const members = await callAs<Array<{user_id: string}>>(env, alice, 'GET', `/api/v4/channels/${followed?.conversation_id}/members`);
        const ids = members.map((m) => m.user_id);
        expect(ids).toEqual(expect.arrayContaining([alice.user.id, nina.id, omar.id]));
        expect(ids).not.toContain(pia.id);
        expect(ids).not.toContain(rosa.id);
        expect(ids).not.toContain(tess.id);
    });
});
