package integration

import (
	"context"
	"fmt"
	"net/http"
	"sort"
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
	list, err := requestRoute[conversations.List](client, http.MethodGet, "/api/v1/conversations", nil)
	took := time.Since(started)
	if err != nil || list.Status != http.StatusOK {
		return took, 0, errors.Errorf("GET /conversations answered %d %s: %v", list.Status, list.Raw, err)
	}
	return took, len(list.Body.Conversations), nil
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
		request := map[string]any{"user_ids": members, "name": fmt.Sprintf("Bench group %d", i)}
		c, err := requestRoute[conversations.Conversation](client, http.MethodPost, "/api/v1/conversations", request)
		if err != nil || c.Status != http.StatusCreated {
			return errors.Errorf("starting a group answered %d %s: %v", c.Status, c.Raw, err)
		}
		keep(c.Body.ID)
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
