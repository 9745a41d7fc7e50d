package conversations

import (
	"strings"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/shape"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
)

func TestPreview(t *testing.T) {
	long := strings.Repeat("word ", 40)
	cases := map[string]struct {
		post *model.Post
		want string
	}{
		"plain":          {&model.Post{Message: "Can you take INC0010001?"}, "Can you take INC0010001?"},
		"lines folded":   {&model.Post{Message: "first\n\n  second\tthird"}, "first second third"},
		"emphasis":       {&model.Post{Message: "**urgent** _and_ ~~late~~ `code`"}, "urgent _and_ late code"},
		"links":          {&model.Post{Message: "see [the runbook](https://wiki/x) and ![chart](https://img/y)"}, "see the runbook and chart"},
		"blocks":         {&model.Post{Message: "# Outage\n> quoted\n- item one\n* item two"}, "Outage quoted item one item two"},
		"code fence":     {&model.Post{Message: "```go\nfmt.Println()\n```"}, "fmt.Println()"},
		"mention kept":   {&model.Post{Message: "@alice_b please look"}, "@alice_b please look"},
		"file only":      {&model.Post{FileIds: model.StringArray{"f1", "f2"}}, "Sent a file"},
		"text and file":  {&model.Post{Message: "logs attached", FileIds: model.StringArray{"f1"}}, "logs attached"},
		"attachment":     {attachmentPost(&model.SlackAttachment{Fallback: "INC0010001: Email is down"}), "INC0010001: Email is down"},
		"attachment tit": {attachmentPost(&model.SlackAttachment{Title: "**INC0010002**"}), "INC0010002"},
		"long":           {&model.Post{Message: long}, long[:139] + "…"},
		"empty":          {&model.Post{}, ""},
	}
	for name, c := range cases {
		got := preview(c.post)
		require.NotNil(t, got, name)
		assert.Equal(t, c.want, got.Message, name)
		assert.LessOrEqual(t, len([]rune(got.Message)), previewLength, name)
	}
	assert.Nil(t, preview(nil))
}

func attachmentPost(a *model.SlackAttachment) *model.Post {
	p := &model.Post{}
	p.AddProp(model.PostPropsAttachments, []*model.SlackAttachment{a})
	return p
}

func TestTruncateCountsRunes(t *testing.T) {
	assert.Equal(t, "héllo", truncate("héllo", 5))
	assert.Equal(t, "hé…", truncate("héllo", 3))
	assert.Equal(t, "ab…", truncate("ab cd", 4), "no space before the ellipsis")
}

func TestCleanMemberIDs(t *testing.T) {
	me, a, b := model.NewId(), model.NewId(), model.NewId()
	cases := map[string]struct {
		ids     []string
		want    []string
		problem string
	}{
		"keeps order":        {[]string{a, b}, []string{a, b}, ""},
		"drops duplicates":   {[]string{a, " " + a + " ", b, a}, []string{a, b}, ""},
		"drops the caller":   {[]string{me, a}, []string{a}, ""},
		"only the caller":    {[]string{me}, nil, ""},
		"empty":              {nil, nil, "Choose at least one person."},
		"malformed":          {[]string{a, "nope"}, nil, `No user with id "nope".`},
		"malformed is named": {[]string{"../etc"}, nil, `No user with id "../etc".`},
	}
	for name, c := range cases {
		got, err := cleanMemberIDs(me, c.ids)
		if c.problem != "" {
			assert.EqualError(t, err, c.problem, name)
			continue
		}
		require.NoError(t, err, name)
		assert.Equal(t, c.want, got, name)
	}
}

func TestCheckSize(t *testing.T) {
	assert.NoError(t, checkSize(50))
	assert.EqualError(t, checkSize(51), "A conversation can have at most 50 people.")
}

func TestCleanName(t *testing.T) {
	name, err := cleanName("  Change board  ")
	require.NoError(t, err)
	assert.Equal(t, "Change board", name)
	name, err = cleanName(strings.Repeat("é", 64))
	require.NoError(t, err)
	assert.Len(t, []rune(name), 64)
	_, err = cleanName(strings.Repeat("a", 65))
	assert.EqualError(t, err, "A group name can be at most 64 characters.")
	for _, bad := range []string{"Ops\x00", "Ops\nboard", "\x07\x08", "bad\xffutf8"} {
		_, err = cleanName(bad)
		assert.EqualError(t, err, "A group name cannot contain control characters such as line breaks or NUL.", "%q", bad)
	}
	for _, invisible := range []string{"\u200b\u200b", "\u200d \ufeff", "\u2060"} {
		_, err = cleanName(invisible)
		assert.EqualError(t, err, "A group name needs at least one visible character.", "%q", invisible)
	}
	name, err = cleanName("Café ☕ crew")
	require.NoError(t, err)
	assert.Equal(t, "Café ☕ crew", name)
}

func TestIsOpen(t *testing.T) {
	assert.True(t, isOpen(0, 100), "never closed")
	assert.False(t, isOpen(200, 100), "closed after the last post")
	assert.False(t, isOpen(200, 200), "closed at the last post")
	assert.True(t, isOpen(200, 201), "a newer post reopens it")
}

