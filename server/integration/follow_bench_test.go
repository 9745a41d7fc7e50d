package integration

import (
	"fmt"
	"net/http"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/follow"
)

const (
	webhookRate     = 50 // events a second
	webhookDuration = 10 * time.Second
)

// BenchmarkFollowWebhook sends signed events for a followed record to the real server at 50 a
// second, each with a new work note the bot posts: p50 and p99 latency, and the CPU time of the
// server and its plugin processes per event.
func BenchmarkFollowWebhook(b *testing.B) {
	t := &testing.T{}
	alice := newStaff(t)
	_, f := followByCommand(t, alice, "Webhook bench")
	require.False(b, t.Failed(), "following failed")

	total := int(webhookDuration.Seconds()) * webhookRate
	latencies := make([]time.Duration, total)
	statuses := make([]int, total)
	cpuBefore, err := server.CPUTime()
	require.NoError(b, err)
	b.ResetTimer()
	var wg sync.WaitGroup
	ticker := time.NewTicker(time.Second / webhookRate)
	for i := range total {
		<-ticker.C
		wg.Add(1)
		go func() {
			defer wg.Done()
			event := eventFor(f, func(e *follow.Event) {
				e.Journal = []follow.EventJournal{{SysID: model.NewId(), Element: "work_notes", Value: fmt.Sprintf("bench note %d", i), CreatedBy: "beth.anglin", CreatedOn: standin.Now()}}
			})
			start := time.Now()
			resp, err := standin.SendEvent(webhookURL(), rig.WebhookSecret, time.Now().Unix(), event)
			latencies[i] = time.Since(start)
			if err == nil {
				statuses[i] = resp.StatusCode
				_ = resp.Body.Close()
			}
		}()
	}
	ticker.Stop()
	wg.Wait()
	b.StopTimer()
	cpuAfter, err := server.CPUTime()
	require.NoError(b, err)
	for i, status := range statuses {
		require.Equal(b, http.StatusOK, status, "event %d", i)
	}
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	p50, p99 := latencies[total/2], latencies[total*99/100]
	cpu := (cpuAfter - cpuBefore) / time.Duration(total)
	b.ReportMetric(float64(p50.Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(p99.Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(cpu.Microseconds())/1000, "server-cpu-ms/event")
	b.Logf("webhook at %d events/s for %s (%d events, each posting a work note): p50 %s, p99 %s, server CPU %s per event",
		webhookRate, webhookDuration, total, p50.Round(100*time.Microsecond), p99.Round(100*time.Microsecond), cpu.Round(10*time.Microsecond))
}
