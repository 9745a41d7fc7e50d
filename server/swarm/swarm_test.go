package swarm

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/follow"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
)

const (
	recordID = "0123456789abcdef0123456789abcdef"
	groupID  = "fedcba9876543210fedcba9876543210"
	channel  = "recordchannelccccccccccccc"
	botID    = "botbbbbbbbbbbbbbbbbbbbbbbb"
)

// fakes is ServiceNow, Mattermost's users and staff rule, following and the conversation.
type fakes struct {
	people    servicenow.RecordPeople
	users     map[string]*model.User // by id
	staffIDs  map[string]bool
	channelID string
	members   []string
	followers []string
	posts     []*model.Post
	addCalls  [][]string
}

func sn(id, name, email string, active bool) servicenow.Person {
	return servicenow.Person{SysID: id, UserName: name, Name: name, Email: email, Active: active}
}

func newFakes() *fakes {
	f := &fakes{
		people: servicenow.RecordPeople{
			Record:          servicenow.Record{Table: "incident", SysID: recordID, Number: "INC0010003", ShortDescription: "Payroll down", URL: "https://sn/incident.do?sys_id=" + recordID},
			AssignmentGroup: "Major Incident Team",
			Assignee:        &servicenow.Person{SysID: "a0000000000000000000000000000001", UserName: "nina", Name: "Nina Patel", Email: "nina@x.com", Active: true},
			Members: []servicenow.Person{
				sn("a0000000000000000000000000000002", "omar", "omar@x.com", true),
				sn("a0000000000000000000000000000003", "pia", "pia@x.com", true),
				sn("a0000000000000000000000000000004", "rosa", "rosa@customer.com", true),
				sn("a0000000000000000000000000000005", "sam", "sam@x.com", true),
				sn("a0000000000000000000000000000006", "tess", "tess@x.com", true),
				sn("a0000000000000000000000000000007", "uma", "uma@x.com", false),
				sn("a0000000000000000000000000000008", "vic", "vic@x.com", true),
				sn("a0000000000000000000000000000001", "nina", "nina@x.com", true),
			},
		},
		users:    map[string]*model.User{},
		staffIDs: map[string]bool{},
	}
	for _, u := range []struct {
		id, name, email string
		staff, deleted  bool
		unverified      bool
	}{
		{"asker", "alice", "alice@x.com", true, false, false},
		{"nina", "nina", "nina@x.com", true, false, false},
		{"omar", "omar", "omar@x.com", true, false, false},
		{"pia", "pia", "pia@x.com", true, false, false},
		{"rosa", "rosa", "rosa@customer.com", false, false, false},
		{"tess", "tess", "tess@x.com", true, true, false},
		{"uma", "uma", "uma@x.com", true, false, false},
		{"vic", "vic", "vic@x.com", true, false, true},
	} {
		user := &model.User{Id: u.id, Username: u.name, Email: u.email, EmailVerified: !u.unverified}
		if u.deleted {
			user.DeleteAt = 1
		}
		f.users[u.id] = user
		f.staffIDs[u.id] = u.staff
	}
	return f
}

func (f *fakes) RecordPeople(_ context.Context, key servicenow.RecordKey) (servicenow.RecordPeople, bool, error) {
	return f.people, key.SysID == recordID || key.Number == "INC0010003", nil
}

func (f *fakes) User(id string) (*model.User, error) {
	if u, ok := f.users[id]; ok {
		return u, nil
	}
	return nil, errors.New("no such user")
}

func (f *fakes) UserByEmail(email string) (*model.User, error) {
	for _, u := range f.users {
		if u.Email == email {
			return u, nil
		}
	}
	return nil, nil
}

func (f *fakes) Verdict(id string) (staff.Verdict, error) {
	u := f.users[id]
	switch {
	case u.DeleteAt != 0:
		return staff.Verdict{UserID: id, Kind: staff.Inactive}, nil
	case f.staffIDs[id]:
		return staff.Verdict{UserID: id, Kind: staff.Staff}, nil
	}
	return staff.Verdict{UserID: id, Kind: staff.NonStaff}, nil
}

