package integration

import (
	"context"
	"testing"
	"time"
)

// BenchmarkListConversations measures GET /conversations for a user with 500 conversations:
// the first request after a plugin restart (cold caches), then p50 and p95 over b.N requests.
func BenchmarkListConversations(b *testing.B) {
	benchOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
		defer cancel()
		started := time.Now()
		benchOwner, benchErr = setUpConversations(ctx)
		b.Logf("set up %d conversations in %s", benchTotal, time.Since(started).Round(time.Second))
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	cold := restartAndTimeFirstList(b)
	b.ResetTimer()
	durations := make([]time.Duration, 0, b.N)
	for range b.N {
		took, count, err := timeList(benchOwner)
		if err != nil {
			b.Fatal(err)
		}
		if count != benchTotal {
			b.Fatalf("listed %d conversations, want %d", count, benchTotal)
		}
		durations = append(durations, took)
	}
	b.StopTimer()
	b.ReportMetric(milliseconds(cold), "cold-ms")
	b.ReportMetric(milliseconds(percentile(durations, 50)), "p50-ms")
	b.ReportMetric(milliseconds(percentile(durations, 95)), "p95-ms")
}
