package staff

import (
	"context"
	"sort"
	"sync"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

type fakeDirectory struct {
	mu      sync.Mutex
	users   map[string]*model.User
	teams   map[string]map[string]bool // team → user ids
	groups  map[string][]string        // user id → group names
	lookups int
	listed  int // ActiveUsers calls

	openTeams map[string]bool // teams anyone can join
}

func newFakeDirectory() *fakeDirectory {
	return &fakeDirectory{users: map[string]*model.User{}, teams: map[string]map[string]bool{}, groups: map[string][]string{}}
}

func (d *fakeDirectory) add(u *model.User, teams ...string) *model.User {
	d.mu.Lock()
	defer d.mu.Unlock()
	if u.Id == "" {
		u.Id = model.NewId()
	}
	if u.Email == "" {
		u.Email = u.Username + "@connect.example.com"
	}
	d.users[u.Id] = u
	for _, team := range teams {
		if d.teams[team] == nil {
			d.teams[team] = map[string]bool{}
		}
		d.teams[team][u.Id] = true
	}
	return u
}

func (d *fakeDirectory) User(id string) (*model.User, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.lookups++
	if u, ok := d.users[id]; ok {
		return u, nil
	}
	return nil, errors.New("not found")
}

func (d *fakeDirectory) UserByUsername(name string) (*model.User, error) {
	for _, u := range d.users {
		if u.Username == name {
			return u, nil
		}
	}
	return nil, errors.New("not found")
}

func (d *fakeDirectory) InTeam(team, userID string) (bool, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.teams[team][userID], nil
}

func (d *fakeDirectory) Team(name string) (*model.Team, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, ok := d.teams[name]; !ok {
		return nil, errors.New("not found")
	}
	return &model.Team{Name: name, Type: model.TeamInvite, AllowOpenInvite: d.openTeams[name]}, nil
}

func (d *fakeDirectory) GroupNames(userID string) ([]string, error) { return d.groups[userID], nil }

// ActiveUsers pages through the active users in username order.
func (d *fakeDirectory) ActiveUsers(page, perPage int) ([]*model.User, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.listed++
	var active []*model.User
	for _, u := range d.users {
		if u.DeleteAt == 0 {
			active = append(active, u)
		}
	}
	sort.Slice(active, func(i, j int) bool { return active[i].Username < active[j].Username })
	start := min(page*perPage, len(active))
	return active[start:min(start+perPage, len(active))], nil
}

type fakeChannels struct {
	mu       sync.Mutex
	channels map[string]*model.Channel
	members  map[string][]string
	reads    int
}

func (f *fakeChannels) UpdateChannel(c *model.Channel) (*model.Channel, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.channels[c.Id] = c.DeepCopy()
	return c, nil
}

func (f *fakeChannels) Channel(id string) (*model.Channel, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reads++
	if c, ok := f.channels[id]; ok {
		return c.DeepCopy(), nil
	}
	return nil, errors.New("no such channel")
}

func (f *fakeChannels) MemberIDs(id string) ([]string, error) { return f.members[id], nil }

func (f *fakeChannels) direct(a, b *model.User) string {
	c := &model.Channel{Id: model.NewId(), Type: model.ChannelTypeDirect, Name: model.GetDMNameFromIds(a.Id, b.Id)}
	f.channels[c.Id] = c
	return c.Id
}

func (f *fakeChannels) group(users ...*model.User) string {
	c := &model.Channel{Id: model.NewId(), Type: model.ChannelTypeGroup}
	f.channels[c.Id] = c
	for _, u := range users {
		f.members[c.Id] = append(f.members[c.Id], u.Id)
	}
	return c.Id
}

func (f *fakeChannels) managed(creatorID string, users ...*model.User) string {
	id := f.group(users...)
	f.channels[id].Type, f.channels[id].CreatorId = model.ChannelTypePrivate, creatorID
	return id
}

func (f *fakeChannels) open() string {
	c := &model.Channel{Id: model.NewId(), Type: model.ChannelTypeOpen, Name: "town-square"}
	f.channels[c.Id] = c
	return c.Id
}

type fakeRoleSource struct {
	holders []servicenow.RoleHolder
	err     error
}

func (s *fakeRoleSource) RoleHolders(context.Context, []string) ([]servicenow.RoleHolder, error) {
	return s.holders, s.err
}

type recordedNote struct{ user, channel, message string }

type fakeNotifier struct {
	notes chan recordedNote
}

func (n *fakeNotifier) Ephemeral(user, channel string, message i18n.Message) {
	n.notes <- recordedNote{user, channel, message.English()}
}

type silentLog struct{}

func (silentLog) Warn(string, ...any) {}

func staticConfig(c config.Config) func() *config.Config { return func() *config.Config { return &c } }
