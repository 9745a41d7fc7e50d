import {render} from '@testing-library/react';
import React from 'react';
import {describe, expect, it} from 'vitest';

import {parseMarkdown} from './parse';
import {renderMarkdown, safeHref, type RenderOptions} from './render';

const people: Record<string, string> = {alice: 'Alice Archer', bob: 'Bob Baker', 'bob.smith': 'Bob Smith'};

function show(text: string, options: Partial<RenderOptions> = {}): HTMLElement {
    const {container} = render(
        <div data-testid='markdown'>
            {renderMarkdown(parseMarkdown(text), {currentUsername: 'alice', displayNameOf: (username) => people[username.toLowerCase()], ...options})}
        </div>,
    );
    return container.firstElementChild as HTMLElement;
}

describe('inline markdown', () => {
    it('shows emphasis, strong, strikethrough and inline code', () => {
        const root = show('*it* _too_ **bold** __also__ ~~gone~~ `a < b`');
        expect(root.querySelectorAll('em')).toHaveLength(2);
        expect(root.querySelectorAll('strong')).toHaveLength(2);
        expect(root.querySelector('del')).toHaveTextContent('gone');
        expect(root.querySelector('code')).toHaveTextContent('a < b');
        expect(root.querySelector('p')).toHaveTextContent('it too bold also gone a < b');
    });

    it('keeps a single newline as a line break, and a hard break as <br>', () => {
        const root = show('one\ntwo  \nthree');
        const paragraph = root.querySelector('p');
        expect(paragraph?.textContent).toBe('one\ntwothree');
        expect(paragraph?.querySelectorAll('br')).toHaveLength(1);
    });

    it('decodes entities and shows backslash escapes as text', () => {
        expect(show('Tom &amp; Jerry \\*not emphasis\\*').textContent).toBe('Tom & Jerry *not emphasis*');
    });

    it('shows channel links and hashtags as their text', () => {
        const root = show('see ~town-square about #outage');
        expect(root.querySelector('.cc-md-channel')).toHaveTextContent('~town-square');
        expect(root).toHaveTextContent('see ~town-square about #outage');
    });
});

describe('links', () => {
    it('opens http(s) links in a new tab, with no opener', () => {
        const link = show('[the docs](https://docs.example.com/a "Docs")').querySelector('a');
        expect(link).toHaveAttribute('href', 'https://docs.example.com/a');
        expect(link).toHaveAttribute('target', '_blank');
        expect(link).toHaveAttribute('rel', 'noopener noreferrer');
        expect(link).toHaveAttribute('title', 'Docs');
        expect(link).toHaveTextContent('the docs');
    });

    it('links mailto and paths on this site', () => {
        const root = show('[mail](mailto:help@example.com) [here](/team/channels/town-square)');
        const links = root.querySelectorAll('a');
        expect(links[0]).toHaveAttribute('href', 'mailto:help@example.com');
        expect(links[1]).toHaveAttribute('href', '/team/channels/town-square');
    });

    it.each([
        ['[click](javascript:alert(1))', 'click'],
        ['[click](JavaScript:alert(1))', 'click'],
        ['[click](jav&#x61;script:alert(1))', 'click'],
        ['[click](data:text/html;base64,PHNjcmlwdD4=)', 'click'],
        ['[click](vbscript:msgbox(1))', 'click'],
        ['[click](//evil.example.com)', 'click'],
        ['[click](relative/page)', 'click'],
        ['<javascript:alert(1)>', 'javascript:alert(1)'],
    ])('does not make %s clickable', (markdown, text) => {
        const root = show(markdown);
        expect(root.querySelector('a')).toBeNull();
        expect(root).toHaveTextContent(text);
    });

    it('leaves a bare javascript: URL as text', () => {
        const root = show('try javascript:alert(1) now');
        expect(root.querySelector('a')).toBeNull();
        expect(root).toHaveTextContent('try javascript:alert(1) now');
    });

    it('links bare URLs, www. addresses and email addresses', () => {
        const root = show('see https://status.example.com/incidents/42. or www.example.com, or mail ops@example.com');
        const links = [...root.querySelectorAll('a')];
        expect(links.map((link) => link.getAttribute('href'))).toEqual([
            'https://status.example.com/incidents/42',
            'http://www.example.com',
            'mailto:ops@example.com',
        ]);
        expect(links[0]).toHaveTextContent('https://status.example.com/incidents/42');
        expect(links[0]).toHaveAttribute('target', '_blank');
        expect(root).toHaveTextContent('incidents/42. or');
    });

    it('shows an image as a link named by its alt text, loading nothing', () => {
        const root = show('![the diagram](https://img.example.com/d.png) ![](https://img.example.com/e.png) ![bad](javascript:alert(1))');
        expect(root.querySelector('img')).toBeNull();
        const links = root.querySelectorAll('a');
        expect(links).toHaveLength(2);
        expect(links[0]).toHaveAttribute('href', 'https://img.example.com/d.png');
        expect(links[0]).toHaveTextContent('the diagram');
        expect(links[1]).toHaveTextContent('https://img.example.com/e.png');
        expect(root).toHaveTextContent('bad');
    });
});

