package servicenow

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

// fakeFetcher knows some records and counts calls. With a gate, calls wait for it to close.
type fakeFetcher struct {
	records map[RecordKey]Record
	gate    chan struct{}

	mu    sync.Mutex
	calls [][]RecordKey
	err   error
}

func newFakeFetcher(numbers ...string) *fakeFetcher {
	f := &fakeFetcher{records: map[RecordKey]Record{}}
	for _, n := range numbers {
		f.records[sampleKey("incident", n)] = Record{Table: "incident", Number: n, ShortDescription: "about " + n}
	}
	return f
}

func (f *fakeFetcher) Records(ctx context.Context, keys []RecordKey) (map[RecordKey]Record, error) {
	f.mu.Lock()
	f.calls = append(f.calls, keys)
	err := f.err
	f.mu.Unlock()
	if f.gate != nil {
		<-f.gate
	}
	if err != nil {
		return nil, err
	}
	found := map[RecordKey]Record{}
	for _, k := range keys {
		if r, ok := f.records[k]; ok {
			found[k] = r
		}
	}
	return found, nil
}

func (f *fakeFetcher) callCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.calls)
}

func (f *fakeFetcher) lastCall() []RecordKey {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[len(f.calls)-1]
}

func keysOf(numbers ...string) []RecordKey {
	keys := make([]RecordKey, len(numbers))
	for i, n := range numbers {
		keys[i] = sampleKey("incident", n)
	}
	return keys
}

func newTestLookup(f Fetcher) (*Lookup, *fakeClock) {
	l := NewLookup(f, time.Minute, 10*time.Second)
	clock := newFakeClock()
	l.SetClock(clock.Now)
	return l, clock
}

func TestLookupCachesUntilTTL(t *testing.T) {
	f := newFakeFetcher("INC0000001")
	l, clock := newTestLookup(f)
	key := keysOf("INC0000001")
	tests := []struct {
		advance   time.Duration
		wantCalls int
	}{
		{0, 1},
		{59 * time.Second, 1},
		{time.Second, 2},
		{30 * time.Second, 2},
	}
	for _, tt := range tests {
		clock.Advance(tt.advance)
		got, err := l.Get(context.Background(), key)
		require.NoError(t, err)
		assert.Equal(t, "about INC0000001", got[key[0]].ShortDescription)
		assert.Equal(t, tt.wantCalls, f.callCount())
	}
	assert.Equal(t, LookupStats{Hits: 2, Misses: 2, UpstreamCalls: 2, Entries: 1}, l.Stats())
}

func TestLookupRemembersNotFound(t *testing.T) {
	f := newFakeFetcher()
	l, clock := newTestLookup(f)
	missing := keysOf("INC0099999")
	for _, advance := range []time.Duration{0, 9 * time.Second} {
		clock.Advance(advance)
		got, err := l.Get(context.Background(), missing)
		require.NoError(t, err)
		assert.Empty(t, got)
	}
	assert.Equal(t, 1, f.callCount())
	clock.Advance(time.Second)
	_, err := l.Get(context.Background(), missing)
	require.NoError(t, err)
	assert.Equal(t, 2, f.callCount(), "not-found expires sooner than found")
}

func TestLookupFetchesMissingKeysInOneCall(t *testing.T) {
	f := newFakeFetcher("INC0000001", "INC0000002", "INC0000003", "INC0000004")
	l, _ := newTestLookup(f)
	got, err := l.Get(context.Background(), keysOf("INC0000001", "INC0000002", "INC0000001"))
	require.NoError(t, err)
	assert.Len(t, got, 2)
	assert.Equal(t, keysOf("INC0000001", "INC0000002"), f.lastCall())

	got, err = l.Get(context.Background(), keysOf("INC0000001", "INC0000002", "INC0000003", "INC0000004", "INC0099999"))
	require.NoError(t, err)
	assert.Len(t, got, 4)
	assert.Equal(t, 2, f.callCount())
	assert.Equal(t, keysOf("INC0000003", "INC0000004", "INC0099999"), f.lastCall(), "only what was missing")
}

func TestLookupSharesOneFetchAcrossConcurrentGets(t *testing.T) {
	f := newFakeFetcher("INC0000001")
	f.gate = make(chan struct{})
	l, _ := newTestLookup(f)
	key := keysOf("INC0000001")

	const callers = 50
	var wg sync.WaitGroup
	results := make(chan map[RecordKey]Record, callers)
	for range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := l.Get(context.Background(), key)
			assert.NoError(t, err)
			results <- got
		}()
	}
	require.Eventually(t, func() bool {
		s := l.Stats()
		return s.Misses+s.Awaited == callers
	}, 5*time.Second, time.Millisecond)
	close(f.gate)
	wg.Wait()
	close(results)

	assert.Equal(t, 1, f.callCount())
	for got := range results {
		assert.Equal(t, "about INC0000001", got[key[0]].ShortDescription)
	}
	assert.Equal(t, LookupStats{Misses: 1, Awaited: callers - 1, UpstreamCalls: 1, Entries: 1}, l.Stats())
}

