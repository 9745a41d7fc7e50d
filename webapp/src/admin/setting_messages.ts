// The System Console texts of plugin.json's settings, as message descriptors: the English is
// plugin.json's own (setting_messages.test.ts keeps them equal), the translations are in
// webapp/i18n. Custom settings draw their own label and have none here.
import type {Message} from './console_messages';

export interface SettingText {
    label: Message;
    help?: Message;
    options?: Record<string, Message>;
}

export const settingTexts: Record<string, SettingText> = {
    ServiceNowPassword: {
        label: {id: 'connect.admin.servicenow_password.label', defaultMessage: 'ServiceNow password'},
        help: {id: 'connect.admin.servicenow_password.help', defaultMessage: 'Basic authentication: the integration user\'s password.'},
    },
    ServiceNowClientSecret: {
        label: {id: 'connect.admin.servicenow_client_secret.label', defaultMessage: 'ServiceNow OAuth client secret'},
        help: {id: 'connect.admin.servicenow_client_secret.help', defaultMessage: 'OAuth: the client secret.'},
    },
    WebhookSecret: {
        label: {id: 'connect.admin.webhook_secret.label', defaultMessage: 'ServiceNow webhook secret'},
        help: {id: 'connect.admin.webhook_secret.help', defaultMessage: 'The secret ServiceNow signs its record events with (HMAC-SHA256). Generated on first start; paste it into the Connect Chat business rule\'s system property in ServiceNow (see the README). Regenerating it stops events until ServiceNow has the new one.'},
    },
    ServiceNowURL: {
        label: {id: 'connect.admin.servicenow_url.label', defaultMessage: 'ServiceNow instance URL'},
        help: {id: 'connect.admin.servicenow_url.help', defaultMessage: 'The instance\'s address, for record cards and role sync.'},
    },
    ServiceNowAuthMode: {
        label: {id: 'connect.admin.servicenow_auth_mode.label', defaultMessage: 'ServiceNow authentication'},
        help: {id: 'connect.admin.servicenow_auth_mode.help', defaultMessage: 'How Connect signs in to the ServiceNow Table API.'},
        options: {
            basic: {id: 'connect.admin.servicenow_auth_mode.option.basic', defaultMessage: 'Basic (integration user)'},
            oauth: {id: 'connect.admin.servicenow_auth_mode.option.oauth', defaultMessage: 'OAuth client credentials'},
        },
    },
    ServiceNowUsername: {
        label: {id: 'connect.admin.servicenow_username.label', defaultMessage: 'ServiceNow user name'},
        help: {id: 'connect.admin.servicenow_username.help', defaultMessage: 'Basic authentication: the integration user. It needs read access to the record tables and sys_user_has_role.'},
    },
    ServiceNowClientID: {
        label: {id: 'connect.admin.servicenow_client_id.label', defaultMessage: 'ServiceNow OAuth client ID'},
        help: {id: 'connect.admin.servicenow_client_id.help', defaultMessage: 'OAuth: the client ID of the application registry entry.'},
    },
    StaffTeams: {
        label: {id: 'connect.admin.staff_teams.label', defaultMessage: 'Staff teams'},
        help: {id: 'connect.admin.staff_teams.help', defaultMessage: 'Team names (the part in the team\'s URL), comma separated. Active, non-guest members of these teams are ITIL staff.'},
    },
    StaffGroups: {
        label: {id: 'connect.admin.staff_groups.label', defaultMessage: 'Staff user groups'},
        help: {id: 'connect.admin.staff_groups.help', defaultMessage: 'User group names (without @), comma separated. Active, non-guest members of these groups are ITIL staff.'},
    },
    StaffRoles: {
        label: {id: 'connect.admin.staff_roles.label', defaultMessage: 'ServiceNow staff roles'},
        help: {id: 'connect.admin.staff_roles.help', defaultMessage: 'ServiceNow role names, comma separated. Active ServiceNow users holding one of them are ITIL staff when their email matches a Mattermost user\'s email. Leave empty to not use ServiceNow roles.'},
    },
    StaffSyncMinutes: {
        label: {id: 'connect.admin.staff_sync_minutes.label', defaultMessage: 'Role sync interval (minutes)'},
        help: {id: 'connect.admin.staff_sync_minutes.help', defaultMessage: 'How often the ServiceNow role holders are read again (1 to 1440). /connect staff sync reads them at once.'},
    },
    EnforcementMode: {
        label: {id: 'connect.admin.enforcement_mode.label', defaultMessage: 'Staff-only enforcement'},
        help: {id: 'connect.admin.enforcement_mode.help', defaultMessage: 'What happens when a direct or group message mixes ITIL staff with people who are not staff. Team channels are never affected.'},
        options: {
            enforce: {id: 'connect.admin.enforcement_mode.option.enforce', defaultMessage: 'Enforce: block messages and files in conversations with non-staff'},
            warn: {id: 'connect.admin.enforcement_mode.option.warn', defaultMessage: 'Warn: let them through and warn the author'},
            off: {id: 'connect.admin.enforcement_mode.option.off', defaultMessage: 'Off'},
        },
    },
    RecordPrefixes: {
        label: {id: 'connect.admin.record_prefixes.label', defaultMessage: 'Number prefixes'},
        help: {id: 'connect.admin.record_prefixes.help', defaultMessage: 'One PREFIX=table per line, as in ServiceNow Number Maintenance. The longest matching prefix wins.'},
    },
    NumberDigits: {
        label: {id: 'connect.admin.number_digits.label', defaultMessage: 'Digits after the prefix'},
        help: {id: 'connect.admin.number_digits.help', defaultMessage: 'How many digits follow a prefix in a record number (4 to 12).'},
    },
    MaxCardsPerMessage: {
        label: {id: 'connect.admin.max_cards_per_message.label', defaultMessage: 'Cards per message'},
        help: {id: 'connect.admin.max_cards_per_message.help', defaultMessage: 'At most this many records in one message become cards (1 to 20); the rest stay text.'},
    },
    RecordTables: {
        label: {id: 'connect.admin.record_tables.label', defaultMessage: 'Other record tables'},
        help: {id: 'connect.admin.record_tables.help', defaultMessage: 'Comma-separated ServiceNow tables whose record links become cards, besides the tables of the number prefixes (and kb_knowledge). Links to any other table are left as they are and never looked up.'},
    },
    RecordCacheSeconds: {
        label: {id: 'connect.admin.record_cache_seconds.label', defaultMessage: 'Record cache (seconds)'},
        help: {id: 'connect.admin.record_cache_seconds.help', defaultMessage: 'How long record details are reused before ServiceNow is asked again (10 to 86400).'},
    },
    ConversationTeam: {
        label: {id: 'connect.admin.conversation_team.label', defaultMessage: 'Conversation team'},
        help: {id: 'connect.admin.conversation_team.help', defaultMessage: 'Team name (the part in the team\'s URL) that Connect\'s group conversations belong to; members not in it are added to it. Leave empty to use the first staff team.'},
    },
    ReadReceipts: {
        label: {id: 'connect.admin.read_receipts.label', defaultMessage: 'Read receipts'},
        help: {id: 'connect.admin.read_receipts.help', defaultMessage: 'Show staff who has seen their messages in Connect conversations ("Seen 10:42", "Seen by Bob and Carol"), from the time each member last viewed the conversation in any Mattermost client. Each person can turn theirs off in Connect; someone who does neither shows nor sees receipts. Off: nobody sees receipts.'},
    },
    EmailRule: {
        label: {id: 'connect.admin.email_rule.label', defaultMessage: 'Email for Connect conversations'},
        help: {id: 'connect.admin.email_rule.help', defaultMessage: 'Opt-in: a Connect conversation sends Mattermost\'s per-message notification emails only to members who set its bell\'s email to all activity or @mentions. Follow: Mattermost\'s own email settings decide, as in any direct or group message.'},
        options: {
            optin: {id: 'connect.admin.email_rule.option.optin', defaultMessage: 'Opt-in: per-message emails only for conversations whose bell asks for them'},
            follow: {id: 'connect.admin.email_rule.option.follow', defaultMessage: 'Follow Mattermost\'s own email settings'},
        },
    },
    DigestAllowed: {
        label: {id: 'connect.admin.digest_allowed.label', defaultMessage: 'Email digest'},
        help: {id: 'connect.admin.digest_allowed.help', defaultMessage: 'Let staff opt in to an email digest of their unread Connect messages, sent while they are away (through Mattermost\'s SMTP settings). Off: nobody gets one.'},
    },
    DigestMinMinutes: {
        label: {id: 'connect.admin.digest_min_minutes.label', defaultMessage: 'Digest interval, shortest (minutes)'},
        help: {id: 'connect.admin.digest_min_minutes.help', defaultMessage: 'The shortest interval between two digests a user may choose.'},
    },
    DigestMaxMinutes: {
        label: {id: 'connect.admin.digest_max_minutes.label', defaultMessage: 'Digest interval, longest (minutes)'},
        help: {id: 'connect.admin.digest_max_minutes.help', defaultMessage: 'The longest interval a user may choose (at most 10080, a week).'},
    },
    DigestDefaultMinutes: {
        label: {id: 'connect.admin.digest_default_minutes.label', defaultMessage: 'Digest interval, default (minutes)'},
        help: {id: 'connect.admin.digest_default_minutes.help', defaultMessage: 'The interval of a user who turns the digest on without choosing one.'},
    },
    FollowPollMinutes: {
        label: {id: 'connect.admin.follow_poll_minutes.label', defaultMessage: 'Polling interval for followed records (minutes)'},
        help: {id: 'connect.admin.follow_poll_minutes.help', defaultMessage: 'How often Connect asks ServiceNow for changes to followed records, in case the webhook is not installed or misses an event. Each update still appears once.'},
    },
    FollowTables: {
        label: {id: 'connect.admin.follow_tables.label', defaultMessage: 'Tables that can be followed'},
        help: {id: 'connect.admin.follow_tables.help', defaultMessage: 'Comma-separated ServiceNow tables whose records staff can follow. Empty: incident, problem, problem_task, change_request, change_task, sc_request, sc_req_item, sc_task, task, sn_customerservice_case.'},
    },
    FollowTwoWay: {
        label: {id: 'connect.admin.follow_two_way.label', defaultMessage: 'Two-way record conversations'},
        help: {id: 'connect.admin.follow_two_way.help', defaultMessage: 'Write staff messages posted in a record conversation to the record in ServiceNow, as a work note or a comment (each author chooses per conversation with the composer\'s switch or /connect follow mode comments), attributed "Alice Archer via Connect: ..."; an edit adds an "(edited)" entry, a deletion nothing. Writes are queued and retried until ServiceNow takes them. Needs a ServiceNow user allowed to update the followed tables.'},
    },
    AttachFiles: {
        label: {id: 'connect.admin.attach_files.label', defaultMessage: 'Attach shared files to records'},
        help: {id: 'connect.admin.attach_files.help', defaultMessage: 'When two-way record conversations are on, attach each file shared in a record conversation to the record with ServiceNow\'s Attachment API. A file ServiceNow refuses (too large, say) stays in the conversation and its author is told why.'},
    },
    SaveToRecords: {
        label: {id: 'connect.admin.save_to_records.label', defaultMessage: 'Save conversations to records'},
        help: {id: 'connect.admin.save_to_records.help', defaultMessage: 'Let staff save picked messages of any Connect conversation to a ServiceNow record as one work note or comment ("Add to record..." on a message, or /connect save). Each message is written to a record once. Needs a ServiceNow user allowed to update the record tables.'},
    },
    CreateRecords: {
        label: {id: 'connect.admin.create_records.label', defaultMessage: 'Create records from conversations'},
        help: {id: 'connect.admin.create_records.help', defaultMessage: 'Let ITIL staff create a ServiceNow record from a Connect conversation (/connect create, or Create record in the workspace): the short description, a caller chosen among the conversation\'s members, and the recent messages as its first work note, attributed "Alice Archer via Connect". Needs a ServiceNow user allowed to create records in the tables below. Off: nobody can create records through Connect.'},
    },
    CreateTables: {
        label: {id: 'connect.admin.create_tables.label', defaultMessage: 'Tables records can be created in'},
        help: {id: 'connect.admin.create_tables.help', defaultMessage: 'Comma-separated ServiceNow tables staff may create records in. Each must also be a record table (a number prefix\'s table or one of the other record tables), so its new records get cards. Default: incident.'},
    },
};
