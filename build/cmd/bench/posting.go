package main

import (
	"context"
	"fmt"
	"math/rand"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

// poster is one logged-in staff member who posts into a public channel and a direct conversation.
type poster struct {
	client   *model.Client4
	channels []string
}

func preparePosters(ctx context.Context, srv *rig.Server, count int) ([]poster, error) {
	admin, err := srv.AdminClient(ctx)
	if err != nil {
		return nil, err
	}
	public, _, err := admin.GetChannelByName(ctx, "town-square", srv.Teams.Support.Id, "")
	if err != nil {
		return nil, errors.Wrap(err, "failed to find town-square")
	}
	posters := make([]poster, count)
	for i := range posters {
		author := srv.Staff[i%len(srv.Staff)]
		partner := srv.Staff[(i+1)%len(srv.Staff)]
		client, err := srv.Login(ctx, author)
		if err != nil {
			return nil, err
		}
		client.HTTPClient = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: count}}
		direct, _, err := client.CreateDirectChannel(ctx, author.Id, partner.Id)
		if err != nil {
			return nil, errors.Wrap(err, "failed to open a direct conversation")
		}
		posters[i] = poster{client: client, channels: []string{public.Id, direct.Id}}
	}
	return posters, nil
}

// round is one measured batch of posts.
type round struct {
	latencies []time.Duration
	elapsed   time.Duration
	// cpu is the processor time the server and its plugins spent on the batch.
	cpu time.Duration
}

func (r round) throughput() float64 { return float64(len(r.latencies)) / r.elapsed.Seconds() }

func (r round) cpuPerPost() time.Duration { return r.cpu / time.Duration(len(r.latencies)) }

func (r round) String() string {
	sorted := sortedCopy(r.latencies)
	return fmt.Sprintf("%7.1f posts/s  p50 %6.2f ms  p99 %6.2f ms  server CPU %5.2f ms/post",
		r.throughput(), ms(percentile(sorted, 50)), ms(percentile(sorted, 99)), ms(r.cpuPerPost()))
}

// measure posts total messages and records the latencies, the wall time and the server's CPU time.
func measure(ctx context.Context, srv *rig.Server, posters []poster, messages *messageSource, total int) (round, error) {
	cpuBefore, err := srv.CPUTime()
	if err != nil {
		return round{}, err
	}
	measured, err := postAll(ctx, posters, messages, total)
	if err != nil {
		return round{}, err
	}
	cpuAfter, err := srv.CPUTime()
	measured.cpu = cpuAfter - cpuBefore
	return measured, err
}

// postAll spreads total posts over the posters and records each request's latency.
func postAll(ctx context.Context, posters []poster, messages *messageSource, total int) (round, error) {
	latencies := make([]time.Duration, total)
	var next atomic.Int64
	var firstErr error
	var once sync.Once
	var wg sync.WaitGroup
	start := time.Now()
	for _, p := range posters {
		wg.Add(1)
		go func(p poster) {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= total {
					return
				}
				post := &model.Post{ChannelId: p.channels[i%len(p.channels)], Message: messages.next()}
				began := time.Now()
				if _, _, err := p.client.CreatePost(ctx, post); err != nil {
					once.Do(func() { firstErr = errors.Wrap(err, "failed to post") })
					return
				}
				latencies[i] = time.Since(began)
			}
		}(p)
	}
	wg.Wait()
	return round{latencies: latencies, elapsed: time.Since(start)}, firstErr
}

// messageSource yields a deterministic mix of chat lines, some naming ServiceNow records.
type messageSource struct {
	mu          sync.Mutex
	rand        *rand.Rand
	ticketShare float64
}

func newMessageSource(seed int64, ticketShare float64) *messageSource {
	return &messageSource{rand: rand.New(rand.NewSource(seed)), ticketShare: ticketShare}
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
	line := chatLines[m.rand.Intn(len(chatLines))]
	if m.rand.Float64() >= m.ticketShare {
		return line
	}
	first, second := ticketNumbers[m.rand.Intn(len(ticketNumbers))], ticketNumbers[m.rand.Intn(len(ticketNumbers))]
	return fmt.Sprintf("%s Related: %s and %s.", line, first, second)
}

func sortedCopy(values []time.Duration) []time.Duration {
	sorted := append([]time.Duration(nil), values...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	return sorted
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[int(float64(len(sorted)-1)*p/100)]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
