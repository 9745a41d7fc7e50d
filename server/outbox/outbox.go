// Package outbox owns Connect's durable writes to ServiceNow. A write is stored in the plugin's
// KV store before its first attempt, attempted at once, and retried by a cluster job until it
// succeeds, fails for good (ServiceNow refused it: a permanent 4xx), or is still failing after
// the give-up time. Each attempt holds an atomic KV claim on the write, so one server at a time
// runs it, and a written write leaves a "done" marker, so the same write ID is never written
// twice, across servers and restarts. The user who asked is told once, privately, when their
// write finally fails; a transient failure only waits for the next retry.
package outbox

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// Job is the cluster job that retries the queued writes on one server at a time.
const Job = "outbox_retry"

const (
	queuePrefix = "outbox_q_"
	donePrefix  = "outbox_d_"
	claimPrefix = "outbox_c_"

	// DoneTTL is how long a written write's ID is remembered (a later Enqueue of it is a no-op).
	DoneTTL = 30 * 24 * time.Hour
	// DefaultGiveUp is how long a write keeps being retried after a transient failure.
	DefaultGiveUp = 24 * time.Hour
	// DefaultTimeout bounds one attempt.
	DefaultTimeout = time.Minute
	// DefaultRetryBase is the wait after the first failed attempt; it doubles up to DefaultRetryMax.
	DefaultRetryBase = 5 * time.Second
	// DefaultRetryMax is the longest wait between two attempts.
	DefaultRetryMax = 5 * time.Minute
)

// Write is one durable write to ServiceNow.
type Write struct {
	ID        string          `json:"id"`         // idempotency key chosen by the caller
	Kind      string          `json:"kind"`       // which handler runs it
	UserID    string          `json:"user_id"`    // who asked; told on final failure
	ChannelID string          `json:"channel_id"` // where to tell them
	Payload   json.RawMessage `json:"payload"`

	Queued    int64  `json:"queued"`               // unix ms when it was queued
	Attempts  int    `json:"attempts"`             // attempts made so far
	NextAt    int64  `json:"next_at"`              // unix ms before which the retry job leaves it alone
	LastError string `json:"last_error,omitempty"` // the last failure, for the admin health
	Told      bool   `json:"told"`                 // the user was told it failed for good
}

// Handler runs a write. An error that is, or wraps, a failure (server/failure) other than
// Unavailable, a ServiceNow refusal (400, 403, 404, 413 …; see Permanent) or Permanent(err)
// ends the write; any other error is transient and the write is retried.
type Handler func(ctx context.Context, w Write) error

// KV is the part of the KV store the outbox uses; CompareAndSet with a nil old value stores
// only when the key is missing (or expired).
type KV interface {
	Get(key string) ([]byte, error)
	Set(key string, value []byte) error
	SetWithExpiry(key string, value []byte, ttl time.Duration) error
	CompareAndSet(key string, oldValue, newValue []byte) (bool, error)
	CompareAndSetWithExpiry(key string, oldValue, newValue []byte, ttl time.Duration) (bool, error)
	KeysWithPrefix(prefix string) ([]string, error)
	Delete(key string) error
}

// Log is where failures nobody sees are written.
type Log interface {
	Warn(message string, keyValuePairs ...any)
}

// Deps is what the outbox needs.
type Deps struct {
	KV  KV
	Log Log
	// Tell tells one user something in a channel, privately (an ephemeral post).
	Tell func(userID, channelID string, message i18n.Message)
	Now  func() time.Time

	GiveUp    time.Duration // 0: DefaultGiveUp
	Timeout   time.Duration // 0: DefaultTimeout
	RetryBase time.Duration // 0: DefaultRetryBase
	RetryMax  time.Duration // 0: DefaultRetryMax
}

type kind struct {
	run    Handler
	failed func(w Write, err error) i18n.Message
}

// Outbox is the durable write queue.
type Outbox struct {
	d     Deps
	owner []byte // this instance's claim token

	mu    sync.RWMutex
	kinds map[string]kind

	running sync.WaitGroup
	stats   stats

	// base ends with Close: attempts in flight stop and release their claims.
	base   context.Context
	cancel context.CancelFunc
}

// New builds an outbox; handlers are added with Handle before the first Enqueue or retry.
func New(d Deps) *Outbox {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.GiveUp <= 0 {
		d.GiveUp = DefaultGiveUp
	}
	if d.Timeout <= 0 {
		d.Timeout = DefaultTimeout
	}
	if d.RetryBase <= 0 {
		d.RetryBase = DefaultRetryBase
	}
	if d.RetryMax <= 0 {
		d.RetryMax = DefaultRetryMax
	}
	token := make([]byte, 16)
	_, _ = rand.Read(token)
	base, cancel := context.WithCancel(context.Background())
	return &Outbox{d: d, owner: []byte(hex.EncodeToString(token)), kinds: map[string]kind{}, base: base, cancel: cancel}
}

