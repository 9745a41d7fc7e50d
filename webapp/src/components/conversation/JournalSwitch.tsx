import React, {useId} from 'react';
import {defineMessages} from 'react-intl';

import {useConnectIntl} from '../../i18n/intl';
import {journalLabels, type Journal} from '../../types/journal';
import {Alert} from '../common/Alert';
import {useKnown} from '../common/use_known';

const messages = defineMessages({
    label: {id: 'connect.journal.switch.label', defaultMessage: 'Send to the record as'},
    commentsTitle: {id: 'connect.journal.switch.comments_title', defaultMessage: 'The caller sees comments in ServiceNow'},
    workNotesTitle: {id: 'connect.journal.switch.work_notes_title', defaultMessage: 'Work notes are for staff only'},
});

// In a record conversation's composer: whether the next messages go to the record as work notes
// or comments (ServiceNow Connect's per-message switch). The choice is the user's for this
// conversation, kept by the server (Mattermost's own clients use it too); each message carries
// it (use_conversation), and shows it once sent.
export function JournalSwitch({conversationId}: {conversationId: string}) {
    const name = useId();
    const intl = useConnectIntl();
    const known = useKnown('journalKind', conversationId);
    const current: Journal = known.value?.kind === 'comments' ? 'comments' : 'work_notes';
    const choose = (kind: Journal) => {
        if (kind !== current) {
            void known.save({kind}, (client) => client.setJournalKind(conversationId, {kind}));
        }
    };
    return (
        <div className='cc-journal-switch'>
            <div
                role='radiogroup'
                aria-label={intl.formatMessage(messages.label)}
            >
                {(['work_notes', 'comments'] as const).map((kind) => (
                    <label
                        key={kind}
                        className={kind === current ? 'cc-journal-option cc-journal-option--on' : 'cc-journal-option'}
                        title={intl.formatMessage(kind === 'comments' ? messages.commentsTitle : messages.workNotesTitle)}
                    >
                        <input
                            type='radio'
                            name={name}
                            value={kind}
                            checked={kind === current}
                            disabled={known.busy}
                            onChange={() => choose(kind)}
                        />
                        {intl.formatMessage(journalLabels[kind])}
                    </label>
                ))}
            </div>
            <Alert message={known.failure ?? known.readFailure}/>
        </div>
    );
}
