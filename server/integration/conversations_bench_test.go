package integration

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"
	"golang.org/x/sync/errgroup"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
)

// The benchmark's user has benchDirects DMs, benchGMs GMs and benchGroups managed groups
// with benchColleagues people; every third conversation has a post.
const (
	benchColleagues = 50
	benchDirects    = benchColleagues
	benchGMs        = 200
	benchGroups     = 250
	benchTotal      = benchDirects + benchGMs + benchGroups
	benchWorkers    = 4
)

var (
	benchOnce  sync.Once
	benchOwner *model.Client4
	benchErr   error
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

func restartAndTimeFirstList(b *testing.B) time.Duration {
	b.Helper()
	ctx := context.Background()
	if err := server.SetPluginEnabled(ctx, false); err != nil {
		b.Fatal(err)
	}
	if err := server.SetPluginEnabled(ctx, true); err != nil {
		b.Fatal(err)
	}
	took, count, err := timeList(benchOwner)
	if err != nil || count != benchTotal {
		b.Fatalf("the first list after a restart failed: %v (%d conversations)", err, count)
	}
	return took
}

func timeList(client *model.Client4) (time.Duration, int, error) {
	started := time.Now()
	status, body, err := pluginRequest(client, http.MethodGet, "/api/v1/conversations", nil)
	took := time.Since(started)
	if err != nil || status != http.StatusOK {
		return took, 0, errors.Errorf("GET /conversations answered %d %s: %v", status, body, err)
	}
	var list conversations.List
	err = json.Unmarshal(body, &list)
	return took, len(list.Conversations), err
}

func percentile(durations []time.Duration, p int) time.Duration {
	sorted := append([]time.Duration(nil), durations...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	return sorted[min(len(sorted)-1, len(sorted)*p/100)]
}

func milliseconds(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// setUpConversations makes a staff user with benchTotal conversations and returns their client.
func setUpConversations(ctx context.Context) (*model.Client4, error) {
	owner, err := server.NewUser(ctx, "bench", server.Teams.Support, server.Teams.ITIL)
	if err != nil {
		return nil, err
	}
	client, err := server.Login(ctx, owner)
	if err != nil {
		return nil, err
	}
	colleagues := make([]rig.User, benchColleagues)
	err = inParallel(benchColleagues, func(i int) (err error) {
		colleagues[i], err = server.NewUser(ctx, "peer", server.Teams.Support, server.Teams.ITIL)
		return err
	})
	if err != nil {
		return nil, err
	}
	var channelIDs []string
	var mu sync.Mutex
	keep := func(id string) {
		mu.Lock()
		channelIDs = append(channelIDs, id)
		mu.Unlock()
	}
	steps := []func() error{
		func() error { return benchDirectChannels(ctx, client, owner.Id, colleagues, keep) },
		func() error { return benchGroupMessages(ctx, client, owner.Id, colleagues, keep) },
		func() error { return benchManagedGroups(client, colleagues, keep) },
		func() error { return benchPosts(ctx, client, channelIDs) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return client, nil
}

func benchDirectChannels(ctx context.Context, client *model.Client4, ownerID string, colleagues []rig.User, keep func(string)) error {
	return inParallel(benchDirects, func(i int) error {
		channel, _, err := client.CreateDirectChannel(ctx, ownerID, colleagues[i].Id)
		if err == nil {
			keep(channel.Id)
		}
		return err
	})
}

func benchGroupMessages(ctx context.Context, client *model.Client4, ownerID string, colleagues []rig.User, keep func(string)) error {
	var trios [][]string
	for i := 0; i < benchColleagues && len(trios) < benchGMs; i++ {
		for j := i + 1; j < benchColleagues && len(trios) < benchGMs; j++ {
			trios = append(trios, []string{ownerID, colleagues[i].Id, colleagues[j].Id})
		}
	}
	return inParallel(len(trios), func(i int) error {
		channel, _, err := client.CreateGroupChannel(ctx, trios[i])
		if err == nil {
			keep(channel.Id)
		}
		return err
	})
}

func benchManagedGroups(client *model.Client4, colleagues []rig.User, keep func(string)) error {
	return inParallel(benchGroups, func(i int) error {
		members := []string{colleagues[i%benchColleagues].Id, colleagues[(i+7)%benchColleagues].Id, colleagues[(i+19)%benchColleagues].Id}
		request, err := jsonBody(map[string]any{"user_ids": members, "name": fmt.Sprintf("Bench group %d", i)})
		if err != nil {
			return err
		}
		status, body, err := pluginRequest(client, http.MethodPost, "/api/v1/conversations", request)
		if err != nil || status != http.StatusCreated {
			return errors.Errorf("starting a group answered %d %s: %v", status, body, err)
		}
		var c conversations.Conversation
		if err := json.Unmarshal(body, &c); err != nil {
			return err
		}
		keep(c.ID)
		return nil
	})
}

func benchPosts(ctx context.Context, client *model.Client4, channelIDs []string) error {
	return inParallel(len(channelIDs)/3, func(i int) error {
		_, _, err := client.CreatePost(ctx, &model.Post{ChannelId: channelIDs[i*3], Message: fmt.Sprintf("status update %d for INC00%05d", i, i)})
		return err
	})
}

// inParallel runs work(0..n-1) on benchWorkers goroutines and returns the first error.
func inParallel(n int, work func(i int) error) error {
	var group errgroup.Group
	group.SetLimit(benchWorkers)
	for i := range n {
		group.Go(func() error { return work(i) })
	}
	return group.Wait()
}

// pluginRequest requests a plugin route with client's session.
func pluginRequest(client *model.Client4, method, path string, body io.Reader) (int, []byte, error) {
	req, err := http.NewRequest(method, pluginURL(path), body)
	if err != nil {
		return 0, nil, err
	}
	if client != nil {
		req.Header.Set(model.HeaderAuth, model.HeaderBearer+" "+client.AuthToken)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	return resp.StatusCode, answer, err
}

// jsonBody encodes body, or sends a string as it is.
func jsonBody(body any) (io.Reader, error) {
	if raw, ok := body.(string); ok {
		return strings.NewReader(raw), nil
	}
	encoded, err := json.Marshal(body)
	return bytes.NewReader(encoded), err
}
