package conversations

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
)

// cast is a small staff world: me, two colleagues, a customer and another integration's bot.
type cast struct{ me, ann, bo, dave, robot string }

func newCast(f *fakeMattermost) cast {
	return cast{
		me:    f.person("me", "Mia", staff.Staff),
		ann:   f.person("ann", "Ann", staff.Staff),
		bo:    f.person("bo", "Bo", staff.Staff),
		dave:  f.person("dave", "Dave", staff.NonStaff),
		robot: f.person("robot", "Robot", staff.Bot),
	}
}

func ids(list []Conversation) []string {
	var out []string
	for _, c := range list {
		out = append(out, c.ID)
	}
	return out
}

func requireKind(t *testing.T, err error, kind failure.Kind, message string) {
	t.Helper()
	var known *failure.Error
	require.ErrorAs(t, err, &known)
	assert.Equal(t, kind, known.Kind)
	assert.Contains(t, known.Message, message)
}

func TestListShowsOpenStaffConversationsWithCountsAndPreviews(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	dm := f.dm(p.me, p.ann)
	gm := f.gm(p.me, p.ann, p.bo)
	named := f.managed("Change board", p.me, p.bo)
	f.dm(p.me, p.dave)
	f.dm(p.me, p.robot)
	f.addChannel(&model.Channel{Type: model.ChannelTypeDirect, Name: p.me + "__" + p.me}, p.me)
	f.addChannel(&model.Channel{Type: model.ChannelTypeOpen, Name: "town-square"}, p.me, p.ann)
	f.post(gm, p.bo, "Change window at **22:00**")
	f.post(dm, p.ann, "hi @me, can you take INC0010001?", p.me)
	f.post(dm, p.ann, "thanks")

	list, err := s.List(p.me)
	require.NoError(t, err)
	assert.Equal(t, []string{dm, gm, named}, ids(list.Conversations), "most recent activity first; customers, bots, oneself and team channels left out")
	assert.Equal(t, int64(3), list.TotalUnread)
	assert.Equal(t, int64(1), list.TotalMentions)

	direct := list.Conversations[0]
	assert.Equal(t, Direct, direct.Kind)
	assert.Equal(t, "Ann Tester", direct.Name)
	assert.Equal(t, "/api/v4/users/"+p.ann+"/image", direct.AvatarURL)
	assert.Equal(t, []int64{2, 1}, []int64{direct.UnreadCount, direct.MentionCount})
	assert.Equal(t, "thanks", direct.LastPost.Message)
	assert.Equal(t, p.ann, direct.LastPost.UserID)
	assert.True(t, direct.Open)
	assert.False(t, direct.Managed)
	assert.Equal(t, []Member{{ID: p.ann, Username: "ann", DisplayName: "Ann Tester"}, {ID: p.me, Username: "me", DisplayName: "Mia Tester"}}, direct.Members)

	group := list.Conversations[1]
	assert.Equal(t, Group, group.Kind)
	assert.Equal(t, "Ann Tester, Bo Tester", group.Name)
	assert.Empty(t, group.AvatarURL)
	assert.Equal(t, "Change window at 22:00", group.LastPost.Message)
	assert.False(t, group.Managed)

	board := list.Conversations[2]
	assert.Equal(t, "Change board", board.Name)
	assert.True(t, board.CustomName)
	assert.True(t, board.Managed)
	assert.Nil(t, board.LastPost)
	assert.Equal(t, f.channels[named].CreateAt, board.LastActivityAt, "without posts, activity is the creation time")
}

