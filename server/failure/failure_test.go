package failure

import (
	"testing"

	"github.com/pkg/errors"
	"github.com/stretchr/testify/assert"
)

func TestAsFindsWrappedFailures(t *testing.T) {
	err := errors.Wrap(Newf(NotFound, "No %s.", "conversation"), "context")
	known, ok := As(err)
	assert.True(t, ok)
	assert.Equal(t, "No conversation.", known.Message)
	assert.True(t, Is(err, NotFound))
	assert.False(t, Is(err, Forbidden))
}

func TestOtherErrorsAreInternal(t *testing.T) {
	_, ok := As(errors.New("connection reset"))
	assert.False(t, ok)
	assert.False(t, Is(nil, Invalid))
}
