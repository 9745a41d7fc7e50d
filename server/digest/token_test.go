package digest

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/records"
)

func TestStopTokensAreSignedAndExpire(t *testing.T) {
	s := signer{secret: []byte("server-side secret")}
	now := time.Unix(1_800_000_000, 0)
	token := s.token("user1", now.Add(time.Hour))

	userID, err := s.verify(token, now)
	require.NoError(t, err)
	assert.Equal(t, "user1", userID)

	_, err = s.verify(token, now.Add(2*time.Hour))
	assert.ErrorIs(t, err, ErrExpired)
	_, err = s.verify(strings.Replace(token, "user1", "user2", 1), now)
	assert.ErrorIs(t, err, ErrForged, "another user's id under the same signature")
	_, err = signer{secret: []byte("another secret")}.verify(token, now)
	assert.ErrorIs(t, err, ErrForged)
	for _, bad := range []string{"", "user1", "user1.123", "..", token + "x"} {
		_, err = s.verify(bad, now)
		assert.ErrorIs(t, err, ErrForged, bad)
	}
}

func TestDigestTextIsEscapedAndRecordsLinked(t *testing.T) {
	text := `See INC0010001 <script>alert(1)</script>`
	html := string(linkRecords(text, []records.TextLink{{Start: 4, End: 14, URL: `https://sn.example.com/incident.do?sys_id=1&x="y"`}}))
	assert.Equal(t, `See <a href="https://sn.example.com/incident.do?sys_id=1&amp;x=&#34;y&#34;">INC0010001</a> &lt;script&gt;alert(1)&lt;/script&gt;`, html)
}

func TestADigestIsDueOnceItsIntervalHasPassed(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	hourly := Settings{Enabled: true, IntervalMinutes: 60}
	assert.False(t, due(Progress{LastRun: now.Add(-59 * time.Minute).UnixMilli()}, hourly, now))
	assert.True(t, due(Progress{LastRun: now.Add(-60 * time.Minute).UnixMilli()}, hourly, now))
}