func TestListMakesFewCallsAndCachesMembersAndPosts(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	for range 20 {
		gm := f.gm(p.me, p.ann, p.bo)
		f.post(gm, p.ann, "hello")
		f.dm(p.me, f.person("colleague", "Col", staff.Staff))
	}
	first, err := s.List(p.me)
	require.NoError(t, err)
	require.Len(t, first.Conversations, 40)
	assert.Equal(t, 20, f.callCount("MemberIDs"), "GM members once each")
	assert.Equal(t, 20, f.callCount("LatestPost"), "only channels with posts")
	assert.Equal(t, 1, f.callCount("Users"), "all members in one call")

	second, err := s.List(p.me)
	require.NoError(t, err)
	assert.Equal(t, first, second)
	assert.Equal(t, 20, f.callCount("MemberIDs"), "members come from the cache")
	assert.Equal(t, 20, f.callCount("LatestPost"), "last posts come from the cache")
	assert.Equal(t, 2, f.callCount("ChannelsOf"))
}

func TestLastPostFollowsNewEditedAndDeletedPosts(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	dm := f.dm(p.me, p.ann)
	first := f.post(dm, p.ann, "first")
	_, err := s.List(p.me)
	require.NoError(t, err)

	second := f.post(dm, p.ann, "second")
	s.MessageHasBeenPosted(second)
	lastMessage := func() string {
		list, err := s.List(p.me)
		require.NoError(t, err)
		return list.Conversations[0].LastPost.Message
	}
	assert.Equal(t, "second", lastMessage())
	assert.Equal(t, 1, f.callCount("LatestPost"), "the hook recorded the new post")

	f.post(dm, p.ann, "posted through another server")
	assert.Equal(t, "posted through another server", lastMessage(), "a changed LastPostAt means the cache is stale")

	third := f.post(dm, p.ann, "typo")
	s.MessageHasBeenPosted(third)
	edited := third.Clone()
	edited.Message = "fixed"
	s.MessageHasBeenUpdated(edited)
	assert.Equal(t, "fixed", lastMessage())
	s.MessageHasBeenUpdated(first)
	assert.Equal(t, "fixed", lastMessage(), "editing an older post changes nothing")

	f.posts[dm] = f.posts[dm][:len(f.posts[dm])-1]
	s.MessageHasBeenDeleted(third)
	assert.Equal(t, "posted through another server", lastMessage())
}

func TestAPostThatCannotBeReadLeavesThePreviewEmpty(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	f.post(f.dm(p.me, p.ann), p.ann, "hello")
	f.failPosts = true
	list, err := s.List(p.me)
	require.NoError(t, err)
	assert.Nil(t, list.Conversations[0].LastPost)
}

func TestCloseHidesUntilTheNextPost(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	dm := f.dm(p.me, p.ann)
	f.post(dm, p.ann, "hello")

	require.NoError(t, s.Close(p.me, dm))
	list, err := s.List(p.me)
	require.NoError(t, err)
	assert.Empty(t, list.Conversations)
	assert.Zero(t, list.TotalUnread, "totals cover open conversations only")
	assert.Len(t, f.eventsFor(p.me, EventConversationClosed), 1)

	found, err := s.Search(p.me, "ann")
	require.NoError(t, err)
	require.Len(t, found, 1)
	assert.False(t, found[0].Open, "search finds closed conversations")

	s.MessageHasBeenPosted(f.post(dm, p.ann, "are you there?"))
	list, err = s.List(p.me)
	require.NoError(t, err)
	assert.Equal(t, []string{dm}, ids(list.Conversations), "a new post reopens it")
	assert.Eventually(t, func() bool { return f.kv.Value(closedKey(p.me)) == nil },
		time.Second, 5*time.Millisecond, "the stale entry is tidied away")
}

func TestOpenReopensAClosedConversation(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	dm := f.dm(p.me, p.ann)
	require.NoError(t, s.Close(p.me, dm))
	c, err := s.Open(p.me, dm)
	require.NoError(t, err)
	assert.True(t, c.Open)
	list, err := s.List(p.me)
	require.NoError(t, err)
	assert.Equal(t, []string{dm}, ids(list.Conversations))
	assert.Eventually(t, func() bool { return len(f.eventsFor(p.me, EventConversationUpdated)) == 1 }, time.Second, 5*time.Millisecond)
}