func (f *fakes) Follow(userID string, key servicenow.RecordKey) (follow.Follow, error) {
	if f.channelID == "" {
		f.channelID = channel
	}
	if !slices.Contains(f.members, userID) {
		f.members = append(f.members, userID)
	}
	if !slices.Contains(f.followers, userID) {
		f.followers = append(f.followers, userID)
	}
	return follow.Follow{Table: key.Table, SysID: key.SysID, Number: "INC0010003", ConversationID: f.channelID}, nil
}

func (f *fakes) ConversationOf(follow.Ref) (string, error) { return f.channelID, nil }

func (f *fakes) AddFollowers(_ follow.Ref, ids []string) error {
	for _, id := range ids {
		if !f.staffIDs[id] {
			return failure.New(failure.Forbidden, i18n.Text("not staff"))
		}
		if !slices.Contains(f.followers, id) {
			f.followers = append(f.followers, id)
		}
	}
	return nil
}

func (f *fakes) CheckTable(table string) error {
	if table == "sys_user" {
		return failure.New(failure.Invalid, i18n.Text("not followable"))
	}
	return nil
}

func (f *fakes) AddMembers(callerID, channelID string, ids []string) (conversations.Conversation, error) {
	for _, id := range ids {
		if !f.staffIDs[id] || f.users[id].DeleteAt != 0 {
			return conversations.Conversation{}, failure.New(failure.Invalid, i18n.Text(id+" is not staff"))
		}
	}
	f.addCalls = append(f.addCalls, ids)
	f.members = append(f.members, ids...)
	return conversations.Conversation{ID: channelID}, nil
}

func (f *fakes) MemberIDs(string) ([]string, error) { return slices.Clone(f.members), nil }

func (f *fakes) CreatePost(p *model.Post) error {
	f.posts = append(f.posts, p)
	return nil
}

func (f *fakes) service() *Service {
	return NewService(Deps{
		Upstream: func() Upstream { return f }, Users: f, Staff: f, Follow: f,
		Conversations: f, Members: f, Posts: f, BotID: botID,
	})
}

func byEmail(plan Plan) map[string]Person {
	out := map[string]Person{}
	for _, p := range plan.People {
		out[p.Email] = p
	}
	return out
}

func TestPlanSaysWhoAndWhy(t *testing.T) {
	f := newFakes()
	plan, err := f.service().Plan("asker", servicenow.RecordKey{Table: "incident", SysID: recordID})
	require.NoError(t, err)
	assert.Equal(t, "", plan.ConversationID)
	assert.Equal(t, "INC0010003", plan.Record.Number)
	assert.Equal(t, "Major Incident Team", plan.Record.AssignmentGroup)
	people := byEmail(plan)
	assert.Len(t, plan.People, 8, "the assignee once, though also a member")
	for email, want := range map[string]struct {
		status Status
		reason string
		role   Role
		userID string
	}{
		"nina@x.com":        {Add, "", Assignee, "nina"},
		"omar@x.com":        {Add, "", GroupMember, "omar"},
		"pia@x.com":         {Add, "", GroupMember, "pia"},
		"rosa@customer.com": {Unavailable, NotStaff, GroupMember, "rosa"},
		"sam@x.com":         {Unavailable, NoAccount, GroupMember, ""},
		"tess@x.com":        {Unavailable, Deactivated, GroupMember, "tess"},
		"uma@x.com":         {Unavailable, Deactivated, GroupMember, ""},
		"vic@x.com":         {Unavailable, NoAccount, GroupMember, ""},
	} {
		got := people[email]
		assert.Equal(t, want.status, got.Status, email)
		assert.Equal(t, want.reason, got.Reason, email)
		assert.Equal(t, want.role, got.Role, email)
		assert.Equal(t, want.userID, got.UserID, email+": only a trusted address matches an account")
	}
}

