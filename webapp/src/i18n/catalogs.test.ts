// Every message Connect shows comes from its catalogs: this test fails when an id used in the code
// is missing from a catalog, when the catalogs differ, when the code's English drifts from en.json,
// or when a translation loses a placeholder.
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';

import {parse, TYPE, type MessageFormatElement} from '@formatjs/icu-messageformat-parser';
import ts from 'typescript';
import {describe, expect, it} from 'vitest';

import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';

import {catalogs, getTranslationsForLocale, supportedLocale} from './catalogs';

const srcDir = fileURLToPath(new URL('..', import.meta.url));

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
    it('have exactly the same ids in every language', () => {
        expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    });

    it('keep their ids sorted, named connect.<area>.<name>', () => {
        for (const catalog of [en, fr]) {
            const ids = Object.keys(catalog);
            expect(ids).toEqual([...ids].sort());
            for (const id of ids) {
                expect(id).toMatch(/^connect\.[a-z0-9_]+(\.[a-z0-9_]+)+$/);
            }
        }
    });

    it('hold every message the code uses, in English as the code writes it', () => {
        expect(used.length).toBeGreaterThan(0);
        const missing = used.filter(({id}) => !(id in en) || !(id in fr)).map(({id, where}) => `${id} (${where})`);
        expect(missing).toEqual([]);
        const drifted = used.
            filter(({id, defaultMessage}) => defaultMessage !== undefined && id in en && en[id as keyof typeof en] !== defaultMessage).
            map(({id, where}) => `${id} (${where})`);
        expect(drifted).toEqual([]);
        const withoutDefault = used.filter(({defaultMessage}) => defaultMessage === undefined).map(({id, where}) => `${id} (${where})`);
        expect(withoutDefault).toEqual([]);
    });

    it('hold no message the code does not use', () => {
        const usedIds = new Set(used.map(({id}) => id));
        expect(Object.keys(en).filter((id) => !usedIds.has(id))).toEqual([]);
    });

    it('keep every placeholder of the English message in each translation', () => {
        const lost = Object.entries(en).filter(([id, message]) => {
            const translated = (fr as Record<string, string>)[id];
            return translated === undefined || placeholders(translated).join() !== placeholders(message).join();
        }).map(([id]) => id);
        expect(lost).toEqual([]);
    });

    it('translate, rather than copy, the English', () => {
        const same = Object.entries(en).filter(([id, message]) => (fr as Record<string, string>)[id] === message && /[a-z]{4}/i.test(message.replace(/\{[^}]*\}/g, '')));
        expect(same).toEqual(sameInBothLanguages);
    });
});

// Words French keeps as they are in English.
const sameInBothLanguages: Array<[string, string]> = [];

describe('getTranslationsForLocale', () => {
    it('answers French for fr and its regions, English for any other locale', () => {
        expect(getTranslationsForLocale('fr')).toBe(catalogs.fr);
        expect(supportedLocale('fr-CA')).toBe('fr');
        expect(getTranslationsForLocale('de')).toBe(catalogs.en);
        expect(supportedLocale(undefined)).toBe('en');
    });
});