func TestClosedStateIsPerUser(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	dm := f.dm(p.me, p.ann)
	require.NoError(t, s.Close(p.me, dm))
	list, err := s.List(p.ann)
	require.NoError(t, err)
	assert.Equal(t, []string{dm}, ids(list.Conversations))
}

func TestClosingRetriesWhenAnotherTabChangedTheSet(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	a, b := f.dm(p.me, p.ann), f.dm(p.me, p.bo)
	raced := false
	f.kv.BeforeCompareAndSet(func(string) { // another tab closes b just before the first compare-and-set
		if !raced {
			raced = true
			require.NoError(t, s.closeFor(p.me, b, 5))
		}
	})
	require.NoError(t, s.closeFor(p.me, a, 7))
	set, err := s.closedOf(p.me)
	require.NoError(t, err)
	assert.Equal(t, closedSet{a: 7, b: 5}, set)
}

func TestSearch(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	dm := f.dm(p.me, p.ann)
	board := f.managed("Change Board", p.me, p.bo)
	cases := map[string][]string{"ann": {dm}, "BOARD": {board}, "tester": {dm, board}, "mia": {}, "zzz": {}}
	for term, want := range cases {
		found, err := s.Search(p.me, term)
		require.NoError(t, err, term)
		assert.ElementsMatch(t, want, ids(found), term)
	}
}

func TestGetAnswersOnlyForTheCallersConversations(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	theirs := f.dm(p.ann, p.bo)
	mixed := f.dm(p.me, p.dave)
	team := f.addChannel(&model.Channel{Type: model.ChannelTypeOpen, Name: "town-square"}, p.me)
	for label, id := range map[string]string{"other's": theirs, "mixed": mixed, "team channel": team, "missing": model.NewId(), "malformed": "x/../y"} {
		t.Run(label, func(t *testing.T) {
			_, err := s.Get(p.me, id)
			requireKind(t, err, failure.NotFound, "No such conversation.")
		})
	}
	mine := f.dm(p.me, p.ann)
	c, err := s.Get(p.me, mine)
	require.NoError(t, err)
	assert.Equal(t, "Ann Tester", c.Name)
}

func TestCreateDirect(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	c, created, err := s.Create(p.me, CreateRequest{UserIDs: []string{p.ann, p.me}})
	require.NoError(t, err)
	assert.True(t, created)
	assert.Equal(t, Direct, c.Kind)
	assert.True(t, c.Open)
	assert.Eventually(t, func() bool { return len(f.eventsFor(p.ann, EventConversationUpdated)) == 1 }, time.Second, 5*time.Millisecond)

	require.NoError(t, s.Close(p.me, c.ID))
	again, created, err := s.Create(p.me, CreateRequest{UserIDs: []string{p.ann}})
	require.NoError(t, err)
	assert.False(t, created)
	assert.Equal(t, c.ID, again.ID)
	assert.True(t, again.Open, "starting it again reopens it")
	list, err := s.List(p.me)
	require.NoError(t, err)
	assert.Equal(t, []string{c.ID}, ids(list.Conversations))
}

