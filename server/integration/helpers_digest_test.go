package integration

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
	"github.com/connectchat/mattermost-plugin-connect/server/digest"
)

// startDigestRun starts the admin's /connect digest run without waiting for its answer, which
// never comes when the plugin dies in the middle.
func startDigestRun(t *testing.T) {
	t.Helper()
	admin, err := server.AdminClient(context.Background())
	require.NoError(t, err)
	channelID := townSquare(t, admin).Id
	go func() { _, _, _ = admin.ExecuteCommand(context.Background(), channelID, "/connect digest run") }()
}

func digestMailsToAny(t *testing.T, people []*person) int {
	count := 0
	for _, p := range people {
		count += len(digestsTo(t, p))
	}
	return count
}

const digestMarker = "Stop these emails"

func setDigest(t *testing.T, p *person, change map[string]any) (int, digest.View) {
	t.Helper()
	view := route[digest.View](t, p.client, http.MethodPut, "/api/v1/digest", change)
	return view.Status, view.Body
}

// awayWithDirectMessages are n people opted in to the digest, offline, each with a direct
// message from sender: text and their username.
func awayWithDirectMessages(t *testing.T, sender *person, n int, text string) []*person {
	t.Helper()
	people := make([]*person, n)
	for i := range people {
		people[i] = optedInAway(t)
		mustPost(t, sender, sender.directWith(t, people[i]), text+people[i].Username)
		setStatus(t, people[i], model.StatusOffline)
	}
	return people
}

// optedInAway is a staff member who took the digest and is offline.
func optedInAway(t *testing.T) *person {
	t.Helper()
	p := newStaff(t)
	status, view := setDigest(t, p, map[string]any{"enabled": true})
	require.Equal(t, http.StatusOK, status)
	require.True(t, view.Enabled)
	setStatus(t, p, model.StatusOffline)
	return p
}

// runDigests is the admin's /connect digest run on srv: every digest now.
func runDigests(t *testing.T, srv *rig.Server) string {
	t.Helper()
	admin, err := srv.AdminClient(context.Background())
	require.NoError(t, err)
	resp, _, err := admin.ExecuteCommand(context.Background(), townSquare(t, admin).Id, "/connect digest run")
	require.NoError(t, err)
	return resp.Text
}

// digestsTo are the digest emails p received, decoded.
func digestsTo(t *testing.T, p *person) []string {
	t.Helper()
	var found []string
	for _, m := range server.Mail.Mails() {
		if body := readableBody(t, m); containsFold(m.To, p.Email) && strings.Contains(body, digestMarker) {
			found = append(found, body)
		}
	}
	return found
}

// waitForDigest waits until p has received n digest emails and returns the nth.
func waitForDigest(t *testing.T, p *person, n int) string {
	t.Helper()
	require.Eventually(t, func() bool { return len(digestsTo(t, p)) == n }, 10*time.Second, 50*time.Millisecond)
	return digestsTo(t, p)[n-1]
}

func containsFold(list []string, want string) bool {
	for _, item := range list {
		if strings.EqualFold(strings.Trim(item, "<>"), want) {
			return true
		}
	}
	return false
}

var stopLink = regexp.MustCompile(`href="([^"]*/digest/stop\?token=[^"]+)"`)

type page struct {
	status int
	body   string
}

func mustRead(t *testing.T, client *http.Client, method, link string, form url.Values) page {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, link, body)
	require.NoError(t, err)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	read, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return page{status: resp.StatusCode, body: string(read)}
}

func assertDigestEnabled(t *testing.T, p *person, want bool, why string) {
	t.Helper()
	view := route[digest.View](t, p.client, http.MethodGet, "/api/v1/digest", nil)
	require.Equal(t, http.StatusOK, view.Status)
	assert.Equal(t, want, view.Body.Enabled, why)
}
