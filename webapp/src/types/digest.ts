// The email digest (F-53), as GET/PUT /api/v1/digest and /api/v1/conversations/{id}/digest
// read and write it.
export interface DigestSettings {
    enabled: boolean;
    interval_minutes: number;

    // The admin's range for the interval.
    min_minutes: number;
    max_minutes: number;

    // Whether the admin allows the digest at all.
    allowed: boolean;

    // Whether Mattermost can send email (its email notifications are on and SMTP is set).
    email_available: boolean;

    // Why the digest cannot go out as set, in words; empty when it can.
    problem: string;
}

export type DigestChange = Partial<Pick<DigestSettings, 'enabled' | 'interval_minutes'>>;

export interface ConversationDigest {
    included: boolean;

    // Why the conversation is left out although asked for (its bell emails every message, say).
    reason: string;
}
