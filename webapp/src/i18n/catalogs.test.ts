// Every message Connect shows comes from its catalogs: this test fails when an id used in the code
// is missing from a catalog, when the catalogs differ, when the code's English drifts from en.json,
// or when a translation loses a placeholder.
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';

import {parse, TYPE, type MessageFormatElement} from '@formatjs/icu-messageformat-parser';
import ts from 'typescript';
import {describe, expect, it} from 'vitest';

import {catalogs, getTranslationsForLocale, supportedLocale} from './catalogs';

const en = catalogs.en;
const translations = Object.entries(catalogs).filter(([locale]) => locale !== 'en');

// Vitest runs from webapp/ (vitest.config.ts).
const srcDir = join(process.cwd(), 'src');

interface UsedMessage {
    id: string;
    defaultMessage?: string;
    where: string;
}

function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
            return sourceFiles(path);
        }
        const isSource = /\.(ts|tsx)$/.test(name) && !/\.test\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts');
        return isSource ? [path] : [];
    });
}

function literalText(node: ts.Node | undefined): string | undefined {
    if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) {
        return node.text;
    }
    if (node && ts.isJsxExpression(node)) {
        return literalText(node.expression);
    }
    return undefined;
}

function propertyOf(object: ts.ObjectLiteralExpression, name: string): ts.Node | undefined {
    const property = object.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === name);
    return property && ts.isPropertyAssignment(property) ? property.initializer : undefined;
}

// A message descriptor is any object literal with a string `id` (defineMessages' entries, the
// descriptors non-component code returns, formatMessage({id, defaultMessage})), or a
// <FormattedMessage id=...> element.
function usedMessages(file: string): UsedMessage[] {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const found: UsedMessage[] = [];
    const where = (node: ts.Node) => `${relative(srcDir, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node) => {
        if (ts.isObjectLiteralExpression(node)) {
            const id = literalText(propertyOf(node, 'id'));
            const hasDefault = propertyOf(node, 'defaultMessage') !== undefined;
            if (id?.startsWith('connect.') || (id !== undefined && hasDefault)) {
                found.push({id, defaultMessage: literalText(propertyOf(node, 'defaultMessage')), where: where(node)});
            }
        }
        if ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && node.tagName.getText() === 'FormattedMessage') {
            const attribute = (name: string) => node.attributes.properties.find((a) => ts.isJsxAttribute(a) && a.name.getText() === name);
            const id = attribute('id');
            const defaultMessage = attribute('defaultMessage');
            found.push({
                id: literalText(id && ts.isJsxAttribute(id) ? id.initializer : undefined) ?? '<not a literal>',
                defaultMessage: literalText(defaultMessage && ts.isJsxAttribute(defaultMessage) ? defaultMessage.initializer : undefined),
                where: where(node),
            });
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
}

const used = sourceFiles(srcDir).flatMap(usedMessages);

// The names of a message's arguments, plural and select ones included, and of its tags.
function placeholders(message: string): string[] {
    const names = new Set<string>();
    const walk = (elements: MessageFormatElement[]) => {
        for (const element of elements) {
            if (element.type === TYPE.literal || element.type === TYPE.pound) {
                continue;
            }
            names.add(element.type === TYPE.tag ? `<${element.value}>` : element.value);
            if (element.type === TYPE.plural || element.type === TYPE.select) {
                Object.values(element.options).forEach((option) => walk(option.value));
            }
            if (element.type === TYPE.tag) {
                walk(element.children);
            }
        }
    };
    walk(parse(message));
    return [...names].sort();
}

describe('the catalogs', () => {
    it('speak English and at least one more language', () => {
        expect(translations.map(([locale]) => locale)).toContain('fr');
    });

    it.each(translations)('have exactly the same ids in English and %s', (_locale, catalog) => {
        expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    });

    it('keep their ids sorted, named connect.<area>.<name>', () => {
        for (const catalog of Object.values(catalogs)) {
            const ids = Object.keys(catalog);
            expect(ids).toEqual([...ids].sort());
            for (const id of ids) {
                expect(id).toMatch(/^connect\.[a-z0-9_]+(\.[a-z0-9_]+)+$/);
            }
        }
    });

    it('hold every message the code uses, in English as the code writes it', () => {
        expect(used.length).toBeGreaterThan(0);
        const missing = used.filter(({id}) => Object.values(catalogs).some((catalog) => !(id in catalog))).map(({id, where}) => `${id} (${where})`);
        expect(missing).toEqual([]);
        const drifted = used.
            filter(({id, defaultMessage}) => defaultMessage !== undefined && id in en && en[id] !== defaultMessage).
            map(({id, where}) => `${id} (${where})`);
        expect(drifted).toEqual([]);
        const withoutDefault = used.filter(({defaultMessage}) => defaultMessage === undefined).map(({id, where}) => `${id} (${where})`);
        expect(withoutDefault).toEqual([]);
    });

    it('hold no message the code does not use', () => {
        const usedIds = new Set(used.map(({id}) => id));
        expect(Object.keys(en).filter((id) => !usedIds.has(id))).toEqual([]);
    });

    it.each(translations)('keep every placeholder of the English message in %s', (_locale, catalog) => {
        const lost = Object.entries(en).filter(([id, message]) => {
            const translated = catalog[id];
            return translated === undefined || placeholders(translated).join() !== placeholders(message).join();
        }).map(([id]) => id);
        expect(lost).toEqual([]);
    });

    it.each(translations)('translate, rather than copy, the English in %s', (locale, catalog) => {
        const same = Object.keys(en).filter((id) => catalog[id] === en[id] && /[a-z]{4}/i.test(en[id].replace(/\{[^}]*\}/g, '')));
        expect(same).toEqual(sameInTranslation[locale] ?? []);
    });
});

// Words a language writes as English does (French: the same words, or ServiceNow's own names).
const sameInTranslation: Record<string, string[]> = {
    fr: [
        'connect.create.table', // Table
        'connect.digest.interval.minutes', // minute(s)
        'connect.emoji.grid', // Emoji
        'connect.info.record.mentions', // mention(s)
        'connect.sidebar.mentions.count_label',
        'connect.sidebar.mentions.toggle', // Mentions
        'connect.switcher.list', // Conversations
        'connect.tools.notifications', // Notifications
        'connect.workspace.list', // Conversations
    ],
};

describe('getTranslationsForLocale', () => {
    it('answers French for fr and its regions, English for any other locale', () => {
        expect(getTranslationsForLocale('fr')).toBe(catalogs.fr);
        expect(supportedLocale('fr-CA')).toBe('fr');
        expect(getTranslationsForLocale('de')).toBe(catalogs.en);
        expect(supportedLocale(undefined)).toBe('en');
    });
});
