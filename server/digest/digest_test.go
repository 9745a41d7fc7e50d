package digest

import (
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/notify"
)

func optIn(t testing.TB, s *Service, userID string, minutes int) {
	t.Helper()
	on := true
	_, err := s.Set(userID, Change{Enabled: &on, IntervalMinutes: &minutes})
	require.NoError(t, err)
}

func TestTokenSignVerify(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	s := signer{secret: []byte("secret")}
	token := s.token("user1", now.Add(time.Hour))

	userID, err := s.verify(token, now)
	require.NoError(t, err)
	assert.Equal(t, "user1", userID)

	_, err = s.verify(token, now.Add(2*time.Hour))
	assert.ErrorIs(t, err, ErrExpired)

	parts := strings.Split(token, ".")
	for name, forged := range map[string]string{
		"other user":    "user2." + parts[1] + "." + parts[2],
		"later expiry":  parts[0] + ".9999999999." + parts[2],
		"bad signature": parts[0] + "." + parts[1] + ".AAAA",
		"other secret":  signer{secret: []byte("other")}.token("user1", now.Add(time.Hour)),
		"missing parts": "user1",
		"empty user":    "." + parts[1] + "." + parts[2],
		"empty":         "",
		"extra part":    token + ".x",
	} {
		_, err := s.verify(forged, now)
		assert.ErrorIs(t, err, ErrForged, name)
	}
}

func TestSecretMadeOnceAcrossServers(t *testing.T) {
	w := newWorld()
	first, err := loadSecret(w.kv)
	require.NoError(t, err)
	second, err := loadSecret(w.kv)
	require.NoError(t, err)
	assert.Len(t, first, 32)
	assert.Equal(t, first, second)
}

func TestDue(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	settings := Settings{Enabled: true, IntervalMinutes: 30}
	assert.False(t, due(Progress{LastRun: now.Add(-29 * time.Minute).UnixMilli()}, settings, now))
	assert.True(t, due(Progress{LastRun: now.Add(-30 * time.Minute).UnixMilli()}, settings, now))
	assert.True(t, due(Progress{}, settings, now))
}

func TestClaimIsExclusiveAndLapses(t *testing.T) {
	w := newWorld()
	a, b := w.service(), w.service()

	release, claimed, err := a.claim("u1")
	require.NoError(t, err)
	require.True(t, claimed)
	_, claimed, err = b.claim("u1")
	require.NoError(t, err)
	assert.False(t, claimed, "a second server must not claim a held digest")

	release()
	releaseB, claimed, err := b.claim("u1")
	require.NoError(t, err)
	assert.True(t, claimed)

	w.advance(claimLifetime) // b crashes holding it
	_, claimed, err = a.claim("u1")
	require.NoError(t, err)
	assert.True(t, claimed, "a lapsed claim is picked up again")
	releaseB() // b's late release must not drop a's claim
	_, claimed, _ = b.claim("u1")
	assert.False(t, claimed)
}

func TestLinkRecordsEscapes(t *testing.T) {
	text := `<script>alert("x")</script> see INC0010001 & more`
	got := string(linkRecords(text, fakeLinks{}.TextLinks(&model.Post{Message: text})))
	assert.NotContains(t, got, "<script>")
	assert.Contains(t, got, "&lt;script&gt;")
	assert.Contains(t, got, `<a href="https://sn.test/incident.do?sys_id=a&amp;b=&lt;c&gt;">INC0010001</a>`)
	assert.Contains(t, got, "&amp; more")
}

func TestRenderEscapesNamesAndFiles(t *testing.T) {
	w := newWorld()
	w.addUser("u1", model.StatusOffline)
	w.addConversation("u1", "o1", "c1", 0)
	s := w.service()
	c := w.convs["u1"][0]
	c.Name = `<b>Team</b>`
	c.Members[1].DisplayName = `<img src=x>`
	post := &model.Post{Id: "p1", UserId: "o1", Message: "hi", CreateAt: w.now.UnixMilli(), FileIds: []string{`<evil>.pdf`}}
	body, count, err := s.render(w.users["u1"], i18n.English(), []section{{conversation: c, posts: []*model.Post{post}, more: 3}}, "http://stop?token=a&b")
	require.NoError(t, err)
	assert.Equal(t, 4, count)
	assert.NotContains(t, body, "<b>Team</b>")
	assert.NotContains(t, body, "<img src=x>")
	assert.NotContains(t, body, "<evil>")
	assert.Contains(t, body, "&lt;b&gt;Team&lt;/b&gt;")
	assert.Contains(t, body, "and 3 earlier unread messages")
	assert.Contains(t, body, "http://mm.test/_redirect/pl/p1")
	assert.Contains(t, body, "workspace?conversation=c1")
	assert.Contains(t, body, "http://stop?token=a&amp;b")
}

func TestRunSendsUnreadOnceToAwayUsers(t *testing.T) {
	w := newWorld()
	s := w.service()
	w.addUser("away", model.StatusAway)
	w.addUser("online", model.StatusOnline)
	w.addUser("dnd", model.StatusDnd)
	for _, u := range []string{"away", "online", "dnd"} {
		w.addConversation(u, "o", "c-"+u, 0)
		optIn(t, s, u, 15)
	}
	w.advance(time.Minute)
	for _, u := range []string{"away", "online", "dnd"} {
		w.post("c-"+u, "o", "hello "+u)
		w.post("c-"+u, u, "my own message")
		w.post("c-"+u, "bot", "a bot message")
	}
	s.RunDue()
	assert.Empty(t, w.sent(), "not due yet")

	w.advance(15 * time.Minute)
	s.RunDue()
	mails := w.sent()
	require.Len(t, mails, 2)
	for _, m := range mails {
		assert.NotEqual(t, "online@example.com", m.to)
		assert.Contains(t, m.subject, "1 unread message")
		assert.NotContains(t, m.body, "my own message")
		assert.NotContains(t, m.body, "a bot message")
	}

	w.forget()
	w.advance(15 * time.Minute)
	s.RunDue()
	assert.Empty(t, w.sent(), "nothing new: no second digest")
}

