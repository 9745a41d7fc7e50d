// The fields of Mattermost's UserProfile that Connect Chat reads.
export interface UserProfile {
    id: string;
    username: string;
    first_name: string;
    last_name: string;
    nickname?: string;

    // Mattermost's language code for the user (en, fr, pt-BR, ...), as GET /api/v4/users/me gives it.
    locale?: string;

    // useAutomaticTimezone is "true" or "false"; an empty zone means none is set.
    timezone?: {useAutomaticTimezone?: string; automaticTimezone?: string; manualTimezone?: string};
}
