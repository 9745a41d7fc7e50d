package integration

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/receipts"
)

// The members' last views are read at most every 2 s per conversation: a view shows within this.
const seenWithin = 6 * time.Second

func TestSeenFollowsAViewInMattermostsOwnClients(t *testing.T) {
	t.Cleanup(func() {
		if t.Failed() {
			t.Log(server.LogTail(60))
		}
	})
	alice, bob, dm := staffPair(t)
	sent := mustPost(t, alice, dm, "Can you take INC0010001?")

	seen := alice.seenBy(t, dm)
	require.True(t, seen.Enabled)
	assert.Less(t, lastViewed(seen, bob), sent.CreateAt, "bob has not looked yet")
	assert.False(t, shows(seen, alice), "the caller is not among the readers")

	bob.view(t, dm)
	require.Eventually(t, func() bool { return lastViewed(alice.seenBy(t, dm), bob) >= sent.CreateAt }, seenWithin, 250*time.Millisecond,
		"alice sees that bob viewed the conversation")

	reply := mustPost(t, bob, dm, "On it")
	list := alice.conversations(t)
	c, ok := listed(list, dm)
	require.True(t, ok)
	assert.Less(t, c.LastViewedAt, reply.CreateAt, "alice's list says where her unread messages start")
	assert.Positive(t, c.UnreadCount)
}

func TestSeenInAGroupAndThePersonalSwitchBothWays(t *testing.T) {
	alice, bob, carol := newStaff(t), newStaff(t), newStaff(t)
	group := alice.groupWith(t, bob, carol)
	sent := mustPost(t, alice, group, "Standup in five")
	bob.view(t, group)
	carol.view(t, group)
	require.Eventually(t, func() bool {
		seen := alice.seenBy(t, group)
		return lastViewed(seen, bob) >= sent.CreateAt && lastViewed(seen, carol) >= sent.CreateAt
	}, seenWithin, 250*time.Millisecond)

	// bob turns his off: alice no longer sees his views, and he sees nobody's.
	assert.Equal(t, receipts.Setting{Enabled: false, Allowed: true}, bob.setReceipts(t, false))
	seen := alice.seenBy(t, group)
	assert.False(t, shows(seen, bob), "bob's views are his own now")
	assert.True(t, shows(seen, carol))
	assert.Equal(t, receipts.Seen{Readers: []receipts.Reader{}}, bob.seenBy(t, group))
	setting := route[receipts.Setting](t, bob.client, http.MethodGet, "/api/v1/receipts", nil)
	assert.Equal(t, receipts.Setting{Enabled: false, Allowed: true}, setting.Body)

	// and back on.
	bob.setReceipts(t, true)
	assert.True(t, shows(alice.seenBy(t, group), bob))
	assert.True(t, bob.seenBy(t, group).Enabled)

	bad := route[receipts.Setting](t, bob.client, http.MethodPut, "/api/v1/receipts", `{"enabled":"no"}`)
	assert.Equal(t, http.StatusBadRequest, bad.Status)
}

func TestSeenRefusesOutsidersCustomersAndOtherChannels(t *testing.T) {
	alice, bob, outsider := newStaff(t), newStaff(t), newStaff(t)
	dm := alice.directWith(t, bob)

	assert.Equal(t, http.StatusNotFound, route[receipts.Seen](t, outsider.client, http.MethodGet, seenPath(dm), nil).Status)
	assert.Equal(t, http.StatusNotFound, route[receipts.Seen](t, alice.client, http.MethodGet, seenPath(townSquare(t, alice.client).Id), nil).Status,
		"a team channel is not a Connect conversation")
	assert.Equal(t, http.StatusNotFound, route[receipts.Seen](t, alice.client, http.MethodGet, seenPath("not-an-id"), nil).Status)
	assert.Equal(t, http.StatusUnauthorized, route[receipts.Seen](t, nil, http.MethodGet, seenPath(dm), nil).Status)

	customer := newCustomer(t)
	refused := route[receipts.Seen](t, customer.client, http.MethodGet, seenPath(dm), nil)
	assert.Equal(t, http.StatusForbidden, refused.Status)
	assert.Contains(t, refused.Text(), "connect.not_staff")
	assert.Equal(t, http.StatusForbidden, route[receipts.Setting](t, customer.client, http.MethodPut, "/api/v1/receipts", map[string]bool{"enabled": false}).Status)
}

func TestTheSystemConsoleSwitchTurnsReceiptsOffForEveryone(t *testing.T) {
	alice, bob, dm := staffPair(t)
	mustPost(t, alice, dm, "Hello")
	bob.view(t, dm)
	require.True(t, alice.seenBy(t, dm).Enabled)

	configure(t, map[string]any{"ReadReceipts": false})
	require.Eventually(t, func() bool { return !alice.seenBy(t, dm).Enabled }, 10*time.Second, 100*time.Millisecond)
	assert.Empty(t, alice.seenBy(t, dm).Readers)
	setting := route[receipts.Setting](t, alice.client, http.MethodGet, "/api/v1/receipts", nil)
	assert.Equal(t, receipts.Setting{Enabled: true, Allowed: false}, setting.Body)
}
