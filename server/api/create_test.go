package api

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/creation"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

type fakeCreator struct {
	got    creation.Request
	answer creation.Created
	err    error
}

func (f *fakeCreator) Tables(string) (creation.Creatable, error) {
	return creation.Creatable{Tables: []creation.Table{{Name: "incident", Label: "Incident"}}}, f.err
}

func (f *fakeCreator) Submit(_ context.Context, _, _ string, req creation.Request) (creation.Created, error) {
	f.got = req
	return f.answer, f.err
}

func createCall(c Creator, userID, body string) *httptest.ResponseRecorder {
	mux := http.NewServeMux()
	registerCreate(mux, c, fakeStaff{})
	req := httptest.NewRequest(http.MethodPost, "/api/v1/conversations/dm1/records", strings.NewReader(body))
	req.Header.Set("Mattermost-User-Id", userID)
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	return rec
}

func TestCreateRouteAnswers(t *testing.T) {
	created := &fakeCreator{answer: creation.Created{Card: &creation.Card{Number: "INC0010667"}, Link: "https://sn/x"}}
	rec := createCall(created, "alice", `{"request_id":"r1","table":"incident","short_description":"x","caller_id":"bob","post_ids":["p1"]}`)
	assert.Equal(t, http.StatusCreated, rec.Code)
	assert.Equal(t, creation.Request{RequestID: "r1", Table: "incident", ShortDescription: "x", CallerID: "bob", PostIDs: []string{"p1"}}, created.got)

	queued := createCall(&fakeCreator{answer: creation.Created{Queued: true}}, "alice", `{"table":"incident","short_description":"x"}`)
	assert.Equal(t, http.StatusAccepted, queued.Code)
	assert.JSONEq(t, `{"queued":true}`, queued.Body.String())

	refused := createCall(&fakeCreator{err: failure.New(failure.Invalid, i18n.Text("ServiceNow requires Caller for a new incident."))}, "alice", `{"table":"incident","short_description":"x"}`)
	assert.Equal(t, http.StatusBadRequest, refused.Code)
	var body ErrorBody
	require.NoError(t, json.Unmarshal(refused.Body.Bytes(), &body))
	assert.Equal(t, "ServiceNow requires Caller for a new incident.", body.Error)

	customer := &fakeCreator{}
	assert.Equal(t, http.StatusForbidden, createCall(customer, "customer", `{"table":"incident","short_description":"x"}`).Code)
	assert.Empty(t, customer.got.Table, "never reaches the service")
	assert.Equal(t, http.StatusUnauthorized, createCall(customer, "", `{}`).Code)
	assert.Equal(t, http.StatusBadRequest, createCall(customer, "alice", `{"table":`).Code)
}
