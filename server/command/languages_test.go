package command

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n/i18ntest"
)

type localeOf = i18ntest.Locales

func speaking(t *testing.T, users localeOf, serverLocale string) *Handler {
	h := newTestHandler()
	h.deps.Languages = i18ntest.Languages(t, users, serverLocale)
	return h
}

func TestConnectAnswersEachCallerInTheirLanguage(t *testing.T) {
	h := speaking(t, localeOf{"amelie": "fr", "bob": "en"}, "en")

	help := runAs(h, "amelie", "/connect help").Text
	assert.Contains(t, help, "- `/connect help` : Afficher ce que /connect sait faire\n")
	assert.Contains(t, help, "- `/connect record <numéro|lien> ... | test` : Publier des fiches d'enregistrement ServiceNow dans cette conversation\n")
	assert.Contains(t, runAs(h, "bob", "/connect help").Text, "- `/connect help`: Show what /connect can do\n")

	assert.Equal(t, "Seuls les administrateurs système peuvent utiliser `/connect staff`.", runAs(h, "amelie", "/connect staff stats").Text)
	assert.Equal(t, "Seuls les administrateurs système peuvent utiliser `/connect record test`.", runAs(h, "amelie", "/connect record test").Text)
}

func TestTheAutocompleteIsInTheServersLanguage(t *testing.T) {
	def := speaking(t, localeOf{}, "fr").Definition()
	assert.Equal(t, "Connect Chat : conversations entre agents et enregistrements ServiceNow", def.Description)
	var helps []string
	for _, sub := range def.AutocompleteData.SubCommands {
		helps = append(helps, sub.HelpText)
	}
	assert.Contains(t, helps, "Ouvrir l'espace de travail Connect")
	assert.NoError(t, def.AutocompleteData.IsValid())
}