// Handle makes h run the writes of kind; failedMessage is what their user is told when one
// finally fails.
func (o *Outbox) Handle(kindName string, h Handler, failedMessage func(w Write, err error) i18n.Message) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.kinds[kindName] = kind{run: h, failed: failedMessage}
}

func (o *Outbox) kind(name string) (kind, bool) {
	o.mu.RLock()
	defer o.mu.RUnlock()
	k, ok := o.kinds[name]
	return k, ok
}

// Enqueue stores w and makes its first attempt at once, in a goroutine. It returns false,
// writing nothing, when a write with the same ID is already queued or was written.
func (o *Outbox) Enqueue(w Write) (bool, error) {
	if w.ID == "" {
		return false, errors.New("a write needs an ID")
	}
	if _, ok := o.kind(w.Kind); !ok {
		return false, fmt.Errorf("no handler for writes of kind %q", w.Kind)
	}
	key := hashOf(w.ID)
	done, err := o.d.KV.Get(donePrefix + key)
	if err != nil {
		return false, fmt.Errorf("failed to read whether write %s was done: %w", w.ID, err)
	}
	if len(done) > 0 {
		return false, nil
	}
	w.Queued, w.Attempts, w.NextAt, w.LastError, w.Told = o.d.Now().UnixMilli(), 0, 0, "", false
	raw, err := json.Marshal(w)
	if err != nil {
		return false, err
	}
	stored, err := o.d.KV.CompareAndSet(queuePrefix+key, nil, raw)
	if err != nil {
		return false, fmt.Errorf("failed to queue write %s: %w", w.ID, err)
	}
	if !stored {
		return false, nil
	}
	if done, err := o.d.KV.Get(donePrefix + key); err == nil && len(done) > 0 {
		// written by another server between the two reads
		_, _ = o.d.KV.CompareAndSet(queuePrefix+key, raw, nil)
		return false, nil
	}
	o.stats.queued.Add(1)
	o.running.Add(1)
	go func() {
		defer o.running.Done()
		o.attempt(key)
	}()
	return true, nil
}

// Done tells whether the write with this ID was written (within DoneTTL).
func (o *Outbox) Done(id string) (bool, error) {
	done, err := o.d.KV.Get(donePrefix + hashOf(id))
	return len(done) > 0, err
}

// Pending tells whether the write with this ID is queued.
func (o *Outbox) Pending(id string) (bool, error) {
	raw, err := o.d.KV.Get(queuePrefix + hashOf(id))
	return len(raw) > 0, err
}

// RetryDue attempts every queued write whose wait is over, oldest first (an edit after the
// message it edits); the cluster job runs it.
func (o *Outbox) RetryDue() {
	keys, err := o.d.KV.KeysWithPrefix(queuePrefix)
	if err != nil {
		o.d.Log.Warn("Failed to read the queued ServiceNow writes", "error", err.Error())
		return
	}
	type due struct {
		key    string
		queued int64
	}
	now := o.d.Now().UnixMilli()
	var dueWrites []due
	for _, full := range keys {
		key := full[len(queuePrefix):]
		if w, ok := o.load(key); ok && w.NextAt <= now {
			dueWrites = append(dueWrites, due{key: key, queued: w.Queued})
		}
	}
	sort.SliceStable(dueWrites, func(i, j int) bool { return dueWrites[i].queued < dueWrites[j].queued })
	for _, d := range dueWrites {
		o.attempt(d.key)
	}
}

// Wait waits until the first attempts started by Enqueue have ended.
func (o *Outbox) Wait() { o.running.Wait() }

// Close stops the attempts in flight (they stay queued and are retried after the restart)
// and waits up to a few seconds for them to let go of their writes.
func (o *Outbox) Close() {
	o.cancel()
	stopped := make(chan struct{})
	go func() {
		o.running.Wait()
		close(stopped)
	}()
	select {
	case <-stopped:
	case <-time.After(5 * time.Second):
	}
}

func (o *Outbox) load(key string) (Write, bool) {
	raw, err := o.d.KV.Get(queuePrefix + key)
	var w Write
	if err != nil || len(raw) == 0 || json.Unmarshal(raw, &w) != nil {
		return Write{}, false
	}
	return w, true
}

