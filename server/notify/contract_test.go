package notify

import (
	"testing"

	"github.com/connectchat/mattermost-plugin-connect/server/wire/wiretest"
)

// The notifications_changed event (the web app's contract tests read the fixture).
func TestContractNotificationsChanged(t *testing.T) {
	f := newFakes()
	s := f.service()
	clients := &wiretest.Recorder{}
	s.d.Clients = clients
	if _, err := s.Set("u1u1u1u1u1u1u1u1u1u1u1u1u1", group, Preferences{Desktop: All, Push: Mention, Email: None, Muted: true}); err != nil {
		t.Fatal(err)
	}
	wiretest.Golden(t, "events/notifications_changed.json", clients.All()[0].Message)
}
