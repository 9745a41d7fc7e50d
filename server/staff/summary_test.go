package staff

import (
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/platform/kvtest"
)

// directoryMembers lists the fake directory's team and group members, deactivated ones left out
// as Mattermost's active-user listing does.
type directoryMembers struct{ dir *fakeDirectory }

func (m directoryMembers) TeamMembers(name string) ([]*model.User, bool, error) {
	ids, found := m.dir.teams[name]
	var users []*model.User
	for id := range ids {
		if user := m.dir.users[id]; user.DeleteAt == 0 {
			users = append(users, user)
		}
	}
	return users, found, nil
}

func (m directoryMembers) GroupMembers(name string) ([]*model.User, bool, error) {
	var users []*model.User
	found := false
	for id, groups := range m.dir.groups {
		for _, group := range groups {
			if group == name {
				found = true
				if user := m.dir.users[id]; user.DeleteAt == 0 {
					users = append(users, user)
				}
			}
		}
	}
	return users, found, nil
}

func TestSummaryCountsStaffBySourceOnceInTotal(t *testing.T) {
	w := newWorld(t)
	w.dir.openTeams = map[string]bool{"itil": true}
	carol := w.dir.add(&model.User{Username: "carol"})
	sam := w.dir.add(&model.User{Username: "sam", AuthService: model.UserAuthServiceSaml})
	unverified := w.dir.add(&model.User{Username: "ivan"})
	w.dir.groups[carol.Id] = []string{"desk"}
	w.dir.groups[w.alice.Id] = []string{"desk"} // also in the staff team: counted once in the total
	w.dir.groups[w.integrationBot.Id] = []string{"desk"}
	service, err := NewService(ServiceDeps{
		Directory: w.dir, Channels: w.channels, KV: kvtest.New(), Cluster: &fakeCluster{},
		Notifier: &fakeNotifier{notes: make(chan recordedNote, 10)}, Log: silentLog{}, BotID: w.connectBot.Id,
		Config: staticConfig(config.Config{
			Enforcement: config.ModeEnforce, StaffTeams: []string{"itil", "ghost"}, StaffGroups: []string{"desk"}, StaffRoles: []string{"itil"},
		}),
		Source: func() RoleSource { return &fakeRoleSource{} }, Admins: &fakeAdmins{},
	})
	require.NoError(t, err)
	service.SetRoles(&RoleSet{Holders: map[string]string{
		"rita@connect.example.com": "itil", sam.Email: "itil", unverified.Email: "itil", w.gone.Email: "itil",
	}})

	summary, err := service.Summary(directoryMembers{w.dir})
	require.NoError(t, err)

	assert.Equal(t, "enforce", summary.Mode)
	assert.Equal(t, []TeamCount{
		{Name: "itil", Staff: 2, Open: true}, // alice and bob: not the guest, not the deactivated gus
		{Name: "ghost", Missing: true},
	}, summary.Teams)
	assert.Equal(t, []GroupCount{{Name: "desk", Staff: 2}}, summary.Groups, "carol and alice, not the bot")
	assert.Equal(t, []string{"itil"}, summary.Roles.Roles)
	assert.Equal(t, 2, summary.Roles.Staff, "rita (verified address) and sam (SSO)")
	assert.Equal(t, 1, summary.Roles.Unverified, "ivan's address is not verified")
	assert.Equal(t, 5, summary.Total, "alice, bob, carol, rita and sam, each once")
	require.Len(t, summary.Warnings, 2)
	assert.Contains(t, summary.Warnings[0], "The staff team itil is open")
	assert.Contains(t, summary.Warnings[1], "The staff team ghost could not be read")
}

func TestSummaryWithoutSources(t *testing.T) {
	w := newWorld(t)
	roster := NewRoster(w.dir, w.connectBot.Id, staticConfig(config.Config{}))
	service := &Service{Roster: roster, sync: NewRoleSync(kvtest.New(), roster), config: staticConfig(config.Config{})}

	summary, err := service.Summary(directoryMembers{w.dir})
	require.NoError(t, err)
	assert.Zero(t, summary.Total)
	assert.Empty(t, summary.Teams)
	assert.Empty(t, summary.Groups)
	assert.Equal(t, []string{}, summary.Roles.Roles)
	assert.Zero(t, w.dir.listed, "no role to match: the users are not read")
}
