package servicenow

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// Fetcher is what Lookup caches: *Client is one.
type Fetcher interface {
	Records(ctx context.Context, keys []RecordKey) (map[RecordKey]Record, error)
}

const maxLookupEntries = 50000

// Lookup caches records: found ones for ttl, not-found ones for notFoundTTL. Missing keys are
// fetched together in one Records call, and a key another Get is already fetching is
// awaited, not fetched again. Errors are not cached. Safe for concurrent use.
type Lookup struct {
	fetcher     Fetcher
	ttl         time.Duration
	notFoundTTL time.Duration
	now         func() time.Time

	mu       sync.Mutex
	entries  map[RecordKey]cacheEntry
	inFlight map[RecordKey]*flight

	hits, misses, awaited, upstreamCalls atomic.Int64
}

// LookupStats counts Get's work: each key asked is a hit (cached, found or not), awaited
// (another Get was fetching it) or a miss (fetched); UpstreamCalls counts Records calls.
type LookupStats struct {
	Hits          int64
	Misses        int64
	Awaited       int64
	UpstreamCalls int64
	Entries       int
}

type cacheEntry struct {
	record  Record
	found   bool
	expires time.Time
}

// flight is one fetch in progress; done closes when record, found and err are set.
type flight struct {
	done   chan struct{}
	record Record
	found  bool
	err    error
}

// NewLookup caches fetcher's answers.
func NewLookup(fetcher Fetcher, ttl, notFoundTTL time.Duration) *Lookup {
	return &Lookup{
		fetcher: fetcher, ttl: ttl, notFoundTTL: notFoundTTL, now: time.Now,
		entries: map[RecordKey]cacheEntry{}, inFlight: map[RecordKey]*flight{},
	}
}

// SetClock replaces the clock expiry is measured with (for tests).
func (l *Lookup) SetClock(now func() time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.now = now
}

// Get returns the records found, from the cache where fresh, fetching the rest in one call.
// A fetch shared with other Gets runs with the context of the Get that started it.
func (l *Lookup) Get(ctx context.Context, keys []RecordKey) (map[RecordKey]Record, error) {
	found := make(map[RecordKey]Record, len(keys))
	toFetch, waits := l.plan(keys, found)
	if len(toFetch) > 0 {
		l.fetch(ctx, toFetch)
	}
	for key, f := range waits {
		select {
		case <-f.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if f.err != nil {
			return nil, f.err
		}
		if f.found {
			found[key] = f.record
		}
	}
	return found, nil
}

// plan fills found from the cache and returns the keys this Get must fetch, registering
// them as in flight, plus every flight it must wait for (its own included).
func (l *Lookup) plan(keys []RecordKey, found map[RecordKey]Record) ([]RecordKey, map[RecordKey]*flight) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	var toFetch []RecordKey
	waits := map[RecordKey]*flight{}
	for _, key := range keys {
		if _, planned := waits[key]; planned {
			continue
		}
		if entry, ok := l.entries[key]; ok && now.Before(entry.expires) {
			l.hits.Add(1)
			if entry.found {
				found[key] = entry.record
			}
			continue
		}
		if f, ok := l.inFlight[key]; ok {
			l.awaited.Add(1)
			waits[key] = f
			continue
		}
		l.misses.Add(1)
		f := &flight{done: make(chan struct{})}
		l.inFlight[key] = f
		waits[key] = f
		toFetch = append(toFetch, key)
	}
	return toFetch, waits
}

// fetch asks upstream and settles the flights of keys, even if the fetcher panics.
func (l *Lookup) fetch(ctx context.Context, keys []RecordKey) {
	l.upstreamCalls.Add(1)
	var records map[RecordKey]Record
	var err error = errFetchPanicked
	defer func() { l.settle(keys, records, err) }()
	records, err = l.fetcher.Records(ctx, keys)
}

var errFetchPanicked = &Error{Kind: KindUnexpected, Message: "the record look-up failed"}

func (l *Lookup) settle(keys []RecordKey, records map[RecordKey]Record, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	for _, key := range keys {
		f := l.inFlight[key]
		delete(l.inFlight, key)
		f.record, f.found = records[key]
		f.err = err
		if err == nil {
			l.store(key, f.record, f.found, now)
		}
		close(f.done)
	}
}

func (l *Lookup) store(key RecordKey, record Record, found bool, now time.Time) {
	ttl := l.ttl
	if !found {
		ttl = l.notFoundTTL
	}
	if ttl <= 0 {
		return
	}
	if len(l.entries) >= maxLookupEntries {
		l.prune(now)
	}
	l.entries[key] = cacheEntry{record: record, found: found, expires: now.Add(ttl)}
}

// prune drops expired entries, then, if the cache is still full, arbitrary ones.
func (l *Lookup) prune(now time.Time) {
	for key, entry := range l.entries {
		if !now.Before(entry.expires) {
			delete(l.entries, key)
		}
	}
	for key := range l.entries {
		if len(l.entries) < maxLookupEntries*9/10 {
			return
		}
		delete(l.entries, key)
	}
}

// Peek returns what the cache knows fresh about keys, without calling upstream: for paths
// that must not wait on ServiceNow. missing lists the keys ServiceNow recently said do not exist.
func (l *Lookup) Peek(keys []RecordKey) (found map[RecordKey]Record, missing []RecordKey) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	found = make(map[RecordKey]Record, len(keys))
	for _, key := range keys {
		entry, ok := l.entries[key]
		switch {
		case !ok || !now.Before(entry.expires):
		case entry.found:
			found[key] = entry.record
		default:
			missing = append(missing, key)
		}
	}
	return found, missing
}

// Invalidate forgets a key, found or not, so the next Get fetches it.
func (l *Lookup) Invalidate(key RecordKey) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.entries, key)
}

// Stats returns the counters so far.
func (l *Lookup) Stats() LookupStats {
	l.mu.Lock()
	entries := len(l.entries)
	l.mu.Unlock()
	return LookupStats{
		Hits:          l.hits.Load(),
		Misses:        l.misses.Load(),
		Awaited:       l.awaited.Load(),
		UpstreamCalls: l.upstreamCalls.Load(),
		Entries:       entries,
	}
}
