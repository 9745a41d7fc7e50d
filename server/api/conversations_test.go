package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pkg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

const conversationID = "abcdefghijklmnopqrstuvwxyz"

// fakeConversations records the last call and answers with result or err.
type fakeConversations struct {
	call    []any
	created bool
	err     error
}

func (f *fakeConversations) answer(args ...any) (conversations.Conversation, error) {
	f.call = args
	return conversations.Conversation{ID: conversationID, Kind: conversations.Group, Members: []conversations.Member{}}, f.err
}

func (f *fakeConversations) List(userID string) (conversations.List, error) {
	c, err := f.answer("List", userID)
	return conversations.List{Conversations: []conversations.Conversation{c}, TotalUnread: 3, TotalMentions: 1}, err
}

func (f *fakeConversations) Search(userID, term string) ([]conversations.Conversation, error) {
	c, err := f.answer("Search", userID, term)
	return []conversations.Conversation{c}, err
}

func (f *fakeConversations) Get(userID, channelID string) (conversations.Conversation, error) {
	return f.answer("Get", userID, channelID)
}

func (f *fakeConversations) Create(userID string, req conversations.CreateRequest) (conversations.Conversation, bool, error) {
	c, err := f.answer("Create", userID, req)
	return c, f.created, err
}

func (f *fakeConversations) AddMembers(userID, channelID string, userIDs []string) (conversations.Conversation, error) {
	return f.answer("AddMembers", userID, channelID, userIDs)
}

func (f *fakeConversations) RemoveMember(userID, channelID, memberID string) (conversations.Conversation, error) {
	return f.answer("RemoveMember", userID, channelID, memberID)
}

func (f *fakeConversations) Rename(userID, channelID, name string) (conversations.Conversation, error) {
	return f.answer("Rename", userID, channelID, name)
}

func (f *fakeConversations) Close(userID, channelID string) error {
	_, err := f.answer("Close", userID, channelID)
	return err
}

func (f *fakeConversations) Open(userID, channelID string) (conversations.Conversation, error) {
	return f.answer("Open", userID, channelID)
}

func conversationRouter(svc ConversationService) http.Handler {
	mux := http.NewServeMux()
	registerConversations(mux, svc, fakeStaff{})
	return mux
}

func call(router http.Handler, method, path, userID, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if userID != "" {
		req.Header.Set("Mattermost-User-Id", userID)
	}
	rec := httptest.NewRecorder()
	router.ServeHTTP(rec, req)
	return rec
}

func TestConversationRoutesReachTheService(t *testing.T) {
	base := "/api/v1/conversations"
	one := base + "/" + conversationID
	cases := []struct {
		method, path, body string
		status             int
		call               []any
	}{
		{"GET", base, "", http.StatusOK, []any{"List", "u1"}},
		{"GET", base + "/search?q=%20ann%20", "", http.StatusOK, []any{"Search", "u1", "ann"}},
		{"GET", one, "", http.StatusOK, []any{"Get", "u1", conversationID}},
		{"POST", base, `{"user_ids":["a","b"],"name":"Ops"}`, http.StatusOK,
			[]any{"Create", "u1", conversations.CreateRequest{UserIDs: []string{"a", "b"}, Name: "Ops"}}},
		{"POST", one + "/members", `{"user_ids":["c"]}`, http.StatusOK, []any{"AddMembers", "u1", conversationID, []string{"c"}}},
		{"DELETE", one + "/members/u2", "", http.StatusOK, []any{"RemoveMember", "u1", conversationID, "u2"}},
		{"PATCH", one, `{"name":"Night shift"}`, http.StatusOK, []any{"Rename", "u1", conversationID, "Night shift"}},
		{"PATCH", one, `{"name":""}`, http.StatusOK, []any{"Rename", "u1", conversationID, ""}},
		{"POST", one + "/close", "", http.StatusNoContent, []any{"Close", "u1", conversationID}},
		{"POST", one + "/open", "", http.StatusOK, []any{"Open", "u1", conversationID}},
	}
	for _, c := range cases {
		svc := &fakeConversations{}
		rec := call(conversationRouter(svc), c.method, c.path, "u1", c.body)
		label := c.method + " " + c.path
		assert.Equal(t, c.status, rec.Code, label)
		assert.Equal(t, c.call, svc.call, label)
		if c.status != http.StatusNoContent {
			assert.Equal(t, "application/json", rec.Header().Get("Content-Type"), label)
		}
	}
}

