// The web app's translations as plugins see them: actions/views/root.ts keeps each plugin's
// registerTranslations function (registerPluginTranslationsSource, which also merges its messages
// into the locale loaded now) and, when a locale loads (loadTranslations), merges every plugin's
// messages over the app's own; reducers/views/i18n.ts keeps them per locale in
// state.views.i18n.translations; selectors/i18n.ts getCurrentLocale is the signed-in user's
// locale, else the server's DefaultClientLocale, else English. The dev host's own screens are in
// English only, so the app's own messages are none.
import type {Action} from 'redux';

import {getConfig} from 'mattermost-redux/selectors/entities/general';
import {getCurrentUserLocale} from 'mattermost-redux/selectors/entities/i18n';

import type {DevHostState, Thunk} from '../store';

export const RECEIVED_TRANSLATIONS = 'RECEIVED_TRANSLATIONS';

export type Translations = Record<string, string>;
export type TranslationSource = (locale: string) => Translations;

export interface I18nState {
    translations: Record<string, Translations | undefined>;
}

interface ReceivedTranslations extends Action<typeof RECEIVED_TRANSLATIONS> {
    data: {locale: string; translations: Translations};
}

const pluginTranslationSources: Record<string, TranslationSource> = {};

function isReceived(action: Action<string>): action is ReceivedTranslations {
    return action.type === RECEIVED_TRANSLATIONS;
}

export function i18nReducer(state: I18nState = {translations: {}}, action: Action<string>): I18nState {
    if (!isReceived(action)) {
        return state;
    }
    return {translations: {...state.translations, [action.data.locale]: action.data.translations}};
}

export function getCurrentLocale(state: DevHostState): string {
    return getCurrentUserLocale(state, getConfig(state).DefaultClientLocale || 'en');
}

export function getTranslations(state: DevHostState, locale: string): Translations | undefined {
    return (state.views as {i18n?: I18nState}).i18n?.translations[locale];
}

export function registerPluginTranslationsSource(pluginId: string, source: TranslationSource): Thunk {
    pluginTranslationSources[pluginId] = source;
    return (dispatch, getState) => {
        const locale = getCurrentLocale(getState());
        const loaded = getTranslations(getState(), locale);
        if (loaded) {
            dispatch({type: RECEIVED_TRANSLATIONS, data: {locale, translations: {...loaded, ...source(locale)}}});
        }
    };
}

export function unregisterPluginTranslationsSource(pluginId: string): void {
    Reflect.deleteProperty(pluginTranslationSources, pluginId);
}

export function loadTranslations(locale: string): Thunk {
    return (dispatch) => {
        const translations: Translations = {};
        for (const source of Object.values(pluginTranslationSources)) {
            Object.assign(translations, source(locale));
        }
        dispatch({type: RECEIVED_TRANSLATIONS, data: {locale, translations}});
    };
}
