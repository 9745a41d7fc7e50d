package integration

import (
	"context"
	"encoding/base64"
	"html"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/http"
	"net/mail"
	"regexp"
	"strings"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
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

// offlineEmailedBy is an offline staff member in a new direct conversation with sender, who
// chose email for every message there (Connect conversations email only those who chose it).
func offlineEmailedBy(t *testing.T, sender *person, prefix string) (rig.User, string) {
	t.Helper()
	offline, offlineClient := offlineStaff(t, prefix)
	dm, _, err := sender.client.CreateDirectChannel(context.Background(), sender.Id, offline.Id)
	require.NoError(t, err)
	bell := setBell(t, offlineClient, dm.Id, notify.Preferences{Desktop: notify.All, Push: notify.All, Email: notify.All})
	require.Equal(t, http.StatusOK, bell.Status, bell.Text(), "Connect conversations email only those who chose it")
	return offline, dm.Id
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
