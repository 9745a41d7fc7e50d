// Package i18ntest gives tests the real catalogs with users who speak the languages a test
// gives them.
package i18ntest

import (
	"errors"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// Locales reads users whose language is given by id.
type Locales map[string]string

// User is the user userID with their language, or an error for a user not listed.
func (l Locales) User(userID string) (*model.User, error) {
	locale, ok := l[userID]
	if !ok {
		return nil, errors.New("no such user")
	}
	return &model.User{Id: userID, Locale: locale}, nil
}

// Languages speaks to users in their languages, and serverLocale where no one user reads.
func Languages(t testing.TB, users Locales, serverLocale string) *i18n.Languages {
	t.Helper()
	catalogs, err := i18n.Catalogs()
	require.NoError(t, err)
	return i18n.NewLanguages(catalogs, users, func() string { return serverLocale })
}
