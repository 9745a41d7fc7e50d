import React from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import {mine} from '../../state/known';
import {Alert} from '../common/Alert';
import {useKnown} from '../common/use_known';

const messages = defineMessages({
    legend: {id: 'connect.receipts.legend', defaultMessage: 'Read receipts'},
    enable: {id: 'connect.receipts.enable', defaultMessage: 'Show when I have seen messages, and see when others have'},
    allowed: {id: 'connect.receipts.hint', defaultMessage: 'For all your conversations. Off, you neither send nor see "Seen".'},
    off: {id: 'connect.receipts.off', defaultMessage: 'Your system admin has turned read receipts off.'},
});

// F-89: the caller's own read receipts switch (for every conversation). Off, others do not see
// when they have seen a message, and they do not see anyone's.
export function ReceiptsSection() {
    const receipts = useKnown('receipts', mine);
    const intl = useConnectIntl();
    const setting = receipts.value;
    const failure = receipts.failure ?? receipts.readFailure;
    if (!setting) {
        return <Alert message={failure}/>;
    }
    return (
        <fieldset
            className='cc-bell-channel cc-bell-receipts'
            aria-busy={receipts.busy}
        >
            <legend>{intl.formatMessage(messages.legend)}</legend>
            <Alert message={failure}/>
            <label className='cc-bell-option'>
                <input
                    type='checkbox'
                    checked={setting.enabled && setting.allowed}
                    disabled={!setting.allowed}
                    onChange={(event) => {
                        const enabled = event.target.checked;
                        void receipts.save({...setting, enabled}, (client) => client.setReceipts(enabled));
                    }}
                />
                {intl.formatMessage(messages.enable)}
            </label>
            <p className='cc-bell-hint'>
                {intl.formatMessage(setting.allowed ? messages.allowed : messages.off)}
            </p>
        </fieldset>
    );
}
