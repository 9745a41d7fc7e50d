package follow

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/platform/kvtest"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

const (
	benchFollowed = 1000
	benchChanged  = 20
)

type countingPosts struct {
	mu    sync.Mutex
	posts int
}

func (c *countingPosts) CreatePost(*model.Post) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.posts++
	return nil
}

func (c *countingPosts) GetPost(postID string) (*model.Post, error) {
	return &model.Post{Id: postID}, nil
}

func (c *countingPosts) UpdatePost(*model.Post) error { return nil }

// BenchmarkFollowPollCycle is one polling cycle over 1,000 followed records against the
// ServiceNow stand-in over HTTP, 20 of them changed, each with a new work note: upstream
// requests per cycle and time per cycle.
func BenchmarkFollowPollCycle(b *testing.B) {
	sn, err := standin.Start(standin.Options{})
	require.NoError(b, err)
	defer sn.Close()
	client, err := servicenow.New(servicenow.Config{InstanceURL: sn.URL(), Username: standin.DefaultUsername, Password: standin.DefaultPassword})
	require.NoError(b, err)
	kv := kvtest.New()
	posts := &countingPosts{}
	s := NewService(Deps{
		Upstream: func() Upstream { return client },
		Posts:    posts, KV: kv, Log: discardLog{},
		Config: func() *config.Config { return &config.Config{FollowPoll: 5 * time.Minute} },
		Lock:   func(context.Context, string) (func(), error) { return func() {}, nil },
	})
	numbers := seedFollowed(b, sn, kv)
	s.Poll() // the first cycle takes the records as they are
	b.ResetTimer()
	var requests int64
	var took time.Duration
	for n := range b.N {
		b.StopTimer()
		time.Sleep(1100 * time.Millisecond) // ServiceNow's times have whole seconds
		for i := range benchChanged {
			number := numbers[(n*benchChanged+i)%benchFollowed]
			require.NoError(b, sn.UpdateRecord(number, map[string]string{"state": fmt.Sprint(2 + n%2)}))
			_, err := sn.AddJournal(number, standin.Journal{Element: "work_notes", Value: fmt.Sprintf("bench note %d", n), CreatedBy: "beth.anglin"})
			require.NoError(b, err)
		}
		b.StartTimer()
		before := client.Stats().Requests
		start := time.Now()
		s.Poll()
		took += time.Since(start)
		requests += client.Stats().Requests - before
	}
	b.StopTimer()
	b.ReportMetric(float64(requests)/float64(b.N), "upstream-requests/cycle")
	b.ReportMetric(float64(took.Microseconds())/1000/float64(b.N), "ms/cycle")
	b.Logf("poll cycle over %d followed records, %d changed with a new work note: %.1f upstream requests, %s per cycle; %d updates posted",
		benchFollowed, benchChanged, float64(requests)/float64(b.N), (took / time.Duration(b.N)).Round(time.Millisecond), posts.posts)
	require.Empty(b, s.Stats()["last_error"])
}

func seedFollowed(b *testing.B, sn *standin.Server, kv *kvtest.Memory) []string {
	numbers := make([]string, benchFollowed)
	for i := range numbers {
		numbers[i] = fmt.Sprintf("INC%07d", 5_000_000+i)
		sn.PutRecord("incident", standin.Record{Number: numbers[i], ShortDescription: "Bench record", State: "1", Priority: "3"})
		r := record{Ref: Ref{Table: "incident", SysID: standin.SampleSysID("incident", numbers[i])}, Number: numbers[i],
			ShortDescription: "Bench record", ChannelID: model.NewId(), Followers: []string{"alice"},
			Last: snapshot{State: "New", Priority: "3 - Moderate", UpdatedOn: "2026-11-20 09:14:03"}}
		raw, err := json.Marshal(r)
		require.NoError(b, err)
		require.NoError(b, kv.Set(recordKey(r.Ref), raw))
	}
	return numbers
}

type discardLog struct{}

func (discardLog) Warn(string, ...any) {}