func TestListAnswersTheContractShape(t *testing.T) {
	rec := call(conversationRouter(&fakeConversations{}), "GET", "/api/v1/conversations", "u1", "")
	require.Equal(t, http.StatusOK, rec.Code)
	var body map[string]any
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &body))
	assert.Equal(t, 3.0, body["total_unread"])
	assert.Equal(t, 1.0, body["total_mentions"])
	first := body["conversations"].([]any)[0].(map[string]any)
	for _, key := range []string{"id", "kind", "name", "custom_name", "members", "avatar_url", "last_post", "last_activity_at", "unread_count", "mention_count", "open", "managed"} {
		assert.Contains(t, first, key)
	}
	assert.Nil(t, first["last_post"])
}

func TestCreateAnswers201ForANewConversation(t *testing.T) {
	rec := call(conversationRouter(&fakeConversations{created: true}), "POST", "/api/v1/conversations", "u1", `{"user_ids":["a"]}`)
	assert.Equal(t, http.StatusCreated, rec.Code)
}

func TestConversationRoutesAreForStaffOnly(t *testing.T) {
	router := conversationRouter(&fakeConversations{})
	cases := []struct {
		user    string
		status  int
		message string
	}{
		{"", http.StatusUnauthorized, "logged in"},
		{"customer", http.StatusForbidden, "Connect Chat is for ITIL staff only."},
		{"broken", http.StatusInternalServerError, "could not check who you are"},
	}
	for _, c := range cases {
		for _, path := range []string{"/api/v1/conversations", "/api/v1/conversations/" + conversationID} {
			rec := call(router, "GET", path, c.user, "")
			assert.Equal(t, c.status, rec.Code, path)
			assert.Contains(t, decodeError(t, rec), c.message, path)
		}
	}
}

func TestConversationRequestProblems(t *testing.T) {
	router := conversationRouter(&fakeConversations{})
	one := "/api/v1/conversations/" + conversationID
	huge := `{"user_ids":["` + strings.Repeat("a", 70_000) + `"]}`
	cases := []struct {
		method, path, body string
		status             int
		message            string
	}{
		{"POST", "/api/v1/conversations", `{"user_ids":`, http.StatusBadRequest, "not valid JSON"},
		{"POST", "/api/v1/conversations", `{"user_ids":"a"}`, http.StatusBadRequest, "not valid JSON"},
		{"POST", "/api/v1/conversations", `{"user_ids":["a"]} trailing`, http.StatusBadRequest, "must be one JSON object, with nothing after it"},
		{"POST", "/api/v1/conversations", huge, http.StatusRequestEntityTooLarge, "at most 64 KiB"},
		{"POST", one + "/members", `nope`, http.StatusBadRequest, "not valid JSON"},
		{"PATCH", one, `{}`, http.StatusBadRequest, `Send the new name as {"name": "..."}`},
		{"GET", "/api/v1/conversations/search?q=", "", http.StatusBadRequest, "Type 1 to 64 characters"},
		{"GET", "/api/v1/conversations/search?q=" + strings.Repeat("é", 65), "", http.StatusBadRequest, "Type 1 to 64 characters"},
	}
	for _, c := range cases {
		rec := call(router, c.method, c.path, "u1", c.body)
		label := c.method + " " + c.path[:min(len(c.path), 60)]
		assert.Equal(t, c.status, rec.Code, label)
		assert.Contains(t, decodeError(t, rec), c.message, label)
	}
}

func TestServiceErrorsBecomeStatuses(t *testing.T) {
	cases := []struct {
		err     error
		status  int
		message string
	}{
		{failure.New(failure.NotFound, i18n.Text("No such conversation.")), http.StatusNotFound, "No such conversation."},
		{failure.New(failure.Invalid, i18n.Text("@dave is not ITIL staff")), http.StatusBadRequest, "@dave is not ITIL staff"},
		{failure.New(failure.Unavailable, i18n.Text("set the conversation team")), http.StatusServiceUnavailable, "set the conversation team"},
		{errors.Wrap(failure.New(failure.NotFound, i18n.Text("wrapped")), "context"), http.StatusNotFound, "wrapped"},
		{errors.New("pq: connection refused"), http.StatusInternalServerError, "Connect could not complete that. Please try again."},
	}
	for _, c := range cases {
		router := conversationRouter(&fakeConversations{err: c.err})
		for _, req := range [][2]string{{"GET", "/api/v1/conversations/" + conversationID}, {"POST", "/api/v1/conversations/" + conversationID + "/close"}} {
			rec := call(router, req[0], req[1], "u1", "")
			assert.Equal(t, c.status, rec.Code, c.err.Error())
			assert.Equal(t, c.message, decodeError(t, rec))
			assert.NotContains(t, rec.Body.String(), "pq:", "internal details stay on the server")
		}
	}
}
