package staff

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/platform/kvtest"
)

type fakeCluster struct {
	mu     sync.Mutex
	events []string // "event:data"
	locks  []string
}

func (c *fakeCluster) Lock(_ context.Context, key string) (func(), error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.locks = append(c.locks, key)
	return func() {}, nil
}

func (c *fakeCluster) Broadcast(event, data string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.events = append(c.events, event+":"+data)
	return nil
}

type fakeAdmins struct{ messages []string }

func (a *fakeAdmins) MessageAdmins(message i18n.Message) error {
	a.messages = append(a.messages, message.English())
	return nil
}

type serviceWorld struct {
	*world
	service *Service
	source  *fakeRoleSource
	cluster *fakeCluster
	admins  *fakeAdmins
}

func newServiceWorld(t *testing.T) *serviceWorld {
	t.Helper()
	w := &serviceWorld{world: newWorld(t), source: &fakeRoleSource{}, cluster: &fakeCluster{}, admins: &fakeAdmins{}}
	service, err := NewService(ServiceDeps{
		Directory: w.dir, Channels: w.channels, KV: kvtest.New(),
		Cluster: w.cluster, Notifier: &fakeNotifier{notes: make(chan recordedNote, 10)}, Log: silentLog{},
		BotID:  w.connectBot.Id,
		Config: staticConfig(config.Config{StaffTeams: []string{"itil"}, StaffRoles: []string{"itil"}}),
		Source: func() RoleSource { return w.source },
		Admins: w.admins,
	})
	require.NoError(t, err)
	w.service = service
	return w
}

func TestRoleSyncFailuresAlertTheAdminsOncePerStreak(t *testing.T) {
	w := newServiceWorld(t)
	w.source.err = errors.New("401 Unauthorized")
	for range 2 {
		_, err := w.service.SyncRoles(context.Background())
		require.Error(t, err)
	}
	require.Len(t, w.admins.messages, 1, "one message per failure streak")
	assert.Contains(t, w.admins.messages[0], "**Connect Chat needs attention.**")
	assert.Contains(t, w.admins.messages[0], "401 Unauthorized")
	assert.Contains(t, w.admins.messages[0], "then run `/connect staff sync`")
	assert.Equal(t, []string{roleSyncLockKey, roleSyncLockKey}, w.cluster.locks)
	assert.Empty(t, w.cluster.events, "a failed sync changes nobody")
}

func TestScheduledRoleSyncStoresTheHoldersAndTellsTheCluster(t *testing.T) {
	w := newServiceWorld(t)
	w.source.holders = nil
	w.service.RunScheduledSync()
	assert.Equal(t, []string{ClusterEvent + ":"}, w.cluster.events, "everyone's verdicts are dropped on every server")
	assert.True(t, w.service.SyncStatus().Healthy())
}

func TestClusterEventsForgetVerdicts(t *testing.T) {
	w := newServiceWorld(t)
	verdict, err := w.service.Verdict(w.alice.Id)
	require.NoError(t, err)
	require.Equal(t, Staff, verdict.Kind)
	delete(w.dir.teams["itil"], w.alice.Id) // left the staff team on another server

	w.service.OnClusterEvent([]byte(w.alice.Id))
	verdict, err = w.service.Verdict(w.alice.Id)
	require.NoError(t, err)
	assert.NotEqual(t, Staff, verdict.Kind)
}

func TestTeamChangesCountAtOnceEverywhere(t *testing.T) {
	w := newServiceWorld(t)
	newcomer := w.dir.add(&model.User{Username: "nina"})
	_, err := w.service.Search("nina", w.alice.Id, 0, 10)
	require.NoError(t, err)

	w.dir.add(newcomer, "itil")
	w.service.UserJoinedTeam(newcomer.Id)
	page, err := w.service.Search("nina", w.alice.Id, 0, 10)
	require.NoError(t, err)
	assert.Equal(t, []string{"nina"}, usernames(page.People))
	assert.Contains(t, w.cluster.events, ClusterEvent+":"+newcomer.Id)
}

func TestPeopleSearchMatchesFullNamesAndRereadsAfterAChange(t *testing.T) {
	w := newServiceWorld(t)
	w.dir.add(&model.User{Username: "ppatel", FirstName: "Priya", LastName: "Patel", Nickname: "Pri"}, "itil")
	for _, term := range []string{"priya patel", "PATEL", "pri", "ppat"} {
		page, err := w.service.Search(term, w.alice.Id, 0, 10)
		require.NoError(t, err)
		assert.Equal(t, []string{"ppatel"}, usernames(page.People), term)
	}
	listed := w.dir.listed

	w.dir.add(&model.User{Username: "quinn"}, "itil")
	page, err := w.service.Search("quinn", w.alice.Id, 0, 10)
	require.NoError(t, err)
	assert.Empty(t, page.People, "the list is reused within its minute")
	assert.Equal(t, listed, w.dir.listed)

	w.service.UserCreated()
	page, err = w.service.Search("quinn", w.alice.Id, 0, 10)
	require.NoError(t, err)
	assert.Equal(t, []string{"quinn"}, usernames(page.People))
}

func TestStatsWarnAboutStaffTeamsAnyoneCanJoin(t *testing.T) {
	w := newServiceWorld(t)
	assert.Empty(t, w.service.Stats().Warnings, "an invite-only staff team is fine")

	w.dir.openTeams = map[string]bool{"itil": true}
	warnings := w.service.Stats().Warnings
	require.Len(t, warnings, 1)
	assert.Contains(t, warnings[0], "The staff team itil is open: anyone with an account on this server can join it and so become ITIL staff.")
}
