package conversations

import (
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/platform/kvtest"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
	"github.com/connectchat/mattermost-plugin-connect/server/wire"
)

const botID = "connectbot000000000000000000"

// fakeMattermost is an in-memory Mattermost: channels, members, users, posts, teams, KV and events.
type fakeMattermost struct {
	mu sync.Mutex
	// onRemoved runs while RemoveMember is in progress, as Mattermost posts its message then.
	onRemoved   func(channelID, userID string)
	clock       int64
	channels    map[string]*model.Channel
	members     map[string]map[string]*model.ChannelMember
	users       map[string]*model.User
	kinds       map[string]staff.Kind
	posts       map[string][]*model.Post
	teams       map[string]string
	teamMembers map[string]map[string]bool
	kv          *kvtest.Memory
	events      []event
	ephemerals  []event
	broadcasts  []string
	calls       map[string]int
	failPosts   bool
}

type event struct {
	userID, name, channelID string
	payload                 map[string]any
	sent                    wire.Event
}

func newFake() *fakeMattermost {
	return &fakeMattermost{
		clock: 1_000_000, channels: map[string]*model.Channel{}, members: map[string]map[string]*model.ChannelMember{},
		users: map[string]*model.User{}, kinds: map[string]staff.Kind{}, posts: map[string][]*model.Post{},
		teams: map[string]string{"itil": "teamitil00000000000000000a"}, teamMembers: map[string]map[string]bool{},
		kv: kvtest.New(), calls: map[string]int{},
	}
}

func (f *fakeMattermost) tick() int64 { f.clock++; return f.clock }

func (f *fakeMattermost) count(name string) { f.calls[name]++ }

func (f *fakeMattermost) callCount(name string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[name]
}

// person adds a user; kind says whether they are staff.
func (f *fakeMattermost) person(username, first string, kind staff.Kind) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	id := model.NewId()
	f.users[id] = &model.User{Id: id, Username: username, FirstName: first, LastName: "Tester", IsBot: kind == staff.Bot}
	f.kinds[id] = kind
	return id
}

func (f *fakeMattermost) addChannel(ch *model.Channel, memberIDs ...string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if ch.Id == "" {
		ch.Id = model.NewId()
	}
	ch.CreateAt = f.tick()
	f.channels[ch.Id] = ch
	f.members[ch.Id] = map[string]*model.ChannelMember{}
	for _, id := range memberIDs {
		f.members[ch.Id][id] = &model.ChannelMember{ChannelId: ch.Id, UserId: id}
	}
	return ch.Id
}

func (f *fakeMattermost) dm(a, b string) string {
	return f.addChannel(&model.Channel{Type: model.ChannelTypeDirect, Name: model.GetDMNameFromIds(a, b)}, a, b)
}

func (f *fakeMattermost) gm(ids ...string) string {
	return f.addChannel(&model.Channel{Type: model.ChannelTypeGroup, Name: model.NewId()}, ids...)
}

func (f *fakeMattermost) managed(displayName string, ids ...string) string {
	return f.addChannel(&model.Channel{Type: model.ChannelTypePrivate, Name: "connect-" + model.NewId(), DisplayName: displayName, CreatorId: botID, TeamId: f.teams["itil"]}, ids...)
}

// post adds a root post; the author has read everything up to it, as in Mattermost.
func (f *fakeMattermost) post(channelID, userID, message string, mentions ...string) *model.Post {
	f.mu.Lock()
	defer f.mu.Unlock()
	p := &model.Post{Id: model.NewId(), ChannelId: channelID, UserId: userID, Message: message, CreateAt: f.tick()}
	f.posts[channelID] = append(f.posts[channelID], p)
	ch := f.channels[channelID]
	ch.LastPostAt, ch.TotalMsgCountRoot = p.CreateAt, ch.TotalMsgCountRoot+1
	f.members[channelID][userID].MsgCountRoot = ch.TotalMsgCountRoot
	for _, id := range mentions {
		f.members[channelID][id].MentionCountRoot++
	}
	return p
}

func (f *fakeMattermost) ChannelsOf(userID string) ([]*model.Channel, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.count("ChannelsOf")
	var list []*model.Channel
	for id, members := range f.members {
		if members[userID] != nil {
			copied := *f.channels[id]
			list = append(list, &copied)
		}
	}
	return list, nil
}

func (f *fakeMattermost) MembershipsOf(userID string) ([]*model.ChannelMember, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.count("MembershipsOf")
	var list []*model.ChannelMember
	for _, members := range f.members {
		if m := members[userID]; m != nil {
			copied := *m
			list = append(list, &copied)
		}
	}
	return list, nil
}

func (f *fakeMattermost) Channel(channelID string) (*model.Channel, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.count("Channel")
	ch, ok := f.channels[channelID]
	if !ok {
		return nil, ErrMissing
	}
	copied := *ch
	return &copied, nil
}

