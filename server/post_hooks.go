package main

import (
	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"

	"github.com/connectchat/mattermost-plugin-connect/server/records"
)

// MessageWillBePosted refuses messages in conversations that mix staff and non-staff, and
// attaches record cards from what is already known (it never waits on ServiceNow).
func (p *Plugin) MessageWillBePosted(_ *plugin.Context, post *model.Post) (*model.Post, string) {
	if reason := p.staff.Policy.Screen(post.ChannelId, post.UserId, post.Type); reason != "" {
		return nil, reason
	}
	if withCards := p.records.Attach(post); withCards != nil {
		return withCards, ""
	}
	return post, ""
}

// MessageWillBeUpdated applies the same rule to edits, and re-reads the records of an edited
// message. Connect's own card updates leave the message as it was: Mattermost would mark
// them as the author's edit, so they keep the post's edit time.
func (p *Plugin) MessageWillBeUpdated(_ *plugin.Context, newPost, oldPost *model.Post) (*model.Post, string) {
	if reason := p.staff.Policy.Screen(newPost.ChannelId, newPost.UserId, newPost.Type); reason != "" {
		return nil, reason
	}
	if records.IsCardUpdate(newPost, oldPost) {
		newPost.EditAt = oldPost.EditAt
		return newPost, ""
	}
	if newPost.Message == oldPost.Message {
		return newPost, ""
	}
	if withCards := p.records.Attach(newPost); withCards != nil {
		return withCards, ""
	}
	return newPost, ""
}

// MessageHasBeenPosted fills in record details after the post, off the posting path, and
// updates the conversation lists of its members.
func (p *Plugin) MessageHasBeenPosted(_ *plugin.Context, post *model.Post) {
	p.records.Posted(post)
	p.conversations.MessageHasBeenPosted(post)
}

// MessageHasBeenUpdated fills in the records of an edited message (Connect's own card
// updates are already being filled in).
func (p *Plugin) MessageHasBeenUpdated(_ *plugin.Context, newPost, oldPost *model.Post) {
	if newPost.Message != oldPost.Message {
		p.records.Posted(newPost)
	}
	p.conversations.MessageHasBeenUpdated(newPost)
}

// EmailNotificationWillBeSent adds the post's record cards to Mattermost's notification email.
func (p *Plugin) EmailNotificationWillBeSent(email *model.EmailNotification) (*model.EmailNotificationContent, string) {
	post, err := p.client.Post.GetPost(email.PostId)
	if err != nil {
		return nil, ""
	}
	return p.records.EmailContent(email.EmailNotificationContent, post), ""
}
