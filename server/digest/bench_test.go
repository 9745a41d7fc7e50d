package digest

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/require"
)

// BenchmarkDigestRun is `make bench-digest`: one digest run for opted-in users with 5 conversations
// of unread messages each, against a fake platform that counts every call. It prints the run's
// time, plugin API calls per user and the peak live heap above what the fake platform itself
// holds (sampled after a collection every 20 ms, which slows the run a little).
func BenchmarkDigestRun(b *testing.B) {
	for _, users := range []int{500, 2000} {
		figures := benchRun(b, users, 5, 3)
		fmt.Printf("digest run: %5d users x 5 conversations x 3 unread: %6.2f s, %d emails, %.1f plugin API calls/user, peak live heap above the fake platform %.2f MiB (%.2f MiB still held after the run)\n",
			users, figures.elapsed.Seconds(), figures.mails, figures.callsPerUser, float64(figures.peakHeap)/(1<<20), float64(figures.retained)/(1<<20))
	}
}

type benchFigures struct {
	elapsed      time.Duration
	mails        int64
	callsPerUser float64
	peakHeap     uint64
	// retained is what is still live after the run: the fake KV store's new entries.
	retained uint64
}

func benchRun(t testing.TB, users, conversationsPerUser, unread int) benchFigures {
	w := newWorld()
	w.discardMail = true
	s := w.service()
	for u := 0; u < users; u++ {
		id := fmt.Sprintf("user%05d", u)
		w.addUser(id, model.StatusOffline)
		for c := 0; c < conversationsPerUser; c++ {
			w.addConversation(id, fmt.Sprintf("other%d", c), fmt.Sprintf("%s-c%d", id, c), 0)
		}
		optIn(t, s, id, 15)
	}
	w.advance(time.Minute)
	for u := 0; u < users; u++ {
		for c := 0; c < conversationsPerUser; c++ {
			for m := 0; m < unread; m++ {
				w.post(fmt.Sprintf("user%05d-c%d", u, c), fmt.Sprintf("other%d", c), fmt.Sprintf("unread message %d, see INC0010001", m))
			}
		}
	}
	w.advance(15 * time.Minute)
	_, err := s.StopURL("warm", w.now) // the secret is made once, not per run
	require.NoError(t, err)
	require.NoError(t, s.buildIndex()) // once per installation, for opt-ins older than the index

	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var peak atomic.Uint64
	done := make(chan struct{})
	go samplePeak(&peak, done)

	w.calls.Store(0)
	start := time.Now()
	s.RunDue()
	elapsed := time.Since(start)
	close(done)

	require.Equal(t, int64(users), w.mailCount.Load())
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	retained := uint64(0)
	if after.HeapAlloc > base.HeapAlloc {
		retained = after.HeapAlloc - base.HeapAlloc
	}
	heap := uint64(0)
	if p := peak.Load(); p > base.HeapAlloc {
		heap = p - base.HeapAlloc
	}
	return benchFigures{elapsed: elapsed, mails: w.mailCount.Load(), callsPerUser: float64(w.calls.Load()) / float64(users), peakHeap: heap, retained: retained}
}

func samplePeak(peak *atomic.Uint64, done chan struct{}) {
	var m runtime.MemStats
	for {
		select {
		case <-done:
			return
		case <-time.After(20 * time.Millisecond):
			runtime.GC() // live heap, not garbage the collector has yet to reach
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
		}
	}
}
