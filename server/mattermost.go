package main

import (
	"strings"
	"sync"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/mattermost/mattermost/server/public/pluginapi"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
)

// directory answers the staff package's questions from Mattermost.
type directory struct {
	client *pluginapi.Client
	api    plugin.API

	teamIDs sync.Map // team name → id; names of teams that do not exist are not cached

	usersMu   sync.Mutex
	users     []*model.User
	usersRead time.Time
}

func (d *directory) User(userID string) (*model.User, error) { return d.client.User.Get(userID) }

func (d *directory) UserByUsername(username string) (*model.User, error) {
	return d.client.User.GetByUsername(username)
}

func (d *directory) InTeam(teamName, userID string) (bool, error) {
	teamID, err := d.teamID(teamName)
	if err != nil || teamID == "" {
		return false, err
	}
	member, err := d.client.Team.GetMember(teamID, userID)
	if errors.Is(err, pluginapi.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return member.DeleteAt == 0, nil
}

func (d *directory) teamID(name string) (string, error) {
	if id, ok := d.teamIDs.Load(name); ok {
		return id.(string), nil
	}
	team, err := d.client.Team.GetByName(name)
	if errors.Is(err, pluginapi.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	d.teamIDs.Store(name, team.Id)
	return team.Id, nil
}

func (d *directory) GroupNames(userID string) ([]string, error) {
	groups, appErr := d.api.GetGroupsForUser(userID)
	if appErr != nil {
		return nil, appErr
	}
	names := make([]string, 0, len(groups))
	for _, g := range groups {
		if g.Name != nil && g.DeleteAt == 0 {
			names = append(names, *g.Name)
		}
	}
	return names, nil
}

// Search matches term against usernames, first, last and full names and nicknames. The
// plugin API's user search leaves full names out, so it searches a list of the active users
// it refreshes at most once a minute.
func (d *directory) Search(term string, limit int) ([]*model.User, error) {
	users, err := d.activeUsers()
	if err != nil {
		return nil, err
	}
	term = strings.ToLower(term)
	var found []*model.User
	for _, u := range users {
		if len(found) == limit {
			break
		}
		if term == "" || userMatches(u, term) {
			found = append(found, u)
		}
	}
	return found, nil
}

func userMatches(u *model.User, term string) bool {
	for _, text := range []string{u.Username, u.FirstName, u.LastName, u.Nickname, u.FirstName + " " + u.LastName} {
		if strings.Contains(strings.ToLower(text), term) {
			return true
		}
	}
	return false
}

const (
	userListTTL  = time.Minute
	userListPage = 200
	maxUserList  = 50_000
)

// forgetUsers makes the next search read the users again (someone joined, left or changed).
func (d *directory) forgetUsers() {
	d.usersMu.Lock()
	defer d.usersMu.Unlock()
	d.usersRead = time.Time{}
}

func (d *directory) activeUsers() ([]*model.User, error) {
	d.usersMu.Lock()
	defer d.usersMu.Unlock()
	if time.Since(d.usersRead) < userListTTL {
		return d.users, nil
	}
	var users []*model.User
	for page := 0; len(users) < maxUserList; page++ {
		batch, err := d.client.User.List(&model.UserGetOptions{Active: true, Page: page, PerPage: userListPage})
		if err != nil {
			return nil, err
		}
		users = append(users, batch...)
		if len(batch) < userListPage {
			break
		}
	}
	d.users, d.usersRead = users, time.Now()
	return users, nil
}

// channels answers the staff guard's questions about channels.
type channels struct {
	client *pluginapi.Client
	botID  string
}

func (c channels) IsManagedGroup(channel *model.Channel) bool {
	return conversations.IsManagedGroup(channel, c.botID)
}

func (c channels) Channel(channelID string) (*model.Channel, error) {
	return c.client.Channel.Get(channelID)
}

func (c channels) MemberIDs(channelID string) ([]string, error) {
	members, err := c.client.Channel.ListMembers(channelID, 0, 200)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(members))
	for _, m := range members {
		ids = append(ids, m.UserId)
	}
	return ids, nil
}

// botMessenger sends private messages as the Connect bot.
type botMessenger struct {
	api   plugin.API
	botID string
}

func (m botMessenger) Ephemeral(userID, channelID, message string) {
	m.api.SendEphemeralPost(userID, &model.Post{UserId: m.botID, ChannelId: channelID, Message: message})
}

// kvStore is the plugin's key-value store with plain Set semantics.
type kvStore struct{ kv *pluginapi.KVService }

func (s kvStore) Get(key string, out any) error { return s.kv.Get(key, out) }

func (s kvStore) Set(key string, value any) error {
	_, err := s.kv.Set(key, value)
	return err
}
