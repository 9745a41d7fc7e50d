package staff

import (
	"context"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/platform/kvtest"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

type world struct {
	dir                              *fakeDirectory
	channels                         *fakeChannels
	roster                           *Roster
	guard                            *Guard
	alice, bob, dave, guest, gone    *model.User
	integrationBot, connectBot, role *model.User
}

func newWorld(t *testing.T) *world {
	t.Helper()
	w := &world{dir: newFakeDirectory(), channels: &fakeChannels{channels: map[string]*model.Channel{}, members: map[string][]string{}}}
	w.alice = w.dir.add(&model.User{Username: "alice"}, "itil")
	w.bob = w.dir.add(&model.User{Username: "bob"}, "itil")
	w.dave = w.dir.add(&model.User{Username: "dave"}, "support")
	w.guest = w.dir.add(&model.User{Username: "gina", Roles: model.SystemGuestRoleId}, "itil")
	w.gone = w.dir.add(&model.User{Username: "gus", DeleteAt: 1}, "itil")
	w.integrationBot = w.dir.add(&model.User{Username: "jira", IsBot: true})
	w.connectBot = w.dir.add(&model.User{Username: "connect", IsBot: true})
	w.role = w.dir.add(&model.User{Username: "rita", Email: "Rita@Connect.Example.com", EmailVerified: true})
	w.roster = NewRoster(w.dir, w.connectBot.Id, staticConfig(config.Config{StaffTeams: []string{"itil"}, StaffRoles: []string{"itil"}}))
	w.guard = NewGuard(w.roster, w.channels)
	return w
}

func TestVerdicts(t *testing.T) {
	w := newWorld(t)
	claimer := w.dir.add(&model.User{Username: "mallory", Email: "Ivan@Connect.Example.com"})
	sso := w.dir.add(&model.User{Username: "sam", Email: "sam@connect.example.com", AuthService: model.UserAuthServiceSaml})
	w.roster.SetRoles(&RoleSet{Holders: map[string]string{"rita@connect.example.com": "itil", "ivan@connect.example.com": "itil", "sam@connect.example.com": "itil"}})
	cases := []struct {
		user   *model.User
		kind   Kind
		reason string
	}{
		{w.alice, Staff, "is a member of the staff team itil"},
		{w.dave, NonStaff, "is in no staff team (itil), no staff group (none configured) and holds no ServiceNow staff role (itil)"},
		{w.guest, NonStaff, "is a guest"},
		{w.gone, Inactive, "is deactivated"},
		{w.integrationBot, Bot, "is a bot, so Connect leaves its conversations alone"},
		{w.connectBot, ConnectBot, "is the Connect bot"},
		{w.role, Staff, "holds the ServiceNow role itil (as rita@connect.example.com)"},
		{claimer, NonStaff, "holds the ServiceNow role itil as ivan@connect.example.com, but Mattermost has not verified that address, so the role does not count until they confirm it"},
		{sso, Staff, "holds the ServiceNow role itil (as sam@connect.example.com)"},
	}
	for _, c := range cases {
		v, err := w.roster.Verdict(c.user.Id)
		require.NoError(t, err)
		assert.Equal(t, c.kind, v.Kind, c.user.Username)
		assert.Equal(t, c.reason, v.Reason.English(), c.user.Username)
	}
}

func TestStaffGroupsCountCaseInsensitively(t *testing.T) {
	w := newWorld(t)
	w.roster = NewRoster(w.dir, w.connectBot.Id, staticConfig(config.Config{StaffGroups: []string{"service-desk"}}))
	w.dir.groups[w.dave.Id] = []string{"Service-Desk"}
	v, err := w.roster.Verdict(w.dave.Id)
	require.NoError(t, err)
	assert.Equal(t, Staff, v.Kind)
	assert.Equal(t, "is a member of the staff group @service-desk", v.Reason.English())
}

func TestVerdictsAreCachedUntilForgottenOrExpired(t *testing.T) {
	w := newWorld(t)
	clock := time.Now()
	w.roster.now = func() time.Time { return clock }
	first, _ := w.roster.Verdict(w.dave.Id)
	w.dir.add(w.dave, "itil")
	cached, _ := w.roster.Verdict(w.dave.Id)
	assert.Equal(t, first, cached, "a cached verdict is reused")
	assert.Equal(t, 1, w.dir.lookups)

	w.roster.Forget(w.dave.Id)
	fresh, _ := w.roster.Verdict(w.dave.Id)
	assert.Equal(t, Staff, fresh.Kind, "Forget makes a team join count at once")

	delete(w.dir.teams["itil"], w.dave.Id)
	clock = clock.Add(verdictTTL + time.Second)
	expired, _ := w.roster.Verdict(w.dave.Id)
	assert.Equal(t, NonStaff, expired.Kind, "an expired verdict is judged again")
}

func TestOutsidersOfConversations(t *testing.T) {
	w := newWorld(t)
	cases := map[string]struct {
		channel string
		want    []string
	}{
		"staff DM":               {w.channels.direct(w.alice, w.bob), nil},
		"staff and customer DM":  {w.channels.direct(w.alice, w.dave), []string{"dave"}},
		"customer and staff DM":  {w.channels.direct(w.dave, w.alice), []string{"dave"}},
		"staff and guest DM":     {w.channels.direct(w.guest, w.alice), []string{"gina"}},
		"DM with a bot":          {w.channels.direct(w.alice, w.integrationBot), nil},
		"customer DM with a bot": {w.channels.direct(w.dave, w.integrationBot), nil},
		"self DM":                {w.channels.direct(w.alice, w.alice), nil},
		"customers only":         {w.channels.direct(w.dave, w.guest), nil},
		"staff GM":               {w.channels.group(w.alice, w.bob, w.integrationBot), nil},
		"GM with two non-staff":  {w.channels.group(w.alice, w.bob, w.dave, w.guest), []string{"dave", "gina"}},
		"team channel":           {w.channels.open(), nil},
	}
	for name, c := range cases {
		outsiders, err := w.guard.Outsiders(c.channel)
		require.NoError(t, err, name)
		var names []string
		for _, o := range outsiders {
			names = append(names, o.Username)
		}
		assert.ElementsMatch(t, c.want, names, name)
	}
}

func TestManagedGroupsAreConversationsWithChangingMembers(t *testing.T) {
	w := newWorld(t)
	group := w.channels.managed(w.connectBot.Id, w.alice, w.bob)
	other := w.channels.managed(w.alice.Id, w.alice, w.dave)
	outsiders, err := w.guard.Outsiders(group)
	require.NoError(t, err)
	assert.Empty(t, outsiders)

	w.channels.members[group] = append(w.channels.members[group], w.dave.Id)
	w.guard.ForgetChannel(group)
	outsiders, err = w.guard.Outsiders(group)
	require.NoError(t, err)
	require.Len(t, outsiders, 1, "a member who is not staff makes the group mixed")
	assert.Equal(t, "dave", outsiders[0].Username)

	outsiders, err = w.guard.Outsiders(other)
	require.NoError(t, err)
	assert.Empty(t, outsiders, "a private channel a person created is a team channel, never touched")
}

func TestChannelsAreReadOnce(t *testing.T) {
	w := newWorld(t)
	dm := w.channels.direct(w.alice, w.bob)
	for range 100 {
		_, err := w.guard.Outsiders(dm)
		require.NoError(t, err)
	}
	assert.Equal(t, 1, w.channels.reads)
}

func TestRefusalNamesEveryOutsider(t *testing.T) {
	assert.Equal(t, "@dave is not ITIL staff: Connect conversations are for staff only.",
		Refusal([]Verdict{{Username: "dave"}}).English())
	assert.Equal(t, "@dave, @erin and @gina are not ITIL staff: Connect conversations are for staff only.",
		Refusal([]Verdict{{Username: "dave"}, {Username: "erin"}, {Username: "gina"}}).English())
}

func TestPolicyModes(t *testing.T) {
	w := newWorld(t)
	mixed := w.channels.direct(w.alice, w.dave)
	staffOnly := w.channels.direct(w.alice, w.bob)
	refusal := "@dave is not ITIL staff: Connect conversations are for staff only."
	cases := []struct {
		mode    config.Mode
		channel string
		author  string
		reject  string
		note    string
	}{
		{config.ModeEnforce, mixed, w.alice.Id, refusal, "Not sent: " + refusal},
		{config.ModeEnforce, mixed, w.dave.Id, refusal, "Not sent: " + refusal},
		{config.ModeEnforce, mixed, w.connectBot.Id, "", ""},
		{config.ModeEnforce, staffOnly, w.alice.Id, "", ""},
		{config.ModeWarn, mixed, w.alice.Id, "", "Sent, but note: " + refusal},
		{config.ModeOff, mixed, w.alice.Id, "", ""},
	}
	for _, c := range cases {
		notifier := &fakeNotifier{notes: make(chan recordedNote, 1)}
		policy := NewPolicy(w.guard, func() config.Mode { return c.mode }, notifier, silentLog{}, nil)
		assert.Equal(t, c.reject, policy.Screen(c.channel, c.author, ""), c.mode)
		if c.note == "" {
			assert.Never(t, func() bool { return len(notifier.notes) > 0 }, 50*time.Millisecond, 10*time.Millisecond, c.mode)
			continue
		}
		note := <-notifier.notes
		assert.Equal(t, recordedNote{c.author, c.channel, c.note}, note, c.mode)
	}
}

func TestPolicyLetsSystemMessagesThrough(t *testing.T) {
	w := newWorld(t)
	policy := NewPolicy(w.guard, func() config.Mode { return config.ModeEnforce }, &fakeNotifier{notes: make(chan recordedNote, 1)}, silentLog{}, nil)
	assert.Empty(t, policy.Screen(w.channels.direct(w.alice, w.dave), w.alice.Id, model.PostTypeJoinChannel))
}

func TestPolicyKeepsTheMessageWhenTheCheckFails(t *testing.T) {
	w := newWorld(t)
	policy := NewPolicy(w.guard, func() config.Mode { return config.ModeEnforce }, &fakeNotifier{}, silentLog{}, nil)
	assert.Equal(t, checkFailed.English(), policy.Screen("no-such-channel", w.alice.Id, ""))
}

func TestRoleSyncKeepsTheLastGoodSetOnFailure(t *testing.T) {
	w := newWorld(t)
	kv := kvtest.New()
	sync := NewRoleSync(kv, w.roster)
	source := &fakeRoleSource{holders: []servicenow.RoleHolder{{UserName: "rita", Email: "RITA@connect.example.com", Role: "itil"}}}

	status, failedBefore, err := sync.Run(context.Background(), source, []string{"itil"})
	require.NoError(t, err)
	assert.False(t, failedBefore)
	assert.Equal(t, 1, status.Holders)
	v, _ := w.roster.Verdict(w.role.Id)
	assert.Equal(t, Staff, v.Kind)

	source.err = errors.New("ServiceNow did not answer within 5s")
	status, failedBefore, err = sync.Run(context.Background(), source, []string{"itil"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "the last good staff set stays in force")
	assert.False(t, failedBefore, "the first failure is news")
	assert.Equal(t, "ServiceNow did not answer within 5s", status.LastError)
	assert.Equal(t, "itil", w.roster.Roles().RoleOf("rita@connect.example.com"))

	_, failedBefore, _ = sync.Run(context.Background(), source, []string{"itil"})
	assert.True(t, failedBefore, "a second failure is not news")

	other := NewRoster(w.dir, w.connectBot.Id, staticConfig(config.Config{StaffRoles: []string{"itil"}}))
	require.NoError(t, NewRoleSync(kv, other).Load())
	assert.Equal(t, "itil", other.Roles().RoleOf("rita@connect.example.com"), "another server loads the stored set")
}

func TestSearchFindsStaffOnly(t *testing.T) {
	w := newWorld(t)
	for _, name := range []string{"alex", "amy", "anna"} {
		w.dir.add(&model.User{Username: name}, "itil")
	}
	page, err := w.roster.Search("a", w.alice.Id, 0, 2)
	require.NoError(t, err)
	assert.Equal(t, []string{"alex", "amy"}, usernames(page.People))
	assert.True(t, page.HasMore)

	page, err = w.roster.Search("a", w.alice.Id, 1, 2)
	require.NoError(t, err)
	assert.Equal(t, []string{"anna"}, usernames(page.People), "dave, gina and the bots are left out, and so is the caller")
	assert.False(t, page.HasMore)
}

func usernames(people []Person) []string {
	var names []string
	for _, p := range people {
		names = append(names, p.Username)
	}
	return names
}

func TestPolicyChecksTheAuthorNotOnlyTheCachedMembers(t *testing.T) {
	w := newWorld(t)
	group := w.channels.managed(w.connectBot.Id, w.alice, w.bob)
	policy := NewPolicy(w.guard, func() config.Mode { return config.ModeEnforce }, &fakeNotifier{notes: make(chan recordedNote, 1)}, silentLog{}, nil)
	require.Empty(t, policy.Screen(group, w.alice.Id, ""))

	w.channels.members[group] = append(w.channels.members[group], w.dave.Id) // added; the cache has not heard yet
	assert.Equal(t, "@dave is not ITIL staff: Connect conversations are for staff only.", policy.Screen(group, w.dave.Id, ""))
}

func TestDeactivatedMembersFreezeNothing(t *testing.T) {
	w := newWorld(t)
	group := w.channels.group(w.alice, w.bob, w.gone)
	policy := NewPolicy(w.guard, func() config.Mode { return config.ModeEnforce }, &fakeNotifier{notes: make(chan recordedNote, 1)}, silentLog{}, nil)
	assert.Empty(t, policy.Screen(group, w.alice.Id, ""), "a deactivated member is neither staff nor an outsider")
}

func TestHeaderChangesInMixedConversationsAreRefusedAndUndone(t *testing.T) {
	w := newWorld(t)
	mixed := w.channels.direct(w.alice, w.dave)
	w.channels.channels[mixed].Header = "Agreed: INC0010001"
	notes := &fakeNotifier{notes: make(chan recordedNote, 1)}
	policy := NewPolicy(w.guard, func() config.Mode { return config.ModeEnforce }, notes, silentLog{}, nil)

	changed := &model.Post{ChannelId: mixed, UserId: w.dave.Id, Type: model.PostTypeHeaderChange,
		Props: model.StringInterface{"old_header": "Agreed: INC0010001", "new_header": "Reply with your password"}}
	assert.Equal(t, "@dave is not ITIL staff: Connect conversations are for staff only.", policy.ScreenPost(changed))
	assert.Equal(t, recordedNote{w.dave.Id, mixed, "Not changed: @dave is not ITIL staff: Connect conversations are for staff only."}, <-notes.notes)
	assert.Eventually(t, func() bool {
		channel, _ := w.channels.Channel(mixed)
		return channel.Header == "Agreed: INC0010001"
	}, time.Second, 5*time.Millisecond, "the header is put back")

	staffOnly := w.channels.direct(w.alice, w.bob)
	changed = &model.Post{ChannelId: staffOnly, UserId: w.alice.Id, Type: model.PostTypePurposeChange}
	assert.Empty(t, policy.ScreenPost(changed), "staff set their own conversations' purpose")
	assert.Empty(t, policy.ScreenPost(&model.Post{ChannelId: mixed, UserId: w.dave.Id, Type: model.PostTypeJoinChannel}))
}

func TestAudienceOfRecordDetails(t *testing.T) {
	w := newWorld(t)
	audience := NewAudience(w.roster, w.guard, w.channels)
	teamChannel := w.channels.open()
	w.channels.members[teamChannel] = []string{w.alice.Id, w.bob.Id, w.integrationBot.Id, w.gone.Id}
	mixedChannel := w.channels.open()
	w.channels.members[mixedChannel] = []string{w.alice.Id, w.dave.Id}
	selfDM := w.channels.direct(w.dave, w.dave)
	w.channels.members[selfDM] = []string{w.dave.Id}

	cases := []struct {
		channel, author string
		want            bool
		why             string
	}{
		{teamChannel, w.alice.Id, true, "staff, a bot and a deactivated account"},
		{mixedChannel, w.alice.Id, false, "a customer is in the channel"},
		{w.channels.direct(w.alice, w.bob), w.alice.Id, true, "a staff DM"},
		{w.channels.direct(w.alice, w.bob), w.dave.Id, false, "a customer's post never carries details"},
		{selfDM, w.dave.Id, false, "a customer's DM with themselves"},
		{teamChannel, w.connectBot.Id, true, "the Connect bot posts for staff"},
	}
	for _, c := range cases {
		allowed, err := audience.MaySeeDetails(c.channel, c.author)
		require.NoError(t, err, c.why)
		assert.Equal(t, c.want, allowed, c.why)
	}
}

func TestTheStaffCheckBeforeAPostTellsTheAudienceToo(t *testing.T) {
	w := newWorld(t)
	audience := NewAudience(w.roster, w.guard, w.channels)
	dm := w.channels.direct(w.alice, w.bob)
	_, known := audience.CachedMaySeeDetails(dm, w.alice.Id)
	assert.False(t, known, "nothing is cached yet")

	policy := NewPolicy(w.guard, func() config.Mode { return config.ModeEnforce }, &fakeNotifier{notes: make(chan recordedNote, 1)}, silentLog{}, nil)
	require.Empty(t, policy.Screen(dm, w.alice.Id, ""))
	allowed, known := audience.CachedMaySeeDetails(dm, w.alice.Id)
	assert.True(t, known)
	assert.True(t, allowed)
}

// noReads fails the test if the policy reads a user from Mattermost.
type noReads struct{ t *testing.T }

func (r noReads) User(userID string) (*model.User, error) {
	r.t.Errorf("the post path read user %s", userID)
	return nil, errors.New("no reads on the post path")
}

func TestARefusalIsInItsAuthorsLanguageWithoutAnotherRead(t *testing.T) {
	w := newWorld(t)
	catalogs, err := i18n.Catalogs()
	require.NoError(t, err)
	languages := i18n.NewLanguages(catalogs, noReads{t}, func() string { return "en" })
	languages.Remember(w.alice.Id, "fr") // as the staff check reads her before every post
	policy := NewPolicy(w.guard, func() config.Mode { return config.ModeEnforce }, &fakeNotifier{notes: make(chan recordedNote, 1)}, silentLog{}, languages)
	mixed := w.channels.direct(w.alice, w.dave)
	assert.Equal(t, "@"+w.dave.Username+" n'est pas agent ITIL : les conversations Connect sont réservées aux agents.",
		policy.Screen(mixed, w.alice.Id, ""))
}
