package api

import (
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/follow"
)

// The answers the routes make up themselves; the services' own types are the rest.
// server/contract lists which route answers what, for the web app.

// ConversationSearch answers GET /api/v1/conversations/search.
type ConversationSearch struct {
	Conversations []conversations.Conversation `json:"conversations"`
}

// FollowList answers GET /api/v1/follows.
type FollowList struct {
	Follows []follow.Follow `json:"follows"`
}

// CardsRefreshed answers POST /api/v1/posts/{post_id}/cards/refresh.
type CardsRefreshed struct {
	Changed bool `json:"changed"`
}

// WebhookAnswer answers ServiceNow's webhook: "delivered", "duplicate" or "ignored".
type WebhookAnswer struct {
	Status string `json:"status"`
}

// ErrorBody is every refusal: a sentence for the user.
type ErrorBody struct {
	Error string `json:"error"`
}

// NotStaffBody is the refusal of callers who are not ITIL staff, which clients show a panel for.
type NotStaffBody struct {
	ErrorBody
	// ID is always "connect.not_staff".
	ID string `json:"id"`
	// Help says who counts as staff and whom to ask.
	Help string `json:"help"`
}

// NotStaffID marks NotStaffBody.
const NotStaffID = "connect.not_staff"