describe('HTML in a message', () => {
    it('shows a script tag as text', () => {
        const root = show('<script>alert("x")</script>');
        expect(root.querySelector('script')).toBeNull();
        expect(root).toHaveTextContent('<script>alert("x")</script>');
    });

    it('shows an image tag with an onerror handler as text', () => {
        const root = show('look <img src=x onerror="alert(1)"> here');
        expect(root.querySelector('img')).toBeNull();
        expect(root).toHaveTextContent('look <img src=x onerror="alert(1)"> here');
    });

    it('shows an HTML block as text', () => {
        const root = show('<div onclick="alert(1)">\nhello\n</div>');
        expect(root.querySelector('div[onclick]')).toBeNull();
        expect(root.querySelector('.cc-md-html')?.textContent).toBe('<div onclick="alert(1)">\nhello\n</div>');
    });

    it('puts no attribute from the message on an element', () => {
        const root = show('[x](https://example.com "a\\" onmouseover=\\"alert(1)") <b onclick=alert(1)>b</b>');
        const link = root.querySelector('a');
        expect(link?.getAttributeNames().sort()).toEqual(['href', 'rel', 'target', 'title']);
        expect(root.querySelector('b')).toBeNull();
    });
});

describe('blocks', () => {
    it('shows headings h1 to h6', () => {
        const root = show('# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six');
        for (const [index, text] of ['One', 'Two', 'Three', 'Four', 'Five', 'Six'].entries()) {
            const heading = root.querySelector(`h${index + 1}`);
            expect(heading).toHaveTextContent(text);
            expect(heading).toHaveClass('cc-md-heading');
        }
    });

    it('shows tight lists without paragraphs, loose ones with them', () => {
        const tight = show('- one\n- two').querySelector('ul');
        expect(tight?.querySelectorAll('li')).toHaveLength(2);
        expect(tight?.querySelector('p')).toBeNull();

        const loose = show('- one\n\n- two').querySelector('ul');
        expect(loose?.querySelectorAll('li > p')).toHaveLength(2);
    });

    it('numbers an ordered list from its start', () => {
        const root = show('3. three\n4. four');
        expect(root.querySelector('ol')).toHaveAttribute('start', '3');
        expect(root.querySelectorAll('ol > li')).toHaveLength(2);
        expect(show('1. one').querySelector('ol')).not.toHaveAttribute('start');
    });

    it('nests lists', () => {
        const root = show('- outer\n  1. inner');
        expect(root.querySelector('ul > li > ol > li')).toHaveTextContent('inner');
    });

    it('shows task items as checkboxes that cannot be changed', () => {
        const root = show('- [ ] open\n- [x] done\n- plain');
        const boxes = root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
        expect(boxes).toHaveLength(2);
        expect(boxes[0].checked).toBe(false);
        expect(boxes[1].checked).toBe(true);
        expect(boxes[0]).toBeDisabled();
        const items = root.querySelectorAll('li');
        expect(items[0]).toHaveClass('cc-md-task');
        expect(items[0].textContent).toBe(' open');
        expect(items[2]).not.toHaveClass('cc-md-task');
        expect(items[2].textContent).toBe('plain');
    });

    it('shows block quotes and thematic breaks', () => {
        const root = show('> quoted **text**\n\n---\n\nafter');
        expect(root.querySelector('blockquote strong')).toHaveTextContent('text');
        expect(root.querySelector('hr')).not.toBeNull();
    });

    it('shows fenced code with its language, its text untouched', () => {
        const root = show('```js\nconst a = "<b>" && 1;\n  indented()\n```');
        const code = root.querySelector('pre > code');
        expect(code).toHaveClass('language-js');
        expect(code?.textContent).toBe('const a = "<b>" && 1;\n  indented()');
        expect(root.querySelector('b')).toBeNull();
    });

    it('shows indented and plain fenced code without a language class', () => {
        expect(show('    indented').querySelector('pre > code')?.className).toBe('');
        expect(show('```\nplain\n```').querySelector('pre > code')?.textContent).toBe('plain');
    });

    it('shows tables with header cells and alignment', () => {
        const root = show('| Left | Middle | Right |\n|:-----|:------:|------:|\n| a | **b** | c |\n| d | e | f |');
        const table = root.querySelector('.cc-md-table > table');
        const headers = [...(table?.querySelectorAll('thead th') ?? [])];
        expect(headers.map((cell) => cell.textContent)).toEqual(['Left', 'Middle', 'Right']);
        expect(headers.map((cell) => (cell as HTMLElement).style.textAlign)).toEqual(['left', 'center', 'right']);
        const rows = table?.querySelectorAll('tbody tr');
        expect(rows).toHaveLength(2);
        expect(rows?.[0].querySelectorAll('td')[1].querySelector('strong')).toHaveTextContent('b');
        expect((rows?.[1].querySelectorAll('td')[2] as HTMLElement).style.textAlign).toBe('right');
    });

    it('renders lists nested as deep as people write them', () => {
        const markdown = Array.from({length: 8}, (_, level) => `${'  '.repeat(level)}- level ${level}`).join('\n');
        expect(show(markdown).querySelectorAll('li')).toHaveLength(8);
    });

    it('shows text nested deeper than it renders as elements', () => {
        const root = show(`${'>'.repeat(500)} deep **down**`);
        expect(root).toHaveTextContent('deep down');
        expect(root.querySelectorAll('blockquote').length).toBeLessThan(50);
    });
});

