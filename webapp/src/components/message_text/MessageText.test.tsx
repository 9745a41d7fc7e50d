import {render, screen} from '@testing-library/react';
import React from 'react';
import {afterEach, describe, expect, it, vi} from 'vitest';

import {bob, connectStore, directConversation, me, post, renderWithConnect} from '../../../tests/unit/connect_fixtures';
import {installStylesheet, removeStylesheet, stylesheetElementId} from '../../styles/stylesheet';
import type {PostUtils} from '../../types/window';
import {Message} from '../conversation/Message';
import {englishIntl} from '../../i18n/intl';
import {previewOf} from '../sidebar/ConversationRow';

import {autolinkedUrlSchemes} from './host_renderer';
import {MessageText} from './MessageText';
import {parseMarkdown} from './parse';

vi.mock('./parse', async (importOriginal) => {
    const actual = await importOriginal<typeof import('./parse')>();
    return {...actual, parseMarkdown: vi.fn(actual.parseMarkdown)};
});

const parse = vi.mocked(parseMarkdown);

afterEach(() => {
    parse.mockClear();
});

function fakePostUtils(overrides: Partial<PostUtils> = {}) {
    const postUtils = {
        formatText: vi.fn<PostUtils['formatText']>(() => '<p><strong>from the web app</strong></p>'),
        messageHtmlToComponent: vi.fn<PostUtils['messageHtmlToComponent']>(() => <span data-testid='host-rendered'>{'from the web app'}</span>),
        ...overrides,
    };
    vi.stubGlobal('PostUtils', postUtils);
    return postUtils;
}

describe('MessageText outside the web app', () => {
    it('renders the markdown inside .cc-markdown', () => {
        const {container} = render(
            <MessageText
                text={'**Done**, @alice: see https://status.example.com'}
                currentUsername='alice'
            />,
        );
        const root = container.firstElementChild;
        expect(root).toHaveClass('cc-markdown');
        expect(root?.querySelector('strong')).toHaveTextContent('Done');
        expect(root?.querySelector('.cc-mention--me')).toHaveTextContent('@alice');
        expect(root?.querySelector('a')).toHaveAttribute('href', 'https://status.example.com');
    });

    it('gives the mention its display name as title', () => {
        render(
            <MessageText
                text='ask @bob'
                currentUsername='alice'
                displayNameOf={(username) => (username === 'bob' ? 'Bob Baker' : undefined)}
            />,
        );
        expect(screen.getByText('@bob')).toHaveAttribute('title', 'Bob Baker');
        expect(screen.getByText('@bob')).not.toHaveClass('cc-mention--me');
    });

    it('marks a message of emoji alone, which shows larger', () => {
        const {container, rerender} = render(
            <MessageText
                text=':+1: :tada:'
                currentUsername='alice'
            />,
        );
        expect(container.firstElementChild).toHaveClass('cc-markdown--emoji-only');
        rerender(
            <MessageText
                text=':+1: thanks'
                currentUsername='alice'
            />,
        );
        expect(container.firstElementChild).not.toHaveClass('cc-markdown--emoji-only');
    });

    it('parses a text once, however often it renders', () => {
        const names = (username: string) => username;
        const {rerender} = render(
            <MessageText
                text='**once**'
                currentUsername='alice'
            />,
        );
        rerender(
            <MessageText
                text='**once**'
                currentUsername='bob'
                displayNameOf={names}
            />,
        );
        expect(parse).toHaveBeenCalledTimes(1);
        expect(screen.getByText('once').tagName).toBe('STRONG');

        rerender(
            <MessageText
                text='**twice**'
                currentUsername='bob'
                displayNameOf={names}
            />,
        );
        expect(parse).toHaveBeenCalledTimes(2);
    });

    it('renders 200 messages, parsing each once', () => {
        const texts = Array.from({length: 200}, (_, index) => `**Message ${index}** for @alice :+1:\n- item\n\n\`\`\`js\nconst n = ${index};\n\`\`\``);
        const list = (currentUsername: string) => (
            <div>
                {texts.map((text) => (
                    <MessageText
                        key={text}
                        text={text}
                        currentUsername={currentUsername}
                    />
                ))}
            </div>
        );
        const {container, rerender} = render(list('alice'));
        rerender(list('alice'));
        expect(container.querySelectorAll('.cc-markdown')).toHaveLength(200);
        expect(container.querySelectorAll('.cc-mention--me')).toHaveLength(200);
        expect(parse).toHaveBeenCalledTimes(200);
    });
});

