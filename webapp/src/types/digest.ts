// The email digest (F-53), as GET/PUT /api/v1/digest and /api/v1/conversations/{id}/digest
// answer: the server's Go types, see wire.generated.ts.
import type {DigestSettings} from './wire.generated';

export type {ConversationDigest, DigestSettings} from './wire.generated';

// What PUT /api/v1/digest takes: the settings to change.
export type DigestChange = Partial<Pick<DigestSettings, 'enabled' | 'interval_minutes'>>;
