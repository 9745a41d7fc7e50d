import {changeKnown, mine, type StateDeps} from '../../state/known';

// The digest_changed event: {enabled, interval_minutes} and, for one conversation's change,
// {conversation_id, included}. The rest of the settings (range, email) stay as last read.
export function onDigestChanged(deps: StateDeps, data: Record<string, unknown>): void {
    const {enabled, interval_minutes, conversation_id, included} = data;
    if (typeof enabled === 'boolean' && typeof interval_minutes === 'number') {
        changeKnown(deps, 'digestSettings', mine, (settings) => settings && {...settings, enabled, interval_minutes});
    }
    if (typeof conversation_id === 'string' && typeof included === 'boolean') {
        changeKnown(deps, 'digestInclusion', conversation_id, (before) => ({included, reason: before?.reason ?? ''}));
    }
}
