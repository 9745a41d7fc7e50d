package integration

import (
	"context"
	"encoding/base64"
	"fmt"
	"html"
	"io"
	"math/rand/v2"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/http"
	"net/mail"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/notify"
)

// sendEmailNotifications switches Mattermost's notification email on for one test.
func sendEmailNotifications(t *testing.T) {
	t.Helper()
	set := func(on bool) {
		require.NoError(t, server.UpdateConfig(context.Background(), func(cfg *model.Config) {
			cfg.EmailSettings.SendEmailNotifications = model.NewPointer(on)
		}))
	}
	set(true)
	t.Cleanup(func() { set(false) })
}

func TestNotificationEmailShowsTheRecord(t *testing.T) {
	sendEmailNotifications(t)
	alice := newStaff(t)
	offline, offlineClient := offlineStaff(t, "offline")
	dm, _, err := alice.client.CreateDirectChannel(context.Background(), alice.Id, offline.Id)
	require.NoError(t, err)
	status, answer := setBell(t, offlineClient, dm.Id, notify.Preferences{Desktop: notify.All, Push: notify.All, Email: notify.All})
	require.Equal(t, http.StatusOK, status, string(answer), "Connect conversations email only those who chose it")
	mustPost(t, alice, dm.Id, "Could you take "+standin.SampleIncident+" tonight?")

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
	offline, offlineClient := offlineStaff(t, "reader")
	dm, _, err := alice.client.CreateDirectChannel(context.Background(), alice.Id, offline.Id)
	require.NoError(t, err)
	status, answer := setBell(t, offlineClient, dm.Id, notify.Preferences{Desktop: notify.All, Push: notify.All, Email: notify.All})
	require.Equal(t, http.StatusOK, status, string(answer))
	number := fmt.Sprintf("INC%07d", 3_000_000+rand.IntN(999_999))
	description := "Mail to O'Brien & Co. fails: 5.1.1 (relay) #2 \\o/"
	server.ServiceNow.PutRecord("incident", standin.Record{Number: number, ShortDescription: description, State: "1", Priority: "3", AssignedTo: "Beth O'Brien"})
	// Mattermost's email shows the post's card as posted, so the record is read (and cached) first.
	waitForCards(t, alice.client, mustPost(t, alice, dm.Id, number).Id, "found")
	mustPost(t, alice, dm.Id, "Could you take "+number+" tonight?")

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

// shownIn is the text a reader sees in each match of pattern's group in an HTML body: tags
// left out, entities decoded, white space folded and the invisible word joiner dropped.
func shownIn(body, pattern string) []string {
	var shown []string
	for _, match := range regexp.MustCompile(`(?s)`+pattern).FindAllStringSubmatch(body, -1) {
		text := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(match[1], ""))
		shown = append(shown, strings.Join(strings.Fields(strings.ReplaceAll(text, "\u2060", "")), " "))
	}
	return shown
}

// readableBody is the mail's text and HTML parts, decoded.
func readableBody(t *testing.T, m rig.Mail) string {
	t.Helper()
	msg, err := mail.ReadMessage(strings.NewReader(m.Data))
	require.NoError(t, err)
	return decodePart(t, msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), msg.Body)
}

func decodePart(t *testing.T, contentType, encoding string, body io.Reader) string {
	t.Helper()
	mediaType, params, err := mime.ParseMediaType(contentType)
	if err == nil && strings.HasPrefix(mediaType, "multipart/") {
		var parts []string
		reader := multipart.NewReader(body, params["boundary"])
		for {
			part, err := reader.NextRawPart()
			if err != nil {
				return strings.Join(parts, "\n")
			}
			parts = append(parts, decodePart(t, part.Header.Get("Content-Type"), part.Header.Get("Content-Transfer-Encoding"), part))
		}
	}
	switch strings.ToLower(encoding) {
	case "quoted-printable":
		body = quotedprintable.NewReader(body)
	case "base64":
		body = base64.NewDecoder(base64.StdEncoding, body)
	}
	data, err := io.ReadAll(body)
	require.NoError(t, err)
	return string(data)
}
