// Connect's messages in every language it speaks. The Mattermost web app asks a plugin for its
// messages through registry.registerTranslations(getTranslationsForLocale)
// (webapp/channels/src/plugins/registry.ts), calls the function with the user's locale
// (actions/views/root.ts registerPluginTranslationsSource and loadTranslations) and merges the
// result into the messages of its IntlProvider (components/intl_provider/intl_provider.tsx), the
// one react-intl it puts on window.ReactIntl (plugins/export.js). The catalogs are bundled: the
// function must answer at once.
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';

export type Catalog = Record<string, string>;

export const defaultLocale = 'en';

export const catalogs: Readonly<Record<string, Catalog>> = {en, fr};

// Mattermost's locale codes are a language, sometimes with a region (pt-BR, zh-CN): a region
// Connect has no catalog for falls back to its language, then to English.
export function supportedLocale(locale: string | undefined): string {
    if (!locale) {
        return defaultLocale;
    }
    if (locale in catalogs) {
        return locale;
    }
    const language = locale.split(/[-_]/)[0].toLowerCase();
    return language in catalogs ? language : defaultLocale;
}

export function getTranslationsForLocale(locale: string): Catalog {
    return catalogs[supportedLocale(locale)];
}
