package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/api"
	"github.com/connectchat/mattermost-plugin-connect/server/contract"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/creation"
	"github.com/connectchat/mattermost-plugin-connect/server/digest"
	"github.com/connectchat/mattermost-plugin-connect/server/follow"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/journal"
	"github.com/connectchat/mattermost-plugin-connect/server/notify"
	"github.com/connectchat/mattermost-plugin-connect/server/receipts"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
	"github.com/connectchat/mattermost-plugin-connect/server/search"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
	"github.com/connectchat/mattermost-plugin-connect/server/swarm"
	"github.com/connectchat/mattermost-plugin-connect/server/wire/wiretest"
	"github.com/connectchat/mattermost-plugin-connect/server/workspace"
)

// The people and places of the samples the fake services answer with.
const (
	alice    = "aliceaaaaaaaaaaaaaaaaaaaaa"
	bob      = "bobbbbbbbbbbbbbbbbbbbbbbbb"
	carol    = "carolccccccccccccccccccccc"
	customer = "customerddddddddddddddddd1"
	dm       = "dmaliceboboooooooooooooooo"
	group    = "grouprecordddddddddddddddd"
	sysID    = "0123456789abcdef0123456789abcdef"
	postID   = "postppppppppppppppppppppp1"
)

var (
	members = []conversations.Member{
		{ID: alice, Username: "alice", DisplayName: "Alice Adams"},
		{ID: bob, Username: "bob", DisplayName: "Bob Baker"},
		{ID: carol, Username: "carol", DisplayName: "Carol Clark"},
	}
	direct = conversations.Conversation{
		ID: dm, Kind: conversations.Direct, Name: "Bob Baker", Members: members[:2], AvatarURL: "/api/v4/users/" + bob + "/image",
		LastPost:       &conversations.LastPost{ID: postID, UserID: bob, Message: "Is anyone on INC0010001?", CreateAt: 1_790_000_000_000},
		LastActivityAt: 1_790_000_000_000, UnreadCount: 1, LastViewedAt: 1_789_999_000_000, Open: true,
	}
	recordGroup = conversations.Conversation{
		ID: group, Kind: conversations.Group, Name: "INC0010001 · Email server down", CustomName: true, Members: members,
		LastActivityAt: 1_789_000_000_000, Open: true, Managed: true,
		Record: &conversations.RecordRef{Table: "incident", SysID: sysID, Number: "INC0010001", ShortDescription: "Email server down",
			URL: "https://sn.example.com/incident.do?sys_id=" + sysID},
	}
	followed = follow.Follow{Table: "incident", SysID: sysID, Number: "INC0010001", ShortDescription: "Email server down", ConversationID: group}
)

// services answers every route with the samples; it refuses nothing but customers.
type services struct{}

func (services) List(string) (conversations.List, error) {
	return conversations.List{Conversations: []conversations.Conversation{direct, recordGroup}, TotalUnread: 1}, nil
}

func (services) Search(string, string) ([]conversations.Conversation, error) {
	return []conversations.Conversation{direct}, nil
}

func (services) Get(string, string) (conversations.Conversation, error) { return recordGroup, nil }

func (services) Create(string, conversations.CreateRequest) (conversations.Conversation, bool, error) {
	return recordGroup, true, nil
}

func (services) AddMembers(string, string, []string) (conversations.Conversation, error) {
	return recordGroup, nil
}

func (services) RemoveMember(string, string, string) (conversations.Conversation, error) {
	c := recordGroup
	c.Members = members[:2]
	return c, nil
}

func (services) Rename(string, string, string) (conversations.Conversation, error) {
	return recordGroup, nil
}

func (services) Close(string, string) error { return nil }

func (services) Open(string, string) (conversations.Conversation, error) { return direct, nil }

func (services) RefreshFor(context.Context, string, string) (bool, error) { return true, nil }

func (services) Verdict(userID string) (staff.Verdict, error) {
	if userID == customer {
		return staff.Verdict{UserID: userID, Kind: staff.NonStaff}, nil
	}
	return staff.Verdict{UserID: userID, Kind: staff.Staff}, nil
}

