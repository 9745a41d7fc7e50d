package api

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
	"github.com/connectchat/mattermost-plugin-connect/server/workspace"
)

// fakeTools answers for members of conversationID only, and records the last call.
type fakeTools struct {
	call        []any
	hadDeadline bool
}

func (f *fakeTools) member(userID, channelID string) error {
	if userID == "outsider" || channelID != conversationID {
		return failure.New(failure.NotFound, i18n.Text("No such conversation."))
	}
	return nil
}

func (f *fakeTools) Files(userID, channelID string, page, perPage int) (workspace.FilePage, error) {
	f.call = []any{"Files", userID, channelID, page, perPage}
	if err := f.member(userID, channelID); err != nil {
		return workspace.FilePage{}, err
	}
	return workspace.FilePage{Files: []workspace.File{{ID: "f1", Name: "notes.txt", Extension: "txt", MimeType: "text/plain", Size: 12, UserID: "u1", PostID: "p1", CreateAt: 5}}, HasMore: true}, nil
}

func (f *fakeTools) Records(ctx context.Context, userID, channelID string) (workspace.RecordsAndLinks, error) {
	f.call = []any{"Records", userID, channelID}
	_, f.hadDeadline = ctx.Deadline()
	if err := f.member(userID, channelID); err != nil {
		return workspace.RecordsAndLinks{}, err
	}
	return workspace.RecordsAndLinks{
		Records: []workspace.Record{{
			Number: "INC0010001", Table: "incident", URL: "https://sn/x", LastMentionedAt: 9, PostID: "p2", Mentions: 2,
			Card:   workspace.Card{Status: records.Found, ShortDescription: "Mail down", State: "In Progress", Priority: "2 - High", AssignedTo: "Beth Anglin", Updated: "2026-11-20 09:14:03"},
			AlsoIn: []workspace.Place{{ID: "dm1", Name: "Bob Baker", Kind: conversations.Direct}},
		}},
		Links:        []workspace.Link{{URL: "https://wiki.example.com", PostID: "p1", UserID: "u1", CreateAt: 3}},
		ScannedPosts: 12,
		Complete:     true,
	}, nil
}

func toolsRouter(tools WorkspaceTools) http.Handler {
	mux := http.NewServeMux()
	registerTools(mux, tools, fakeStaff{})
	return mux
}

func TestToolsRoutesReachTheService(t *testing.T) {
	one := "/api/v1/conversations/" + conversationID
	cases := []struct {
		path string
		call []any
	}{
		{one + "/files", []any{"Files", "u1", conversationID, 0, 20}},
		{one + "/files?page=3&per_page=100", []any{"Files", "u1", conversationID, 3, 100}},
		{one + "/files?per_page=1", []any{"Files", "u1", conversationID, 0, 1}},
		{one + "/records", []any{"Records", "u1", conversationID}},
	}
	for _, c := range cases {
		tools := &fakeTools{}
		rec := call(toolsRouter(tools), "GET", c.path, "u1", "")
		assert.Equal(t, http.StatusOK, rec.Code, c.path)
		assert.Equal(t, c.call, tools.call, c.path)
		assert.Equal(t, "application/json", rec.Header().Get("Content-Type"), c.path)
	}
}

func TestToolsAnswerTheContractShapes(t *testing.T) {
	one := "/api/v1/conversations/" + conversationID
	rec := call(toolsRouter(&fakeTools{}), "GET", one+"/files", "u1", "")
	assert.JSONEq(t, `{"files":[{"id":"f1","name":"notes.txt","extension":"txt","mime_type":"text/plain","size":12,"width":0,"height":0,
		"has_preview_image":false,"user_id":"u1","post_id":"p1","create_at":5}],"has_more":true}`, rec.Body.String())

	tools := &fakeTools{}
	rec = call(toolsRouter(tools), "GET", one+"/records", "u1", "")
	assert.JSONEq(t, `{"records":[{"number":"INC0010001","table":"incident","url":"https://sn/x","last_mentioned_at":9,"post_id":"p2","mentions":2,
		"card":{"status":"found","short_description":"Mail down","state":"In Progress","priority":"2 - High","assigned_to":"Beth Anglin","updated":"2026-11-20 09:14:03"},
		"also_in":[{"id":"dm1","name":"Bob Baker","kind":"direct"}]}],
		"links":[{"url":"https://wiki.example.com","post_id":"p1","user_id":"u1","create_at":3}],"scanned_posts":12,"complete":true}`, rec.Body.String())
	assert.True(t, tools.hadDeadline, "the ServiceNow look-up behind it is bounded")
}

func TestToolsRefusals(t *testing.T) {
	one := "/api/v1/conversations/" + conversationID
	cases := []struct {
		path, user string
		status     int
		message    string
	}{
		{one + "/files", "", http.StatusUnauthorized, "logged in"},
		{one + "/records", "", http.StatusUnauthorized, "logged in"},
		{one + "/files", "outsider", http.StatusNotFound, "No such conversation."},
		{one + "/records", "outsider", http.StatusNotFound, "No such conversation."},
		{"/api/v1/conversations/someone-elses/records", "u1", http.StatusNotFound, "No such conversation."},
		{one + "/files?page=x", "u1", http.StatusBadRequest, "page must be a number from 0 to 1000."},
		{one + "/files?page=-1", "u1", http.StatusBadRequest, "page must be a number from 0 to 1000."},
		{one + "/files?per_page=0", "u1", http.StatusBadRequest, "per_page must be a number from 1 to 100."},
		{one + "/files?per_page=101", "u1", http.StatusBadRequest, "per_page must be a number from 1 to 100."},
		{one + "/files?per_page=ten", "u1", http.StatusBadRequest, "per_page must be a number from 1 to 100."},
		{one + "/files", "broken", http.StatusInternalServerError, "Connect could not check who you are. Please try again."},
	}
	for _, c := range cases {
		rec := call(toolsRouter(&fakeTools{}), "GET", c.path, c.user, "")
		assert.Equal(t, c.status, rec.Code, c.user+" "+c.path)
		if c.status == http.StatusUnauthorized {
			assert.Contains(t, decodeError(t, rec), c.message)
			continue
		}
		assert.Equal(t, c.message, decodeError(t, rec), c.user+" "+c.path)
	}
}

func TestToolsAreForStaffOnly(t *testing.T) {
	for _, path := range []string{"/files", "/records"} {
		tools := &fakeTools{}
		rec := call(toolsRouter(tools), "GET", "/api/v1/conversations/"+conversationID+path, "customer", "")
		require.Equal(t, http.StatusForbidden, rec.Code, path)
		var body struct{ Error, ID, Help string }
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &body))
		assert.Equal(t, "Connect Chat is for ITIL staff only.", body.Error)
		assert.Equal(t, "connect.not_staff", body.ID)
		assert.Equal(t, "Access comes with the ServiceNow role “itil”.", body.Help)
		assert.Nil(t, tools.call, "the service is not asked")
	}
}
