package conversations

import (
	"errors"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/mattermost/mattermost/server/public/pluginapi"
)

// Mattermost is the Reader, Writer and Events the service uses, over the plugin API.
type Mattermost struct {
	client *pluginapi.Client
	api    plugin.API
	botID  string
}

// NewMattermost reaches Mattermost through client and api; ephemeral messages come from botID.
func NewMattermost(client *pluginapi.Client, api plugin.API, botID string) *Mattermost {
	return &Mattermost{client: client, api: api, botID: botID}
}

const (
	membershipPage = 1000
	memberPage     = 200
	usersPerCall   = 500
)

// ChannelsOf asks for the channels of no team in particular, which are all of them.
func (m *Mattermost) ChannelsOf(userID string) ([]*model.Channel, error) {
	channels, err := m.client.Channel.ListForTeamForUser("", userID, false)
	if errors.Is(err, pluginapi.ErrNotFound) {
		return nil, nil
	}
	return channels, err
}

func (m *Mattermost) MembershipsOf(userID string) ([]*model.ChannelMember, error) {
	var all []*model.ChannelMember
	for page := 0; ; page++ {
		batch, err := m.client.Channel.ListMembersForUser("", userID, page, membershipPage)
		if err != nil {
			return nil, err
		}
		all = append(all, batch...)
		if len(batch) < membershipPage {
			return all, nil
		}
	}
}

func (m *Mattermost) Channel(channelID string) (*model.Channel, error) {
	return m.client.Channel.Get(channelID)
}

func (m *Mattermost) Membership(channelID, userID string) (*model.ChannelMember, error) {
	return m.client.Channel.GetMember(channelID, userID)
}

func (m *Mattermost) MemberIDs(channelID string) ([]string, error) {
	var ids []string
	for page := 0; ; page++ {
		members, err := m.client.Channel.ListMembers(channelID, page, memberPage)
		if err != nil {
			return nil, err
		}
		for _, member := range members {
			ids = append(ids, member.UserId)
		}
		if len(members) < memberPage {
			return ids, nil
		}
	}
}

func (m *Mattermost) Users(userIDs []string) ([]*model.User, error) {
	users := make([]*model.User, 0, len(userIDs))
	for start := 0; start < len(userIDs); start += usersPerCall {
		batch, appErr := m.api.GetUsersByIds(userIDs[start:min(start+usersPerCall, len(userIDs))])
		if appErr != nil {
			return nil, appErr
		}
		users = append(users, batch...)
	}
	return users, nil
}

func (m *Mattermost) LatestPost(channelID string) (*model.Post, error) {
	list, err := m.client.Post.GetPostsForChannel(channelID, 0, 1)
	if err != nil || list == nil || len(list.Order) == 0 {
		return nil, err
	}
	return list.Posts[list.Order[0]], nil
}

func (m *Mattermost) TeamID(name string) (string, error) {
	team, err := m.client.Team.GetByName(name)
	if err != nil {
		return "", err
	}
	return team.Id, nil
}

func (m *Mattermost) DirectChannel(userID, otherID string) (*model.Channel, error) {
	return m.client.Channel.GetDirect(userID, otherID)
}

func (m *Mattermost) CreateChannel(channel *model.Channel) (*model.Channel, error) {
	return channel, m.client.Channel.Create(channel)
}

func (m *Mattermost) UpdateChannel(channel *model.Channel) (*model.Channel, error) {
	return channel, m.client.Channel.Update(channel)
}

func (m *Mattermost) JoinTeam(teamID, userID string) error {
	member, err := m.client.Team.GetMember(teamID, userID)
	if err == nil && member.DeleteAt == 0 {
		return nil
	}
	if err != nil && !errors.Is(err, pluginapi.ErrNotFound) {
		return err
	}
	_, err = m.client.Team.CreateMember(teamID, userID)
	return err
}

func (m *Mattermost) AddMember(channelID, userID, actorID string) error {
	if actorID == "" {
		_, err := m.client.Channel.AddMember(channelID, userID)
		return err
	}
	_, err := m.client.Channel.AddUser(channelID, userID, actorID)
	return err
}

func (m *Mattermost) RemoveMember(channelID, userID string) error {
	return m.client.Channel.DeleteMember(channelID, userID)
}

func (m *Mattermost) Publish(userID, event string, payload map[string]any) {
	m.api.PublishWebSocketEvent(event, payload, &model.WebsocketBroadcast{UserId: userID})
}

func (m *Mattermost) Ephemeral(userID, channelID, message string) {
	m.api.SendEphemeralPost(userID, &model.Post{UserId: m.botID, ChannelId: channelID, Message: message})
}

func (m *Mattermost) Broadcast(event, data string) error {
	return m.client.Cluster.PublishPluginEvent(
		model.PluginClusterEvent{Id: event, Data: []byte(data)},
		model.PluginClusterEventSendOptions{SendType: model.PluginClusterEventSendTypeReliable},
	)
}

func (m *Mattermost) Get(key string) ([]byte, error) {
	value, appErr := m.api.KVGet(key)
	if appErr != nil {
		return nil, appErr
	}
	return value, nil
}

func (m *Mattermost) Set(key string, value []byte) error {
	if value == nil {
		return appError(m.api.KVDelete(key))
	}
	return appError(m.api.KVSet(key, value))
}

func (m *Mattermost) CompareAndSet(key string, oldValue, newValue []byte) (bool, error) {
	saved, appErr := m.api.KVSetWithOptions(key, newValue, model.PluginKVSetOptions{Atomic: true, OldValue: oldValue})
	return saved, appError(appErr)
}

// appError turns a nil *model.AppError into a nil error.
func appError(appErr *model.AppError) error {
	if appErr == nil {
		return nil
	}
	return appErr
}
