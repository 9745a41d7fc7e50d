package conversations

import (
	"context"
	"sync"

	"golang.org/x/sync/errgroup"
)

// maxCached bounds each cache; past it the cache starts over.
const maxCached = 50_000

// cache is a bounded, concurrency-safe map from channel id (or name) to V.
type cache[V any] struct {
	mu      sync.Mutex
	entries map[string]V
}

func (c *cache[V]) get(key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.entries[key]
	return v, ok
}

func (c *cache[V]) put(key string, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || len(c.entries) >= maxCached {
		c.entries = map[string]V{}
	}
	c.entries[key] = v
}

// update replaces key's value with change(old, found) when change says so.
func (c *cache[V]) update(key string, change func(old V, found bool) (V, bool)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	old, found := c.entries[key]
	if v, ok := change(old, found); ok {
		if c.entries == nil || len(c.entries) >= maxCached {
			c.entries = map[string]V{}
		}
		c.entries[key] = v
	}
}

func (c *cache[V]) forget(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.entries, key)
}

// maxWorkers bounds the Mattermost calls one request makes at the same time.
const maxWorkers = 8

// inParallel runs work(0..n-1) on up to maxWorkers goroutines and returns the first error;
// after an error, pieces not yet started are skipped.
func inParallel(n int, work func(i int) error) error {
	group, ctx := errgroup.WithContext(context.Background())
	group.SetLimit(maxWorkers)
	for i := range n {
		group.Go(func() error {
			if ctx.Err() != nil {
				return nil
			}
			return work(i)
		})
	}
	return group.Wait()
}

// concurrently runs calls at the same time and returns the first error.
func concurrently(calls ...func() error) error {
	return inParallel(len(calls), func(i int) error { return calls[i]() })
}
