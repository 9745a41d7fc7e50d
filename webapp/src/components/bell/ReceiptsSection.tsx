import React from 'react';

import {mine} from '../../state/known';
import {Alert} from '../common/Alert';
import {useKnown} from '../common/use_known';

// F-89: the caller's own read receipts switch (for every conversation). Off, others do not see
// when they have seen a message, and they do not see anyone's.
export function ReceiptsSection() {
    const receipts = useKnown('receipts', mine);
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
            <legend>{'Read receipts'}</legend>
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
                {'Show when I have seen messages, and see when others have'}
            </label>
            <p className='cc-bell-hint'>
                {setting.allowed ? 'For all your conversations. Off, you neither send nor see "Seen".' : 'Your system admin has turned read receipts off.'}
            </p>
        </fieldset>
    );
}
