package integration

import (
	"context"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/require"
)

// command runs a slash command as p and returns the text it answers.
func command(t *testing.T, p *person, channelID, text string) string {
	t.Helper()
	resp, _, err := p.client.ExecuteCommand(context.Background(), channelID, text)
	require.NoError(t, err)
	return resp.Text
}

// suggestionsFor is what autocomplete offers for text in the support team.
func suggestionsFor(t *testing.T, client *model.Client4, text string) []string {
	t.Helper()
	suggestions, _, err := client.ListCommandAutocompleteSuggestions(context.Background(), text, server.Teams.Support.Id)
	require.NoError(t, err)
	var names []string
	for _, s := range suggestions {
		names = append(names, s.Complete)
	}
	return names
}

// commandIn runs a slash command as p in a direct or group message, from the support team.
func commandIn(t *testing.T, p *person, channelID, text string) string {
	t.Helper()
	resp, _, err := p.client.ExecuteCommandWithTeam(context.Background(), channelID, server.Teams.Support.Id, text)
	require.NoError(t, err)
	return resp.Text
}
