package main

import (
	"context"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

// sample is one measured batch of posts.
type sample struct {
	// latencies are sorted, shortest first.
	latencies []time.Duration
	elapsed   time.Duration
	// cpu is the processor time the server and its plugins spent on the batch, including the
	// work it set off for after the posts (see settle).
	cpu time.Duration
	// pluginCPU is the part of cpu spent in the running plugin's own process (Connect's or the floor's).
	pluginCPU time.Duration
	// mails is how many notification emails the server sent for the batch.
	mails int64
}

func (s sample) throughput() float64 { return float64(len(s.latencies)) / s.elapsed.Seconds() }

func (s sample) cpuPerPost() time.Duration { return s.cpu / time.Duration(len(s.latencies)) }

func (s sample) pluginCPUPerPost() time.Duration {
	return s.pluginCPU / time.Duration(len(s.latencies))
}

func (s sample) mailsPerPost() float64 { return float64(s.mails) / float64(len(s.latencies)) }

func (s sample) p50() time.Duration { return percentile(s.latencies, 50) }

func (s sample) p99() time.Duration { return percentile(s.latencies, 99) }

func (s sample) String() string {
	return fmt.Sprintf("%6.1f posts/s  p50 %6.2f ms  p99 %6.2f ms  CPU %5.2f ms/post (plugin %3d µs)  %.1f emails/post",
		s.throughput(), ms(s.p50()), ms(s.p99()), ms(s.cpuPerPost()), s.pluginCPUPerPost().Microseconds(), s.mailsPerPost())
}

// measure posts total messages of the workload and records the latencies, the wall time, the
// emails sent and the server's CPU time up to when it has settled.
func measure(ctx context.Context, srv *rig.Server, posters []poster, w workload, messages *messageSource, total int, settleFor time.Duration) (sample, error) {
	before, err := readCPU(srv)
	if err != nil {
		return sample{}, err
	}
	mailsBefore := srv.Mail.Received()
	measured, err := postAll(ctx, posters, w.channels(), messages, total)
	if err != nil {
		return sample{}, err
	}
	if err := settle(ctx, srv, settleFor, settleLimit); err != nil {
		return sample{}, err
	}
	after, err := readCPU(srv)
	measured.cpu, measured.pluginCPU = after.all-before.all, after.plugins-before.plugins
	measured.mails = srv.Mail.Received() - mailsBefore
	srv.Mail.Forget()
	return measured, err
}

type cpuReading struct{ all, plugins time.Duration }

func readCPU(srv *rig.Server) (cpuReading, error) {
	all, err := srv.ThreadCPUTime()
	if err != nil {
		return cpuReading{}, err
	}
	plugins, err := srv.PluginCPUTime(rig.PluginID, floor.id, postHooksFloor.id)
	return cpuReading{all: all, plugins: plugins}, err
}

// postAll spreads total posts over the posters, each posting into its own channel, and records
// each request's latency.
func postAll(ctx context.Context, posters []poster, channels []string, messages *messageSource, total int) (sample, error) {
	latencies := make([]time.Duration, total)
	var next atomic.Int64
	var firstErr error
	var once sync.Once
	var wg sync.WaitGroup
	start := time.Now()
	for i, p := range posters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				n := int(next.Add(1)) - 1
				if n >= total {
					return
				}
				began := time.Now()
				if _, _, err := p.client.CreatePost(ctx, &model.Post{ChannelId: channels[i], Message: messages.next()}); err != nil {
					once.Do(func() { firstErr = errors.Wrap(err, "failed to post") })
					return
				}
				latencies[n] = time.Since(began)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(latencies)
	return sample{latencies: latencies, elapsed: elapsed}, firstErr
}

const (
	quietWindow = 250 * time.Millisecond
	// quietCPU is the CPU time in a quietWindow below which the server counts as idle: 2% of a
	// core (idle, it uses about 0.05%).
	quietCPU = quietWindow / 50
	// settleLimit bounds the wait for the server to go quiet after a batch of posts.
	settleLimit = 5 * time.Second
)

// settle waits at least minimum, then until the server is quiet (at most limit). Hooks leave
// work for later (Connect tells a conversation's members about it 250 ms after a post); that
// work is part of the posts' cost, so each batch's CPU time runs until it is done.
func settle(ctx context.Context, srv *rig.Server, minimum, limit time.Duration) error {
	if err := sleep(ctx, minimum); err != nil {
		return err
	}
	return waitQuiet(ctx, srv, limit)
}

// waitQuiet waits until the server and its plugins use less than quietCPU in a quietWindow, or
// until limit has passed.
func waitQuiet(ctx context.Context, srv *rig.Server, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	last, err := srv.ThreadCPUTime()
	for err == nil && time.Now().Before(deadline) {
		if err = sleep(ctx, quietWindow); err != nil {
			return err
		}
		var now time.Duration
		if now, err = srv.ThreadCPUTime(); err == nil && now-last < quietCPU {
			return nil
		}
		last = now
	}
	return err
}

func sleep(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}

// messageSource yields a deterministic mix of chat lines, some naming ServiceNow records, each
// after prefix.
type messageSource struct {
	mu          sync.Mutex
	rand        *rand.Rand
	ticketShare float64
	prefix      string
}

func newMessageSource(seed int64, ticketShare float64, prefix string) *messageSource {
	return &messageSource{rand: rand.New(rand.NewSource(seed)), ticketShare: ticketShare, prefix: prefix}
}

var chatLines = []string{
	"Can you take a look at the VPN issue from this morning? The user says it drops every ten minutes or so.",
	"I restarted the print spooler on the third floor; let me know if the queue is still stuck after lunch.",
	"Change window is confirmed for Saturday 22:00 to 02:00, please review the rollback plan before Friday.",
	"The new laptop images are on the share; the Finance team gets theirs first thing on Monday morning.",
}

// ticketNumbers are the stand-in's records: agents talk about tickets that exist.
var ticketNumbers = sampleNumbers()

func sampleNumbers() []string {
	var numbers []string
	for _, s := range standin.Samples() {
		numbers = append(numbers, s.Record.Number)
	}
	return numbers
}

func (m *messageSource) next() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	line := m.prefix + chatLines[m.rand.Intn(len(chatLines))]
	if m.rand.Float64() >= m.ticketShare {
		return line
	}
	first, second := ticketNumbers[m.rand.Intn(len(ticketNumbers))], ticketNumbers[m.rand.Intn(len(ticketNumbers))]
	return fmt.Sprintf("%s Related: %s and %s.", line, first, second)
}

// nameEveryTicket posts messages that name, together, every ticket number the messages use.
func nameEveryTicket(ctx context.Context, p poster, channelID string) error {
	for i := 0; i < len(ticketNumbers); i += 2 {
		pair := ticketNumbers[i:min(i+2, len(ticketNumbers))]
		message := "Warming up: " + strings.Join(pair, " and ")
		if _, _, err := p.client.CreatePost(ctx, &model.Post{ChannelId: channelID, Message: message}); err != nil {
			return errors.Wrap(err, "failed to post")
		}
	}
	return nil
}

// percentile reads the p-th percentile from sorted values.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[int(float64(len(sorted)-1)*p/100)]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