func TestCreateRefusals(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	erin := f.person("erin", "Erin", staff.NonStaff)
	var crowd []string
	for range 50 {
		crowd = append(crowd, f.person("crowd", "Crowd", staff.Staff))
	}
	unknown := model.NewId()
	cases := map[string]struct {
		req     CreateRequest
		message string
	}{
		"empty":     {CreateRequest{}, "Choose at least one person."},
		"self only": {CreateRequest{UserIDs: []string{p.me}}, "Choose someone other than yourself."},
		"unknown":   {CreateRequest{UserIDs: []string{p.ann, unknown}}, `No user with id "` + unknown + `".`},
		"customer":  {CreateRequest{UserIDs: []string{p.ann, p.dave}}, "@dave is not ITIL staff: Connect conversations are for staff only."},
		"customers": {CreateRequest{UserIDs: []string{p.dave, erin}}, "@dave and @erin are not ITIL staff"},
		"bot":       {CreateRequest{UserIDs: []string{p.robot}}, "@robot is not ITIL staff"},
		"too many":  {CreateRequest{UserIDs: crowd}, "A conversation can have at most 50 people."},
		"long name": {CreateRequest{UserIDs: []string{p.ann, p.bo}, Name: strings.Repeat("n", 65)}, "at most 64 characters"},
	}
	for label, c := range cases {
		t.Run(label, func(t *testing.T) {
			_, _, err := s.Create(p.me, c.req)
			requireKind(t, err, failure.Invalid, c.message)
		})
	}
	_, _, err := s.Create(p.me, CreateRequest{UserIDs: crowd[:49]})
	assert.NoError(t, err, "49 others and the caller make 50")
}

func TestCreateGroupStartsAManagedGroup(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	c, created, err := s.Create(p.me, CreateRequest{UserIDs: []string{p.ann, p.bo}})
	require.NoError(t, err)
	assert.True(t, created)
	assert.Equal(t, Group, c.Kind)
	assert.True(t, c.Managed)
	assert.False(t, c.CustomName)
	assert.Equal(t, "Ann Tester, Bo Tester", c.Name)
	assert.Len(t, c.Members, 3)

	ch := f.channels[c.ID]
	assert.Equal(t, model.ChannelTypePrivate, ch.Type)
	assert.Equal(t, botID, ch.CreatorId)
	assert.Equal(t, f.teams["itil"], ch.TeamId)
	assert.Equal(t, "Ann Tester, Bo Tester, Mia Tester", ch.DisplayName, "native clients see every member")
	assert.Equal(t, ch.DisplayName, string(f.kv.Value(generatedNameKey(c.ID))))
	assert.Len(t, f.teamMembers[f.teams["itil"]], 3, "everyone is in the conversation team")

	again, created, err := s.Create(p.me, CreateRequest{UserIDs: []string{p.bo, p.ann}})
	require.NoError(t, err)
	assert.False(t, created)
	assert.Equal(t, c.ID, again.ID, "the same people get the same group")

	named, created, err := s.Create(p.me, CreateRequest{UserIDs: []string{p.bo, p.ann}, Name: " Change board "})
	require.NoError(t, err)
	assert.True(t, created, "a different name is a different group")
	assert.Equal(t, "Change board", named.Name)
	assert.True(t, named.CustomName)
	assert.Nil(t, f.kv.Value(generatedNameKey(named.ID)))
}

func TestCreateGroupReturnsAnExistingGroupMessage(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	gm := f.gm(p.me, p.ann, p.bo)
	c, created, err := s.Create(p.me, CreateRequest{UserIDs: []string{p.ann, p.bo}})
	require.NoError(t, err)
	assert.False(t, created)
	assert.Equal(t, gm, c.ID)
}

func TestConversationTeam(t *testing.T) {
	cfg := &config.Config{StaffTeams: []string{"itil"}, ConversationTeam: "desk"}
	s, f := newTestService(t, cfg)
	p := newCast(f)
	f.teams["desk"] = "teamdesk00000000000000000a"
	c, _, err := s.Create(p.me, CreateRequest{UserIDs: []string{p.ann, p.bo}})
	require.NoError(t, err)
	assert.Equal(t, "teamdesk00000000000000000a", f.channels[c.ID].TeamId)

	for label, cfg := range map[string]*config.Config{
		"no team":      {},
		"missing team": {ConversationTeam: "gone"},
	} {
		t.Run(label, func(t *testing.T) {
			s, f := newTestService(t, cfg)
			p := newCast(f)
			_, _, err := s.Create(p.me, CreateRequest{UserIDs: []string{p.ann, p.bo}})
			requireKind(t, err, failure.Unavailable, "System Console")
		})
	}
}