func TestApplyAddsOnlyWhatThePlanAllowsAndRerunAddsNewcomers(t *testing.T) {
	f := newFakes()
	s := f.service()
	result, err := s.Apply("asker", servicenow.RecordKey{Table: "incident", SysID: recordID}, []string{"omar", "rosa", "tess", "vic", "stranger"})
	require.NoError(t, err)
	assert.Equal(t, channel, result.ConversationID)
	assert.Equal(t, []string{"asker", "omar"}, result.Added)
	assert.ElementsMatch(t, []string{"rosa", "tess", "vic", "stranger"}, result.Refused)
	assert.NotContains(t, f.members, "rosa", "a customer is never added, whatever is asked")
	assert.ElementsMatch(t, []string{"asker", "omar"}, f.followers)
	require.Len(t, f.posts, 1)
	assert.Equal(t, botID, f.posts[0].UserId)
	assert.Contains(t, f.posts[0].Message, "@omar")
	assert.Contains(t, f.posts[0].Message, "alice")

	plan, err := s.Plan("asker", servicenow.RecordKey{Table: "incident", SysID: recordID})
	require.NoError(t, err)
	assert.Equal(t, channel, plan.ConversationID)
	assert.Equal(t, Already, byEmail(plan)["omar@x.com"].Status)
	assert.Equal(t, Add, byEmail(plan)["pia@x.com"].Status)

	again, err := s.Apply("asker", servicenow.RecordKey{Table: "incident", SysID: recordID}, []string{"omar", "pia", "nina"})
	require.NoError(t, err)
	assert.Equal(t, []string{"pia", "nina"}, again.Added, "only newcomers")
	assert.Equal(t, []string{"omar"}, again.Already)
	assert.Equal(t, [][]string{{"omar"}, {"pia", "nina"}}, f.addCalls)
	require.Len(t, f.posts, 2)

	none, err := s.Apply("asker", servicenow.RecordKey{Table: "incident", SysID: recordID}, []string{"omar", "pia"})
	require.NoError(t, err)
	assert.Empty(t, none.Added)
	assert.Len(t, f.posts, 2, "nobody new, nothing said")
}

func TestCustomerBecomingStaffLaterIsRecheckedAtApply(t *testing.T) {
	f := newFakes()
	s := f.service()
	plan, err := s.Plan("asker", servicenow.RecordKey{Table: "incident", SysID: recordID})
	require.NoError(t, err)
	assert.Equal(t, Add, byEmail(plan)["pia@x.com"].Status)
	f.staffIDs["pia"] = false // lost staff between plan and apply
	result, err := s.Apply("asker", servicenow.RecordKey{Table: "incident", SysID: recordID}, []string{"pia"})
	require.NoError(t, err)
	assert.Equal(t, []string{"pia"}, result.Refused)
	assert.NotContains(t, f.members, "pia")
}

func TestRefusals(t *testing.T) {
	f := newFakes()
	s := f.service()
	for _, tc := range []struct {
		name         string
		asker, table string
		sysID        string
		kind         failure.Kind
	}{
		{"customer asks", "rosa", "incident", recordID, failure.Forbidden},
		{"bad sys_id", "asker", "incident", "x^ORactive=true", failure.Invalid},
		{"bad table", "asker", "inc ident", recordID, failure.Invalid},
		{"table not allowed", "asker", "sys_user", recordID, failure.Invalid},
		{"no such record", "asker", "incident", groupID, failure.NotFound},
	} {
		_, err := s.Plan(tc.asker, servicenow.RecordKey{Table: tc.table, SysID: tc.sysID})
		assert.True(t, failure.Is(err, tc.kind), "%s: %v", tc.name, err)
		_, err = s.Apply(tc.asker, servicenow.RecordKey{Table: tc.table, SysID: tc.sysID}, []string{"omar"})
		assert.True(t, failure.Is(err, tc.kind), "%s: %v", tc.name, err)
	}
	assert.Empty(t, f.members)

	unconfigured := NewService(Deps{Upstream: func() Upstream { return nil }, Users: f, Staff: f, Follow: f, Conversations: f, Members: f, Posts: f})
	_, err := unconfigured.Plan("asker", servicenow.RecordKey{Table: "incident", SysID: recordID})
	assert.True(t, failure.Is(err, failure.Unavailable))
}
