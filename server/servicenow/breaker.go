package servicenow

import (
	"sync"
	"time"
)

// CircuitState is the circuit breaker's state.
type CircuitState string

const (
	CircuitClosed   CircuitState = "closed"    // calls go through
	CircuitOpen     CircuitState = "open"      // calls fail fast until the cool-down ends
	CircuitHalfOpen CircuitState = "half-open" // one trial call is in flight; others fail fast
)

const (
	defaultBreakerThreshold = 5
	defaultBreakerCooldown  = 30 * time.Second
)

type outcome int

const (
	succeeded outcome = iota // or failed in a way that says ServiceNow is up (400, 404, ...)
	failedUpstream
	abandoned // the caller gave up; says nothing about ServiceNow
)

// breaker stops calling ServiceNow after threshold consecutive upstream failures, for
// cooldown; then one trial call decides whether to close again.
type breaker struct {
	threshold int
	cooldown  time.Duration

	mu        sync.Mutex
	state     CircuitState
	failures  int
	openUntil time.Time
	trial     bool
}

func newBreaker() *breaker {
	return &breaker{threshold: defaultBreakerThreshold, cooldown: defaultBreakerCooldown, state: CircuitClosed}
}

// allow returns nil when a call may go ahead, or the fail-fast error; trial is true for
// the one call let through after the cool-down.
func (b *breaker) allow(now time.Time) (trial bool, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.state == CircuitOpen && !now.Before(b.openUntil) {
		b.state = CircuitHalfOpen
	}
	switch {
	case b.state == CircuitClosed:
		return false, nil
	case b.state == CircuitHalfOpen && !b.trial:
		b.trial = true
		return true, nil
	}
	return false, &Error{Kind: KindUnavailable, CircuitOpen: true, RetryAfter: max(b.openUntil.Sub(now), time.Second)}
}

func (b *breaker) record(now time.Time, o outcome, trial bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if trial {
		b.recordTrial(now, o)
		return
	}
	if b.state != CircuitClosed {
		return // a call that started before the circuit opened
	}
	switch o {
	case succeeded:
		b.failures = 0
	case failedUpstream:
		b.failures++
		if b.failures >= b.threshold {
			b.open(now)
		}
	}
}

func (b *breaker) recordTrial(now time.Time, o outcome) {
	b.trial = false
	switch o {
	case succeeded:
		b.state, b.failures = CircuitClosed, 0
	case failedUpstream:
		b.open(now)
	}
}

func (b *breaker) open(now time.Time) {
	b.state, b.openUntil = CircuitOpen, now.Add(b.cooldown)
}

func (b *breaker) current() CircuitState {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.state
}