func TestAddMembers(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	cy := f.person("cy", "Cy", staff.Staff)
	group := f.managed("Ann Tester, Mia Tester", p.me, p.ann)
	require.NoError(t, f.kv.Set(generatedNameKey(group), []byte("Ann Tester, Mia Tester")))

	c, err := s.AddMembers(p.me, group, []string{p.bo, cy, p.ann})
	require.NoError(t, err)
	assert.Equal(t, group, c.ID)
	assert.Len(t, c.Members, 4)
	assert.Equal(t, "Ann Tester, Bo Tester, Cy Tester", c.Name)
	assert.Contains(t, f.broadcasts, ClusterMembersChanged+":"+group)
	assert.True(t, f.teamMembers[f.channels[group].TeamId][cy])

	_, err = s.AddMembers(p.me, group, []string{p.dave})
	requireKind(t, err, failure.Invalid, "@dave is not ITIL staff")
	_, err = s.AddMembers(p.me, f.dm(p.me, p.ann), []string{p.bo})
	requireKind(t, err, failure.Invalid, "Start a group to add people: a direct conversation always has two people.")
	_, err = s.AddMembers(p.me, f.dm(p.ann, p.bo), []string{cy})
	requireKind(t, err, failure.NotFound, "No such conversation.")

	unchanged, err := s.AddMembers(p.me, group, []string{p.ann})
	require.NoError(t, err)
	assert.Len(t, unchanged.Members, 4)
}

func TestAddingToAGroupMessageStartsAManagedGroup(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	cy := f.person("cy", "Cy", staff.Staff)
	gm := f.gm(p.me, p.ann, p.bo)
	c, err := s.AddMembers(p.me, gm, []string{cy})
	require.NoError(t, err)
	assert.NotEqual(t, gm, c.ID)
	assert.True(t, c.Managed)
	assert.Len(t, c.Members, 4)
}

func TestAddMembersKeepsTheSizeLimit(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	members := []string{p.me}
	for range 49 {
		members = append(members, f.person("crowd", "Crowd", staff.Staff))
	}
	group := f.managed("Crowd", members...)
	_, err := s.AddMembers(p.me, group, []string{p.ann})
	requireKind(t, err, failure.Invalid, "at most 50 people")
}

func TestRemoveMember(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	group := f.managed("Ops", p.me, p.ann, p.bo)
	c, err := s.RemoveMember(p.me, group, p.bo)
	require.NoError(t, err)
	assert.Len(t, c.Members, 2)

	_, err = s.RemoveMember(p.me, group, p.bo)
	requireKind(t, err, failure.NotFound, "That person is not in this conversation.")
	_, err = s.RemoveMember(p.me, f.dm(p.me, p.ann), p.ann)
	requireKind(t, err, failure.Invalid, "close it instead")
	_, err = s.RemoveMember(p.me, f.gm(p.me, p.ann, p.bo), p.bo)
	requireKind(t, err, failure.Invalid, "its members are fixed")

	left, err := s.RemoveMember(p.me, group, p.me)
	require.NoError(t, err)
	assert.Equal(t, []string{p.ann}, memberIDs(left))
	assert.False(t, left.Open)
	_, err = s.Get(p.me, group)
	requireKind(t, err, failure.NotFound, "No such conversation.")
}

