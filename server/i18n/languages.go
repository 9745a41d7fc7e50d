package i18n

import (
	"sync"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

// localeTTL bounds how long a user's language is reused: Mattermost tells plugins of no change
// to a user's settings, so a new language applies within this time.
const localeTTL = time.Minute

// UserReader reads one user from Mattermost.
type UserReader interface {
	User(userID string) (*model.User, error)
}

// Languages says which language each reader gets. A nil *Languages speaks English to everyone
// (the services' unit tests that do not choose a language).
type Languages struct {
	bundle       *Bundle
	users        UserReader
	serverLocale func() string
	now          func() time.Time

	mu         sync.Mutex
	locales    map[string]cachedLocale
	server     string
	serverRead bool
}

type cachedLocale struct {
	locale  string
	expires time.Time
}

// NewLanguages reads users through users (which should call Remember for every user it reads,
// so that the users Connect reads anyway keep their language fresh) and the server's default
// language through serverLocale.
func NewLanguages(bundle *Bundle, users UserReader, serverLocale func() string) *Languages {
	return &Languages{bundle: bundle, users: users, serverLocale: serverLocale, now: time.Now, locales: map[string]cachedLocale{}}
}

// Server speaks the server's default language: for what several people read. The setting is
// read once, then again on every change of Mattermost's settings (RefreshServerLocale): cards
// are built on the post path, which must not wait on a call to Mattermost.
func (l *Languages) Server() *Localizer {
	if l == nil {
		return english
	}
	l.mu.Lock()
	read := l.serverRead
	locale := l.server
	l.mu.Unlock()
	if !read {
		l.RefreshServerLocale()
		return l.Server()
	}
	return l.bundle.For(locale)
}

// RefreshServerLocale reads the server's default language again. Mattermost runs every
// plugin's OnConfigurationChange when any of its settings change
// (server/channels/app/plugin.go, the config listener InitPlugins adds), and the plugin calls
// this there.
func (l *Languages) RefreshServerLocale() {
	if l == nil {
		return
	}
	locale := l.serverLocale()
	l.mu.Lock()
	l.server, l.serverRead = locale, true
	l.mu.Unlock()
}

// Locale is the localizer of a Mattermost locale; "" is the server's default language.
func (l *Languages) Locale(locale string) *Localizer {
	if l == nil {
		return english
	}
	if locale == "" {
		return l.Server()
	}
	return l.bundle.For(locale)
}

// Of speaks user's language, and remembers it.
func (l *Languages) Of(user *model.User) *Localizer {
	if l == nil || user == nil {
		return l.Server()
	}
	l.Remember(user.Id, user.Locale)
	return l.Locale(user.Locale)
}

// User speaks the language of userID as Mattermost has it now (they may have just changed it:
// Mattermost tells plugins of no change to a user), for an answer to something they did; the
// language last read, or the server's, when they cannot be read.
func (l *Languages) User(userID string) *Localizer {
	if l == nil {
		return english
	}
	if l.users != nil {
		if user, err := l.users.User(userID); err == nil && user != nil {
			return l.Of(user)
		}
	}
	locale, _ := l.cached(userID)
	return l.Locale(locale)
}

// Recent speaks the language userID had when Connect read them in the last minute, reading them
// only when it did not (a message Connect sends on its own, such as a note after a post).
func (l *Languages) Recent(userID string) *Localizer {
	if l == nil {
		return english
	}
	if locale, fresh := l.cached(userID); fresh {
		return l.Locale(locale)
	}
	return l.User(userID)
}

// Cached speaks the language userID had when Connect last read them, never asking Mattermost
// (for the post hooks, which must stay as fast as they are); the server's default language for
// someone not read yet.
func (l *Languages) Cached(userID string) *Localizer {
	if l == nil {
		return english
	}
	locale, _ := l.cached(userID)
	return l.Locale(locale)
}

// Remember notes userID's language, as read from Mattermost just now.
func (l *Languages) Remember(userID, locale string) {
	if l == nil || userID == "" {
		return
	}
	l.mu.Lock()
	l.locales[userID] = cachedLocale{locale: locale, expires: l.now().Add(localeTTL)}
	l.mu.Unlock()
}

func (l *Languages) cached(userID string) (locale string, fresh bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	cached, ok := l.locales[userID]
	return cached.locale, ok && l.now().Before(cached.expires)
}