describe('MessageText in the web app (window.PostUtils)', () => {
    it('renders through the web app\'s formatter, with mentions and markdown on', () => {
        const postUtils = fakePostUtils();
        const {container} = render(
            <MessageText
                text='**hi** @alice'
                currentUsername='alice'
            />,
        );

        expect(postUtils.formatText).toHaveBeenCalledWith('**hi** @alice', {
            atMentions: true,
            mentionHighlight: true,
            markdown: true,
            autolinkedUrlSchemes,
            mentionKeys: [{key: '@alice'}, {key: '@here'}, {key: '@all'}, {key: '@channel'}],
        });
        expect(autolinkedUrlSchemes).toEqual(['http', 'https', 'ftp', 'mailto', 'tel', 'mattermost']);
        expect(postUtils.messageHtmlToComponent).toHaveBeenCalledWith('<p><strong>from the web app</strong></p>', {mentionHighlight: true});
        expect(container.firstElementChild).toHaveClass('cc-markdown', 'cc-markdown--host');
        expect(container.querySelector('.cc-markdown > [data-testid="host-rendered"]')).toHaveTextContent('from the web app');
        expect(container.querySelector('strong')).toBeNull();
        expect(parse).not.toHaveBeenCalled();
    });

    it('formats a text once, however often it renders', () => {
        const postUtils = fakePostUtils();
        const {rerender} = render(
            <MessageText
                text='same'
                currentUsername='alice'
            />,
        );
        rerender(
            <MessageText
                text='same'
                currentUsername='alice'
                displayNameOf={() => undefined}
            />,
        );
        expect(postUtils.formatText).toHaveBeenCalledTimes(1);
    });

    it('passes no mention keys while the username is not known', () => {
        const postUtils = fakePostUtils();
        render(
            <MessageText
                text='hi'
                currentUsername=''
            />,
        );
        expect(postUtils.formatText).toHaveBeenCalledWith('hi', expect.objectContaining({mentionKeys: []}));
    });

    it('renders by itself when the web app offers only part of PostUtils', () => {
        vi.stubGlobal('PostUtils', {formatText: vi.fn(() => '<p>x</p>')});
        render(
            <MessageText
                text='**own**'
                currentUsername='alice'
            />,
        );
        expect(screen.getByText('own').tagName).toBe('STRONG');
    });

    it('renders by itself when the web app\'s formatter fails', () => {
        fakePostUtils({
            formatText: vi.fn<PostUtils['formatText']>(() => {
                throw new Error('maximum number of tokens reached');
            }),
        });
        render(
            <MessageText
                text='**own**'
                currentUsername='alice'
            />,
        );
        expect(screen.getByText('own').tagName).toBe('STRONG');
        expect(screen.queryByTestId('host-rendered')).toBeNull();
    });
});

describe('message text in Connect', () => {
    it('has its styles in Connect\'s stylesheet', () => {
        installStylesheet();
        const css = document.getElementById(stylesheetElementId)?.textContent ?? '';
        removeStylesheet();
        expect(css).toContain('.cc-markdown .cc-mention--me');
        expect(css).toContain('--mention-highlight-bg');
    });

    it('shows a message in a mini window as markdown, the reader\'s mentions highlighted', () => {
        const store = connectStore({users: {[me.id]: me, [bob.id]: bob}});
        renderWithConnect(
            <Message
                post={post({message: '**Heads up** @alice, ask @bob\n<script>alert(1)</script>'})}
                continued={false}
            />,
            {store},
        );
        const text = screen.getByTestId('message').querySelector('.cc-message-text');
        expect(text?.querySelector('.cc-markdown strong')).toHaveTextContent('Heads up');
        expect(screen.getByText('@alice')).toHaveClass('cc-mention', 'cc-mention--me');
        expect(screen.getByText('@alice')).toHaveAttribute('title', 'Alice Archer');
        expect(screen.getByText('@bob')).not.toHaveClass('cc-mention--me');
        expect(screen.getByText('@bob')).toHaveAttribute('title', 'Bob Baker');
        expect(text?.querySelector('script')).toBeNull();
        expect(text).toHaveTextContent('<script>alert(1)</script>');
    });

    it('previews the last message in the sidebar without its markdown', () => {
        const conversation = (message: string, userId: string) => directConversation({last_post: {id: 'p1', user_id: userId, message, create_at: 0}});
        expect(previewOf(englishIntl(), conversation('**Done** :white_check_mark: see [INC0010001](https://sn.example.com/x)', me.id), me.id)).toBe('You: Done ✅ see INC0010001');
        expect(previewOf(englishIntl(), conversation('- one\n- `two`', bob.id), me.id)).toBe('one two');
    });
});