func (services) AccessRule(*i18n.Localizer) string {
	return "Connect Chat is for members of the team itil. Ask your system admin for access."
}

func (services) Files(string, string, int, int) (workspace.FilePage, error) {
	return workspace.FilePage{Files: []workspace.File{{
		ID: "fileffffffffffffffffffff01", Name: "toner.png", Extension: "png", MimeType: "image/png", Size: 48213, Width: 640, Height: 480,
		HasPreviewImage: true, UserID: bob, PostID: postID, CreateAt: 1_790_000_000_000,
	}}, HasMore: true}, nil
}

func (services) Records(context.Context, string, string) (workspace.RecordsAndLinks, error) {
	return workspace.RecordsAndLinks{
		Records: []workspace.Record{{
			Number: "INC0010001", Table: "incident", SysID: sysID, URL: "https://sn.example.com/incident.do?sys_id=" + sysID,
			LastMentionedAt: 1_790_000_000_000, PostID: postID, Mentions: 2,
			Card: workspace.Card{Status: records.Found, ShortDescription: "Email server down", State: "In Progress", Priority: "2 - High",
				AssignedTo: "Beth Anglin", Updated: "2026-11-20 09:14:03"},
			AlsoIn: []workspace.Place{{ID: group, Name: "INC0010001 · Email server down", Kind: conversations.Group}},
		}},
		Links:        []workspace.Link{{URL: "https://wiki.example.com/mail-relay", PostID: postID, UserID: bob, CreateAt: 1_789_999_000_000}},
		ScannedPosts: 12,
		Complete:     true,
	}, nil
}

type bell struct{}

func (bell) Get(string, string) (notify.Preferences, error) {
	return notify.Preferences{Desktop: notify.All, Push: notify.Mention, Email: notify.None}, nil
}

func (bell) Set(_, _ string, prefs notify.Preferences) (notify.Preferences, error) { return prefs, nil }

type digests struct{}

func (digests) Get(string) (digest.View, error) {
	return digest.View{IntervalMinutes: 60, MinMinutes: 15, MaxMinutes: 1440, Allowed: true, EmailAvailable: true}, nil
}

func (digests) Set(string, digest.Change) (digest.View, error) {
	return digest.View{Enabled: true, IntervalMinutes: 120, MinMinutes: 15, MaxMinutes: 1440, Allowed: true, EmailAvailable: true}, nil
}

func (digests) Conversation(string, string) (digest.ConversationView, error) {
	return digest.ConversationView{Included: false, Reason: "Its bell sends you an email for messages, so the digest leaves it out."}, nil
}

func (digests) SetConversation(_, _ string, included bool) (digest.ConversationView, error) {
	return digest.ConversationView{Included: included}, nil
}

func (digests) CheckStop(string) (string, error) { return "", nil }

func (digests) Stop(string) error { return nil }

type follows struct{}

func (follows) List(string) ([]follow.Follow, error) { return []follow.Follow{followed}, nil }

func (follows) Follow(string, servicenow.RecordKey) (follow.Follow, error) { return followed, nil }

func (follows) Unfollow(string, follow.Ref) error { return nil }

func (follows) Kind(string, string) (follow.JournalKind, error) {
	return follow.JournalKind{Kind: servicenow.WorkNotes}, nil
}

func (follows) SetKind(_, _, kind string) (follow.JournalKind, error) {
	return follow.JournalKind{Kind: kind}, nil
}

func (follows) RecordKey(text string) (servicenow.RecordKey, bool) {
	return servicenow.RecordKey{Number: text}, strings.HasPrefix(text, "INC")
}

// swarming answers the swarm routes: bob is added, carol was in already, a customer is refused.
type swarming struct{}

