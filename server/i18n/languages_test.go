package i18n

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// directory is Mattermost's users, counting the reads.
type directory struct {
	mu      sync.Mutex
	locales map[string]string
	reads   int
}

func (d *directory) User(userID string) (*model.User, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.reads++
	locale, ok := d.locales[userID]
	if !ok {
		return nil, errors.New("no such user")
	}
	return &model.User{Id: userID, Locale: locale}, nil
}

func (d *directory) set(userID, locale string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.locales[userID] = locale
}

func newLanguages(t *testing.T, dir *directory, server *string) *Languages {
	t.Helper()
	catalogs, err := Catalogs()
	require.NoError(t, err)
	return NewLanguages(catalogs, dir, func() string { return *server })
}

var notFound = M("connect.conversations.not_found", "No such conversation.")

func TestAnAnswerIsInTheCallersLanguageOfNow(t *testing.T) {
	dir := &directory{locales: map[string]string{"amelie": "fr", "bob": "en"}}
	server := "en"
	l := newLanguages(t, dir, &server)
	assert.Equal(t, "Cette conversation n'existe pas.", l.User("amelie").Text(notFound))
	assert.Equal(t, "No such conversation.", l.User("bob").Text(notFound))

	dir.set("amelie", "en")
	assert.Equal(t, "No such conversation.", l.User("amelie").Text(notFound), "a changed language applies to the next answer")
}

func TestThePostPathNeverReadsAUser(t *testing.T) {
	dir := &directory{locales: map[string]string{"amelie": "fr"}}
	server := "en"
	l := newLanguages(t, dir, &server)
	assert.Equal(t, "No such conversation.", l.Cached("amelie").Text(notFound), "not read yet: the server's language")
	assert.Zero(t, dir.reads)

	l.Remember("amelie", "fr") // the staff check read her
	assert.Equal(t, "Cette conversation n'existe pas.", l.Cached("amelie").Text(notFound))
	assert.Equal(t, "Cette conversation n'existe pas.", l.Recent("amelie").Text(notFound))
	assert.Zero(t, dir.reads, "a language read in the last minute is used as it is")

	l.now = func() time.Time { return time.Now().Add(2 * localeTTL) }
	assert.Equal(t, "Cette conversation n'existe pas.", l.Cached("amelie").Text(notFound), "the last language read, however old")
	l.Recent("amelie")
	assert.Equal(t, 1, dir.reads, "an old one is read again when nothing waits on it")
}

func TestUnknownUsersAndLanguagesGetTheServersOrEnglish(t *testing.T) {
	dir := &directory{locales: map[string]string{"jan": "nl"}}
	server := "fr"
	l := newLanguages(t, dir, &server)
	assert.Equal(t, "Cette conversation n'existe pas.", l.User("ghost").Text(notFound), "unreadable: the server's language")
	assert.Equal(t, "No such conversation.", l.User("jan").Text(notFound), "no Dutch catalog: English")
	assert.Equal(t, "Cette conversation n'existe pas.", l.Server().Text(notFound))

	server = "en"
	assert.Equal(t, "Cette conversation n'existe pas.", l.Server().Text(notFound), "the setting is read when Mattermost's settings change")
	l.RefreshServerLocale()
	assert.Equal(t, "No such conversation.", l.Server().Text(notFound))
}

func TestNilLanguagesSpeakEnglish(t *testing.T) {
	var l *Languages
	assert.Equal(t, "No such conversation.", l.User("amelie").Text(notFound))
	assert.Equal(t, "No such conversation.", l.Server().Text(notFound))
}

func TestWordsInsideMessagesAreSaidInTheReadersLanguage(t *testing.T) {
	catalogs, err := Catalogs()
	require.NoError(t, err)
	fr := catalogs.For("fr")
	msg := Plural("connect.staff.not_staff",
		"{{.Names}} is not ITIL staff: Connect conversations are for staff only.",
		"{{.Names}} are not ITIL staff: Connect conversations are for staff only.", 2, Data{"Names": And{"@dave", "@erin"}})
	assert.Equal(t, "@dave et @erin ne sont pas agents ITIL : les conversations Connect sont réservées aux agents.", fr.Text(msg))
	assert.Equal(t, "@dave and @erin are not ITIL staff: Connect conversations are for staff only.", msg.English())
	assert.Equal(t, "Non envoyé : @dave et @erin ne sont pas agents ITIL : les conversations Connect sont réservées aux agents.",
		fr.Text(M("connect.staff.not_sent", "Not sent: {{.Reason}}", Data{"Reason": msg})))
	assert.Equal(t, "12:34 text", fr.Text(Text("12:34 text")), "text said as it is")
	assert.Equal(t, "2 déc. 13:01 UTC", fr.DayTime(time.Date(2026, 12, 2, 13, 1, 0, 0, time.UTC)))
	assert.Equal(t, "Dec 2, 13:01 UTC", English().DayTime(time.Date(2026, 12, 2, 13, 1, 0, 0, time.UTC)))
}