describe('mentions', () => {
    it('marks mentions of others, with their name as the title', () => {
        const mention = show('ask @bob').querySelector('.cc-mention');
        expect(mention).toHaveTextContent('@bob');
        expect(mention).not.toHaveClass('cc-mention--me');
        expect(mention).toHaveAttribute('title', 'Bob Baker');
    });

    it('highlights mentions of the reader, whatever the case', () => {
        const root = show('@alice and @Alice');
        const mentions = root.querySelectorAll('.cc-mention--me');
        expect(mentions).toHaveLength(2);
        expect(mentions[0]).toHaveAttribute('title', 'Alice Archer');
    });

    it('highlights @here, @all and @channel', () => {
        const root = show('@here @all @channel');
        expect(root.querySelectorAll('.cc-mention.cc-mention--me')).toHaveLength(3);
    });

    it('does not highlight someone else\'s mention for a reader with no username yet', () => {
        expect(show('@bob', {currentUsername: ''}).querySelector('.cc-mention--me')).toBeNull();
    });

    it('leaves trailing punctuation out of a mention, unless the username has it', () => {
        const root = show('thanks @bob. and @bob.smith, @stranger.');
        const mentions = [...root.querySelectorAll('.cc-mention')];
        expect(mentions.map((mention) => mention.textContent)).toEqual(['@bob', '@bob.smith', '@stranger']);
        expect(mentions[1]).toHaveAttribute('title', 'Bob Smith');
        expect(mentions[2]).not.toHaveAttribute('title');
        expect(root).toHaveTextContent('thanks @bob. and @bob.smith, @stranger.');
    });

    it('does not take an email address for a mention', () => {
        expect(show('mail bob@example.com').querySelector('.cc-mention')).toBeNull();
    });
});

describe('emoji', () => {
    it.each([
        [':smile:', '😄'],
        [':+1:', '👍'],
        [':thumbsup:', '👍'],
        [':white_check_mark:', '✅'],
        [':-1:', '👎'],
    ])('shows %s as %s', (shortcode, character) => {
        const emoji = show(`ok ${shortcode}`).querySelector('.cc-emoji');
        expect(emoji).toHaveTextContent(character);
        expect(emoji).toHaveAttribute('title', shortcode);
    });

    it('shows emoticons as emoji', () => {
        const emoji = show('thanks :)').querySelector('.cc-emoji');
        expect(emoji).toHaveTextContent('🙂');
        expect(emoji).toHaveAttribute('title', ':slightly_smiling_face:');
    });

    it('leaves unknown names (custom emoji) as typed', () => {
        const root = show('party :party_parrot: :constructor: :__proto__:');
        expect(root.querySelector('.cc-emoji')).toBeNull();
        expect(root).toHaveTextContent('party :party_parrot: :constructor: :__proto__:');
    });

    it('leaves shortcodes in code alone', () => {
        const root = show('`:smile:`');
        expect(root.querySelector('.cc-emoji')).toBeNull();
        expect(root.querySelector('code')).toHaveTextContent(':smile:');
    });
});

describe('safeHref', () => {
    it.each([
        ['https://example.com', 'https://example.com'],
        ['HTTP://example.com', 'HTTP://example.com'],
        ['mailto:a@example.com', 'mailto:a@example.com'],
        ['/api/v4/files/1', '/api/v4/files/1'],
        ['  https://example.com', 'https://example.com'],
    ])('allows %s', (url, href) => {
        expect(safeHref(url)).toBe(href);
    });

    it.each([
        'javascript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)', '\u0001javascript:alert(1)',
        'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '//evil.example.com', '/\\evil.example.com', 'page.html', '#top', '', null, undefined,
    ])('refuses %j', (url) => {
        expect(safeHref(url)).toBeUndefined();
    });
});