// attempt runs one queued write under its claim; another server holding the claim skips it.
func (o *Outbox) attempt(key string) {
	claimed, err := o.d.KV.CompareAndSetWithExpiry(claimPrefix+key, nil, o.owner, 2*o.d.Timeout+30*time.Second)
	if err != nil || !claimed {
		return
	}
	defer func() {
		if _, err := o.d.KV.CompareAndSet(claimPrefix+key, o.owner, nil); err != nil {
			o.d.Log.Warn("Failed to release a ServiceNow write", "error", err.Error())
		}
	}()
	w, ok := o.load(key) // read again under the claim: another server may have finished it
	if !ok {
		return
	}
	if done, err := o.d.KV.Get(donePrefix + key); err == nil && len(done) > 0 {
		o.clear(key, w)
		return
	}
	k, ok := o.kind(w.Kind)
	if !ok {
		return // a handler this version does not have: left for one that does
	}
	if w.Told {
		o.clear(key, w)
		return
	}
	if o.base.Err() != nil {
		return // closed: the next server or start retries it
	}
	ctx, cancel := context.WithTimeout(o.base, o.d.Timeout)
	err = k.run(ctx, w)
	cancel()
	w.Attempts++
	switch {
	case err == nil:
		o.written(key, w)
	case Permanent(err) || o.d.Now().Sub(time.UnixMilli(w.Queued)) >= o.d.GiveUp:
		o.failed(key, w, k, err)
	default:
		o.retryLater(key, w, err)
	}
}

func (o *Outbox) written(key string, w Write) {
	o.stats.written.Add(1)
	if err := o.d.KV.SetWithExpiry(donePrefix+key, []byte("1"), DoneTTL); err != nil {
		o.d.Log.Warn("Failed to remember a ServiceNow write as done", "write", w.ID, "error", err.Error())
	}
	o.clear(key, w)
}

func (o *Outbox) failed(key string, w Write, k kind, err error) {
	o.stats.failed.Add(1)
	o.d.Log.Warn("A ServiceNow write failed for good", "write", w.ID, "kind", w.Kind, "attempts", w.Attempts, "error", err.Error())
	w.Told = true
	if w.UserID != "" && w.ChannelID != "" && k.failed != nil {
		o.d.Tell(w.UserID, w.ChannelID, k.failed(w, err))
	}
	if err := o.d.KV.Delete(queuePrefix + key); err != nil {
		o.save(key, w) // kept, marked told: the next run clears it without telling again
	}
}

func (o *Outbox) retryLater(key string, w Write, err error) {
	o.stats.retried.Add(1)
	wait := o.d.RetryBase
	for i := 1; i < w.Attempts && wait < o.d.RetryMax; i++ {
		wait *= 2
	}
	wait = min(wait, o.d.RetryMax)
	w.NextAt = o.d.Now().Add(wait).UnixMilli()
	w.LastError = err.Error()
	o.d.Log.Warn("A ServiceNow write will be retried", "write", w.ID, "kind", w.Kind, "attempts", w.Attempts, "error", err.Error())
	o.save(key, w)
}

func (o *Outbox) save(key string, w Write) {
	raw, err := json.Marshal(w)
	if err == nil {
		err = o.d.KV.Set(queuePrefix+key, raw)
	}
	if err != nil {
		o.d.Log.Warn("Failed to update a queued ServiceNow write", "write", w.ID, "error", err.Error())
	}
}

func (o *Outbox) clear(key string, w Write) {
	if err := o.d.KV.Delete(queuePrefix + key); err != nil {
		o.d.Log.Warn("Failed to clear a written ServiceNow write", "write", w.ID, "error", err.Error())
	}
}

// hashOf keeps keys short whatever the caller's ID (KV keys are at most 150 characters).
func hashOf(id string) string {
	sum := sha256.Sum256([]byte(id))
	return hex.EncodeToString(sum[:20])
}

type permanent struct{ err error }

func (p permanent) Error() string { return p.err.Error() }
func (p permanent) Unwrap() error { return p.err }

// MarkPermanent makes a handler's error end the write rather than be retried.
func MarkPermanent(err error) error {
	if err == nil {
		return nil
	}
	return permanent{err: err}
}

// Permanent tells whether err ends a write: marked so, a failure other than Unavailable, or a
// ServiceNow refusal of the request itself (4xx but 401, 408 and 429, which can pass).
func Permanent(err error) bool {
	var p permanent
	if errors.As(err, &p) {
		return true
	}
	if known, ok := failure.As(err); ok {
		return known.Kind != failure.Unavailable
	}
	var upstream *servicenow.Error
	if !errors.As(err, &upstream) {
		return false
	}
	switch upstream.Kind {
	case servicenow.KindInvalid, servicenow.KindBadRequest, servicenow.KindForbidden, servicenow.KindNotFound:
		return true
	case servicenow.KindUnexpected:
		code := upstream.StatusCode
		return code >= 400 && code < 500 && code != 408
	}
	return false
}

type stats struct {
	queued, written, retried, failed atomic.Int64
}

// Stats is the outbox for the admin health endpoint.
func (o *Outbox) Stats() map[string]any {
	pending, _ := o.d.KV.KeysWithPrefix(queuePrefix)
	return map[string]any{
		"pending": len(pending),
		"queued":  o.stats.queued.Load(),
		"written": o.stats.written.Load(),
		"retried": o.stats.retried.Load(),
		"failed":  o.stats.failed.Load(),
	}
}
