import {act, fireEvent, screen, waitFor, within} from '@testing-library/react';
import React from 'react';
import {describe, expect, it, vi} from 'vitest';

import {bob, carol, connectStore, me, directConversation, groupConversation, post, renderWithConnect, staffPerson, stateOf} from '../../../tests/unit/connect_fixtures';
import {ClientError} from '../../client';
import {conversationReceived, conversationsLoaded, dockCapacityChanged, windowFocused, windowOpened, windowsRestored} from '../../state/actions';
import type {Conversation} from '../../types/connect';
import type {Post} from '../../types/mattermost';

import {MiniWindowDock} from './MiniWindowDock';

function renderDock(conversations: Conversation[], posts: Post[] = [], open = conversations.map((conversation) => conversation.id)) {
    const store = connectStore();
    store.dispatch(conversationsLoaded({conversations, total_unread: 0, total_mentions: 0}));
    store.dispatch(dockCapacityChanged(5));
    const rendered = renderWithConnect(<MiniWindowDock/>, {store});
    rendered.client.getPosts.mockImplementation((channelId) => Promise.resolve({posts: posts.filter((candidate) => candidate.channel_id === channelId), reachedStart: true}));
    rendered.client.viewChannel.mockResolvedValue(undefined);
    act(() => {
        for (const id of open) {
            store.dispatch(windowOpened(id));
        }
    });
    return rendered;
}

const windowNamed = (name: string) => screen.getByRole('region', {name});

// The less used window buttons are in its "More actions" menu.
function chooseAction(name: string, container: HTMLElement = document.body) {
    fireEvent.click(within(container).getByRole('button', {name: 'More actions'}));
    fireEvent.click(within(container).getByRole('menuitem', {name}));
}

