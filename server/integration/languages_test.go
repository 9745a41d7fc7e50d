package integration

import (
	"context"
	"net/http"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// speaks sets p's Mattermost language, as they would in Settings > Display > Language.
func speaks(t *testing.T, p *person, locale string) {
	t.Helper()
	_, _, err := p.client.PatchUser(context.Background(), p.Id, &model.UserPatch{Locale: model.NewPointer(locale)})
	require.NoError(t, err)
}

func TestAFrenchSpeakerGetsConnectInFrench(t *testing.T) {
	amelie, bob := newStaff(t), newStaff(t)
	speaks(t, amelie, "fr")
	channelID := townSquare(t, amelie.client).Id

	help := command(t, amelie, channelID, "/connect help")
	assert.Contains(t, help, "- `/connect open` : Ouvrir l'espace de travail Connect")
	assert.Contains(t, help, "- `/connect notify [all|mentions|never] [desktop|push|email] | mute | unmute` : Afficher ou modifier vos notifications pour cette conversation")
	assert.Contains(t, command(t, bob, channelID, "/connect help"), "- `/connect open`: Open the Connect Workspace", "English stays the default")

	assert.Equal(t, "Commande inconnue `frobnicate`. Saisissez `/connect help` pour voir ce que /connect sait faire.",
		command(t, amelie, channelID, "/connect frobnicate"))

	missing := route[string](t, amelie.client, http.MethodGet, "/api/v1/conversations/"+model.NewId(), nil)
	assert.Equal(t, http.StatusNotFound, missing.Status)
	assert.JSONEq(t, `{"error":"Cette conversation n'existe pas."}`, string(missing.Raw))

	speaks(t, amelie, "en")
	assert.Contains(t, command(t, amelie, channelID, "/connect help"), "- `/connect open`: Open the Connect Workspace",
		"a new language applies to the next command")
}
