package parallel

import (
	"errors"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRunDoesEveryPieceOnce(t *testing.T) {
	var done [100]atomic.Int32
	assert.NoError(t, Run(len(done), 8, func(i int) error { done[i].Add(1); return nil }))
	for i := range done {
		assert.Equal(t, int32(1), done[i].Load(), i)
	}
}

func TestRunReturnsTheFirstError(t *testing.T) {
	failure := errors.New("read failed")
	err := Run(50, 4, func(i int) error {
		if i == 7 {
			return failure
		}
		return nil
	})
	assert.ErrorIs(t, err, failure)
}
