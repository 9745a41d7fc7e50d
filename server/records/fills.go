package records

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// KV is the plugin's key-value store, shared by every server of a cluster. Pending fills live
// there, so a restart, a crash or another server picks them up.
type KV interface {
	// Get returns nil for a missing key.
	Get(key string) ([]byte, error)
	// Set stores value; nil deletes the key.
	Set(key string, value []byte) error
	SetWithExpiry(key string, value []byte, ttl time.Duration) error
	CompareAndSetWithExpiry(key string, oldValue, newValue []byte, ttl time.Duration) (bool, error)
	KeysWithPrefix(prefix string) ([]string, error)
}

const (
	fillKeyPrefix = "records_fill_"
	// fillTTL outlives every retry: a pending fill nobody finishes disappears by itself.
	fillTTL     = 2 * time.Hour
	fillTimeout = 20 * time.Second
	// fillLease is how long a claimed fill belongs to the server that claimed it.
	fillLease   = fillTimeout + 10*time.Second
	fillWorkers = 4
	fillBacklog = 4096
	// SweepInterval is how often pending fills are looked for in the KV store.
	SweepInterval = 30 * time.Second
)

// retryPauses are the waits before each retry of a fill ServiceNow did not answer: about half
// an hour in all, after which the card keeps its number and link.
var retryPauses = []time.Duration{5 * time.Second, 15 * time.Second, 45 * time.Second, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute, 15 * time.Minute}

// pendingFill is a post whose cards still need details, as stored in the KV store.
type pendingFill struct {
	Attempt      int   `json:"attempt"`
	DueAt        int64 `json:"due_at"`        // ms: not before
	ClaimedUntil int64 `json:"claimed_until"` // ms: a server is filling it until then
}

// FillStats count the fill queue's work, for admins.
type FillStats struct {
	Queued   int64 `json:"queued"`
	Filled   int64 `json:"filled"`
	Retried  int64 `json:"retried"`
	GaveUp   int64 `json:"gave_up"`
	Deferred int64 `json:"deferred"` // the queue was full: left in the KV store for the sweep
	Backlog  int   `json:"backlog"`
}

// fillQueue runs fills on a few workers. Each pending fill is stored in the KV store first, and
// claimed there before a worker runs it, so it is done once across servers, survives restarts
// and is never lost to a full queue.
type fillQueue struct {
	kv   KV
	fill func(ctx context.Context, postID string) (retry bool)
	log  Logger
	now  func() time.Time

	work    chan string
	ctx     context.Context
	cancel  context.CancelFunc
	workers sync.WaitGroup

	queued, filled, retried, gaveUp, deferred atomic.Int64
	lastDeferralLog                           atomic.Int64
}

func newFillQueue(kv KV, log Logger, fill func(context.Context, string) bool) *fillQueue {
	ctx, cancel := context.WithCancel(context.Background())
	q := &fillQueue{kv: kv, fill: fill, log: log, now: time.Now, work: make(chan string, fillBacklog), ctx: ctx, cancel: cancel}
	for range fillWorkers {
		q.workers.Add(1)
		go q.run()
	}
	return q
}

// add stores a pending fill for postID and queues it.
func (q *fillQueue) add(postID string) {
	entry, _ := json.Marshal(pendingFill{DueAt: q.now().UnixMilli()})
	if err := q.kv.SetWithExpiry(fillKeyPrefix+postID, entry, fillTTL); err != nil {
		q.log.Warn("Failed to store a pending record card fill; filling it now", "post_id", postID, "error", err.Error())
	}
	q.enqueue(postID)
}

func (q *fillQueue) enqueue(postID string) {
	if q.ctx.Err() != nil {
		return
	}
	select {
	case q.work <- postID:
		q.queued.Add(1)
	default:
		q.deferred.Add(1)
		q.logDeferral()
	}
}

// logDeferral says, at most once a minute, that the queue is full and fills wait for the sweep.
func (q *fillQueue) logDeferral() {
	now := q.now().UnixMilli()
	last := q.lastDeferralLog.Load()
	if now-last < time.Minute.Milliseconds() || !q.lastDeferralLog.CompareAndSwap(last, now) {
		return
	}
	q.log.Warn("Record card fills are backing up; the ones that do not fit wait in the KV store for the next sweep",
		"backlog", len(q.work), "deferred_so_far", q.deferred.Load())
}

