package outbox

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/platform/kvtest"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

type quietLog struct{}

func (quietLog) Warn(string, ...any) {}

// told is every ephemeral message of a test.
type told struct {
	mu       sync.Mutex
	messages []string
}

func (t *told) tell(userID, channelID string, message i18n.Message) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.messages = append(t.messages, userID+"@"+channelID+": "+message.English())
}

func (t *told) all() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]string(nil), t.messages...)
}

// upstream stands in for ServiceNow: it fails with err while set, and counts what it wrote.
type upstream struct {
	mu      sync.Mutex
	err     error
	written []string
	calls   atomic.Int64
	block   chan struct{} // when set, each call waits for it
}

func (u *upstream) handler(_ context.Context, w Write) error {
	u.calls.Add(1)
	if u.block != nil {
		<-u.block
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.err != nil {
		return u.err
	}
	var text string
	_ = json.Unmarshal(w.Payload, &text)
	u.written = append(u.written, text)
	return nil
}

func (u *upstream) fail(err error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.err = err
}

func (u *upstream) got() []string {
	u.mu.Lock()
	defer u.mu.Unlock()
	return append([]string(nil), u.written...)
}

type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// server is one Mattermost server's outbox over the shared KV store.
func server(kv *kvtest.Memory, up *upstream, tells *told, now *clock) *Outbox {
	o := New(Deps{KV: kv, Log: quietLog{}, Tell: tells.tell, Now: now.Now})
	o.Handle("note", up.handler, func(w Write, err error) i18n.Message { return i18n.Text("Your note was not saved: " + err.Error()) })
	return o
}

func note(id, text string) Write {
	payload, _ := json.Marshal(text)
	return Write{ID: id, Kind: "note", UserID: "alice", ChannelID: "c1", Payload: payload}
}

func unavailable() error {
	return &servicenow.Error{Kind: servicenow.KindUnavailable, StatusCode: 503}
}

func TestAWriteIsDoneOnceWhateverTheEnqueues(t *testing.T) {
	kv, up, tells, now := kvtest.New(), &upstream{}, &told{}, &clock{now: time.Unix(1_800_000_000, 0)}
	o := server(kv, up, tells, now)

	queued, err := o.Enqueue(note("w1", "Swapped the cable"))
	require.NoError(t, err)
	assert.True(t, queued)
	o.Wait()
	again, err := o.Enqueue(note("w1", "Swapped the cable"))
	require.NoError(t, err)
	assert.False(t, again, "a written ID is not queued again")
	o.RetryDue()
	o.Wait()

	assert.Equal(t, []string{"Swapped the cable"}, up.got())
	done, _ := o.Done("w1")
	assert.True(t, done)
	assert.Empty(t, tells.all())
	_, err = o.Enqueue(Write{ID: "x", Kind: "unknown"})
	assert.ErrorContains(t, err, "no handler")
}

func TestATransientFailureIsRetriedUntilServiceNowTakesIt(t *testing.T) {
	kv, up, tells, now := kvtest.New(), &upstream{}, &told{}, &clock{now: time.Unix(1_800_000_000, 0)}
	o := server(kv, up, tells, now)
	up.fail(unavailable())

	queued, err := o.Enqueue(note("w1", "Rebooted the router"))
	require.NoError(t, err)
	require.True(t, queued)
	o.Wait()
	pending, _ := o.Pending("w1")
	assert.True(t, pending, "still queued after a 503")
	queuedAgain, _ := o.Enqueue(note("w1", "Rebooted the router"))
	assert.False(t, queuedAgain, "a queued ID is not queued twice")

	o.RetryDue()
	assert.EqualValues(t, 1, up.calls.Load(), "not retried before its wait is over")
	now.advance(DefaultRetryBase)
	o.RetryDue()
	assert.EqualValues(t, 2, up.calls.Load())

	up.fail(nil)
	now.advance(time.Hour)
	o.RetryDue()
	assert.Equal(t, []string{"Rebooted the router"}, up.got())
	pending, _ = o.Pending("w1")
	assert.False(t, pending)
	assert.Empty(t, tells.all(), "a write that got through tells nobody")
}

func TestAPermanentFailureIsToldOnceAndNotRetried(t *testing.T) {
	for name, refusal := range map[string]error{
		"400 from ServiceNow":  &servicenow.Error{Kind: servicenow.KindBadRequest, StatusCode: 400},
		"413 from ServiceNow":  &servicenow.Error{Kind: servicenow.KindUnexpected, StatusCode: 413},
		"a failure":            failure.New(failure.Invalid, i18n.Text("The record is closed.")),
		"marked permanent":     MarkPermanent(errors.New("too large")),
		"404 wrapped by a svc": errors.Join(errors.New("saving"), &servicenow.Error{Kind: servicenow.KindNotFound, StatusCode: 404}),
	} {
		t.Run(name, func(t *testing.T) {
			kv, up, tells, now := kvtest.New(), &upstream{}, &told{}, &clock{now: time.Unix(1_800_000_000, 0)}
			o := server(kv, up, tells, now)
			up.fail(refusal)
			_, err := o.Enqueue(note("w1", "text"))
			require.NoError(t, err)
			o.Wait()
			now.advance(time.Hour)
			o.RetryDue()

			assert.EqualValues(t, 1, up.calls.Load(), "not retried")
			require.Len(t, tells.all(), 1)
			assert.Contains(t, tells.all()[0], "alice@c1: Your note was not saved: ")
			pending, _ := o.Pending("w1")
			assert.False(t, pending)
		})
	}
	for _, passing := range []error{unavailable(), &servicenow.Error{Kind: servicenow.KindRateLimited, StatusCode: 429},
		&servicenow.Error{Kind: servicenow.KindUnauthorized, StatusCode: 401}, failure.New(failure.Unavailable, i18n.Text("later")), errors.New("network")} {
		assert.False(t, Permanent(passing), "%v passes", passing)
	}
}

func TestAWriteStillFailingAfterTheGiveUpTimeIsToldOnce(t *testing.T) {
	kv, up, tells, now := kvtest.New(), &upstream{}, &told{}, &clock{now: time.Unix(1_800_000_000, 0)}
	o := server(kv, up, tells, now)
	up.fail(unavailable())
	_, err := o.Enqueue(note("w1", "text"))
	require.NoError(t, err)
	o.Wait()
	for range 40 {
		now.advance(DefaultGiveUp / 30)
		o.RetryDue()
	}
	assert.Len(t, tells.all(), 1, "told once")
	pending, _ := o.Pending("w1")
	assert.False(t, pending, "given up")
	calls := up.calls.Load()
	now.advance(time.Hour)
	o.RetryDue()
	assert.Equal(t, calls, up.calls.Load())
}

func TestTwoServersRacingWriteOnce(t *testing.T) {
	kv, up, tells, now := kvtest.New(), &upstream{}, &told{}, &clock{now: time.Unix(1_800_000_000, 0)}
	a, b := server(kv, up, tells, now), server(kv, up, tells, now)
	up.fail(unavailable())
	_, err := a.Enqueue(note("w1", "Escalated to network team"))
	require.NoError(t, err)
	a.Wait()
	up.fail(nil)
	now.advance(time.Hour)

	var wg sync.WaitGroup
	for _, o := range []*Outbox{a, b, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o.RetryDue()
		}()
	}
	queuedOnB, _ := b.Enqueue(note("w1", "Escalated to network team"))
	wg.Wait()
	b.Wait()

	assert.False(t, queuedOnB, "queued on a already")
	assert.Equal(t, []string{"Escalated to network team"}, up.got())
}

