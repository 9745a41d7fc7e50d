// Package memo keeps values this server read (from the KV store or Mattermost) in memory for a
// while, so that hooks which run for every post or email decide without a plugin API call. A
// value another server changes is forgotten when its cluster event arrives; the time to live
// bounds how long a missed event (a plugin restarting when it was sent) can last.
package memo

import (
	"sync"
	"time"
)

// Cache holds values by key for ttl, at most size of them (past that it starts over).
type Cache[V any] struct {
	ttl  time.Duration
	size int
	now  func() time.Time

	mu         sync.Mutex
	entries    map[string]entry[V]
	generation uint64
}

type entry[V any] struct {
	value   V
	expires time.Time
}

// New is an empty cache.
func New[V any](ttl time.Duration, size int) *Cache[V] {
	return &Cache[V]{ttl: ttl, size: size, now: time.Now, entries: map[string]entry[V]{}}
}

// Get returns key's value, reading it with load when it is not held or too old. A value whose
// load began before a Forget is answered but not kept: it may be what the Forget replaced.
func (c *Cache[V]) Get(key string, load func() (V, error)) (V, error) {
	c.mu.Lock()
	held, ok := c.entries[key]
	generation := c.generation
	c.mu.Unlock()
	if ok && c.now().Before(held.expires) {
		return held.value, nil
	}
	value, err := load()
	if err != nil {
		return value, err
	}
	c.put(key, value, generation)
	return value, nil
}

func (c *Cache[V]) put(key string, value V, generation uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if generation != c.generation {
		return
	}
	if len(c.entries) >= c.size {
		c.entries = map[string]entry[V]{}
	}
	c.entries[key] = entry[V]{value: value, expires: c.now().Add(c.ttl)}
}

// Forget drops key's value: it changed, here or on another server.
func (c *Cache[V]) Forget(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.generation++
	delete(c.entries, key)
}
