import type {UserProfile} from '../types/user';

// The user's time zone as the web app picks it (mattermost-redux utils/timezone_utils.ts
// getUserCurrentTimezone, read by components/timestamp/index.ts): the automatic zone when the user
// chose it, else the manual one. The server always turns time zones on (config/client.go sends
// ExperimentalTimezone "true"). An automatic zone not yet known is the browser's: the web app
// sets it from the browser when it starts.
export function userTimeZone(user: Pick<UserProfile, 'timezone'> | undefined): string | undefined {
    const zone = user?.timezone;
    if (!zone) {
        return undefined;
    }
    const chosen = zone.useAutomaticTimezone === 'false' ? zone.manualTimezone : zone.automaticTimezone;
    return chosen || undefined;
}
