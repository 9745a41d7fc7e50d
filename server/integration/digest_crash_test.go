package integration

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDigestKilledInTheMiddleLosesNothingAndSendsNothingTwiceButTheEmailInFlight(t *testing.T) {
	sendEmailNotifications(t)
	alice := newStaff(t)
	people := awayWithDirectMessages(t, alice, 6, "Crash test, message for ")

	server.Mail.SetDelay(2 * time.Second)
	t.Cleanup(func() { server.Mail.SetDelay(0) })
	startDigestRun(t)
	require.Eventually(t, func() bool { return digestMailsToAny(t, people) >= 2 }, 30*time.Second, 20*time.Millisecond)
	require.NoError(t, server.KillPlugin())
	server.Mail.SetDelay(0)
	beforeCrash := digestMailsToAny(t, people)
	require.Less(t, beforeCrash, len(people), "the plugin died before the run was done")

	require.NoError(t, server.SetPluginEnabled(context.Background(), false))
	require.NoError(t, server.SetPluginEnabled(context.Background(), true))
	require.Eventually(t, func() bool {
		runDigests(t, server)
		return digestMailsToAny(t, people) >= len(people)-1
	}, 30*time.Second, time.Second, "after the restart the digests that did not go are sent")
	time.Sleep(65 * time.Second) // the claim of the email in flight lapses
	runDigests(t, server)
	time.Sleep(time.Second)

	twice := 0
	for _, p := range people {
		digests := digestsTo(t, p)
		require.NotEmpty(t, digests, "no message lost: %s got a digest", p.Username)
		for _, body := range digests {
			assert.Equal(t, 1, strings.Count(body, "Crash test, message for "+p.Username), "one copy of the message in a digest")
		}
		if len(digests) > 1 {
			twice++
		}
		assert.LessOrEqual(t, len(digests), 2)
	}
	assert.LessOrEqual(t, twice, 1, "only the email in flight when the plugin died may go twice")
}
