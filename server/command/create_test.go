package command

import (
	"context"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/creation"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

type fakeCreator struct {
	got    []creation.Request
	answer creation.Created
	err    error
}

func (f *fakeCreator) Submit(_ context.Context, _, _ string, req creation.Request) (creation.Created, error) {
	f.got = append(f.got, req)
	return f.answer, f.err
}

func createHandler(c *fakeCreator) *Handler {
	return NewHandler(Deps{Staff: &fakeStaffAdmin{}, Records: &fakeLinker{}, IsAdmin: func(string) bool { return false }, Creator: c})
}

func TestCreateSendsTheTableAndShortDescription(t *testing.T) {
	c := &fakeCreator{answer: creation.Created{
		Card: &creation.Card{Number: "INC0010667", ShortDescription: "Printer on 3 is on fire"}, Link: "https://sn.example.com/incident.do?sys_id=x",
	}}
	resp := runAs(createHandler(c), "alice", "/connect create Incident Printer on 3   is on fire")
	require.Len(t, c.got, 1)
	assert.Equal(t, "incident", c.got[0].Table)
	assert.Equal(t, "Printer on 3 is on fire", c.got[0].ShortDescription)
	assert.True(t, model.IsValidId(c.got[0].RequestID), "each command is one request")
	assert.Equal(t, model.CommandResponseTypeEphemeral, resp.ResponseType)
	assert.Contains(t, resp.Text, "Created [INC0010667](https://sn.example.com/incident.do?sys_id=x)")
	assert.Contains(t, resp.Text, "`/connect follow INC0010667`")
}

func TestCreateAnswers(t *testing.T) {
	tests := []struct {
		name    string
		line    string
		creator *fakeCreator
		want    string
	}{
		{"no description", "/connect create incident", &fakeCreator{}, "Name the table and the short description"},
		{"queued", "/connect create incident x", &fakeCreator{answer: creation.Created{Queued: true}}, "ServiceNow cannot be reached just now"},
		{"refused", "/connect create incident x", &fakeCreator{err: failure.New(failure.Invalid, i18n.Text("ServiceNow requires Caller for a new incident."))}, "ServiceNow requires Caller for a new incident."},
		{"not a conversation", "/connect create incident x", &fakeCreator{err: failure.New(failure.NotFound, i18n.Text("No such conversation."))}, "Use `/connect create` in a Connect conversation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Contains(t, run(createHandler(tt.creator), tt.line).Text, tt.want)
		})
	}
}