describe('a mini window', () => {
    it('shows the conversation: author, time and text of each message', async () => {
        renderDock([directConversation()], [post({message: 'Is the mail server down?\nUsers report errors.', create_at: new Date(2024, 0, 2, 9, 30).getTime()})]);

        const log = await screen.findByRole('log', {name: 'Messages in Bob Baker'});
        const message = await within(log).findByTestId('message');
        expect(message).toHaveTextContent('Bob Baker');
        expect(message.querySelector('time')).toHaveAttribute('dateTime', new Date(2024, 0, 2, 9, 30).toISOString());
        expect(within(message).getByText(/Is the mail server down\?/).textContent).toBe('Is the mail server down?\nUsers report errors.');
        expect(log).toHaveAttribute('aria-live', 'polite');
    });

    it('shows message text as text, never as HTML', async () => {
        renderDock([directConversation()], [post({message: '<img src=x onerror="alert(1)"><b>bold</b>'})]);

        const message = await screen.findByTestId('message');
        expect(message.querySelector('img, b')).toBeNull();
        expect(message).toHaveTextContent('<img src=x onerror="alert(1)"><b>bold</b>');
    });

    it('shows attachments as cards and files as links', async () => {
        const card = {
            color: '#d24b4e',
            title: 'INC0010001: Email is down',
            title_link: 'https://example.service-now.com/incident.do?sys_id=1',
            text: 'Users cannot send mail\\.',
            fields: [{title: 'State', value: 'In Progress', short: true}, {title: 'Priority', value: '1 \\- Critical', short: true}],
            footer: 'ServiceNow · Incident',
        };
        const sneaky = {title: 'Click me', title_link: 'javascript:alert(1)', text: '<script>alert(1)</script>'};
        renderDock([directConversation()], [post({message: 'INC0010001', props: {attachments: [card, sneaky]}, file_ids: ['f1'], metadata: {files: [{id: 'f1', name: 'error.log'}]}})]);

        const cards = await screen.findAllByTestId('attachment-card');
        const link = within(cards[0]).getByRole('link', {name: 'INC0010001: Email is down'});
        expect(link).toHaveAttribute('href', card.title_link);
        expect(link).toHaveAttribute('target', '_blank');
        expect(link).toHaveAttribute('rel', 'noopener noreferrer');
        expect(cards[0]).toHaveTextContent('Users cannot send mail.');
        expect(cards[0]).toHaveTextContent('Priority1 - Critical');
        expect(cards[0]).toHaveTextContent('ServiceNow · Incident');
        expect(within(cards[1]).queryByRole('link')).toBeNull();
        expect(cards[1].querySelector('script')).toBeNull();
        expect(screen.getByRole('link', {name: 'error.log'})).toHaveAttribute('href', 'https://chat.example.com/api/v4/files/f1?download=1');
    });

    it('asks the server to refresh Connect cards it shows, and only those', async () => {
        const connectCard = post({id: 'with-cards', message: 'INC0010001', props: {attachments: [{title: 'INC0010001'}], connect_records: [{table: 'incident', number: 'INC0010001', status: 'found'}]}});
        const foreignCard = post({id: 'webhook', message: 'alert', props: {attachments: [{title: 'Monitoring'}]}});
        const {client} = renderDock([directConversation()], [connectCard, foreignCard]);
        await screen.findAllByTestId('attachment-card');
        expect(client.refreshCards).toHaveBeenCalledTimes(1);
        expect(client.refreshCards).toHaveBeenCalledWith('with-cards');
    });

    it('has collapse and close in its header, the rest in a menu: add people and members for groups, the bell, New Window', () => {
        const openWindow = vi.spyOn(window, 'open').mockReturnValue(null);
        const {store} = renderDock([groupConversation()]);
        const groupWindow = windowNamed('Bob Baker, Carol Chen');

        fireEvent.click(within(groupWindow).getByRole('button', {name: 'More actions'}));
        const menu = within(groupWindow).getByRole('menu', {name: 'More actions'});
        expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['Add people', 'Members', 'Notification preferences', 'New Window']);
        expect(within(menu).getByRole('menuitem', {name: 'Add people'})).toHaveFocus();
        expect(within(menu).getByRole('menuitem', {name: 'Notification preferences'})).not.toHaveAttribute('aria-disabled');
        fireEvent.keyDown(menu, {key: 'Escape'});
        expect(within(groupWindow).queryByRole('menu')).toBeNull();
        expect(within(groupWindow).getByRole('button', {name: 'More actions'})).toHaveFocus();

        chooseAction('New Window', groupWindow);
        expect(openWindow).toHaveBeenCalledWith('https://chat.example.com/plugins/connect-chat/workspace?conversation=group-1', '_blank', 'noopener');

        fireEvent.click(within(groupWindow).getByRole('button', {name: 'Collapse'}));
        expect(stateOf(store).miniWindows.windows).toEqual([{id: 'group-1', collapsed: true}]);
        expect(within(groupWindow).queryByRole('log')).toBeNull();
        fireEvent.click(within(groupWindow).getByRole('button', {name: 'Expand'}));
        expect(stateOf(store).miniWindows.windows).toEqual([{id: 'group-1', collapsed: false}]);

        fireEvent.click(within(groupWindow).getByRole('button', {name: 'Close'}));
        expect(stateOf(store).miniWindows.windows).toEqual([]);
    });

    it('offers no "Add people" for a direct conversation', () => {
        renderDock([directConversation()]);

        fireEvent.click(within(windowNamed('Bob Baker')).getByRole('button', {name: 'More actions'}));
        expect(within(windowNamed('Bob Baker')).queryByRole('menuitem', {name: 'Add people'})).toBeNull();
    });

    it('takes focus when opened, and Escape closes the focused window, handing focus on', async () => {
        const {store} = renderDock([directConversation(), groupConversation()]);

        const groupComposer = screen.getByRole('textbox', {name: 'Write to Bob Baker, Carol Chen'});
        await waitFor(() => expect(groupComposer).toHaveFocus());

        fireEvent.keyDown(groupComposer, {key: 'Escape'});

        expect(stateOf(store).miniWindows.windows.map((window) => window.id)).toEqual(['dm-bob']);
        await waitFor(() => expect(screen.getByRole('textbox', {name: 'Write to Bob Baker'})).toHaveFocus());
    });

    it('gives focus back to what opened it when it closes', async () => {
        const {store} = renderDock([directConversation(), groupConversation()], [], ['dm-bob']);
        const opener = document.createElement('button');
        document.body.appendChild(opener);
        opener.focus();

        act(() => {
            store.dispatch(windowOpened('group-1'));
        });
        const groupComposer = screen.getByRole('textbox', {name: 'Write to Bob Baker, Carol Chen'});
        await waitFor(() => expect(groupComposer).toHaveFocus());
        fireEvent.keyDown(groupComposer, {key: 'Escape'});

        expect(stateOf(store).miniWindows.windows.map((window) => window.id)).toEqual(['dm-bob']);
        await waitFor(() => expect(opener).toHaveFocus());
        expect(stateOf(store).miniWindows.focusedId).toBeNull();
        opener.remove();
    });

    it('gives focus to the conversation\'s sidebar row when what opened it is gone', async () => {
        const {store} = renderDock([directConversation(), groupConversation()], [], ['dm-bob']);
        const filterResult = document.createElement('button');
        document.body.appendChild(filterResult);
        filterResult.focus();
        const sidebar = document.createElement('section');
        sidebar.className = 'cc-sidebar';
        sidebar.innerHTML = '<ul><li data-conversation-row-id="dm-bob"><button class="cc-row-main">Bob</button></li><li data-conversation-row-id="group-1"><button class="cc-row-main">Group</button></li></ul>';
        document.body.appendChild(sidebar);

        act(() => {
            store.dispatch(windowOpened('group-1'));
        });
        const groupComposer = screen.getByRole('textbox', {name: 'Write to Bob Baker, Carol Chen'});
        await waitFor(() => expect(groupComposer).toHaveFocus());
        filterResult.remove();
        fireEvent.keyDown(groupComposer, {key: 'Escape'});

        await waitFor(() => expect(within(sidebar).getByRole('button', {name: 'Group'})).toHaveFocus());
        sidebar.remove();
    });

    it('takes focus again when its conversation is chosen again', async () => {
        const {store} = renderDock([directConversation()]);
        const composer = screen.getByRole('textbox', {name: 'Write to Bob Baker'});
        await waitFor(() => expect(composer).toHaveFocus());
        const elsewhere = document.createElement('button');
        document.body.appendChild(elsewhere);
        elsewhere.focus();

        act(() => {
            store.dispatch(windowOpened('dm-bob'));
        });

        await waitFor(() => expect(composer).toHaveFocus());
        elsewhere.remove();
    });

    it('sends with Enter and makes a new line with Shift+Enter', async () => {
        const {client} = renderDock([directConversation()]);
        client.createPost.mockImplementation((newPost) => Promise.resolve(post({...newPost, user_id: 'user-alice'})));
        const composer = screen.getByRole('textbox', {name: 'Write to Bob Baker'});

        fireEvent.change(composer, {target: {value: 'First line'}});
        fireEvent.keyDown(composer, {key: 'Enter', shiftKey: true});
        expect(client.createPost).not.toHaveBeenCalled();
        fireEvent.change(composer, {target: {value: 'First line\nSecond line'}});
        fireEvent.keyDown(composer, {key: 'Enter'});

        await waitFor(() => expect(composer).toHaveValue(''));
        expect(client.createPost).toHaveBeenCalledWith({channel_id: 'dm-bob', message: 'First line\nSecond line'});
        expect(await screen.findByText(/First line/)).toBeInTheDocument();
    });

    it('keeps a refused message in the field and says why', async () => {
        const {client} = renderDock([directConversation({id: 'dm-dave', name: 'Dave Dawson'})]);
        client.createPost.mockRejectedValue(new ClientError(400, '@dave is not ITIL staff: Connect conversations are for staff only.', 'url'));
        const composer = screen.getByRole('textbox', {name: 'Write to Dave Dawson'});

        fireEvent.change(composer, {target: {value: 'Hello Dave'}});
        fireEvent.keyDown(composer, {key: 'Enter'});

        expect(await screen.findByRole('alert')).toHaveTextContent('@dave is not ITIL staff: Connect conversations are for staff only.');
        expect(composer).toHaveValue('Hello Dave');
    });

    it('keeps attached files in the field until sent, then uploads and posts them', async () => {
        const {client} = renderDock([directConversation()]);
        client.uploadFiles.mockResolvedValue([{id: 'f1', name: 'report.pdf'}]);
        client.createPost.mockImplementation((newPost) => Promise.resolve(post(newPost)));
        const file = new File(['%PDF'], 'report.pdf', {type: 'application/pdf'});

        fireEvent.change(screen.getByTestId('attach-input'), {target: {files: [file]}});

        expect(screen.getByRole('button', {name: 'Remove report.pdf'})).toBeInTheDocument();
        expect(client.uploadFiles).not.toHaveBeenCalled();
        fireEvent.keyDown(screen.getByRole('textbox', {name: 'Write to Bob Baker'}), {key: 'Enter'});

        await waitFor(() => expect(client.createPost).toHaveBeenCalledWith({channel_id: 'dm-bob', message: '', file_ids: ['f1']}));
        expect(client.uploadFiles).toHaveBeenCalledWith('dm-bob', [file]);
    });

    describe('dropping onto it', () => {
        function drop(target: HTMLElement, data: Record<string, string>, files: File[] = []) {
            const types = [...Object.keys(data), ...(files.length ? ['Files'] : [])];
            const dataTransfer = {types, files, getData: (type: string) => data[type] ?? '', dropEffect: 'none'};
            fireEvent.dragEnter(target, {dataTransfer});
            fireEvent.dragOver(target, {dataTransfer});
            fireEvent.drop(target, {dataTransfer});
        }

        it('posts a ticket number at once, for the server to make a record card', async () => {
            const {client} = renderDock([directConversation()]);
            client.createPost.mockImplementation((newPost) => Promise.resolve(post(newPost)));

            drop(windowNamed('Bob Baker'), {'text/plain': ' INC0010001 '});

            await waitFor(() => expect(client.createPost).toHaveBeenCalledWith({channel_id: 'dm-bob', message: 'INC0010001'}));
        });

        it('posts a dropped link', async () => {
            const {client} = renderDock([directConversation()]);
            client.createPost.mockImplementation((newPost) => Promise.resolve(post(newPost)));
            const link = 'https://example.service-now.com/nav_to.do?uri=incident.do?sys_id=abc';

            drop(windowNamed('Bob Baker'), {'text/uri-list': `# from a list view\n${link}`, 'text/plain': 'INC0010001 Email down'});

            await waitFor(() => expect(client.createPost).toHaveBeenCalledWith({channel_id: 'dm-bob', message: link}));
        });

        it('puts other text into the field', () => {
            const {client} = renderDock([directConversation()]);
            const composer = screen.getByRole('textbox', {name: 'Write to Bob Baker'});
            fireEvent.change(composer, {target: {value: 'Look:'}});

            drop(windowNamed('Bob Baker'), {'text/plain': 'the printer on floor 3'});

            expect(composer).toHaveValue('Look: the printer on floor 3');
            expect(client.createPost).not.toHaveBeenCalled();
        });

        it('puts dropped files into the field, to go with the message', async () => {
            const {client} = renderDock([directConversation()]);
            client.uploadFiles.mockResolvedValue([{id: 'f1', name: 'screen.png'}]);
            client.createPost.mockImplementation((newPost) => Promise.resolve(post(newPost)));
            const file = new File(['png'], 'screen.png', {type: 'image/png'});

            drop(windowNamed('Bob Baker'), {}, [file]);

            expect(screen.getByRole('button', {name: 'Remove screen.png'})).toBeInTheDocument();
            expect(client.uploadFiles).not.toHaveBeenCalled();
            const composer = screen.getByRole('textbox', {name: 'Write to Bob Baker'});
            fireEvent.change(composer, {target: {value: 'The error'}});
            fireEvent.keyDown(composer, {key: 'Enter'});

            await waitFor(() => expect(client.createPost).toHaveBeenCalledWith({channel_id: 'dm-bob', message: 'The error', file_ids: ['f1']}));
        });
    });

    it('marks the conversation read while it has focus and shows the newest message', async () => {
        const {client, store} = renderDock([directConversation()], [], []);
        act(() => {
            store.dispatch(windowOpened('dm-bob'));
        });
        act(() => {
            store.dispatch(conversationReceived(directConversation({unread_count: 1})));
        });

        await waitFor(() => expect(client.viewChannel).toHaveBeenCalledWith('dm-bob'));
        await waitFor(() => expect(stateOf(store).totals.unread).toBe(0));
    });

    it('leaves a conversation unread while its window does not have focus', async () => {
        const {client, store} = renderDock([directConversation()]);
        act(() => {
            store.dispatch(windowFocused(null));
            store.dispatch(conversationReceived(directConversation({unread_count: 1})));
        });

        await screen.findByRole('log');
        expect(client.viewChannel).not.toHaveBeenCalled();
        expect(stateOf(store).totals.unread).toBe(1);
    });

    it('adds people to a group: they see its history', async () => {
        const {client} = renderDock([groupConversation({members: [groupConversation().members[0], bob]})]);
        client.searchStaff.mockResolvedValue({people: [staffPerson(carol)], has_more: false});
        client.addMembers.mockResolvedValue(groupConversation());

        chooseAction('Add people');
        fireEvent.change(screen.getByRole('combobox'), {target: {value: 'car'}});
        fireEvent.click(await screen.findByRole('option', {name: /Carol Chen/}));
        fireEvent.click(screen.getByRole('button', {name: 'Add'}));

        await waitFor(() => expect(client.addMembers).toHaveBeenCalledWith('group-1', [carol.id]));
        await waitFor(() => expect(screen.queryByRole('region', {name: 'Add people'})).toBeNull());
    });

    describe('renaming a group (F-03)', () => {
        it('turns the name into a field: Enter saves, and the window takes the answered name', async () => {
            const {client, store} = renderDock([groupConversation()]);
            client.renameConversation.mockResolvedValue(groupConversation({name: 'Mail outage', custom_name: true}));

            fireEvent.click(screen.getByRole('button', {name: /^Rename group/}));
            const field = screen.getByRole('textbox', {name: 'Group name'});
            expect(field).toHaveValue('Bob Baker, Carol Chen');
            expect(field).toHaveAttribute('maxLength', '64');
            await waitFor(() => expect(field).toHaveFocus());
            fireEvent.change(field, {target: {value: '  Mail outage '}});
            fireEvent.keyDown(field, {key: 'Enter'});

            await waitFor(() => expect(windowNamed('Mail outage')).toBeInTheDocument());
            expect(client.renameConversation).toHaveBeenCalledTimes(1);
            expect(client.renameConversation).toHaveBeenCalledWith('group-1', 'Mail outage');
            expect(stateOf(store).conversations.byId['group-1'].custom_name).toBe(true);
            expect(screen.queryByRole('textbox', {name: 'Group name'})).toBeNull();
            await waitFor(() => expect(screen.getByRole('button', {name: /^Rename group/})).toHaveFocus());
        });

        it('cancels with Escape, keeping the window open, and saves on leaving the field', async () => {
            const {client, store} = renderDock([groupConversation({name: 'Mail outage', custom_name: true})]);
            client.renameConversation.mockResolvedValue(groupConversation());

            fireEvent.click(screen.getByRole('button', {name: /^Rename group/}));
            fireEvent.change(screen.getByRole('textbox', {name: 'Group name'}), {target: {value: 'Something else'}});
            fireEvent.keyDown(screen.getByRole('textbox', {name: 'Group name'}), {key: 'Escape'});
            expect(client.renameConversation).not.toHaveBeenCalled();
            expect(stateOf(store).miniWindows.windows).toHaveLength(1);
            expect(windowNamed('Mail outage')).toBeInTheDocument();

            // An empty name goes back to the member names.
            fireEvent.click(screen.getByRole('button', {name: /^Rename group/}));
            fireEvent.change(screen.getByRole('textbox', {name: 'Group name'}), {target: {value: ''}});
            fireEvent.blur(screen.getByRole('textbox', {name: 'Group name'}));

            await waitFor(() => expect(windowNamed('Bob Baker, Carol Chen')).toBeInTheDocument());
            expect(client.renameConversation).toHaveBeenCalledWith('group-1', '');
        });

        it('shows why the server refused a name', async () => {
            const {client} = renderDock([groupConversation()]);
            client.renameConversation.mockRejectedValue(new ClientError(400, 'The name is too long.', 'url'));

            fireEvent.click(screen.getByRole('button', {name: /^Rename group/}));
            fireEvent.change(screen.getByRole('textbox', {name: 'Group name'}), {target: {value: 'Mail outage'}});
            fireEvent.keyDown(screen.getByRole('textbox', {name: 'Group name'}), {key: 'Enter'});

            expect(await within(windowNamed('Bob Baker, Carol Chen')).findByRole('alert')).toHaveTextContent('The name is too long.');
        });

        it('is offered only for a group Connect manages', () => {
            renderDock([directConversation(), groupConversation({id: 'gm-1', name: 'Carol Chen, Dan Doe', managed: false})]);

            expect(screen.queryByRole('button', {name: /^Rename group/})).toBeNull();
            expect(windowNamed('Carol Chen, Dan Doe')).toBeInTheDocument();
        });
    });

    describe('the members of a group (F-04)', () => {
        it('lists them, you first, and removes someone', async () => {
            const {client} = renderDock([groupConversation()]);
            client.removeMember.mockResolvedValue(groupConversation({members: [me, bob], name: 'Bob Baker'}));

            chooseAction('Members');
            const panel = screen.getByRole('region', {name: 'Members'});
            const rows = within(within(panel).getByRole('list', {name: 'Members'})).getAllByRole('listitem');
            expect(rows.map((row) => row.textContent)).toEqual(['Alice Archer (you)Leave group', 'Bob BakerRemove', 'Carol ChenRemove']);
            await waitFor(() => expect(panel).toHaveFocus());

            fireEvent.click(within(panel).getByRole('button', {name: 'Remove Carol Chen'}));

            await waitFor(() => expect(within(panel).queryByText('Carol Chen')).toBeNull());
            expect(client.removeMember).toHaveBeenCalledWith('group-1', carol.id);
            expect(windowNamed('Bob Baker')).toBeInTheDocument();
        });

        it('leaves the group: its window closes and it leaves the sidebar', async () => {
            const {client, store} = renderDock([groupConversation()]);
            client.removeMember.mockResolvedValue(groupConversation({members: [bob, carol], open: false}));

            chooseAction('Members');
            fireEvent.click(screen.getByRole('button', {name: 'Leave group'}));

            await waitFor(() => expect(stateOf(store).miniWindows.windows).toEqual([]));
            expect(client.removeMember).toHaveBeenCalledWith('group-1', me.id);
            expect(stateOf(store).conversations.openIds).toEqual([]);
        });

        it('shows why the server refused, and Escape closes the panel but not the window', async () => {
            const {client, store} = renderDock([groupConversation()]);
            client.removeMember.mockRejectedValue(new ClientError(403, 'You may not do that.', 'url'));

            chooseAction('Members');
            fireEvent.click(screen.getByRole('button', {name: 'Remove Bob Baker'}));
            expect(await screen.findByRole('alert')).toHaveTextContent('You may not do that.');

            fireEvent.keyDown(screen.getByRole('region', {name: 'Members'}), {key: 'Escape'});
            expect(screen.queryByRole('region', {name: 'Members'})).toBeNull();
            expect(stateOf(store).miniWindows.windows).toHaveLength(1);
            await waitFor(() => expect(screen.getByRole('textbox', {name: 'Write to Bob Baker, Carol Chen'})).toHaveFocus());
        });

        it('only lists the members of a group Connect does not manage, and has no panel for a direct conversation', () => {
            renderDock([directConversation(), groupConversation({id: 'gm-1', managed: false})]);

            chooseAction('Members', windowNamed('Bob Baker, Carol Chen'));
            const panel = screen.getByRole('region', {name: 'Members'});
            expect(within(panel).getAllByRole('listitem')).toHaveLength(3);
            expect(within(panel).queryByRole('button', {name: /^(Remove|Leave)/})).toBeNull();
            fireEvent.click(within(windowNamed('Bob Baker')).getByRole('button', {name: 'More actions'}));
            expect(within(windowNamed('Bob Baker')).queryByRole('menuitem', {name: 'Members'})).toBeNull();
        });
    });

    it('loads older messages on request, keeping them in order', async () => {
        const {client, store} = renderDock([directConversation()], [], []);
        client.getPosts.mockResolvedValueOnce({posts: [post({id: 'newest', create_at: 200, message: 'The latest message'})], reachedStart: false});
        client.getPosts.mockResolvedValueOnce({posts: [post({id: 'oldest', create_at: 100, message: 'The first message'})], reachedStart: true});
        act(() => {
            store.dispatch(windowOpened('dm-bob'));
        });

        fireEvent.click(await screen.findByRole('button', {name: 'Load older messages'}));

        expect(await screen.findByText('This is the start of the conversation.')).toBeInTheDocument();
        expect(client.getPosts).toHaveBeenLastCalledWith('dm-bob', {perPage: 30, before: 'newest'});
        expect(screen.getAllByTestId('message').map((message) => message.dataset.postId)).toEqual(['oldest', 'newest']);
    });
});

