package integration

import (
	"context"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/digest"
	"github.com/connectchat/mattermost-plugin-connect/server/follow"
	"github.com/connectchat/mattermost-plugin-connect/server/notify"
	"github.com/connectchat/mattermost-plugin-connect/server/upgrade"
)

// previousRelease is the release sites run before this one: main before issue 26's work.
const previousRelease = "31cb5b536fa321517ce95f4d3abf055c131fe8d0"

// An admin installs this release over the previous one on a server in use, goes back to the
// previous one, and forward again: every conversation, follow, bell choice, digest setting,
// journal field and pending card fill is there each time, as the users see them.
func TestUpgradeInPlaceKeepsEverythingAndADowngradeCorruptsNothing(t *testing.T) {
	ctx := context.Background()
	previous, err := rig.BundleAt(ctx, previousRelease, os.Stderr)
	require.NoError(t, err)
	current, err := rig.WorkingTreeBundle()
	require.NoError(t, err)
	installed := current
	install := func(bundle string) {
		t.Helper()
		installed = bundle
		_, err := server.InstallPlugin(ctx, bundle)
		require.NoError(t, err)
	}
	t.Cleanup(func() {
		server.ServiceNow.ClearFault()
		if t.Failed() {
			t.Log(server.LogTail(80))
		}
		if installed != current {
			if _, err := server.InstallPlugin(ctx, current); err != nil {
				t.Errorf("failed to put the working tree's bundle back: %v", err)
			}
		}
	})

	install(previous)
	assert.Nil(t, adminHealth(t)["data"], "the previous release keeps no data version")
	site := useAsStaffDo(t)
	pending := site.postWhileServiceNowIsDown(t)
	before := site.seen(t)
	site.assertAsChosen(t, before)

	install(current)
	assert.Equal(t, currentData, adminHealth(t)["data"])
	assert.Equal(t, before, site.seen(t), "the upgrade kept everything")
	assert.Equal(t, []string{"unavailable"}, statuses(readPost(t, site.alice, pending)), "the fill is still pending")
	server.ServiceNow.ClearFault()
	site.waitForFilled(t, pending)

	pending = site.postWhileServiceNowIsDown(t)
	kept := site.seen(t)
	install(previous)
	assert.Equal(t, withoutRecordLinks(kept), withoutRecordLinks(site.seen(t)), "the previous release reads what this one kept")
	server.ServiceNow.ClearFault()
	site.waitForFilled(t, pending)
	site.changeSomething(t)
	changed := site.seen(t)
	assert.Equal(t, "work_notes", changed.JournalKind.Kind)
	assert.Equal(t, notify.None, changed.Bells["bob dm"].Email)

	install(current)
	now := site.seen(t)
	assert.Equal(t, withoutRecordLinks(changed), withoutRecordLinks(now), "what the previous release changed is kept too")
	assert.Equal(t, site.recordLink(kept), site.recordLink(now), "this release links the record again")
	assert.NotEmpty(t, site.recordLink(now))
	assert.Equal(t, currentData, adminHealth(t)["data"])
}

// withoutRecordLinks is state without the links of record conversations: the previous release
// builds them before its ServiceNow settings load, so after a restart it shows none (fixed in
// this release: follow's RecordOf). The records themselves are compared.
func withoutRecordLinks(state seenState) seenState {
	lists := map[string]conversations.List{}
	for user, list := range state.Lists {
		copied := list
		copied.Conversations = make([]conversations.Conversation, len(list.Conversations))
		for i, c := range list.Conversations {
			if c.Record != nil {
				record := *c.Record
				record.URL = ""
				c.Record = &record
			}
			copied.Conversations[i] = c
		}
		lists[user] = copied
	}
	state.Lists = lists
	return state
}

// recordLink is the link of alice's record conversation as her list shows it.
func (s *usedSite) recordLink(state seenState) string {
	c, found := listed(state.Lists[s.alice.Username], s.record.ConversationID)
	if !found || c.Record == nil {
		return ""
	}
	return c.Record.URL
}

// currentData is the data version in the admin health of this release, on current data.
var currentData = map[string]any{"stored": float64(upgrade.Version), "understood": float64(upgrade.Version)}

