import {render, screen} from '@testing-library/react';
import React from 'react';
import {useIntl} from 'react-intl';
import {Provider} from 'react-redux';
import {describe, expect, it} from 'vitest';

import {UserTypes} from 'mattermost-redux/action_types';

import {PluginRegistry} from '../plugins/registry';
import {signedInStore, testUser} from '../test_store';

import {IntlProvider} from './IntlProvider';

const catalogs: Record<string, Record<string, string>> = {
    en: {'probe.greeting': 'Hello'},
    fr: {'probe.greeting': 'Bonjour'},
};

function Greeting() {
    const intl = useIntl();
    return <p>{`${intl.locale}: ${intl.formatMessage({id: 'probe.greeting', defaultMessage: 'Hello'})}`}</p>;
}

// As the web app does (actions/views/root.ts, components/intl_provider): a plugin's registered
// messages for the signed-in user's locale reach every component under the provider.
describe('the dev host\'s IntlProvider', () => {
    it('speaks the user\'s Mattermost language with the messages plugins register', async () => {
        const store = signedInStore();
        store.dispatch({type: UserTypes.RECEIVED_ME, data: {...testUser, locale: 'fr'}});
        new PluginRegistry('probe', store).registerTranslations((locale: string) => catalogs[locale] ?? catalogs.en);

        render(
            <Provider store={store}>
                <IntlProvider><Greeting/></IntlProvider>
            </Provider>,
        );

        expect(await screen.findByText('fr: Bonjour')).toBeInTheDocument();
    });

    it('follows the user to another language', async () => {
        const store = signedInStore();
        new PluginRegistry('probe', store).registerTranslations((locale: string) => catalogs[locale] ?? catalogs.en);
        render(
            <Provider store={store}>
                <IntlProvider><Greeting/></IntlProvider>
            </Provider>,
        );
        expect(await screen.findByText('en: Hello')).toBeInTheDocument();

        store.dispatch({type: UserTypes.RECEIVED_ME, data: {...testUser, locale: 'fr'}});

        expect(await screen.findByText('fr: Bonjour')).toBeInTheDocument();
    });
});