func TestRename(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	group := f.managed("Ann Tester, Mia Tester", p.me, p.ann)
	require.NoError(t, f.kv.Set(generatedNameKey(group), []byte("Ann Tester, Mia Tester")))

	c, err := s.Rename(p.me, group, "  Night shift ")
	require.NoError(t, err)
	assert.Equal(t, "Night shift", c.Name)
	assert.True(t, c.CustomName)
	assert.Equal(t, "Night shift", f.channels[group].DisplayName)

	c, err = s.Rename(p.me, group, "")
	require.NoError(t, err)
	assert.Equal(t, "Ann Tester", c.Name)
	assert.False(t, c.CustomName)
	assert.Equal(t, "Ann Tester, Mia Tester", f.channels[group].DisplayName)
	assert.Eventually(t, func() bool { return len(f.eventsFor(p.ann, EventConversationUpdated)) > 0 }, time.Second, 5*time.Millisecond)

	_, err = s.Rename(p.me, f.dm(p.me, p.ann), "x")
	requireKind(t, err, failure.Invalid, "Only group conversations have a name.")
	_, err = s.Rename(p.me, f.gm(p.me, p.ann, p.bo), "x")
	requireKind(t, err, failure.Invalid, "named after its members")
	_, err = s.Rename(p.me, group, strings.Repeat("x", 65))
	requireKind(t, err, failure.Invalid, "at most 64 characters")
}

func TestMemberJoinedRemovesOutsidersInEnforceMode(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	group := f.managed("Ops", p.me, p.ann)
	require.NoError(t, f.AddMember(group, p.dave, p.ann))
	s.MemberJoined(group, p.dave, p.ann)
	assert.NotContains(t, f.members[group], p.dave)
	require.Len(t, f.ephemerals, 1)
	assert.Equal(t, p.ann, f.ephemerals[0].userID)
	assert.Equal(t, group, f.ephemerals[0].channelID)
	assert.Equal(t, "@dave was removed from this conversation: @dave is not ITIL staff: Connect conversations are for staff only.", f.ephemerals[0].payload["message"])

	require.NoError(t, f.AddMember(group, p.robot, p.ann))
	s.MemberJoined(group, p.robot, p.ann)
	assert.NotContains(t, f.members[group], p.robot, "other bots are not staff either")
}

func TestMemberJoinedInWarnAndOffModes(t *testing.T) {
	for mode, ephemerals := range map[config.Mode]int{config.ModeWarn: 1, config.ModeOff: 0} {
		s, f := newTestService(t, &config.Config{StaffTeams: []string{"itil"}, Enforcement: mode})
		p := newCast(f)
		group := f.managed("Ops", p.me, p.ann)
		require.NoError(t, f.AddMember(group, p.dave, p.ann))
		s.MemberJoined(group, p.dave, p.ann)
		assert.Contains(t, f.members[group], p.dave, mode)
		assert.Len(t, f.ephemerals, ephemerals, mode)
	}
}

func TestMemberChangesKeepTheGeneratedNameCurrent(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	group := f.managed("Ann Tester, Mia Tester", p.me, p.ann)
	require.NoError(t, f.kv.Set(generatedNameKey(group), []byte("Ann Tester, Mia Tester")))
	require.NoError(t, f.AddMember(group, p.bo, p.ann))
	s.MemberJoined(group, p.bo, p.ann)
	assertNamed(t, f, group, "Ann Tester, Bo Tester, Mia Tester")
	assert.Eventually(t, func() bool { return len(f.eventsFor(p.bo, EventConversationUpdated)) > 0 }, time.Second, 5*time.Millisecond)

	named := f.managed("Night shift", p.me, p.ann)
	require.NoError(t, f.AddMember(named, p.bo, p.ann))
	s.MemberJoined(named, p.bo, p.ann)
	time.Sleep(20 * time.Millisecond)
	assertNamed(t, f, named, "Night shift")

	require.NoError(t, f.RemoveMember(group, p.bo))
	s.MemberLeft(group, p.bo)
	assertNamed(t, f, group, "Ann Tester, Mia Tester")
	assert.Len(t, f.eventsFor(p.bo, EventConversationClosed), 1, "the leaver's clients drop it")
}

func TestAGroupBeingFilledIsRenamedOnce(t *testing.T) {
	s, f := newTestService(t, nil)
	s.nameDelay = 50 * time.Millisecond
	p := newCast(f)
	group := f.managed("Mia Tester", p.me)
	require.NoError(t, f.kv.Set(generatedNameKey(group), []byte("Mia Tester")))
	for _, id := range []string{p.ann, p.bo} {
		require.NoError(t, f.AddMember(group, id, p.me))
		s.MemberJoined(group, id, p.me)
	}
	assertNamed(t, f, group, "Ann Tester, Bo Tester, Mia Tester")
	assert.Equal(t, 1, f.callCount("UpdateChannel"))
}