func (q *fillQueue) run() {
	defer q.workers.Done()
	for {
		select {
		case postID := <-q.work:
			q.runOne(postID)
		case <-q.ctx.Done():
			return
		}
	}
}

// runOne claims postID's fill, runs it, and then finishes or reschedules it.
func (q *fillQueue) runOne(postID string) {
	claimed, ok := q.claim(postID)
	if !ok {
		return
	}
	retry := q.fill(q.ctx, postID)
	if q.ctx.Err() != nil {
		q.release(postID, claimed) // shutting down: the next start, or another server, fills it
		return
	}
	q.finish(postID, claimed, retry)
}

// release gives up this server's claim on postID's fill, so the next sweep may take it at once.
func (q *fillQueue) release(postID string, claimed []byte) {
	var entry pendingFill
	if json.Unmarshal(claimed, &entry) != nil {
		return
	}
	entry.ClaimedUntil = 0
	released, _ := json.Marshal(entry)
	_, _ = q.kv.CompareAndSetWithExpiry(fillKeyPrefix+postID, claimed, released, fillTTL)
}

// claim takes postID's fill for this server unless it is done, not due, or someone has it.
func (q *fillQueue) claim(postID string) (claimed []byte, ok bool) {
	key := fillKeyPrefix + postID
	stored, err := q.kv.Get(key)
	if err != nil || stored == nil {
		return nil, false
	}
	var entry pendingFill
	if json.Unmarshal(stored, &entry) != nil {
		_ = q.kv.Set(key, nil)
		return nil, false
	}
	now := q.now().UnixMilli()
	if entry.DueAt > now || entry.ClaimedUntil > now {
		return nil, false
	}
	entry.ClaimedUntil = now + fillLease.Milliseconds()
	claimed, _ = json.Marshal(entry)
	saved, err := q.kv.CompareAndSetWithExpiry(key, stored, claimed, fillTTL)
	return claimed, err == nil && saved
}

func (q *fillQueue) finish(postID string, claimed []byte, retry bool) {
	key := fillKeyPrefix + postID
	var entry pendingFill
	_ = json.Unmarshal(claimed, &entry)
	if !retry || entry.Attempt >= len(retryPauses) {
		if retry {
			q.gaveUp.Add(1)
		} else {
			q.filled.Add(1)
		}
		_ = q.kv.Set(key, nil)
		return
	}
	pause := retryPauses[entry.Attempt]
	next, _ := json.Marshal(pendingFill{Attempt: entry.Attempt + 1, DueAt: q.now().Add(pause).UnixMilli()})
	if saved, err := q.kv.CompareAndSetWithExpiry(key, claimed, next, fillTTL); err != nil || !saved {
		return
	}
	q.retried.Add(1)
	time.AfterFunc(pause, func() { q.enqueue(postID) })
}

// sweep queues every pending fill that is due: those of a restarted or crashed server, those
// the queue had no room for, and retries whose timers died with their process.
func (q *fillQueue) sweep() {
	keys, err := q.kv.KeysWithPrefix(fillKeyPrefix)
	if err != nil {
		q.log.Warn("Failed to list the pending record card fills", "error", err.Error())
		return
	}
	for _, key := range keys {
		if q.ctx.Err() != nil || len(q.work) > cap(q.work)/2 {
			return
		}
		q.enqueue(strings.TrimPrefix(key, fillKeyPrefix))
	}
}

func (q *fillQueue) stats() FillStats {
	return FillStats{
		Queued: q.queued.Load(), Filled: q.filled.Load(), Retried: q.retried.Load(),
		GaveUp: q.gaveUp.Load(), Deferred: q.deferred.Load(), Backlog: len(q.work),
	}
}

// close stops the workers at once: a fill in flight is abandoned before it changes its post.
func (q *fillQueue) close() {
	q.cancel()
	q.workers.Wait()
}
