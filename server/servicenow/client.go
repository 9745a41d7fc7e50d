// Package servicenow is Connect's ServiceNow Table API client: batched record look-ups,
// role holders, a connectivity check, and a cache in front of them. Calls are bounded
// (per-attempt timeout, few retries, response size limit) and guarded by a circuit breaker.
package servicenow

import (
	"context"
	"math/rand/v2"
	"net/url"
	"sync/atomic"
	"time"
)

const (
	defaultBackoffBase  = 200 * time.Millisecond
	maxBackoff          = 5 * time.Second
	defaultMaxRetryWait = 30 * time.Second // the longest Retry-After Connect waits out
	defaultPageSize     = 1000
)

// Client calls one ServiceNow instance. It is safe for concurrent use.
type Client struct {
	cfg     Config
	base    string
	tokens  *tokenSource // nil with basic auth
	breaker *breaker

	// Seams for tests.
	now          func() time.Time
	sleep        func(ctx context.Context, d time.Duration) error
	backoffBase  time.Duration
	maxRetryWait time.Duration
	pageSize     int

	requests, retries, failures, tokenFetches atomic.Int64
}

// Stats counts what the client did, for health checks and benchmarks.
type Stats struct {
	Requests     int64 // HTTP requests sent, retries and token requests included
	Retries      int64
	Failures     int64 // calls that ended in an error, fail-fast ones included
	TokenFetches int64
	Circuit      CircuitState
}

// New checks the configuration and returns a client; it does not call ServiceNow.
func New(cfg Config) (*Client, error) {
	cfg = cfg.withDefaults()
	base, err := cfg.instanceBase()
	if err != nil {
		return nil, err
	}
	if err := cfg.checkCredentials(); err != nil {
		return nil, err
	}
	c := &Client{
		cfg: cfg, base: base, breaker: newBreaker(),
		now: time.Now, sleep: sleepContext,
		backoffBase: defaultBackoffBase, maxRetryWait: defaultMaxRetryWait, pageSize: defaultPageSize,
	}
	if cfg.AuthMode == AuthOAuth {
		c.tokens = &tokenSource{client: c}
	}
	return c, nil
}

// InstanceURL is the instance URL without a trailing slash.
func (c *Client) InstanceURL() string { return c.base }

// Stats returns the counters so far.
func (c *Client) Stats() Stats {
	return Stats{
		Requests:     c.requests.Load(),
		Retries:      c.retries.Load(),
		Failures:     c.failures.Load(),
		TokenFetches: c.tokenFetches.Load(),
		Circuit:      c.breaker.current(),
	}
}

// RecordURL opens a record in ServiceNow: {instance}/{table}.do?sys_id={sysID}.
func (c *Client) RecordURL(table, sysID string) string {
	return c.base + "/" + url.PathEscape(table) + ".do?sys_id=" + url.QueryEscape(sysID)
}

// ArticleURL opens a knowledge article by number: {instance}/kb_view.do?sysparm_article={number}.
func (c *Client) ArticleURL(number string) string {
	return c.base + "/kb_view.do?sysparm_article=" + url.QueryEscape(number)
}

func (c *Client) urlFor(r Record) string {
	if r.Table == "kb_knowledge" && r.Number != "" {
		return c.ArticleURL(r.Number)
	}
	return c.RecordURL(r.Table, r.SysID)
}

// list sends a Table API GET through the circuit breaker, retrying as retryWait allows,
// and decodes the records.
func (c *Client) list(ctx context.Context, r apiRequest) ([]map[string]field, error) {
	trial, err := c.breaker.allow(c.now())
	if err != nil {
		c.failures.Add(1)
		return nil, err
	}
	rows, err := c.sendList(ctx, r)
	c.breaker.record(c.now(), breakerOutcome(ctx, err), trial)
	if err != nil {
		c.failures.Add(1)
	}
	return rows, err
}

func (c *Client) sendList(ctx context.Context, r apiRequest) ([]map[string]field, error) {
	resp, err := c.send(ctx, r, c.cfg.MaxAttempts)
	if err != nil {
		return nil, err
	}
	return decodeList(resp.body)
}

// breakerOutcome counts only trouble on ServiceNow's side: a 404 or 401 means it is up.
func breakerOutcome(ctx context.Context, err error) outcome {
	switch {
	case err == nil:
		return succeeded
	case ctx.Err() != nil:
		return abandoned
	}
	switch KindOf(err) {
	case KindTimeout, KindUnavailable, KindRateLimited, KindBadResponse:
		return failedUpstream
	case "":
		return abandoned
	}
	return succeeded
}

// send makes up to attempts attempts. With OAuth, a 401 also gets one extra attempt with a
// new token, since ServiceNow may revoke a token before it expires.
func (c *Client) send(ctx context.Context, r apiRequest, attempts int) (*response, error) {
	renewed := false
	for attempt := 1; ; {
		resp, err := c.attempt(ctx, r)
		switch {
		case err == nil:
			return resp, nil
		case !renewed && c.tokenRejected(err):
			renewed = true
			c.tokens.drop()
			continue
		}
		wait, retry := c.retryWait(ctx, err, attempt, attempts)
		if !retry {
			return nil, err
		}
		c.retries.Add(1)
		if c.sleep(ctx, wait) != nil {
			return nil, err
		}
		attempt++
	}
}

func (c *Client) tokenRejected(err error) bool {
	e, ok := asError(err)
	return ok && c.tokens != nil && e.Kind == KindUnauthorized && !e.oauthClient
}

// retryWait says whether to try again after err, and when: 5xx, network failures and
// timeouts back off exponentially; a 429 waits out Retry-After unless that is too long.
func (c *Client) retryWait(ctx context.Context, err error, attempt, attempts int) (time.Duration, bool) {
	e, ok := asError(err)
	if !ok || attempt >= attempts || ctx.Err() != nil {
		return 0, false
	}
	switch e.Kind {
	case KindUnavailable, KindTimeout:
		return c.backoff(attempt), true
	case KindRateLimited:
		if e.RetryAfter <= 0 {
			return c.backoff(attempt), true
		}
		return e.RetryAfter, c.canWait(ctx, e.RetryAfter)
	}
	return 0, false
}

func (c *Client) canWait(ctx context.Context, d time.Duration) bool {
	if d > c.maxRetryWait {
		return false
	}
	deadline, ok := ctx.Deadline()
	return !ok || time.Until(deadline) > d
}

// backoff doubles from backoffBase per attempt, with jitter so that clients spread out.
func (c *Client) backoff(attempt int) time.Duration {
	d := min(c.backoffBase<<(attempt-1), maxBackoff)
	half := d / 2
	return half + rand.N(half+1) //nolint:gosec // G404: jitter spreads retries out; it guards nothing
}

func sleepContext(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