func assertNamed(t *testing.T, f *fakeMattermost, channelID, name string) {
	t.Helper()
	assert.Eventually(t, func() bool {
		f.mu.Lock()
		defer f.mu.Unlock()
		return f.channels[channelID].DisplayName == name
	}, time.Second, 2*time.Millisecond, "the group is not named %q", name)
}

func TestMemberHooksIgnoreOtherChannels(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	team := f.addChannel(&model.Channel{Type: model.ChannelTypePrivate, Name: "ops", CreatorId: p.ann}, p.ann)
	s.MemberJoined(team, p.dave, p.ann)
	s.MemberLeft(team, p.ann)
	assert.Empty(t, f.ephemerals)
	assert.Empty(t, f.events)
}

func TestNewPostsCostACachedLookupAndTellNobody(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	gm := f.gm(p.me, p.ann, p.bo)
	require.NoError(t, s.Close(p.bo, gm))
	s.MessageHasBeenPosted(f.post(gm, p.ann, "warm up"))
	time.Sleep(20 * time.Millisecond) // closing's own events have gone out
	reads := func() int {
		return f.callCount("Channel") + f.callCount("ChannelsOf") + f.callCount("MembershipsOf") + f.callCount("MemberIDs") + f.callCount("Users")
	}
	before, eventsBefore := reads(), f.eventCount()

	for i := range 20 {
		s.MessageHasBeenPosted(f.post(gm, p.ann, fmt.Sprintf("Change window at 22:%02d", i), p.me))
	}
	time.Sleep(20 * time.Millisecond)
	assert.Equal(t, before, reads(), "no Mattermost reads per post")
	assert.Equal(t, eventsBefore, f.eventCount(), "clients learn of posts from Mattermost's own posted events")

	list, err := s.List(p.bo)
	require.NoError(t, err)
	c, ok := find(list.Conversations, gm)
	require.True(t, ok, "a new post reopens it for everyone")
	assert.Equal(t, "Change window at 22:19", c.LastPost.Message)
}

func find(list []Conversation, id string) (Conversation, bool) {
	for _, c := range list {
		if c.ID == id {
			return c, true
		}
	}
	return Conversation{}, false
}

func TestPostsElsewhereCostOneChannelRead(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	team := f.addChannel(&model.Channel{Type: model.ChannelTypeOpen, Name: "town-square"}, p.me)
	s.MessageHasBeenPosted(f.post(team, p.me, "hello"))
	s.MessageHasBeenPosted(f.post(team, p.me, "again"))
	time.Sleep(20 * time.Millisecond)
	assert.Equal(t, 1, f.callCount("Channel"))
	assert.Empty(t, f.events)
}

func TestClusterEventDropsTheMemberCache(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	group := f.managed("Ops", p.me, p.ann)
	_, err := s.List(p.me)
	require.NoError(t, err)
	require.NoError(t, f.AddMember(group, p.bo, p.ann)) // on another server

	s.OnMembersChanged([]byte(group))
	c, err := s.Get(p.me, group)
	require.NoError(t, err)
	assert.Len(t, c.Members, 3)
}

func TestManagedGroupMembersExpire(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	group := f.managed("Ops", p.me, p.ann)
	_, err := s.Get(p.me, group)
	require.NoError(t, err)
	require.NoError(t, f.AddMember(group, p.bo, p.ann))
	f.clock += groupInfoTTL.Milliseconds() + 1
	c, err := s.Get(p.me, group)
	require.NoError(t, err)
	assert.Len(t, c.Members, 3)
}