func (f *fakeMattermost) Membership(channelID, userID string) (*model.ChannelMember, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	m := f.members[channelID][userID]
	if m == nil {
		return nil, ErrMissing
	}
	copied := *m
	return &copied, nil
}

func (f *fakeMattermost) MemberIDs(channelID string) ([]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.count("MemberIDs")
	var ids []string
	for id := range f.members[channelID] {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids, nil
}

func (f *fakeMattermost) Users(userIDs []string) ([]*model.User, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.count("Users")
	var users []*model.User
	for _, id := range userIDs {
		if u, ok := f.users[id]; ok {
			users = append(users, u)
		}
	}
	return users, nil
}

func (f *fakeMattermost) LatestPost(channelID string) (*model.Post, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.count("LatestPost")
	if f.failPosts {
		return nil, errors.New("database timeout")
	}
	posts := f.posts[channelID]
	if len(posts) == 0 {
		return nil, nil
	}
	return posts[len(posts)-1], nil
}

func (f *fakeMattermost) TeamID(name string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.count("TeamID")
	id, ok := f.teams[name]
	if !ok {
		return "", ErrMissing
	}
	return id, nil
}

func (f *fakeMattermost) DirectChannel(userID, otherID string) (*model.Channel, error) {
	f.mu.Lock()
	name := model.GetDMNameFromIds(userID, otherID)
	for _, ch := range f.channels {
		if ch.Name == name {
			f.mu.Unlock()
			return ch, nil
		}
	}
	f.mu.Unlock()
	return f.channels[f.dm(userID, otherID)], nil
}

func (f *fakeMattermost) CreateChannel(ch *model.Channel) (*model.Channel, error) {
	f.addChannel(ch)
	return ch, nil
}

func (f *fakeMattermost) UpdateChannel(ch *model.Channel) (*model.Channel, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.count("UpdateChannel")
	copied := *ch
	f.channels[ch.Id] = &copied
	return ch, nil
}

func (f *fakeMattermost) JoinTeam(teamID, userID string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.teamMembers[teamID] == nil {
		f.teamMembers[teamID] = map[string]bool{}
	}
	f.teamMembers[teamID][userID] = true
	return nil
}

func (f *fakeMattermost) AddMember(channelID, userID, _ string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.members[channelID][userID] = &model.ChannelMember{ChannelId: channelID, UserId: userID}
	return nil
}

func (f *fakeMattermost) RemoveMember(channelID, userID string) error {
	f.mu.Lock()
	delete(f.members[channelID], userID)
	onRemoved := f.onRemoved
	f.mu.Unlock()
	if onRemoved != nil {
		onRemoved(channelID, userID)
	}
	return nil
}

func (f *fakeMattermost) Publish(userID string, sent wire.Event) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.events = append(f.events, event{userID: userID, name: sent.EventName(), sent: sent})
}

func (f *fakeMattermost) Ephemeral(userID, channelID string, message i18n.Message) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.ephemerals = append(f.ephemerals, event{userID: userID, channelID: channelID, payload: map[string]any{"message": message.English()}})
}

func (f *fakeMattermost) Broadcast(name, data string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.broadcasts = append(f.broadcasts, name+":"+data)
	return nil
}

func (f *fakeMattermost) Verdict(userID string) (staff.Verdict, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	u, ok := f.users[userID]
	if !ok {
		return staff.Verdict{}, errors.New("no such user")
	}
	return staff.Verdict{UserID: userID, Username: u.Username, Kind: f.kinds[userID]}, nil
}

func (f *fakeMattermost) ChannelMembersChanged(string) { f.count("ChannelMembersChanged") }

func (f *fakeMattermost) eventCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.events)
}

func (f *fakeMattermost) eventsFor(userID, name string) []event {
	f.mu.Lock()
	defer f.mu.Unlock()
	var found []event
	for _, e := range f.events {
		if e.userID == userID && e.name == name {
			found = append(found, e)
		}
	}
	return found
}

type nopLog struct{}

func (nopLog) Warn(string, ...any)  {}
func (nopLog) Error(string, ...any) {}

// newTestService returns a service over a fresh fake; settle is the event delay.
func newTestService(t *testing.T, cfg *config.Config) (*Service, *fakeMattermost) {
	t.Helper()
	f := newFake()
	if cfg == nil {
		cfg = &config.Config{StaffTeams: []string{"itil"}, Enforcement: config.ModeEnforce}
	}
	s := NewService(Deps{
		Channels: f, Directory: f, Clients: f, Notifier: f, Cluster: f, KV: f.kv, Staff: f, Log: nopLog{},
		Config: func() *config.Config { return cfg }, BotID: botID, SettleDelay: time.Millisecond, NameDelay: time.Millisecond,
		Now: func() time.Time { f.mu.Lock(); defer f.mu.Unlock(); return time.UnixMilli(f.tick()) },
	})
	return s, f
}
