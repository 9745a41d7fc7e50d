package integration

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

func TestNotificationEmailShowsTheRecord(t *testing.T) {
	sendEmailNotifications(t)
	alice := newStaff(t)
	offline, dm := offlineEmailedBy(t, alice, "offline")
	mustPost(t, alice, dm, "Could you take "+standin.SampleIncident+" tonight?")

	sent, err := server.Mail.WaitFor(offline.Email, func(m rig.Mail) bool {
		return strings.Contains(readableBody(t, m), "Could you take")
	}, 30*time.Second)
	require.NoError(t, err)
	body := readableBody(t, sent)
	assert.Contains(t, body, standin.SampleIncident+": Email server is down for the Finance floor (In Progress, 2 - High, Beth Anglin)")
	_, sysID, _ := server.ServiceNow.Find(standin.SampleIncident)
	assert.Contains(t, body, server.ServiceNowURL+"/incident.do?sys_id="+sysID)
}

func TestNotificationEmailShowsCardsAsWritten(t *testing.T) {
	sendEmailNotifications(t)
	alice := newStaff(t)
	offline, dm := offlineEmailedBy(t, alice, "reader")
	number := fmt.Sprintf("INC%07d", 3_000_000+rand.IntN(999_999))
	description := "Mail to O'Brien & Co. fails: 5.1.1 (relay) #2 \\o/"
	server.ServiceNow.PutRecord("incident", standin.Record{Number: number, ShortDescription: description, State: "1", Priority: "3", AssignedTo: "Beth O'Brien"})
	// Mattermost's email shows the post's card as posted, so the record is read (and cached) first.
	waitForCards(t, alice.client, mustPost(t, alice, dm, number).Id, "found")
	mustPost(t, alice, dm, "Could you take "+number+" tonight?")

	sent, err := server.Mail.WaitFor(offline.Email, func(m rig.Mail) bool {
		return strings.Contains(readableBody(t, m), "Could you take")
	}, 30*time.Second)
	require.NoError(t, err)
	body := readableBody(t, sent)
	// Mattermost's own rendering of the card (its message_attachment partial), as a reader sees it.
	assert.Equal(t, []string{number + ": " + description}, shownIn(body, `<h1 class="attachment__title"[^>]*>(.*?)</h1>`))
	assert.Equal(t, []string{"Beth O'Brien"}, shownIn(body, `<div class="messageAttachment_title"[^>]*>Assigned to</div>\s*<div[^>]*>(.*?)</div>`))
	assert.Equal(t, []string{"3 - Moderate"}, shownIn(body, `<div class="messageAttachment_title"[^>]*>Priority</div>\s*<div[^>]*>(.*?)</div>`))
	assert.Equal(t, []string{"2026-11-20 09:14:03"}, shownIn(body, `<div class="messageAttachment_title"[^>]*>Updated</div>\s*<div[^>]*>(.*?)</div>`))
}
