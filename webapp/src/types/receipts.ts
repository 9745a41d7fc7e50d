// Read receipts (F-85): how far the other members have seen a conversation, and the caller's own
// switch, as GET /api/v1/conversations/{id}/seen and GET/PUT /api/v1/receipts answer them: the
// server's Go types, see wire.generated.ts.
export type {ConversationSeen, ReceiptSetting, SeenReader} from './wire.generated';
