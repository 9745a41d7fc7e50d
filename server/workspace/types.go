package workspace

import (
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
)

// File is one file shared in a conversation.
type File struct {
	ID              string `json:"id"`
	Name            string `json:"name"`
	Extension       string `json:"extension"`
	MimeType        string `json:"mime_type"`
	Size            int64  `json:"size"`
	Width           int    `json:"width"`
	Height          int    `json:"height"`
	HasPreviewImage bool   `json:"has_preview_image"`
	UserID          string `json:"user_id"`
	PostID          string `json:"post_id"`
	CreateAt        int64  `json:"create_at"`
}

// FilePage is one page of a conversation's files, newest first.
type FilePage struct {
	Files   []File `json:"files"`
	HasMore bool   `json:"has_more"`
}

// RecordsAndLinks is what a conversation's messages mention: ServiceNow records and links.
type RecordsAndLinks struct {
	// Records are the records mentioned, the most recently mentioned first.
	Records []Record `json:"records"`
	// Links are the other http(s) links shared, newest first, each once.
	Links []Link `json:"links"`
	// ScannedPosts is how many posts were read: the newest maxScannedPosts at most.
	ScannedPosts int `json:"scanned_posts"`
	// Complete is false when the conversation has older posts than those read.
	Complete bool `json:"complete"`
}

// Record is one record mentioned in a conversation.
type Record struct {
	Number          string  `json:"number"`
	Table           string  `json:"table"`
	SysID           string  `json:"sys_id,omitempty"`
	URL             string  `json:"url"`
	LastMentionedAt int64   `json:"last_mentioned_at"`
	PostID          string  `json:"post_id"`
	Mentions        int     `json:"mentions"`
	Card            Card    `json:"card"`
	AlsoIn          []Place `json:"also_in"`
}

// Card is what the record's card knows. The details are there only when the record was
// found and the audience rule lets them go to the caller.
type Card struct {
	Status           records.Status `json:"status"`
	Problem          string         `json:"problem,omitempty"`
	ShortDescription string         `json:"short_description,omitempty"`
	State            string         `json:"state,omitempty"`
	Priority         string         `json:"priority,omitempty"`
	AssignedTo       string         `json:"assigned_to,omitempty"`
	Updated          string         `json:"updated,omitempty"`
}

// Place is another conversation of the caller's that mentions the same record.
type Place struct {
	ID   string             `json:"id"`
	Name string             `json:"name"`
	Kind conversations.Kind `json:"kind"`
}

// Link is one link shared in a conversation, as its newest post shared it.
type Link struct {
	URL      string `json:"url"`
	PostID   string `json:"post_id"`
	UserID   string `json:"user_id"`
	CreateAt int64  `json:"create_at"`
}
