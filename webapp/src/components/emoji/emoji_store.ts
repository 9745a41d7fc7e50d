import {useCallback, useEffect, useMemo, useSyncExternalStore} from 'react';
import {defineMessages} from 'react-intl';

import type {ConnectAPI} from '../../client';
import {errorMessage} from '../../error_message';
import {currentIntl} from '../../i18n/intl';
import type {CustomEmoji, Preference} from '../../types/mattermost';
import {useConnectEnvironment} from '../connect_context';
import {emojiFor, isSkinTone, type SkinTone} from '../message_text/emoji';

import {addRecentEmoji, buildCatalog, parseRecentEmojis, pickerCategories, recentEmojis, type EmojiCatalog, type EmojiCatalogFile, type EmojiCategory, type PickerEmoji, type RecentEmoji} from './catalog';

const messages = defineMessages({
    failed: {id: 'connect.emoji.load_failed', defaultMessage: 'Emoji could not be loaded: {reason}'},
});

// Where Mattermost's clients keep emoji choices, so that Connect and the web app share them:
// the recently used emoji in `recent_emojis` named after the user, the skin tone in
// `emoji`/`emoji_skintone` (webapp/channels/src/utils/constants.tsx Preferences,
// actions/emoji_actions.js setUserSkinTone and addRecentEmojis).
export const recentEmojisCategory = 'recent_emojis';
export const emojiCategory = 'emoji';
export const skinTonePreference = 'emoji_skintone';

// Custom emoji are read a page at a time, at most this many pages (the web app too pages them).
const customEmojiPageSize = 200;
const customEmojiMaxPages = 10;

function valueOf(preferences: Preference[], category: string, name: string): string | undefined {
    return preferences.find((preference) => preference.category === category && preference.name === name)?.value;
}

export interface EmojiState {
    file?: EmojiCatalogFile;
    custom: CustomEmoji[];
    tone: SkinTone;
    recent: RecentEmoji[];
    failure?: string;
}

// One signed-in user's emoji: the catalog and custom emoji, read once; the preferences, read
// each time a picker opens (the web app or the phone may have changed them since).
export class EmojiStore {
    private state: EmojiState = {custom: [], tone: 'default', recent: []};
    private readonly listeners = new Set<() => void>();
    private catalogLoad: Promise<void> | undefined;

    constructor(private readonly client: ConnectAPI, private readonly userId: string) {}

    subscribe = (listener: () => void) => {
        this.listeners.add(listener);
        return () => {
            this.listeners.delete(listener);
        };
    };

    getSnapshot = () => this.state;

    private built?: {file: EmojiCatalogFile; tone: SkinTone; custom: CustomEmoji[]; siteURL: string; catalog: EmojiCatalog};
    private customImages?: {custom: CustomEmoji[]; siteURL: string; byName: Map<string, string>};

    // The picker's catalog for the current state, built once for all who show it.
    catalog(siteURL: string): EmojiCatalog | undefined {
        const {file, tone, custom} = this.state;
        if (!file) {
            return undefined;
        }
        const built = this.built;
        if (built?.file === file && built.tone === tone && built.custom === custom && built.siteURL === siteURL) {
            return built.catalog;
        }
        const catalog = buildCatalog(file, tone, custom, (id) => customEmojiImageURL(siteURL, id));
        this.built = {file, tone, custom, siteURL, catalog};
        return catalog;
    }

    // The image of a custom emoji by name, once the custom emoji are read; a standard name is none.
    customImage(siteURL: string, name: string): string | undefined {
        const {custom} = this.state;
        if (this.customImages?.custom !== custom || this.customImages.siteURL !== siteURL) {
            this.customImages = {custom, siteURL, byName: new Map(custom.map((emoji) => [emoji.name, customEmojiImageURL(siteURL, emoji.id)]))};
        }
        return emojiFor(name) === undefined ? this.customImages.byName.get(name) : undefined;
    }

    private set(change: Partial<EmojiState>) {
        this.state = {...this.state, ...change};
        this.listeners.forEach((listener) => listener());
    }

    private loaded: Promise<void> | undefined;

    // Loads the emoji once for this session (the `:name` suggestions read them so).
    loadOnce(): Promise<void> {
        this.loaded ??= this.load();
        return this.loaded;
    }

    // Loads what the picker shows; the catalog only the first time.
    async load(): Promise<void> {
        this.catalogLoad ??= this.loadCatalog().catch((error: unknown) => {
            this.catalogLoad = undefined;
            throw error;
        });
        try {
            await Promise.all([this.catalogLoad, this.loadPreferences()]);
            if (this.state.failure) {
                this.set({failure: undefined});
            }
        } catch (error) {
            this.set({failure: currentIntl().formatMessage(messages.failed, {reason: errorMessage(error)})});
        }
    }

