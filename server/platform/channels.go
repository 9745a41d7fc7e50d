package platform

import (
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/mattermost/mattermost/server/public/pluginapi"
	"github.com/pkg/errors"
)

// Channels is Mattermost's channels and channel members. Member lists are always read whole.
type Channels struct {
	api    plugin.API
	client *pluginapi.Client
}

func (c *Channels) Channel(channelID string) (*model.Channel, error) {
	return c.client.Channel.Get(channelID)
}

// ChannelsOf asks for the channels of no team in particular, which are all of them, DMs and
// GMs included.
func (c *Channels) ChannelsOf(userID string) ([]*model.Channel, error) {
	channels, err := c.client.Channel.ListForTeamForUser("", userID, false)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	return channels, err
}

// MembershipsOf returns every channel membership of userID.
func (c *Channels) MembershipsOf(userID string) ([]*model.ChannelMember, error) {
	return allPages(membershipPage, func(page, perPage int) ([]*model.ChannelMember, error) {
		return c.client.Channel.ListMembersForUser("", userID, page, perPage)
	})
}

func (c *Channels) Membership(channelID, userID string) (*model.ChannelMember, error) {
	return c.client.Channel.GetMember(channelID, userID)
}

// Members returns every member of channelID, with what Mattermost keeps of each (last viewed,
// unread counts).
func (c *Channels) Members(channelID string) ([]*model.ChannelMember, error) {
	return allPages(pageSize, func(page, perPage int) ([]*model.ChannelMember, error) {
		return c.client.Channel.ListMembers(channelID, page, perPage)
	})
}

// MemberIDs returns the ids of every member of channelID.
func (c *Channels) MemberIDs(channelID string) ([]string, error) {
	members, err := allPages(pageSize, func(page, perPage int) ([]*model.ChannelMember, error) {
		return c.client.Channel.ListMembers(channelID, page, perPage)
	})
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(members))
	for _, m := range members {
		ids = append(ids, m.UserId)
	}
	return ids, nil
}

// LatestPost returns the channel's newest post, or nil when it has none.
func (c *Channels) LatestPost(channelID string) (*model.Post, error) {
	list, err := c.client.Post.GetPostsForChannel(channelID, 0, 1)
	if err != nil || list == nil || len(list.Order) == 0 {
		return nil, err
	}
	return list.Posts[list.Order[0]], nil
}

// CanRead reports whether userID may read the posts of channelID.
func (c *Channels) CanRead(userID, channelID string) bool {
	return c.api.HasPermissionToChannel(userID, channelID, model.PermissionReadChannelContent)
}

func (c *Channels) DirectChannel(userID, otherID string) (*model.Channel, error) {
	return c.client.Channel.GetDirect(userID, otherID)
}

func (c *Channels) CreateChannel(channel *model.Channel) (*model.Channel, error) {
	return channel, c.client.Channel.Create(channel)
}

func (c *Channels) UpdateChannel(channel *model.Channel) (*model.Channel, error) {
	return channel, c.client.Channel.Update(channel)
}

// AddMember adds userID to channelID; actorID is who added them ("" for the system).
func (c *Channels) AddMember(channelID, userID, actorID string) error {
	if actorID == "" {
		_, err := c.client.Channel.AddMember(channelID, userID)
		return err
	}
	_, err := c.client.Channel.AddUser(channelID, userID, actorID)
	return err
}

// UpdateNotifications sets userID's notify props in channelID (desktop, push, email,
// mark_unread); Mattermost keeps only the keys it knows.
func (c *Channels) UpdateNotifications(channelID, userID string, props map[string]string) error {
	_, appErr := c.api.UpdateChannelMemberNotifications(channelID, userID, props)
	return appError(appErr)
}

func (c *Channels) RemoveMember(channelID, userID string) error {
	return c.client.Channel.DeleteMember(channelID, userID)
}

// UploadChannelID is the channel a file is uploaded to. Uploads made through the plugin API
// leave ChannelId empty; their storage path still names the channel.
func UploadChannelID(info *model.FileInfo) string {
	if info.ChannelId != "" {
		return info.ChannelId
	}
	_, rest, found := strings.Cut(info.Path, "/channels/")
	if !found {
		return ""
	}
	channelID, _, _ := strings.Cut(rest, "/")
	return channelID
}
