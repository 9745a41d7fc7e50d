// The fields of Mattermost's UserProfile that Connect Chat reads.
export interface UserProfile {
    id: string;
    username: string;
    first_name: string;
    last_name: string;
    nickname?: string;
}
