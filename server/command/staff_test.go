package command

import (
	"context"
	"testing"
	"time"

	"github.com/pkg/errors"
	"github.com/stretchr/testify/assert"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
)

type fakeStaffAdmin struct{ syncErr error }

func (f *fakeStaffAdmin) Explain(username string) (staff.Verdict, error) {
	switch username {
	case "@alice":
		return staff.Verdict{Username: "alice", Kind: staff.Staff, Reason: i18n.Text("is a member of the staff team itil")}, nil
	case "@jira":
		return staff.Verdict{Username: "jira", Kind: staff.Bot, Reason: i18n.Text("is a bot, so Connect leaves its conversations alone")}, nil
	case "@dave":
		return staff.Verdict{Username: "dave", Kind: staff.NonStaff, Reason: i18n.Text("is a guest")}, nil
	}
	return staff.Verdict{}, errors.New("no user named " + username)
}

func (f *fakeStaffAdmin) SyncRoles(context.Context) (staff.SyncStatus, error) {
	return staff.SyncStatus{Holders: 3}, f.syncErr
}

func (f *fakeStaffAdmin) Stats() staff.Stats {
	synced := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	return staff.Stats{
		Mode: "enforce", Teams: []string{"itil"}, Roles: []string{"itil"}, CachedVerdicts: 4, CachedChannels: 2,
		Sync:            staff.SyncStatus{LastAttempt: synced.Add(time.Hour), LastSuccess: synced, LastError: "ServiceNow did not answer within 5s", Holders: 3},
		WarningMessages: []i18n.Message{i18n.Text("The staff team itil is open.")},
	}
}

func TestStaffCommandsAreForAdminsOnly(t *testing.T) {
	h := newTestHandler()
	for _, line := range []string{"/connect staff check @alice", "/connect staff sync", "/connect staff stats"} {
		assert.Equal(t, "Only system admins can use `/connect staff`.", runAs(h, "user1", line).Text, line)
	}
}

func TestStaffCheckExplains(t *testing.T) {
	h := newTestHandler()
	cases := map[string]string{
		"/connect staff check @alice":  "@alice is ITIL staff: @alice is a member of the staff team itil.",
		"/connect staff check @dave":   "@dave is not ITIL staff: @dave is a guest.",
		"/connect staff check @jira":   "@jira is neither staff nor non-staff: @jira is a bot, so Connect leaves its conversations alone.",
		"/connect staff check @nobody": "Could not check @nobody: no user named @nobody.",
		"/connect staff check":         "Usage: `/connect staff check @user`, `/connect staff sync` or `/connect staff stats`.",
	}
	for line, want := range cases {
		assert.Equal(t, want, runAs(h, "admin", line).Text, line)
	}
}

func TestStaffSyncReports(t *testing.T) {
	admin := &fakeStaffAdmin{}
	h := NewHandler(Deps{IsAdmin: func(string) bool { return true }, Staff: admin})
	assert.Equal(t, "ServiceNow role sync done: 3 role holders.", runAs(h, "admin", "/connect staff sync").Text)
	admin.syncErr = errors.New("ServiceNow role sync failed, the last good staff set stays in force: ServiceNow rejected the Connect credentials (401)")
	assert.Equal(t, admin.syncErr.Error(), runAs(h, "admin", "/connect staff sync").Text)
}

func TestStaffStatsSummarize(t *testing.T) {
	text := runAs(newTestHandler(), "admin", "/connect staff stats").Text
	assert.Contains(t, text, "- Enforcement: enforce\n")
	assert.Contains(t, text, "- Staff teams: itil\n")
	assert.Contains(t, text, "- Staff groups: none\n")
	assert.Contains(t, text, "- ServiceNow roles: itil (3 holders)\n")
	assert.Contains(t, text, "- Last role sync: succeeded 2026-11-24 09:30 UTC; the last attempt (2026-11-24 10:30 UTC) failed: ServiceNow did not answer within 5s\n")
	assert.Contains(t, text, "- Cached: 4 verdicts, 2 conversations\n")
	assert.Contains(t, text, "- :warning: The staff team itil is open.\n")
}
