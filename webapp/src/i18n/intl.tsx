import React, {useContext, useEffect, type ReactNode} from 'react';
import {createIntl, createIntlCache, IntlContext, IntlProvider, type IntlShape} from 'react-intl';

import {defaultLocale, getTranslationsForLocale, supportedLocale} from './catalogs';

const cache = createIntlCache();
const english = createIntl({locale: defaultLocale, defaultLocale, messages: getTranslationsForLocale(defaultLocale)}, cache);

// The react-intl of the page: inside Mattermost the web app's IntlProvider wraps every plugin
// component (components/root/root.tsx, under components/intl_provider), the standalone page has
// ConnectIntlProvider. Code that renders outside any provider (a unit test) speaks English, the
// language of every defaultMessage, rather than failing.
export function useConnectIntl(): IntlShape {
    return useContext(IntlContext) ?? english;
}

// For code outside React that must produce text with no intl at hand.
export function englishIntl(): IntlShape {
    return english;
}

let captured: IntlShape | null = null;

// The intl of the page's Connect components, for code outside React (the client's errors, the
// operations' failures), as the web app keeps its own (components/intl_provider/intl_provider.tsx
// IntlCapture, utils/i18n getIntl). English until a Connect component has rendered.
export function currentIntl(): IntlShape {
    return captured ?? english;
}

export function IntlCapture() {
    const intl = useContext(IntlContext);
    useEffect(() => {
        if (intl) {
            captured = intl;
        }
    }, [intl]);
    return null;
}

interface ProviderProps {
    locale: string | undefined;
    children: ReactNode;
}

// The standalone workspace's provider, fed with the signed-in user's Mattermost locale as the
// web app's IntlProvider is (components/intl_provider/intl_provider.tsx: textComponent 'span').
export function ConnectIntlProvider({locale, children}: ProviderProps) {
    const supported = supportedLocale(locale);
    return (
        <IntlProvider
            key={supported}
            locale={supported}
            defaultLocale={defaultLocale}
            messages={getTranslationsForLocale(supported)}
            textComponent='span'
        >
            <IntlCapture/>
            {children}
        </IntlProvider>
    );
}