describe('the dock', () => {
    it('puts windows that do not fit into an overflow menu, from which they come back', async () => {
        const conversations = [directConversation(), groupConversation(), directConversation({id: 'dm-carol', name: 'Carol Chen'})];
        const {store} = renderDock(conversations);
        act(() => {
            store.dispatch(dockCapacityChanged(1));
        });

        expect(screen.getAllByTestId('mini-window')).toHaveLength(1);
        const chip = screen.getByRole('button', {name: '2 more conversations'});
        expect(chip).toHaveTextContent('+2');
        fireEvent.click(chip);
        const menu = screen.getByRole('menu', {name: 'More conversations'});
        expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['Bob Baker, Carol Chen', 'Bob Baker']);
        await waitFor(() => expect(within(menu).getAllByRole('menuitem')[0]).toHaveFocus());

        fireEvent.click(within(menu).getByRole('menuitem', {name: 'Bob Baker'}));

        expect(stateOf(store).miniWindows.windows.map((window) => window.id)).toEqual(['group-1', 'dm-carol', 'dm-bob']);
        expect(windowNamed('Bob Baker')).toBeInTheDocument();
    });

    it('fetches the conversation of a restored window the list lacks, and drops one that is gone', async () => {
        const store = connectStore();
        store.dispatch(windowsRestored([{id: 'closed-one', collapsed: true}, {id: 'gone', collapsed: false}]));
        const {client} = renderWithConnect(<MiniWindowDock/>, {store});
        client.getConversation.mockImplementation((id) => (id === 'gone' ?
            Promise.reject(new ClientError(404, 'No such conversation.', 'url')) :
            Promise.resolve(directConversation({id, name: 'Closed One', open: false}))));
        expect(client.getConversation).not.toHaveBeenCalled();

        act(() => {
            store.dispatch(conversationsLoaded({conversations: [], total_unread: 0, total_mentions: 0}));
        });

        expect(await screen.findByRole('region', {name: 'Closed One'})).toBeInTheDocument();
        await waitFor(() => expect(stateOf(store).miniWindows.windows).toEqual([{id: 'closed-one', collapsed: true}]));
    });
});
