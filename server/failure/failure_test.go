package failure

import (
	"testing"

	"github.com/pkg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

func TestAsFindsWrappedFailures(t *testing.T) {
	err := errors.Wrap(New(NotFound, i18n.M("connect.conversations.not_found", "No such conversation.")), "context")
	known, ok := As(err)
	assert.True(t, ok)
	assert.Equal(t, "No such conversation.", known.Message)
	assert.True(t, Is(err, NotFound))
	assert.False(t, Is(err, Forbidden))
}

func TestAFailureIsSaidInTheCallersLanguage(t *testing.T) {
	bundle, err := i18n.Catalogs()
	require.NoError(t, err)
	known, _ := As(New(NotFound, i18n.M("connect.conversations.not_found", "No such conversation.")))
	assert.Equal(t, "Cette conversation n'existe pas.", known.In(bundle.For("fr")))
	assert.Equal(t, "No such conversation.", known.In(bundle.For("en")))
}

func TestOtherErrorsAreInternal(t *testing.T) {
	_, ok := As(errors.New("connection reset"))
	assert.False(t, ok)
	assert.False(t, Is(nil, Invalid))
}
