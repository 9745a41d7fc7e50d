// The message ids of Connect's System Console page. Display names, help texts and option names
// come from plugin.json, whose English is the default message (webapp/i18n/en.json holds the same
// text, and a test keeps the two equal); section titles and subtitles are here.

export interface Message {
    id: string;
    defaultMessage: string;
}

interface SettingText {
    key: string;
    display_name: string;
    help_text?: string;
    options?: Array<{display_name: string; value: string}>;
}

export interface SettingMessages {
    label: Message;
    help?: Message;
    options: Record<string, Message>;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export function settingMessages(setting: SettingText): SettingMessages {
    const base = `connect.admin.${lowerFirst(setting.key)}`;
    const options: Record<string, Message> = {};
    for (const option of setting.options ?? []) {
        options[option.value] = {id: `${base}.option.${option.value}`, defaultMessage: option.display_name};
    }
    return {
        label: {id: `${base}.label`, defaultMessage: setting.display_name},
        help: setting.help_text ? {id: `${base}.help`, defaultMessage: setting.help_text} : undefined,
        options,
    };
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
