// Package shape owns the rule for what a Connect conversation is: a Mattermost direct message
// between two people, a group message, or a private channel the Connect bot created (a
// managed group). Every other channel is not a conversation.
package shape

import (
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
)

// Shape is how a Mattermost channel takes part in Connect.
type Shape int

const (
	// None is a channel that is not a Connect conversation.
	None Shape = iota
	// Direct is a DM between two different people.
	Direct
	// GroupMessage is a Mattermost GM, whose members never change.
	GroupMessage
	// Managed is a private channel the Connect bot created: a group whose members can change.
	Managed
)

// Of classifies a channel; botID is the Connect bot's user id.
func Of(ch *model.Channel, botID string) Shape {
	switch {
	case ch == nil || ch.DeleteAt != 0:
		return None
	case ch.Type == model.ChannelTypeDirect && len(DirectMemberIDs(ch)) == 2:
		return Direct
	case ch.Type == model.ChannelTypeGroup:
		return GroupMessage
	case ch.Type == model.ChannelTypePrivate && botID != "" && ch.CreatorId == botID:
		return Managed
	}
	return None
}

// IsConversation reports whether the shape is any kind of Connect conversation.
func (s Shape) IsConversation() bool { return s != None }

// DirectMemberIDs reads a DM's two members from its name; nothing for a DM with oneself or
// any other channel.
func DirectMemberIDs(ch *model.Channel) []string {
	if ch.Type != model.ChannelTypeDirect {
		return nil
	}
	ids := strings.Split(ch.Name, "__")
	if len(ids) != 2 || ids[0] == ids[1] {
		return nil
	}
	return ids
}