func TestLookupSharesOneRequestToServiceNow(t *testing.T) {
	s := startStandIn(t)
	s.SetFault(standin.Fault{Latency: 300 * time.Millisecond, Times: 1})
	l := NewLookup(newTestClient(t, s, AuthBasic), time.Minute, time.Minute)
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := l.Get(context.Background(), []RecordKey{incidentKey})
			assert.NoError(t, err)
			assert.Equal(t, "Beth Anglin", got[incidentKey].AssignedTo)
		}()
	}
	wg.Wait()
	assert.Len(t, s.Requests(), 1)
}

func TestLookupDoesNotCacheErrors(t *testing.T) {
	f := newFakeFetcher("INC0000001")
	f.err = errors.New("ServiceNow is unavailable (503)")
	l, _ := newTestLookup(f)
	key := keysOf("INC0000001")
	_, err := l.Get(context.Background(), key)
	require.EqualError(t, err, "ServiceNow is unavailable (503)")

	f.mu.Lock()
	f.err = nil
	f.mu.Unlock()
	got, err := l.Get(context.Background(), key)
	require.NoError(t, err)
	assert.Len(t, got, 1)
	assert.Equal(t, 2, f.callCount())
}

func TestLookupPeekNeverCallsUpstream(t *testing.T) {
	f := newFakeFetcher("INC0000001", "INC0000002")
	l, clock := newTestLookup(f)
	found, missing := l.Peek(keysOf("INC0000001"))
	assert.Empty(t, found)
	assert.Empty(t, missing)
	_, err := l.Get(context.Background(), keysOf("INC0000001", "INC0099999"))
	require.NoError(t, err)

	found, missing = l.Peek(keysOf("INC0000001", "INC0000002", "INC0099999"))
	assert.Equal(t, []string{"INC0000001"}, numbersOf(found))
	assert.Equal(t, keysOf("INC0099999"), missing, "a known not-found answer")
	clock.Advance(time.Minute)
	found, missing = l.Peek(keysOf("INC0000001", "INC0099999"))
	assert.Empty(t, found, "expired")
	assert.Empty(t, missing, "expired")
	assert.Equal(t, 1, f.callCount())
}

func TestLookupInvalidate(t *testing.T) {
	f := newFakeFetcher("INC0000001")
	l, _ := newTestLookup(f)
	key := keysOf("INC0000001")
	for range 2 {
		_, err := l.Get(context.Background(), key)
		require.NoError(t, err)
	}
	l.Invalidate(key[0])
	found, _ := l.Peek(key)
	assert.Empty(t, found)
	_, err := l.Get(context.Background(), key)
	require.NoError(t, err)
	assert.Equal(t, 2, f.callCount())
}

type panickyFetcher struct{ calls int }

func (p *panickyFetcher) Records(context.Context, []RecordKey) (map[RecordKey]Record, error) {
	p.calls++
	if p.calls == 1 {
		panic("boom")
	}
	return nil, nil
}

func TestLookupSurvivesAPanickingFetcher(t *testing.T) {
	p := &panickyFetcher{}
	l, _ := newTestLookup(p)
	key := keysOf("INC0000001")
	assert.Panics(t, func() { _, _ = l.Get(context.Background(), key) })
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, err := l.Get(context.Background(), key)
		assert.NoError(t, err)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the key stayed in flight after the panic")
	}
}

func TestLookupWaiterHonoursItsContext(t *testing.T) {
	f := newFakeFetcher("INC0000001")
	f.gate = make(chan struct{})
	defer close(f.gate)
	l, _ := newTestLookup(f)
	go func() { _, _ = l.Get(context.Background(), keysOf("INC0000001")) }()
	require.Eventually(t, func() bool { return l.Stats().Misses == 1 }, 5*time.Second, time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, err := l.Get(ctx, keysOf("INC0000001"))
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

func numbersOf(records map[RecordKey]Record) []string {
	var out []string
	for _, r := range records {
		out = append(out, r.Number)
	}
	return out
}

// BenchmarkLookupGet gets one of K distinct records per operation, from parallel callers,
// through the cache, the client and the stand-in; upstream-calls shows how few reach it.
func BenchmarkLookupGet(b *testing.B) {
	for _, distinct := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("distinct=%d", distinct), func(b *testing.B) {
			s := startStandIn(b)
			keys := make([]RecordKey, distinct)
			for i := range keys {
				keys[i] = sampleKey("incident", fmt.Sprintf("INC%07d", 100000+i))
				s.PutRecord("incident", standin.Record{Number: keys[i].Number, ShortDescription: "benchmark", State: "1", Priority: "3"})
			}
			l := NewLookup(newTestClient(b, s, AuthBasic), time.Minute, time.Minute)
			var next sync.Mutex
			i := 0
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					next.Lock()
					key := keys[i%distinct]
					i++
					next.Unlock()
					if _, err := l.Get(context.Background(), []RecordKey{key}); err != nil {
						b.Error(err)
					}
				}
			})
			stats := l.Stats()
			b.ReportMetric(float64(stats.UpstreamCalls), "upstream-calls")
			b.ReportMetric(float64(len(s.Requests())), "servicenow-requests")
			b.ReportMetric(float64(stats.Hits)/float64(b.N), "hit-ratio")
		})
	}
}
