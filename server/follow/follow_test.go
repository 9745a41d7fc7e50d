package follow

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/platform/kvtest"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

func verifierAt(now time.Time) *Service {
	return NewService(Deps{
		KV:     kvtest.New(),
		Config: func() *config.Config { return &config.Config{WebhookSecret: "s3cret"} },
		Now:    func() time.Time { return now },
	})
}

// signed is a timestamp and its signature over body.
type signed struct{ stamp, signature string }

func sign(secret string, at time.Time, body []byte, encode func([]byte) string) signed {
	stamp := strconv.FormatInt(at.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(stamp + "." + string(body)))
	return signed{stamp, encode(mac.Sum(nil))}
}

func (s *Service) verify(sig signed, body []byte) error {
	return s.VerifySignature(sig.stamp, sig.signature, body)
}

func TestWebhookSignaturesAreCheckedOnceAndWhileFresh(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	body := []byte(`{"table":"incident"}`)
	s := verifierAt(now)

	require.NoError(t, s.verify(sign("s3cret", now, body, base64.StdEncoding.EncodeToString), body))
	assert.ErrorContains(t, s.verify(sign("s3cret", now, body, base64.StdEncoding.EncodeToString), body), "already received")
	hexSigned := sign("s3cret", now.Add(-time.Minute), body, func(b []byte) string { return "sha256=" + hex.EncodeToString(b) })
	require.NoError(t, s.verify(hexSigned, body), "hex with sha256= is accepted too")

	assert.ErrorContains(t, s.verify(sign("wrong", now, body, base64.StdEncoding.EncodeToString), body), "does not match")
	assert.ErrorContains(t, s.verify(sign("s3cret", now, body, base64.StdEncoding.EncodeToString), []byte(`{"table":"problem"}`)), "does not match")
	assert.ErrorContains(t, s.verify(sign("s3cret", now.Add(-6*time.Minute), body, base64.StdEncoding.EncodeToString), body), "5 minutes")
	assert.ErrorIs(t, s.VerifySignature("", "", body), ErrTimestamp)
	assert.ErrorIs(t, s.VerifySignature(strconv.FormatInt(now.Unix(), 10), "not base64!", body), ErrSignatureEncoding)
}

func TestUpdatesSayWhatChanged(t *testing.T) {
	before := snapshot{State: "New", Priority: "3 - Moderate"}
	after := snapshot{State: "In Progress", Priority: "3 - Moderate", AssignedTo: "Beth Anglin", AssignmentGroup: "Service Desk"}
	assert.Equal(t, "State: New → In Progress · Assigned to: (none) → Beth Anglin · Assignment group: (none) → Service Desk", describeChanges(before, after, i18n.English()))
	assert.Empty(t, describeChanges(after, after, i18n.English()))
}

func TestJournalTextStaysPlain(t *testing.T) {
	text := describeEntry(servicenow.JournalEntry{Element: "work_notes", Value: "See [this](https://evil.example) @all\nsecond line", CreatedBy: "beth.anglin", CreatedOn: "2026-12-02 10:04:05"}, i18n.English())
	assert.Equal(t, "**Work note** by beth\\.anglin, Dec 2, 10:04 UTC:\n> See \\[this\\]\\(https:\u2060//evil\\.example\\) @\u2060all\n> second line", text)
}

func TestRecordConversationNamesFitMattermost(t *testing.T) {
	assert.Equal(t, "INC0010001 · Email down", conversationName("INC0010001", "Email down"))
	long := conversationName("INC0010001", string(make([]rune, 100)))
	assert.LessOrEqual(t, len([]rune(long)), 64)
}

func TestOnlyStaffMayFollow(t *testing.T) {
	s := NewService(Deps{IsStaff: func(string) bool { return false }})
	_, err := s.Follow("customer", servicenow.RecordKey{Number: "INC0010001"})
	assert.True(t, failure.Is(err, failure.Forbidden), "a refusal, not a bad request: %v", err)
}
