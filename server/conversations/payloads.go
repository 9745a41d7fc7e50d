package conversations

// The payloads of the conversation events; server/contract lists them for the web app.

// Updated is conversation_updated: one of the user's conversations changed (members, name,
// opened), as the list shows it.
type Updated struct {
	Conversation Conversation `json:"conversation"`
}

// EventName implements wire.Event.
func (Updated) EventName() string { return EventConversationUpdated }

// Closed is conversation_closed: the conversation leaves the user's list (they closed or left it).
type Closed struct {
	ID string `json:"id"`
}

// EventName implements wire.Event.
func (Closed) EventName() string { return EventConversationClosed }

// UnreadTotals is unread_totals: the user's totals over their open conversations.
type UnreadTotals struct {
	TotalUnread   int64 `json:"total_unread"`
	TotalMentions int64 `json:"total_mentions"`
}

// EventName implements wire.Event.
func (UnreadTotals) EventName() string { return EventUnreadTotals }