func (swarming) Plan(string, servicenow.RecordKey) (swarm.Plan, error) {
	return swarm.Plan{
		Record: swarm.Record{
			Card:  workspace.Card{Status: records.Found, ShortDescription: "Email server down", State: "In Progress", Priority: "1 - Critical", AssignedTo: "Bob Baker", Updated: "2026-11-20 09:14:03"},
			Table: "incident", SysID: sysID, Number: "INC0010001", URL: "https://sn.example.com/incident.do?sys_id=" + sysID, AssignmentGroup: "Service Desk",
		},
		ConversationID: group,
		People: []swarm.Person{
			{UserID: bob, Username: "bob", DisplayName: "Bob Baker", Email: "bob@example.com", Role: swarm.Assignee, Status: swarm.Add},
			{UserID: carol, Username: "carol", DisplayName: "Carol Clark", Email: "carol@example.com", Role: swarm.GroupMember, Status: swarm.Already, Reason: "already in the conversation"},
			{UserID: customer, Username: "dave", DisplayName: "Dave Kowalski", Email: "dave@customer.example.com", Role: swarm.GroupMember, Status: swarm.Unavailable, Reason: swarm.NotStaff},
			{DisplayName: "Sam Okafor", Email: "sam@example.com", Role: swarm.GroupMember, Status: swarm.Unavailable, Reason: swarm.NoAccount},
		},
	}, nil
}

func (swarming) Apply(string, servicenow.RecordKey, []string) (swarm.Result, error) {
	return swarm.Result{ConversationID: group, Added: []string{bob}, Already: []string{carol}, Refused: []string{}}, nil
}

func (swarming) OpenDialog(string, string, servicenow.RecordKey) (swarm.Plan, error) {
	return swarming{}.Plan("", servicenow.RecordKey{})
}

func (swarming) Tell(string, string, i18n.Message) {}

type seen struct{}

func (seen) Seen(string, string) (receipts.Seen, error) {
	return receipts.Seen{Enabled: true, Readers: []receipts.Reader{{UserID: bob, LastViewedAt: 1_790_000_000_000}}}, nil
}

func (seen) Setting(string) (receipts.Setting, error) {
	return receipts.Setting{Enabled: true, Allowed: true}, nil
}

func (seen) SetEnabled(_ string, enabled bool) (receipts.Setting, error) {
	return receipts.Setting{Enabled: enabled, Allowed: true}, nil
}

type messages struct{}

func (messages) Search(_, terms string) (search.Results, error) {
	return search.Results{Terms: terms, Groups: []search.Group{{
		Conversation: direct,
		Messages: []search.Match{{PostID: postID, UserID: bob, Message: "The printer on floor 3 is jammed again", CreateAt: 1_790_000_000_000,
			Highlights: []string{"printer"}}},
	}}}, nil
}

type creator struct{}

func (creator) Tables(string) (creation.Creatable, error) {
	return creation.Creatable{Tables: []creation.Table{{Name: "incident", Label: "Incident"}}}, nil
}

func (creator) Submit(context.Context, string, string, creation.Request) (creation.Created, error) {
	return creation.Created{
		Card: &creation.Card{Table: "incident", SysID: sysID, Number: "INC0010667", ShortDescription: "Printer on 3 is on fire",
			State: "New", Priority: "4 - Low", Caller: "Alice Adams", URL: "https://sn.example.com/incident.do?sys_id=" + sysID, PostID: postID},
		Link: "https://sn.example.com/incident.do?sys_id=" + sysID,
	}, nil
}

type staffDirectory struct{ services }

func (staffDirectory) Search(string, string, int, int) (staff.Page, error) {
	return staff.Page{People: []staff.Person{{ID: carol, Username: "carol", FirstName: "Carol", LastName: "Clark", Nickname: "CC", DisplayName: "Carol Clark"}}, HasMore: false}, nil
}

type journals struct{}

func (journals) Save(context.Context, string, string, journal.Request) (journal.Saved, error) {
	return journal.Saved{
		Number: "INC0010001", Link: "https://sn.example.com/incident.do?sys_id=" + sysID, Saved: 2, Already: 1,
		Card: workspace.Card{Status: records.Found, ShortDescription: "Email server down", State: "In Progress", Priority: "2 - High", AssignedTo: "Beth Anglin", Updated: "2026-11-20 09:14:03"},
	}, nil
}

