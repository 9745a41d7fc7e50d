package api

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/connectchat/mattermost-plugin-connect/server/digest"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n/i18ntest"
)

type localeOf = i18ntest.Locales

func languages(t *testing.T, users localeOf) *i18n.Languages {
	return i18ntest.Languages(t, users, "en")
}

func TestAFailureIsAnsweredInTheCallersLanguage(t *testing.T) {
	f := refusingFollows{err: failure.New(failure.NotFound, i18n.M("connect.follow.not_followed", "You do not follow that record."))}
	router := NewRouter(Config{
		IsAdmin: func(string) bool { return false }, Staff: fakeStaff{}, Follows: f, RecordNames: f,
		Languages: languages(t, localeOf{"amelie": "fr", "u1": "en"}),
	})
	rec := call(router, http.MethodDelete, "/api/v1/follows/incident/"+strings.Repeat("a", 32), "amelie", "")
	assert.Equal(t, http.StatusNotFound, rec.Code)
	assert.Equal(t, "Vous ne suivez pas cet enregistrement.", decodeError(t, rec))
	rec = call(router, http.MethodDelete, "/api/v1/follows/incident/"+strings.Repeat("a", 32), "u1", "")
	assert.Equal(t, "You do not follow that record.", decodeError(t, rec))

	rec = call(router, http.MethodPost, "/api/v1/follows", "amelie", `{"record":`)
	assert.Equal(t, "Le corps de la requête n'est pas un JSON valide pour cette requête.", decodeError(t, rec), "the routes' own answers too")
}

func TestTheNotStaffAnswerIsInTheCallersLanguage(t *testing.T) {
	router := NewRouter(Config{
		IsAdmin: func(string) bool { return false }, Staff: fakeStaff{}, Conversations: nil,
		Follows: refusingFollows{}, RecordNames: refusingFollows{}, Languages: languages(t, localeOf{"customer": "fr"}),
	})
	rec := call(router, http.MethodGet, "/api/v1/follows", "customer", "")
	assert.Equal(t, http.StatusForbidden, rec.Code)
	assert.Equal(t, "Connect Chat est réservé aux agents ITIL.", decodeError(t, rec))
}

// stops is a digest whose stop tokens name their user ("forged" and "expired" fail).
type stops struct{}

func (stops) Get(string) (digest.View, error)                { return digest.View{}, nil }
func (stops) Set(string, digest.Change) (digest.View, error) { return digest.View{}, nil }
func (stops) Conversation(string, string) (digest.ConversationView, error) {
	return digest.ConversationView{}, nil
}
func (stops) SetConversation(string, string, bool) (digest.ConversationView, error) {
	return digest.ConversationView{}, nil
}

func (stops) CheckStop(token string) (string, error) {
	switch token {
	case "forged":
		return "", digest.ErrForged
	case "expired":
		return "amelie", digest.ErrExpired
	}
	return token, nil
}

func (s stops) Stop(token string) error {
	_, err := s.CheckStop(token)
	return err
}

func TestTheStopPageSpeaksTheLanguageOfTheUserItsLinkNames(t *testing.T) {
	router := NewRouter(Config{
		IsAdmin: func(string) bool { return false }, Staff: fakeStaff{}, Digest: stops{},
		Languages: languages(t, localeOf{"amelie": "fr", "bob": "en"}),
	})
	page := call(router, http.MethodGet, digest.StopPath+"?token=amelie", "", "")
	assert.Equal(t, http.StatusOK, page.Code)
	assert.Contains(t, page.Body.String(), `<html lang="fr">`)
	assert.Contains(t, page.Body.String(), "Arrêter le récapitulatif par e-mail de vos messages Connect Chat non lus ?")
	assert.Contains(t, page.Body.String(), ">Arrêter le récapitulatif</button>")

	done := call(router, http.MethodPost, digest.StopPath+"?token=amelie", "", "token=amelie")
	assert.Contains(t, done.Body.String(), "Votre récapitulatif par e-mail est arrêté.")

	expired := call(router, http.MethodGet, digest.StopPath+"?token=expired", "", "")
	assert.Equal(t, http.StatusBadRequest, expired.Code)
	assert.Contains(t, expired.Body.String(), "Ce lien d&#39;arrêt a expiré.", "an expired link still names its user")

	english := call(router, http.MethodGet, digest.StopPath+"?token=bob", "", "")
	assert.Contains(t, english.Body.String(), `<html lang="en">`)
	assert.Contains(t, english.Body.String(), ">Stop the digest</button>")

	forged := call(router, http.MethodGet, digest.StopPath+"?token=forged", "", "")
	assert.Equal(t, http.StatusForbidden, forged.Code)
	assert.Contains(t, forged.Body.String(), "This link is not a valid Connect Chat stop link.", "nobody is named: the server's language")
}
