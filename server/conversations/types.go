package conversations

import (
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// Kind is "direct" (a Mattermost DM) or "group" (a Mattermost GM or a managed private channel).
type Kind string

const (
	Direct Kind = "direct"
	Group  Kind = "group"
)

// Member is one person in a conversation.
type Member struct {
	ID          string `json:"id"`
	Username    string `json:"username"`
	DisplayName string `json:"display_name"`
}

// LastPost is the newest message of a conversation, as a plain-text preview.
type LastPost struct {
	ID       string `json:"id"`
	UserID   string `json:"user_id"`
	Message  string `json:"message"`
	CreateAt int64  `json:"create_at"`
}

// Conversation is one conversation as one member sees it.
type Conversation struct {
	ID             string    `json:"id"`
	Kind           Kind      `json:"kind"`
	Name           string    `json:"name"`
	CustomName     bool      `json:"custom_name"`
	Members        []Member  `json:"members"`
	AvatarURL      string    `json:"avatar_url"`
	LastPost       *LastPost `json:"last_post"`
	LastActivityAt int64     `json:"last_activity_at"`
	UnreadCount    int64     `json:"unread_count"`
	MentionCount   int64     `json:"mention_count"`
	// LastViewedAt is when the member last viewed the conversation in any client (Mattermost's
	// channel member last_viewed_at): the messages after it are the unread ones.
	LastViewedAt int64 `json:"last_viewed_at"`
	Open         bool  `json:"open"`
	Managed      bool  `json:"managed"`
	// Record is the ServiceNow record of a record conversation, whose members follow it.
	Record *RecordRef `json:"record,omitempty"`
}

// RecordRef is the record a record conversation is about.
type RecordRef struct {
	Table            string `json:"table"`
	SysID            string `json:"sys_id"`
	Number           string `json:"number"`
	ShortDescription string `json:"short_description"`
	URL              string `json:"url"`
}

// List is the sidebar: the open conversations and their unread totals.
type List struct {
	Conversations []Conversation `json:"conversations"`
	TotalUnread   int64          `json:"total_unread"`
	TotalMentions int64          `json:"total_mentions"`
}

// CreateRequest starts a conversation with UserIDs (the caller is added implicitly).
type CreateRequest struct {
	UserIDs []string `json:"user_ids"`
	Name    string   `json:"name"`
}

func invalid(msg i18n.Message) error {
	return failure.New(failure.Invalid, msg)
}

var errNoSuchConversation = failure.New(failure.NotFound, i18n.M("connect.conversations.not_found", "No such conversation."))