// assertAsChosen checks that what the users see is what they did, before any upgrade.
func (s *usedSite) assertAsChosen(t *testing.T, seen seenState) {
	t.Helper()
	alices := seen.Lists[s.alice.Username]
	for _, id := range []string{s.dm, s.gm, s.board, s.record.ConversationID} {
		_, found := listed(alices, id)
		assert.True(t, found, "alice's conversation %s is listed", id)
	}
	_, found := listed(alices, s.closed)
	assert.False(t, found, "alice closed her conversation with carol")
	_, found = listed(seen.Lists[s.carol.Username], s.closed)
	assert.True(t, found, "closing is alice's only")
	board, _ := listed(alices, s.board)
	assert.Equal(t, "Change board", board.Name)
	require.Len(t, seen.Follows, 1)
	assert.Equal(t, s.record.Number, seen.Follows[0].Number)
	assert.Equal(t, "comments", seen.JournalKind.Kind)
	assert.Equal(t, s.aliceGroupBell, seen.Bells["alice gm"])
	assert.Equal(t, s.bobDMBell, seen.Bells["bob dm"])
	assert.True(t, seen.Digest.Enabled)
	assert.Equal(t, s.digestInterval, seen.Digest.IntervalMinutes)
	assert.False(t, seen.DigestGroup.Included)
}

// usedSite is what three staff members did with Connect.
type usedSite struct {
	alice, bob, carol         *person
	dm, gm, board, closed     string
	record                    follow.Follow
	aliceGroupBell, bobDMBell notify.Preferences
	digestInterval, digestMin int
}

// useAsStaffDo has three staff members use Connect as they would: direct, group and managed
// conversations with messages, one closed, a followed record with comments as the journal
// field, bell choices (email on @mentions) and the digest with a conversation left out.
func useAsStaffDo(t *testing.T) *usedSite {
	t.Helper()
	s := &usedSite{alice: newStaff(t), bob: newStaff(t), carol: newStaff(t)}
	s.dm = s.alice.directWith(t, s.bob)
	mustPost(t, s.bob, s.dm, "Can you take the mail queue?")
	mustPost(t, s.alice, s.dm, "On it")
	s.gm = s.carol.groupWith(t, s.alice, s.bob)
	mustPost(t, s.carol, s.gm, "@"+s.alice.Username+" change window at **22:00**")
	s.board = s.alice.conversation(t, http.MethodPost, "", map[string]any{"user_ids": idsOf(s.bob, s.carol), "name": "Change board"}, http.StatusCreated).ID
	mustPost(t, s.alice, s.board, "CAB at noon")
	s.closed = s.alice.directWith(t, s.carol)
	mustPost(t, s.carol, s.closed, "Thanks for yesterday")
	require.Equal(t, http.StatusNoContent, route[string](t, s.alice.client, http.MethodPost, "/api/v1/conversations/"+s.closed+"/close", nil).Status)

	_, s.record = followByCommand(t, s.alice, "Upgrade: printer queue stuck")
	kind := route[follow.JournalKind](t, s.alice.client, http.MethodPut, journalPath(s.record.ConversationID), map[string]any{"kind": "comments"})
	require.Equal(t, http.StatusOK, kind.Status, kind.Text())

	s.aliceGroupBell = notify.Preferences{Desktop: notify.Mention, Push: notify.None, Email: notify.Mention, Muted: true}
	require.Equal(t, http.StatusOK, setBell(t, s.alice.client, s.gm, s.aliceGroupBell).Status)
	s.bobDMBell = notify.Preferences{Desktop: notify.All, Push: notify.All, Email: notify.All}
	require.Equal(t, http.StatusOK, setBell(t, s.bob.client, s.dm, s.bobDMBell).Status)

	status, view := setDigest(t, s.carol, map[string]any{"enabled": true})
	require.Equal(t, http.StatusOK, status)
	s.digestInterval, s.digestMin = view.MaxMinutes, view.MinMinutes
	status, _ = setDigest(t, s.carol, map[string]any{"interval_minutes": s.digestInterval})
	require.Equal(t, http.StatusOK, status)
	excluded := route[digest.ConversationView](t, s.carol.client, http.MethodPut, "/api/v1/conversations/"+s.gm+"/digest", map[string]any{"included": false})
	require.Equal(t, http.StatusOK, excluded.Status, excluded.Text())
	return s
}

