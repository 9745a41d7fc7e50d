package digest

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/wire/wiretest"
)

// The digest_changed events, both shapes (the web app's contract tests read the fixtures).
func TestContractDigestEvents(t *testing.T) {
	w := newWorld()
	w.addUser("aliceaaaaaaaaaaaaaaaaaaaaa", "offline")
	w.addConversation("aliceaaaaaaaaaaaaaaaaaaaaa", "bobbbbbbbbbbbbbbbbbbbbbbbb", "dmdmdmdmdmdmdmdmdmdmdmdmdm", 2)
	s := w.service()
	clients := &wiretest.Recorder{}
	s.d.Clients = clients

	enabled, minutes := true, 120
	_, err := s.Set("aliceaaaaaaaaaaaaaaaaaaaaa", Change{Enabled: &enabled, IntervalMinutes: &minutes})
	require.NoError(t, err)
	_, err = s.SetConversation("aliceaaaaaaaaaaaaaaaaaaaaa", "dmdmdmdmdmdmdmdmdmdmdmdmdm", false)
	require.NoError(t, err)

	published := clients.Events("aliceaaaaaaaaaaaaaaaaaaaaa", ChangedEvent)
	require.Len(t, published, 2)
	wiretest.Golden(t, "events/digest_changed.settings.json", published[0].Message)
	wiretest.Golden(t, "events/digest_changed.conversation.json", published[1].Message)
}
