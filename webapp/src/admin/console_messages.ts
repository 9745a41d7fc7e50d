// The sections of Connect's System Console page: their titles and subtitles, and which settings
// each holds (the settings' own texts are in setting_messages.ts).

export interface Message {
    id: string;
    defaultMessage: string;
}

// The custom settings: components Connect registers, which draw their own translated label.
export const customSettingKeys = ['CheckConnection', 'StaffSummary'];

export interface SectionLayout {
    key: string;
    title: Message;
    subtitle: Message;
    keys: string[];
}

// The sections of the translated page, in order. plugin.json keeps the three secrets among its
// top-level settings (the only ones Mattermost masks); here they sit beside their section's settings.
export const sectionLayout: SectionLayout[] = [
    {
        key: 'servicenow',
        title: {id: 'connect.admin.section.servicenow.title', defaultMessage: 'ServiceNow'},
        subtitle: {id: 'connect.admin.section.servicenow.subtitle', defaultMessage: 'The instance Connect reads records and role holders from, and how it signs in. The password and client secret are write-only: once saved, they are never sent back to a browser.'},
        keys: ['ServiceNowURL', 'ServiceNowAuthMode', 'ServiceNowUsername', 'ServiceNowPassword', 'ServiceNowClientID', 'ServiceNowClientSecret', 'CheckConnection'],
    },
    {
        key: 'staff',
        title: {id: 'connect.admin.section.staff.title', defaultMessage: 'Who is staff'},
        subtitle: {id: 'connect.admin.section.staff.subtitle', defaultMessage: 'Connect conversations are for ITIL staff only: the members of the staff teams and groups, and the holders of the ServiceNow roles.'},
        keys: ['StaffTeams', 'StaffGroups', 'StaffRoles', 'StaffSyncMinutes', 'EnforcementMode', 'StaffSummary'],
    },
    {
        key: 'cards',
        title: {id: 'connect.admin.section.cards.title', defaultMessage: 'Record cards'},
        subtitle: {id: 'connect.admin.section.cards.subtitle', defaultMessage: 'Ticket numbers and record links in messages become live cards.'},
        keys: ['RecordPrefixes', 'NumberDigits', 'MaxCardsPerMessage', 'RecordTables', 'RecordCacheSeconds'],
    },
    {
        key: 'conversations',
        title: {id: 'connect.admin.section.conversations.title', defaultMessage: 'Conversations and read receipts'},
        subtitle: {id: 'connect.admin.section.conversations.subtitle', defaultMessage: 'Where Connect\'s group conversations live, and what staff see of each other.'},
        keys: ['ConversationTeam', 'ReadReceipts'],
    },
    {
        key: 'notifications',
        title: {id: 'connect.admin.section.notifications.title', defaultMessage: 'Notifications and digest'},
        subtitle: {id: 'connect.admin.section.notifications.subtitle', defaultMessage: 'Mattermost\'s emails for Connect conversations, and the email digest staff may opt in to.'},
        keys: ['EmailRule', 'DigestAllowed', 'DigestMinMinutes', 'DigestMaxMinutes', 'DigestDefaultMinutes'],
    },
    {
        key: 'following',
        title: {id: 'connect.admin.section.following.title', defaultMessage: 'Following records'},
        subtitle: {id: 'connect.admin.section.following.subtitle', defaultMessage: 'Record conversations that follow a ServiceNow record, updated by ServiceNow\'s webhook and by polling.'},
        keys: ['WebhookSecret', 'FollowPollMinutes', 'FollowTables', 'FollowTwoWay', 'AttachFiles'],
    },
    {
        key: 'acting',
        title: {id: 'connect.admin.section.acting.title', defaultMessage: 'Acting on records'},
        subtitle: {id: 'connect.admin.section.acting.subtitle', defaultMessage: 'What staff may write to ServiceNow from a conversation.'},
        keys: ['SaveToRecords', 'CreateRecords', 'CreateTables'],
    },
];