// postWhileServiceNowIsDown posts a ticket number while ServiceNow does not answer, and leaves
// it down: the card's fill stays pending.
func (s *usedSite) postWhileServiceNowIsDown(t *testing.T) string {
	t.Helper()
	number := freshIncident(t, "Pending across an upgrade")
	server.ServiceNow.SetFault(standin.Fault{Status: http.StatusServiceUnavailable, Path: "/api/now/table/"})
	posted := mustPost(t, s.bob, s.dm, "Caller again on "+number)
	var seen []string
	require.Eventually(t, func() bool {
		seen = statuses(readPost(t, s.bob, posted.Id))
		return assert.ObjectsAreEqual([]string{"unavailable"}, seen)
	}, 45*time.Second, 200*time.Millisecond, "the card never showed ServiceNow down: %v", &seen)
	return posted.Id
}

// waitForFilled waits for the pending fill of a post: its retry comes after up to 45 s, and
// a restarted plugin finds it by its sweep.
func (s *usedSite) waitForFilled(t *testing.T, postID string) {
	t.Helper()
	require.Eventually(t, func() bool {
		return assert.ObjectsAreEqual([]string{"found"}, statuses(readPost(t, s.alice, postID)))
	}, 2*time.Minute, time.Second, "the pending card was never filled")
}

// changeSomething is the previous release at work after a downgrade: a message, a bell
// choice, the journal field and the digest interval change.
func (s *usedSite) changeSomething(t *testing.T) {
	t.Helper()
	mustPost(t, s.carol, s.gm, "Rolled back; all good")
	s.bobDMBell = notify.Preferences{Desktop: notify.All, Push: notify.All, Email: notify.None}
	require.Equal(t, http.StatusOK, setBell(t, s.bob.client, s.dm, s.bobDMBell).Status)
	kind := route[follow.JournalKind](t, s.alice.client, http.MethodPut, journalPath(s.record.ConversationID), map[string]any{"kind": "work_notes"})
	require.Equal(t, http.StatusOK, kind.Status, kind.Text())
	status, _ := setDigest(t, s.carol, map[string]any{"interval_minutes": s.digestMin})
	require.Equal(t, http.StatusOK, status)
}

// seenState is everything the users see of what they did, through the REST API.
type seenState struct {
	Lists       map[string]conversations.List
	Follows     []follow.Follow
	JournalKind follow.JournalKind
	Bells       map[string]notify.Preferences
	Digest      digest.View
	DigestGroup digest.ConversationView
}

func (s *usedSite) seen(t *testing.T) seenState {
	t.Helper()
	state := seenState{Lists: map[string]conversations.List{}, Bells: map[string]notify.Preferences{}}
	for _, p := range []*person{s.alice, s.bob, s.carol} {
		state.Lists[p.Username] = p.conversations(t)
	}
	state.Follows = followsOf(t, s.alice)
	kind := route[follow.JournalKind](t, s.alice.client, http.MethodGet, journalPath(s.record.ConversationID), nil)
	require.Equal(t, http.StatusOK, kind.Status, kind.Text())
	state.JournalKind = kind.Body
	state.Bells["alice gm"] = readBell(t, s.alice.client, s.gm)
	state.Bells["bob dm"] = readBell(t, s.bob.client, s.dm)
	digestView := route[digest.View](t, s.carol.client, http.MethodGet, "/api/v1/digest", nil)
	require.Equal(t, http.StatusOK, digestView.Status, digestView.Text())
	state.Digest = digestView.Body
	group := route[digest.ConversationView](t, s.carol.client, http.MethodGet, "/api/v1/conversations/"+s.gm+"/digest", nil)
	require.Equal(t, http.StatusOK, group.Status, group.Text())
	state.DigestGroup = group.Body
	return state
}

func journalPath(channelID string) string { return "/api/v1/conversations/" + channelID + "/journal" }

func readPost(t *testing.T, p *person, postID string) *model.Post {
	t.Helper()
	post, _, err := p.client.GetPost(context.Background(), postID, "")
	require.NoError(t, err)
	return post
}
