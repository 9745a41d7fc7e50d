package records

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

// BenchmarkAttach is the posting hook's record work for a typical message, with and without
// numbers, once the records are cached.
func BenchmarkAttach(b *testing.B) {
	f := newFixture(b)
	for name, message := range map[string]string{"plain": plainMessage, "two numbers": standin.SampleIncident + " and " + standin.SampleProblem + " " + plainMessage} {
		f.post(message)
		time.Sleep(100 * time.Millisecond)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				f.service.Attach(&model.Post{Message: message})
			}
		})
	}
}

// BenchmarkUpstreamRequests posts N messages naming K distinct records (two each) within the
// cache TTL and counts the requests ServiceNow receives.
func BenchmarkUpstreamRequests(b *testing.B) {
	for _, distinct := range []int{5, 20} {
		b.Run(fmt.Sprintf("500 posts, %d records", distinct), func(b *testing.B) {
			var requests int
			for b.Loop() {
				requests = postAndCount(b, 500, distinct)
			}
			b.ReportMetric(float64(requests), "upstream-requests")
			b.ReportMetric(float64(requests)/float64(distinct), "requests/record")
		})
	}
}

func postAndCount(b *testing.B, posts, distinct int) int {
	f := newFixture(b)
	numbers := make([]string, distinct)
	for i := range numbers {
		numbers[i] = fmt.Sprintf("INC%07d", 4_000_000+i)
		f.sn.PutRecord("incident", standin.Record{Number: numbers[i], ShortDescription: "bench", State: "1", Priority: "3"})
	}
	go func() {
		for range f.posts.updates {
		}
	}()
	f.sn.ResetRequests()
	for range posts {
		message := numbers[rand.IntN(distinct)] + " and " + numbers[rand.IntN(distinct)]
		f.post(message)
	}
	time.Sleep(time.Second)
	return len(f.sn.Requests())
}