func contractRouter() http.Handler {
	return api.NewRouter(api.Config{
		PluginID: "connect-chat", SiteURL: func() string { return "http://chat.example.com" },
		IsAdmin: func(string) bool { return false }, AdminHealth: func() map[string]any { return nil },
		Staff: staffDirectory{}, Cards: services{}, Conversations: services{}, Tools: services{},
		Notifications: bell{}, Digest: digests{}, Follows: follows{}, RecordNames: follows{}, Swarm: swarming{},
		Journal:  journals{},
		Receipts: seen{},
		Search:   messages{},
		Creator:  creator{},
	})
}

// requests are what the web app sends to each route of the contract.
var requests = map[string]wiretest.Request{
	"GET /api/v1/conversations":                           {Method: "GET", Path: "/api/v1/conversations"},
	"GET /api/v1/conversations/search":                    {Method: "GET", Path: "/api/v1/conversations/search?q=bob"},
	"GET /api/v1/conversations/{id}":                      {Method: "GET", Path: "/api/v1/conversations/" + group},
	"POST /api/v1/conversations":                          {Method: "POST", Path: "/api/v1/conversations", Body: json.RawMessage(`{"user_ids":["` + bob + `","` + carol + `"],"name":"Printer outage"}`)},
	"POST /api/v1/conversations/{id}/members":             {Method: "POST", Path: "/api/v1/conversations/" + group + "/members", Body: json.RawMessage(`{"user_ids":["` + carol + `"]}`)},
	"DELETE /api/v1/conversations/{id}/members/{user_id}": {Method: "DELETE", Path: "/api/v1/conversations/" + group + "/members/" + carol},
	"PATCH /api/v1/conversations/{id}":                    {Method: "PATCH", Path: "/api/v1/conversations/" + group, Body: json.RawMessage(`{"name":"INC0010001 · Email server down"}`)},
	"POST /api/v1/conversations/{id}/close":               {Method: "POST", Path: "/api/v1/conversations/" + dm + "/close"},
	"POST /api/v1/conversations/{id}/open":                {Method: "POST", Path: "/api/v1/conversations/" + dm + "/open"},
	"POST /api/v1/posts/{post_id}/cards/refresh":          {Method: "POST", Path: "/api/v1/posts/" + postID + "/cards/refresh"},
	"GET /api/v1/staff":                                   {Method: "GET", Path: "/api/v1/staff?q=car&page=0&per_page=20"},
	"GET /api/v1/search":                                  {Method: "GET", Path: "/api/v1/search?terms=printer"},
	"GET /api/v1/conversations/{id}/files":                {Method: "GET", Path: "/api/v1/conversations/" + dm + "/files?page=0&per_page=20"},
	"GET /api/v1/conversations/{id}/records":              {Method: "GET", Path: "/api/v1/conversations/" + dm + "/records"},
	"GET /api/v1/conversations/{id}/notifications":        {Method: "GET", Path: "/api/v1/conversations/" + dm + "/notifications"},
	"PUT /api/v1/conversations/{id}/notifications":        {Method: "PUT", Path: "/api/v1/conversations/" + dm + "/notifications", Body: json.RawMessage(`{"desktop":"all","push":"none","email":"none","muted":true}`)},
	"GET /api/v1/digest":                                  {Method: "GET", Path: "/api/v1/digest"},
	"PUT /api/v1/digest":                                  {Method: "PUT", Path: "/api/v1/digest", Body: json.RawMessage(`{"enabled":true,"interval_minutes":120}`)},
	"GET /api/v1/conversations/{id}/digest":               {Method: "GET", Path: "/api/v1/conversations/" + dm + "/digest"},
	"PUT /api/v1/conversations/{id}/digest":               {Method: "PUT", Path: "/api/v1/conversations/" + dm + "/digest", Body: json.RawMessage(`{"included":true}`)},
	"GET /api/v1/follows":                                 {Method: "GET", Path: "/api/v1/follows"},
	"POST /api/v1/follows":                                {Method: "POST", Path: "/api/v1/follows", Body: json.RawMessage(`{"record":"INC0010001"}`)},
	"DELETE /api/v1/follows/{table}/{sys_id}":             {Method: "DELETE", Path: "/api/v1/follows/incident/" + sysID},
	"GET /api/v1/swarm/{table}/{sys_id}":                  {Method: "GET", Path: "/api/v1/swarm/incident/" + sysID},
	"POST /api/v1/swarm/{table}/{sys_id}":                 {Method: "POST", Path: "/api/v1/swarm/incident/" + sysID, Body: json.RawMessage(`{"user_ids":["` + bob + `","` + carol + `"]}`)},
	"GET /api/v1/conversations/{id}/journal":              {Method: "GET", Path: "/api/v1/conversations/" + group + "/journal"},
	"PUT /api/v1/conversations/{id}/journal":              {Method: "PUT", Path: "/api/v1/conversations/" + group + "/journal", Body: json.RawMessage(`{"kind":"comments"}`)},
	"POST /api/v1/conversations/{id}/saved":               {Method: "POST", Path: "/api/v1/conversations/" + group + "/saved", Body: json.RawMessage(`{"record":"INC0010001","post_ids":["` + postID + `"],"kind":"work_notes"}`)},
	"GET /api/v1/conversations/{id}/seen":                 {Method: "GET", Path: "/api/v1/conversations/" + dm + "/seen"},
	"GET /api/v1/receipts":                                {Method: "GET", Path: "/api/v1/receipts"},
	"PUT /api/v1/receipts":                                {Method: "PUT", Path: "/api/v1/receipts", Body: json.RawMessage(`{"enabled":false}`)},
	"GET /api/v1/records/creatable":                       {Method: "GET", Path: "/api/v1/records/creatable"},
	"POST /api/v1/conversations/{id}/records": {Method: "POST", Path: "/api/v1/conversations/" + dm + "/records",
		Body: json.RawMessage(`{"request_id":"req-1","table":"incident","short_description":"Printer on 3 is on fire","caller_id":"` + alice + `","post_ids":["` + postID + `"]}`)},
}

