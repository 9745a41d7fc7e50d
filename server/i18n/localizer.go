package i18n

import (
	"io/fs"
	"strings"
	"sync"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pkg/errors"
	"golang.org/x/text/language"

	catalogs "github.com/connectchat/mattermost-plugin-connect/assets/i18n"
)

// Localizer says messages in one language.
type Localizer struct {
	locale string
	l      *goi18n.Localizer
}

// Locale is the Mattermost locale this localizer speaks ("en", "fr", ...).
func (l *Localizer) Locale() string { return l.locale }

// Text is m in this localizer's language: its translation, or its English text where the
// language has none.
func (l *Localizer) Text(m Message) string {
	if m.ID == verbatimID {
		text, _ := m.Data["Text"].(string)
		return text
	}
	text, err := l.l.Localize(&goi18n.LocalizeConfig{
		DefaultMessage: &goi18n.Message{ID: m.ID, One: m.One, Other: m.Other},
		TemplateData:   l.resolve(m.Data),
		PluralCount:    m.Count,
	})
	if err != nil && text == "" {
		return m.Other
	}
	return text
}

// resolve says the values that are words themselves (a message, a list) in this language,
// leaving data as it is.
func (l *Localizer) resolve(data Data) Data {
	var resolved Data
	for k, v := range data {
		var text string
		switch v := v.(type) {
		case Message:
			text = l.Text(v)
		case And:
			text = l.And(v)
		case Or:
			text = l.Or(v)
		case Lower:
			text = strings.ToLower(l.Text(v.Message))
		default:
			continue
		}
		if resolved == nil {
			resolved = make(Data, len(data))
			for k2, v2 := range data {
				resolved[k2] = v2
			}
		}
		resolved[k] = text
	}
	if resolved == nil {
		return data
	}
	return resolved
}

// Bundle is every catalog, loaded once.
type Bundle struct {
	bundle *goi18n.Bundle

	mu         sync.Mutex
	localizers map[string]*Localizer
}

var (
	loadOnce sync.Once
	loaded   *Bundle
	errLoad  error
)

// Catalogs is the bundle of the catalogs compiled into the plugin (assets/i18n): embedded, so
// the messages always match the code that says them and no file can be missing from a bundle.
func Catalogs() (*Bundle, error) {
	loadOnce.Do(func() { loaded, errLoad = load(catalogs.Catalogs) })
	return loaded, errLoad
}

func load(files fs.FS) (*Bundle, error) {
	bundle := goi18n.NewBundle(language.English)
	names, err := fs.Glob(files, "*.json")
	if err != nil {
		return nil, errors.Wrap(err, "failed to list the message catalogs")
	}
	for _, name := range names {
		if _, err := bundle.LoadMessageFileFS(files, name); err != nil {
			return nil, errors.Wrapf(err, "failed to load the message catalog %s", name)
		}
	}
	return &Bundle{bundle: bundle, localizers: map[string]*Localizer{}}, nil
}

// For is the localizer of a Mattermost locale ("" or an unknown one speaks English).
func (b *Bundle) For(locale string) *Localizer {
	b.mu.Lock()
	defer b.mu.Unlock()
	if l, ok := b.localizers[locale]; ok {
		return l
	}
	l := &Localizer{locale: locale, l: goi18n.NewLocalizer(b.bundle, locale)}
	if locale == "" {
		l.locale = "en"
	}
	b.localizers[locale] = l
	return l
}

// english speaks the code's own English texts, with no catalog (Error(), logs).
var english = &Localizer{locale: "en", l: goi18n.NewLocalizer(goi18n.NewBundle(language.English), "en")}

// English is the localizer of English.
func English() *Localizer { return english }
