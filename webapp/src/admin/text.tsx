import React from 'react';

import {useConnectIntl} from '../i18n/intl';

import type {Message} from './console_messages';

// A message where the web app wants a node (a section's title, a setting's help text): formatted
// when it renders, in the admin's language.
export function Text({message}: {message: Message}) {
    const intl = useConnectIntl();
    return <>{intl.formatMessage(message)}</>;
}