func TestAServerDoesNotRunAWriteAnotherIsRunning(t *testing.T) {
	kv, up, tells, now := kvtest.New(), &upstream{block: make(chan struct{})}, &told{}, &clock{now: time.Unix(1_800_000_000, 0)}
	a, b := server(kv, up, tells, now), server(kv, up, tells, now)
	_, err := a.Enqueue(note("w1", "text"))
	require.NoError(t, err)
	require.Eventually(t, func() bool { return up.calls.Load() == 1 }, time.Second, time.Millisecond)
	b.RetryDue() // a holds the claim
	close(up.block)
	a.Wait()
	b.RetryDue()
	assert.EqualValues(t, 1, up.calls.Load())
	assert.Equal(t, []string{"text"}, up.got())
}

func TestARestartPicksUpTheQueuedWrites(t *testing.T) {
	kv, up, tells, now := kvtest.New(), &upstream{}, &told{}, &clock{now: time.Unix(1_800_000_000, 0)}
	before := server(kv, up, tells, now)
	up.fail(unavailable())
	_, err := before.Enqueue(note("w1", "first"))
	require.NoError(t, err)
	_, err = before.Enqueue(note("w2", "second"))
	require.NoError(t, err)
	before.Wait()

	up.fail(nil)
	now.advance(time.Minute)
	after := server(kv, up, tells, now) // the plugin started again
	after.RetryDue()
	after.RetryDue()
	assert.ElementsMatch(t, []string{"first", "second"}, up.got())
	again, _ := after.Enqueue(note("w1", "first"))
	assert.False(t, again)
	assert.Empty(t, tells.all())
	assert.EqualValues(t, 2, after.Stats()["written"])
}

func TestClosingStopsTheAttemptsInFlightAndKeepsTheirWrites(t *testing.T) {
	kv, tells, now := kvtest.New(), &told{}, &clock{now: time.Unix(1_800_000_000, 0)}
	started := make(chan struct{})
	o := New(Deps{KV: kv, Log: quietLog{}, Tell: tells.tell, Now: now.Now})
	o.Handle("note", func(ctx context.Context, _ Write) error {
		close(started)
		<-ctx.Done()
		return ctx.Err()
	}, func(Write, error) i18n.Message { return i18n.Text("failed") })
	_, err := o.Enqueue(note("w1", "text"))
	require.NoError(t, err)
	<-started
	o.Close()

	pending, _ := o.Pending("w1")
	assert.True(t, pending, "still queued for the next start")
	claims, _ := kv.KeysWithPrefix(claimPrefix)
	assert.Empty(t, claims, "its claim is let go")
	assert.Empty(t, tells.all())

	up := &upstream{}
	after := server(kv, up, tells, now)
	now.advance(time.Minute)
	after.RetryDue()
	assert.Equal(t, []string{"text"}, up.got())
}