func exchange(router http.Handler, route, userID string, req wiretest.Request) wiretest.Exchange {
	httpReq := httptest.NewRequest(req.Method, req.Path, strings.NewReader(string(req.Body)))
	httpReq.Header.Set("Mattermost-User-Id", userID)
	rec := httptest.NewRecorder()
	router.ServeHTTP(rec, httpReq)
	body := json.RawMessage(rec.Body.Bytes())
	if len(body) == 0 {
		body = json.RawMessage("null")
	}
	return wiretest.Exchange{Route: route, Request: req, Status: rec.Code, Body: body}
}

// Every route of the contract, as the router answers the web app's requests (the web app's
// contract tests read the fixtures).
func TestContractRoutes(t *testing.T) {
	router := contractRouter()
	for _, route := range contract.Routes {
		req, ok := requests[route.Pattern]
		require.True(t, ok, "no request for %s", route.Pattern)
		method, _, _ := strings.Cut(route.Pattern, " ")
		require.Equal(t, method, req.Method, route.Pattern)
		answer := exchange(router, route.Pattern, alice, req)
		if route.Body == nil {
			assert.Equal(t, http.StatusNoContent, answer.Status, route.Pattern)
		} else {
			assert.Contains(t, []int{http.StatusOK, http.StatusCreated}, answer.Status, route.Pattern)
		}
		wiretest.Golden(t, "rest/"+contract.FixtureName(route.Pattern), answer)
	}
	assert.Len(t, requests, len(contract.Routes), "a request for a route the contract does not list")
}

// The refusals: someone who is not staff, and a request the route cannot do.
func TestContractRefusals(t *testing.T) {
	router := contractRouter()
	notStaff := exchange(router, "GET /api/v1/conversations", customer, requests["GET /api/v1/conversations"])
	require.Equal(t, http.StatusForbidden, notStaff.Status)
	wiretest.Golden(t, "refusals/not_staff.json", notStaff)

	invalid := exchange(router, "POST /api/v1/follows", alice, wiretest.Request{Method: "POST", Path: "/api/v1/follows", Body: json.RawMessage(`{"record":"not a record"}`)})
	require.Equal(t, http.StatusBadRequest, invalid.Status)
	wiretest.Golden(t, "refusals/invalid.json", invalid)
}
