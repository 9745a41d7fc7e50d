package command

import (
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"

	"context"
	"testing"

	"github.com/pkg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type fakeLinker struct {
	linked  [][]string
	linkErr error
	testErr error
}

func (f *fakeLinker) Link(_ context.Context, _, _ string, words []string) error {
	f.linked = append(f.linked, words)
	return f.linkErr
}

func (f *fakeLinker) RecordKey(text string) (servicenow.RecordKey, bool) {
	return servicenow.RecordKey{Number: text}, servicenow.ValidNumber(text)
}

func (f *fakeLinker) Test(context.Context) (string, error) {
	return "Connected to https://acme.service-now.com.", f.testErr
}

func TestRecordLinksRecords(t *testing.T) {
	linker := &fakeLinker{}
	h := NewHandler(Deps{IsAdmin: func(string) bool { return false }, Records: linker})
	resp := runAs(h, "user1", "/connect record INC0010001 RITM0010002")
	assert.Empty(t, resp.Text, "the posted message is the answer")
	require.Len(t, linker.linked, 1)
	assert.Equal(t, []string{"INC0010001", "RITM0010002"}, linker.linked[0])

	linker.linkErr = failure.New(failure.NotFound, i18n.Text("INC0099999 was not found in ServiceNow"))
	assert.Equal(t, "INC0099999 was not found in ServiceNow.", runAs(h, "user1", "/connect record INC0099999").Text)
}

func TestRecordTestIsForAdmins(t *testing.T) {
	linker := &fakeLinker{}
	h := NewHandler(Deps{IsAdmin: func(id string) bool { return id == "admin" }, Records: linker})
	assert.Equal(t, "Only system admins can use `/connect record test`.", runAs(h, "user1", "/connect record test").Text)
	assert.Equal(t, "Connected to https://acme.service-now.com.", runAs(h, "admin", "/connect record test").Text)
	linker.testErr = errors.New("ServiceNow rejected the Connect credentials (401)")
	assert.Equal(t, "ServiceNow check failed: ServiceNow rejected the Connect credentials (401).", runAs(h, "admin", "/connect record test").Text)
	assert.Empty(t, linker.linked, "test never posts")
}