func TestUnreadCounts(t *testing.T) {
	ch := &model.Channel{TotalMsgCountRoot: 7}
	unread, mentions := unreadCounts(ch, &model.ChannelMember{MsgCountRoot: 4, MentionCountRoot: 2})
	assert.Equal(t, []int64{3, 2}, []int64{unread, mentions})
	unread, _ = unreadCounts(ch, &model.ChannelMember{MsgCountRoot: 9})
	assert.Zero(t, unread, "never negative")
	unread, mentions = unreadCounts(ch, nil)
	assert.Equal(t, []int64{0, 0}, []int64{unread, mentions})
}

func TestSortByActivity(t *testing.T) {
	list := []Conversation{{ID: "b", LastActivityAt: 5}, {ID: "c", LastActivityAt: 9}, {ID: "a", LastActivityAt: 5}}
	sortByActivity(list)
	assert.Equal(t, []string{"c", "a", "b"}, []string{list[0].ID, list[1].ID, list[2].ID})
}

func TestMatches(t *testing.T) {
	c := Conversation{Name: "Change Board", Members: []Member{
		{ID: "me", Username: "zed", DisplayName: "Zed Me"},
		{ID: "u1", Username: "alice", DisplayName: "Alice Archer"},
	}}
	cases := map[string]bool{"board": true, "alice": true, "arch": true, "change b": true, "zed": false, "bob": false}
	for term, want := range cases {
		assert.Equal(t, want, matches(c, term, "me"), term)
	}
}

func TestNaming(t *testing.T) {
	me := Member{ID: "me", Username: "me", DisplayName: "Me Myself"}
	ann := Member{ID: "ann", Username: "ann", DisplayName: "Ann Lee"}
	bo := Member{ID: "bo", Username: "bo", DisplayName: "Bo Chen"}
	cases := map[string]struct {
		shape                  shape.Shape
		displayName, generated string
		members                []Member
		name                   string
		custom                 bool
		avatar                 string
	}{
		"direct":            {shape.Direct, "", "", []Member{ann, me}, "Ann Lee", false, "/api/v4/users/ann/image"},
		"gm":                {shape.GroupMessage, "ann, bo, me", "", []Member{ann, bo, me}, "Ann Lee, Bo Chen", false, ""},
		"managed generated": {shape.Managed, "Ann Lee, Bo Chen, Me Myself", "Ann Lee, Bo Chen, Me Myself", []Member{ann, bo, me}, "Ann Lee, Bo Chen", false, ""},
		"managed named":     {shape.Managed, "Change board", "", []Member{ann, bo, me}, "Change board", true, ""},
		"renamed natively":  {shape.Managed, "Night shift", "Ann Lee, Me Myself", []Member{ann, me}, "Night shift", true, ""},
		"alone in a group":  {shape.Managed, "x", "x", []Member{me}, "Me Myself", false, ""},
	}
	for label, c := range cases {
		name, custom, avatar := naming(c.shape, c.displayName, c.generated, c.members, "me")
		assert.Equal(t, []any{c.name, c.custom, c.avatar}, []any{name, custom, avatar}, label)
	}
}

func TestGeneratedNameFitsMattermost(t *testing.T) {
	var members []Member
	for _, name := range []string{"Alexandra Fitzgerald", "Bartholomew Oyelaran", "Constance Abernathy", "Dmitri Vasquez"} {
		members = append(members, Member{DisplayName: name})
	}
	name := generatedName(members)
	assert.LessOrEqual(t, len([]rune(name)), maxNameLength)
	assert.True(t, strings.HasPrefix(name, "Alexandra Fitzgerald, Bartholomew Oyelaran"))
	assert.True(t, strings.HasSuffix(name, "…"))
}

func TestWelcome(t *testing.T) {
	people := map[string]person{
		"me":      {kind: staff.Staff},
		"ann":     {kind: staff.Staff},
		"dave":    {kind: staff.NonStaff},
		"retired": {kind: staff.Inactive},
		"robot":   {kind: staff.Bot},
	}
	assert.True(t, welcome([]string{"me", "ann"}, people, "me", true))
	assert.True(t, welcome([]string{"me", "ann", "retired"}, people, "me", true), "deactivated colleagues keep the history readable")
	assert.True(t, welcome([]string{"me", "ghost"}, people, "me", true), "unknown ids are ignored")
	assert.False(t, welcome([]string{"me", "dave"}, people, "me", true))
	assert.True(t, welcome([]string{"me", "dave"}, people, "me", false), "warn and off modes let mixed conversations work")
	assert.False(t, welcome([]string{"me", "ann", "robot"}, people, "me", true))
	assert.False(t, welcome([]string{"me", "robot"}, people, "me", false), "bots are never conversation partners")
}

func TestStaleEntries(t *testing.T) {
	closed := closedSet{"kept": 100, "reopened": 100, "left": 100}
	sources := []source{
		{channel: &model.Channel{Id: "kept", LastPostAt: 90}},
		{channel: &model.Channel{Id: "reopened", LastPostAt: 150}},
	}
	assert.Equal(t, closedSet{"reopened": 100, "left": 100}, staleEntries(closed, sources))
}

func TestSortMembersAndTitles(t *testing.T) {
	members := []Member{{ID: "c", DisplayName: "carol"}, {ID: "a", DisplayName: "Alice"}, {ID: "b", DisplayName: "alice", Username: "a2"}}
	sortMembers(members)
	assert.Equal(t, []string{"a", "b", "c"}, []string{members[0].ID, members[1].ID, members[2].ID})
	assert.Equal(t, "alice, carol", groupTitle(members, "a"))
	assert.Equal(t, Member{DisplayName: "Unknown user"}, otherMember([]Member{{ID: "me"}}, "me"))
}
