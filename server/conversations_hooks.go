package main

import (
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"

	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
)

const (
	// conversationSettleDelay lets Mattermost count a new post's mentions before members hear of it.
	conversationSettleDelay = 250 * time.Millisecond
	// groupNameDelay lets a group being filled settle before its stored name follows its members.
	groupNameDelay = time.Second
)

func (p *Plugin) startConversations() error {
	mattermost := conversations.NewMattermost(p.client, p.API, p.botID)
	p.conversations = conversations.NewService(conversations.Deps{
		Reader:      mattermost,
		Writer:      mattermost,
		Events:      mattermost,
		KV:          mattermost,
		Staff:       p.staff,
		Log:         &p.client.Log,
		Config:      p.config.Load,
		BotID:       p.botID,
		SettleDelay: conversationSettleDelay,
		NameDelay:   groupNameDelay,
	})
	return nil
}

// UserHasJoinedChannel removes people who are not staff from Connect groups, whoever added them.
func (p *Plugin) UserHasJoinedChannel(_ *plugin.Context, member *model.ChannelMember, actor *model.User) {
	actorID := ""
	if actor != nil {
		actorID = actor.Id
	}
	p.staff.Guard.ForgetChannel(member.ChannelId)
	p.conversations.MemberJoined(member.ChannelId, member.UserId, actorID)
}

// UserHasLeftChannel keeps Connect groups' members and names current.
func (p *Plugin) UserHasLeftChannel(_ *plugin.Context, member *model.ChannelMember, _ *model.User) {
	p.staff.Guard.ForgetChannel(member.ChannelId)
	p.conversations.MemberLeft(member.ChannelId, member.UserId)
}

// MessageHasBeenDeleted updates conversation previews.
func (p *Plugin) MessageHasBeenDeleted(_ *plugin.Context, post *model.Post) {
	p.conversations.MessageHasBeenDeleted(post)
}