    private async loadCatalog(): Promise<void> {
        const [file, config] = await Promise.all([this.client.getEmojiCatalog(), this.client.getClientConfig()]);
        this.set({file, custom: config.EnableCustomEmoji === 'true' ? await this.loadCustomEmojis() : []});
    }

    private async loadCustomEmojis(): Promise<CustomEmoji[]> {
        const all: CustomEmoji[] = [];
        for (let page = 0; page < customEmojiMaxPages; page++) {
            const emojis = await this.client.getCustomEmojis(page, customEmojiPageSize);
            all.push(...emojis);
            if (emojis.length < customEmojiPageSize) {
                break;
            }
        }
        return all;
    }

    private async loadPreferences(): Promise<void> {
        const preferences = await this.client.getPreferences();
        const tone = valueOf(preferences, emojiCategory, skinTonePreference) ?? 'default';
        this.set({
            recent: parseRecentEmojis(valueOf(preferences, recentEmojisCategory, this.userId)),
            tone: isSkinTone(tone) ? tone : 'default',
        });
    }

    private async save(preference: Omit<Preference, 'user_id'>): Promise<void> {
        await this.client.savePreferences(this.userId, [{user_id: this.userId, ...preference}]);
    }

    // Counts a use of the emoji among the recently used, as the web app does. The list is read
    // again first: another client may have changed it, and a write replaces it whole.
    async used(name: string): Promise<void> {
        const stored = await this.client.getPreferences();
        const recent = addRecentEmoji(parseRecentEmojis(valueOf(stored, recentEmojisCategory, this.userId)), name);
        this.set({recent});
        await this.save({category: recentEmojisCategory, name: this.userId, value: JSON.stringify(recent)});
    }

    async setTone(tone: SkinTone): Promise<void> {
        this.set({tone});
        await this.save({category: emojiCategory, name: skinTonePreference, value: tone});
    }
}

function customEmojiImageURL(siteURL: string, id: string): string {
    return `${siteURL}/api/v4/emoji/${encodeURIComponent(id)}/image`;
}

const stores = new WeakMap<ConnectAPI, EmojiStore>();

export function emojiStoreFor(client: ConnectAPI, userId: string): EmojiStore {
    let store = stores.get(client);
    if (!store) {
        store = new EmojiStore(client, userId);
        stores.set(client, store);
    }
    return store;
}

export interface EmojiSession {
    store: EmojiStore;
    ready: boolean;
    failure?: string;
    tone: SkinTone;
    catalog?: EmojiCatalog;
    recent: PickerEmoji[];
    categories: EmojiCategory[];
}

// The signed-in user's emoji. load 'fresh' reads them (the picker, each time it opens: the
// preferences may have changed in another client), 'once' reads them once a session (the `:name`
// suggestions), false reads nothing.
export function useEmoji({load}: {load: 'fresh' | 'once' | false}): EmojiSession {
    const {client, currentUserId, siteURL} = useConnectEnvironment();
    const store = emojiStoreFor(client, currentUserId);
    const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
    useEffect(() => {
        if (load === 'fresh') {
            void store.load();
        } else if (load === 'once') {
            void store.loadOnce();
        }
    }, [load, store]);
    // Built once in the store for every picker and suggestion list that shows it.
    const catalog = state.file ? store.catalog(siteURL) : undefined;
    const recent = useMemo(() => (catalog ? recentEmojis(catalog, state.recent, state.tone) : []), [catalog, state.recent, state.tone]);
    const categories = useMemo(() => (catalog ? pickerCategories(catalog, recent) : []), [catalog, recent]);
    return {store, ready: Boolean(catalog), failure: state.failure, tone: state.tone, catalog, recent, categories};
}

// The images of the server's custom emoji by name, for messages and reactions; with load, the
// custom emoji are read (once a session) if they were not yet.
export function useCustomEmoji(load: boolean): (name: string) => string | undefined {
    const {client, currentUserId, siteURL} = useConnectEnvironment();
    const store = emojiStoreFor(client, currentUserId);
    const {custom} = useSyncExternalStore(store.subscribe, store.getSnapshot);
    useEffect(() => {
        if (load) {
            void store.loadOnce();
        }
    }, [load, store]);
    // custom is a dependency: the function changes when the custom emoji arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    return useCallback((name: string) => store.customImage(siteURL, name), [store, siteURL, custom]);
}
