// components/intl_provider/intl_provider.tsx: the locale is the signed-in user's (selectors/i18n
// getCurrentLocale); when it changes, Client4 asks the server in that language (Accept-Language)
// and the locale's translations are loaded; nothing renders until they are. The provider is the
// react-intl on window.ReactIntl (plugins/export.js), the one plugins import.
import React, {useEffect, type ReactNode} from 'react';
import {IntlProvider as BaseIntlProvider} from 'react-intl';
import {useDispatch, useSelector} from 'react-redux';

import {Client4} from 'mattermost-redux/client';

import type {DevHostDispatch, DevHostState} from '../store';

import {getCurrentLocale, getTranslations, loadTranslations} from './translations';

export function IntlProvider({children}: {children: ReactNode}) {
    const locale = useSelector(getCurrentLocale);
    const translations = useSelector((state: DevHostState) => getTranslations(state, locale));
    const dispatch = useDispatch<DevHostDispatch>();

    useEffect(() => {
        Client4.setAcceptLanguage(locale);
        document.documentElement.lang = locale;
        if (!translations) {
            dispatch(loadTranslations(locale));
        }
    }, [dispatch, locale, translations]);

    if (!translations) {
        return null;
    }
    return (
        <BaseIntlProvider
            key={locale}
            locale={locale}
            messages={translations}
            textComponent='span'
            wrapRichTextChunksInFragment={false}
        >
            {children}
        </BaseIntlProvider>
    );
}
