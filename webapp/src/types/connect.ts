// The plugin's conversations API and events (server/api, server/conversations), as the server's
// Go types declare them: see wire.generated.ts.
export type {Conversation, ConversationKind, ConversationList, LastPost, Member, StaffPage, StaffPerson, UnreadTotals} from './wire.generated';
