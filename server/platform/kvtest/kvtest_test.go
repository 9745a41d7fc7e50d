package kvtest

import (
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestANilValueDeletes(t *testing.T) {
	kv := New()
	require.NoError(t, kv.Set("a", []byte("1")))
	value, err := kv.Get("a")
	require.NoError(t, err)
	assert.Equal(t, []byte("1"), value)

	require.NoError(t, kv.Set("a", nil))
	value, err = kv.Get("a")
	require.NoError(t, err)
	assert.Nil(t, value, "a missing key reads as nil")
	keys, _ := kv.KeysWithPrefix("")
	assert.Empty(t, keys, "and is not listed")

	require.NoError(t, kv.Set("b", []byte("2")))
	require.NoError(t, kv.Delete("b"))
	require.NoError(t, kv.Delete("b"), "a missing key is no error")
	value, _ = kv.Get("b")
	assert.Nil(t, value)
	assert.Equal(t, 3, kv.Reads())
}

func TestCompareAndSet(t *testing.T) {
	kv := New()
	saved, err := kv.CompareAndSet("k", nil, []byte("v1"))
	require.NoError(t, err)
	assert.True(t, saved, "a nil old value means the key is missing")
	saved, _ = kv.CompareAndSet("k", nil, []byte("v2"))
	assert.False(t, saved, "and fails once it is there")
	saved, _ = kv.CompareAndSet("k", []byte("other"), []byte("v2"))
	assert.False(t, saved)
	saved, _ = kv.CompareAndSet("absent", []byte(""), []byte("v"))
	assert.False(t, saved, "an empty old value is not a missing key")
	saved, _ = kv.CompareAndSet("k", []byte("v1"), []byte("v2"))
	assert.True(t, saved)
	value, _ := kv.Get("k")
	assert.Equal(t, []byte("v2"), value)
	saved, _ = kv.CompareAndSet("k", []byte("v2"), nil)
	assert.True(t, saved, "a nil new value deletes")
	value, _ = kv.Get("k")
	assert.Nil(t, value)
}

func TestCompareAndSetIsAtomic(t *testing.T) {
	kv := New()
	var wg sync.WaitGroup
	wins := make(chan int, 50)
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if saved, _ := kv.CompareAndSet("lock", nil, []byte(strconv.Itoa(i))); saved {
				wins <- i
			}
		}()
	}
	wg.Wait()
	close(wins)
	assert.Len(t, wins, 1, "one writer wins")

	require.NoError(t, kv.Set("n", []byte{0}))
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				current, _ := kv.Get("n")
				if saved, _ := kv.CompareAndSet("n", current, []byte{current[0] + 1}); saved {
					return
				}
			}
		}()
	}
	wg.Wait()
	value, _ := kv.Get("n")
	assert.Equal(t, []byte{20}, value, "no increment is lost")
}

func TestKeysWithPrefixAreListedInOrder(t *testing.T) {
	var kv Memory // the zero value is ready
	for _, key := range []string{"b/2", "a/1", "b/1", "bb"} {
		require.NoError(t, kv.Set(key, []byte("x")))
	}
	keys, err := kv.KeysWithPrefix("b/")
	require.NoError(t, err)
	assert.Equal(t, []string{"b/1", "b/2"}, keys)
	keys, _ = kv.KeysWithPrefix("")
	assert.Equal(t, []string{"a/1", "b/1", "b/2", "bb"}, keys)
}

func TestValuesExpireInWholeSeconds(t *testing.T) {
	now := time.Unix(1000, 0)
	kv := NewAt(func() time.Time { return now })
	require.NoError(t, kv.SetWithExpiry("short", []byte("x"), time.Minute))
	require.NoError(t, kv.SetWithExpiry("sub-second", []byte("x"), time.Millisecond))
	saved, _ := kv.CompareAndSetWithExpiry("cas", nil, []byte("x"), 2*time.Minute)
	require.True(t, saved)
	at, ok := kv.ExpiresAt("short")
	assert.True(t, ok)
	assert.Equal(t, now.Add(time.Minute), at)
	_, ok = kv.ExpiresAt("sub-second")
	assert.False(t, ok, "less than a second is no expiry, as in Mattermost")

	now = now.Add(time.Minute)
	value, _ := kv.Get("short")
	assert.Nil(t, value, "gone when its time is up")
	saved, _ = kv.CompareAndSet("short", nil, []byte("again"))
	assert.True(t, saved, "an expired key is missing")
	keys, _ := kv.KeysWithPrefix("")
	assert.Equal(t, []string{"cas", "short", "sub-second"}, keys)

	require.NoError(t, kv.Set("cas", []byte("y")))
	_, ok = kv.ExpiresAt("cas")
	assert.False(t, ok, "a plain set clears the expiry")
}

func TestJSON(t *testing.T) {
	kv := New()
	out := map[string]int{"kept": 1}
	require.NoError(t, kv.GetJSON("missing", &out))
	assert.Equal(t, map[string]int{"kept": 1}, out, "a missing key leaves out as it was")
	require.NoError(t, kv.SetJSON("j", map[string]int{"a": 2}))
	var got map[string]int
	require.NoError(t, kv.GetJSON("j", &got))
	assert.Equal(t, map[string]int{"a": 2}, got)
	require.NoError(t, kv.Set("bad", []byte("not json")))
	assert.ErrorContains(t, kv.GetJSON("bad", &got), "failed to decode bad")
}

func TestHooks(t *testing.T) {
	kv := New()
	calls := 0
	var methods []string
	kv.OnCall(func(method, key string) { calls++; methods = append(methods, method+" "+key) })
	conflicts := 1
	kv.BeforeCompareAndSet(func(key string) {
		if conflicts > 0 {
			conflicts--
			_ = kv.Set(key, []byte("theirs"))
		}
	})
	saved, _ := kv.CompareAndSet("k", nil, []byte("mine"))
	assert.False(t, saved, "the other writer came first")
	saved, _ = kv.CompareAndSet("k", []byte("theirs"), []byte("mine"))
	assert.True(t, saved)
	assert.Equal(t, 3, calls)
	assert.Equal(t, 3, kv.Calls())
	assert.Equal(t, []string{"Set k", "CompareAndSet k", "CompareAndSet k"}, methods, "the other writer writes before the compare-and-set")
	assert.Equal(t, []byte("mine"), kv.Value("k"))
	assert.Nil(t, kv.Value("missing"))
	assert.Equal(t, 3, calls, "looking at a value is no call")
	assert.Equal(t, 0, kv.Reads())
}
