package conversations

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/wire/wiretest"
)

// received waits for userID's first event of that name, as their clients receive it.
func received(t *testing.T, f *fakeMattermost, userID, name string) wiretest.Message {
	t.Helper()
	require.Eventually(t, func() bool { return len(f.eventsFor(userID, name)) > 0 }, time.Second, 5*time.Millisecond, "no %s", name)
	return wiretest.Receive(userID, f.eventsFor(userID, name)[0].sent)
}

// The conversation events as a record conversation's renaming sends them (the web app's
// contract tests read the fixtures).
func TestContractConversationEvents(t *testing.T) {
	s, f := newTestService(t, nil)
	p := newCast(f)
	group := f.managed("INC0010001 · Email server down", p.me, p.ann, p.bo)
	s.recordIndex = func(channelID string) *RecordRef {
		if channelID != group {
			return nil
		}
		return &RecordRef{Table: "incident", SysID: "0123456789abcdef0123456789abcdef", Number: "INC0010001", ShortDescription: "Email server down",
			URL: "https://sn.example.com/incident.do?sys_id=0123456789abcdef0123456789abcdef"}
	}
	f.post(group, p.ann, "Restarted the *mail relay*", p.me)
	f.post(group, p.bo, "INC0010001 is back to normal")

	_, err := s.Rename(p.me, group, "INC0010001 · Email server down for Finance")
	require.NoError(t, err)
	wiretest.Golden(t, "events/conversation_updated.json", received(t, f, p.me, EventConversationUpdated))
	wiretest.Golden(t, "events/unread_totals.json", received(t, f, p.me, EventUnreadTotals))

	require.NoError(t, s.Close(p.me, group))
	wiretest.Golden(t, "events/conversation_closed.json", received(t, f, p.me, EventConversationClosed))
}