func TestRunLeavesOutReadExcludedAndEmailedConversations(t *testing.T) {
	w := newWorld()
	s := w.service()
	w.addUser("u", model.StatusOffline)
	for _, c := range []string{"read", "excluded", "emailed", "kept"} {
		w.addConversation("u", "o", c, 0)
	}
	optIn(t, s, "u", 15)
	_, err := s.SetConversation("u", "excluded", false)
	require.NoError(t, err)
	w.bell["emailedu"] = notify.All
	w.advance(time.Minute)
	for _, c := range []string{"read", "excluded", "emailed", "kept"} {
		w.post(c, "o", "news in "+c)
	}
	w.advance(time.Second)
	w.viewed["readu"] = w.now.UnixMilli()

	view, err := s.Conversation("u", "emailed")
	require.NoError(t, err)
	assert.False(t, view.Included)
	assert.Contains(t, view.Reason, "bell")

	w.advance(15 * time.Minute)
	s.RunDue()
	mails := w.sent()
	require.Len(t, mails, 1)
	assert.Contains(t, mails[0].body, "news in kept")
	for _, c := range []string{"read", "excluded", "emailed"} {
		assert.NotContains(t, mails[0].body, "news in "+c)
	}
}

func TestFailedMailIsSentNextTime(t *testing.T) {
	w := newWorld()
	s := w.service()
	w.addUser("u", model.StatusOffline)
	w.addConversation("u", "o", "c", 0)
	optIn(t, s, "u", 15)
	w.advance(time.Minute)
	w.post("c", "o", "do not lose me")
	w.advance(15 * time.Minute)

	w.mailFail.Store(true)
	s.RunDue()
	assert.Empty(t, w.sent())

	w.mailFail.Store(false)
	w.advance(time.Minute)
	s.RunDue()
	mails := w.sent()
	require.Len(t, mails, 1)
	assert.Contains(t, mails[0].body, "do not lose me")
}

func TestAtMostFiftyPerConversation(t *testing.T) {
	w := newWorld()
	s := w.service()
	w.addUser("u", model.StatusOffline)
	w.addConversation("u", "o", "c", 0)
	optIn(t, s, "u", 15)
	w.advance(time.Minute)
	for i := 0; i < 60; i++ {
		w.post("c", "o", "m")
		w.advance(time.Millisecond)
	}
	w.advance(15 * time.Minute)
	s.RunDue()
	mails := w.sent()
	require.Len(t, mails, 1)
	assert.Contains(t, mails[0].subject, "60 unread messages")
	assert.Contains(t, mails[0].body, "and 10 earlier unread messages")
}

func TestSettingsLimits(t *testing.T) {
	w := newWorld()
	s := w.service()
	view, err := s.Get("u")
	require.NoError(t, err)
	assert.False(t, view.Enabled)
	assert.Equal(t, 60, view.IntervalMinutes)
	assert.Equal(t, 15, view.MinMinutes)
	assert.Equal(t, 1440, view.MaxMinutes)

	tooShort := 5
	_, err = s.Set("u", Change{IntervalMinutes: &tooShort})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "15 to 1440")

	w.limits.Allowed = false
	on := true
	_, err = s.Set("u", Change{Enabled: &on})
	require.Error(t, err)
	view, _ = s.Get("u")
	assert.NotEmpty(t, view.Problem)
}

func TestStopLink(t *testing.T) {
	w := newWorld()
	s := w.service()
	w.addUser("u", model.StatusOffline)
	optIn(t, s, "u", 15)
	link, err := s.StopURL("u", w.now)
	require.NoError(t, err)
	token := strings.SplitN(link, "?token=", 2)[1]
	require.NoError(t, s.Stop(strings.ReplaceAll(token, "%2E", ".")))
	view, _ := s.Get("u")
	assert.False(t, view.Enabled)
	assert.ErrorIs(t, s.Stop("u.9999999999.forged"), ErrForged)
}

func TestTheDigestIsInTheRecipientsLanguageAndTimeZone(t *testing.T) {
	w := newWorld()
	catalogs, err := i18n.Catalogs()
	require.NoError(t, err)
	w.languages = i18n.NewLanguages(catalogs, (*fakeUsers)(w), func() string { return "en" })
	s := w.service()
	w.addUser("u1", model.StatusOffline)
	w.users["u1"].Locale = "fr"
	w.users["u1"].Timezone = model.StringMap{"useAutomaticTimezone": "false", "manualTimezone": "Europe/Paris"}
	w.addConversation("u1", "o1", "c1", 0)
	optIn(t, s, "u1", 15)
	w.advance(time.Minute)
	w.post("c1", "o1", "Le serveur est reparti.")

	w.advance(15 * time.Minute)
	s.RunDue()
	mails := w.sent()
	require.Len(t, mails, 1)
	assert.Equal(t, "[Connect Chat] 1 message non lu", mails[0].subject)
	assert.Contains(t, mails[0].body, `<html lang="fr">`)
	assert.Contains(t, mails[0].body, "Bonjour Fu1, vous avez 1 message non lu dans Connect Chat.")
	assert.Contains(t, mails[0].body, "2 déc. 13:01 CET", "12:01 UTC is 13:01 in Paris in winter")
	assert.Contains(t, mails[0].body, "Ouvrir dans Mattermost")
	assert.Contains(t, mails[0].body, "Ne plus recevoir ces e-mails")
}