func TestMixedConversationsAreListedOutsideEnforceMode(t *testing.T) {
	s, f := newTestService(t, &config.Config{StaffTeams: []string{"itil"}, Enforcement: config.ModeWarn})
	p := newCast(f)
	dm := f.dm(p.me, p.dave)
	f.dm(p.me, p.robot)
	list, err := s.List(p.me)
	require.NoError(t, err)
	assert.Equal(t, []string{dm}, ids(list.Conversations))
}

// convert turns a GM into a private channel the way Mattermost's "convert to channel" does.
func convert(f *fakeMattermost, channelID, by string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.channels[channelID].Type, f.channels[channelID].CreatorId = model.ChannelTypePrivate, by
}

func TestAConvertedStaffGroupMessageStaysAConnectGroup(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	gm := f.gm(p.me, p.ann, p.bo)
	convert(f, gm, p.me)

	s.GroupMessageConverted(gm)
	channel, err := f.Channel(gm)
	require.NoError(t, err)
	assert.Equal(t, botID, channel.CreatorId, "Connect now manages it")
	assert.Equal(t, 1, f.callCount("ChannelMembersChanged"), "the staff rules forget what they knew")

	require.NoError(t, f.AddMember(gm, p.dave, p.me))
	s.MemberJoined(gm, p.dave, p.me)
	assert.NotContains(t, f.members[gm], p.dave, "a customer added afterwards is removed like from any Connect group")
}

func TestAConvertedMixedGroupMessageBecomesATeamChannel(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	gm := f.gm(p.me, p.ann, p.dave)
	convert(f, gm, p.me)

	s.GroupMessageConverted(gm)
	channel, err := f.Channel(gm)
	require.NoError(t, err)
	assert.Equal(t, p.me, channel.CreatorId)
	assert.Contains(t, f.members[gm], p.dave, "nobody is removed from a channel that was never staff-only")
}

func TestRemovalMessageNamesWhoRemoved(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	group := f.managed("Ops", p.me, p.ann, p.bo)
	leaving := func(channelID, userID string) *model.Post {
		post := &model.Post{ChannelId: channelID, UserId: userID, Type: model.PostTypeLeaveChannel, Message: "@bo left the channel."}
		post.AddProp("username", "bo")
		return post
	}
	var described *model.Post
	f.onRemoved = func(channelID, userID string) { described = s.DescribeRemoval(leaving(channelID, userID)) }

	_, err := s.RemoveMember(p.me, group, p.bo)

	require.NoError(t, err)
	require.NotNil(t, described)
	assert.Equal(t, model.PostTypeRemoveFromChannel, described.Type)
	assert.Equal(t, p.me, described.UserId)
	assert.Equal(t, p.bo, described.GetProp("removedUserId"))
	assert.Equal(t, "bo", described.GetProp("removedUsername"))
	assert.Nil(t, s.DescribeRemoval(leaving(group, p.bo)), "after the removal, a leave is a leave")

	described = nil
	_, err = s.RemoveMember(p.ann, group, p.ann)
	require.NoError(t, err)
	assert.Nil(t, described, "leaving yourself stays a leave")
}

func TestAllListsClosedConversationsTooAndTellsConversationsApart(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	dm := f.dm(p.me, p.ann)
	gm := f.gm(p.me, p.ann, p.bo)
	team := f.addChannel(&model.Channel{Type: model.ChannelTypeOpen, Name: "town-square"}, p.me, p.ann)
	f.post(dm, p.ann, "hello")
	require.NoError(t, s.Close(p.me, dm))

	all, err := s.All(p.me)
	require.NoError(t, err)
	assert.Equal(t, []string{dm, gm}, ids(all), "closed ones too, team channels never")
	assert.False(t, all[0].Open)

	assert.True(t, s.IsConversation(dm))
	assert.True(t, s.IsConversation(gm))
	assert.False(t, s.IsConversation(team))
	assert.False(t, s.IsConversation(model.NewId()), "a channel that cannot be read is not one")
}
