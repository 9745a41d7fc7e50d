package memo

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func counting(value string, loads *int) func() (string, error) {
	return func() (string, error) {
		*loads++
		return value, nil
	}
}

func TestGetReadsOnceUntilForgottenOrExpired(t *testing.T) {
	clock := time.Unix(0, 0)
	c := New[string](time.Minute, 10)
	c.now = func() time.Time { return clock }
	loads := 0

	for range 3 {
		got, err := c.Get("k", counting("a", &loads))
		require.NoError(t, err)
		assert.Equal(t, "a", got)
	}
	assert.Equal(t, 1, loads, "a held value is not read again")

	c.Forget("k")
	got, _ := c.Get("k", counting("b", &loads))
	assert.Equal(t, "b", got, "a forgotten value is read again")

	clock = clock.Add(time.Minute)
	got, _ = c.Get("k", counting("c", &loads))
	assert.Equal(t, "c", got, "an expired value is read again")
	assert.Equal(t, 3, loads)
}

func TestALoadThatRacedAForgetIsNotKept(t *testing.T) {
	c := New[string](time.Minute, 10)
	loads := 0
	got, _ := c.Get("k", func() (string, error) {
		c.Forget("k") // another server changed it while this one was reading
		return "stale", nil
	})
	assert.Equal(t, "stale", got)
	got, _ = c.Get("k", counting("fresh", &loads))
	assert.Equal(t, "fresh", got)
	assert.Equal(t, 1, loads)
}

func TestFailedLoadsAreNotKept(t *testing.T) {
	c := New[string](time.Minute, 10)
	_, err := c.Get("k", func() (string, error) { return "", errors.New("down") })
	require.Error(t, err)
	loads := 0
	got, err := c.Get("k", counting("up", &loads))
	require.NoError(t, err)
	assert.Equal(t, "up", got)
}

func TestAFullCacheStartsOver(t *testing.T) {
	c := New[string](time.Minute, 2)
	loads := 0
	for _, key := range []string{"a", "b", "c", "a"} {
		_, _ = c.Get(key, counting(key, &loads))
	}
	assert.Equal(t, 4, loads, "the third key emptied the cache, so a is read again")
}
