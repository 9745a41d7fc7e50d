package command

import (
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newTestHandler() *Handler {
	return NewHandler(Deps{
		WorkspaceURL: func() string { return "https://chat.example.com/plugins/connect-chat/workspace" },
		WorkspaceRoute: func(teamID string) string {
			if teamID == "" {
				return ""
			}
			return "https://chat.example.com/support/connect-chat/workspace"
		},
		IsAdmin: func(userID string) bool { return userID == "admin" },
		Staff:   &fakeStaffAdmin{},
		Records: &fakeLinker{},
	})
}

func run(h *Handler, line string) *model.CommandResponse {
	return runAs(h, "user1", line)
}

func runAs(h *Handler, userID, line string) *model.CommandResponse {
	return h.Execute(&model.CommandArgs{Command: line, UserId: userID})
}

func TestHelpListsEverySubcommand(t *testing.T) {
	h := newTestHandler()
	for _, line := range []string{"/connect", "/connect help", "/connect  HELP "} {
		resp := run(h, line)
		assert.Equal(t, model.CommandResponseTypeEphemeral, resp.ResponseType, line)
		assert.Contains(t, resp.Text, "`/connect help`", line)
		assert.Contains(t, resp.Text, "`/connect open`", line)
	}
}

func TestOpenGoesToTheWorkspaceOfTheTeam(t *testing.T) {
	resp := newTestHandler().Execute(&model.CommandArgs{Command: "/connect open", UserId: "user1", TeamId: "team1"})
	assert.Equal(t, "https://chat.example.com/support/connect-chat/workspace", resp.GotoLocation)
	assert.Contains(t, resp.Text, "https://chat.example.com/plugins/connect-chat/workspace", "the standalone page too")
}

func TestOpenWithoutATeamGoesToTheStandalonePage(t *testing.T) {
	resp := run(newTestHandler(), "/connect open")
	assert.Equal(t, "https://chat.example.com/plugins/connect-chat/workspace", resp.GotoLocation)
	assert.Equal(t, "[Open the Connect Workspace](https://chat.example.com/plugins/connect-chat/workspace)", resp.Text)
}

func TestUnknownSubcommandPointsToHelp(t *testing.T) {
	resp := run(newTestHandler(), "/connect frobnicate now")
	assert.Equal(t, model.CommandResponseTypeEphemeral, resp.ResponseType)
	assert.Contains(t, resp.Text, "Unknown command `frobnicate`")
	assert.Contains(t, resp.Text, "/connect help")
}

func TestDefinitionAutocompletesSubcommands(t *testing.T) {
	def := newTestHandler().Definition()
	assert.Equal(t, "connect", def.Trigger)
	assert.True(t, def.AutoComplete)
	require.NotNil(t, def.AutocompleteData)
	var names []string
	for _, sub := range def.AutocompleteData.SubCommands {
		names = append(names, sub.Trigger)
	}
	assert.Equal(t, []string{"help", "open", "record", "notify", "digest", "staff"}, names)
	assert.NoError(t, def.AutocompleteData.IsValid())
}
