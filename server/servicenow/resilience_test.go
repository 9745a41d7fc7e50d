package servicenow

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

func lookUp(c *Client) error {
	_, err := c.Records(context.Background(), []RecordKey{incidentKey})
	return err
}

func TestStatusMappingWithoutRetry(t *testing.T) {
	tests := []struct {
		status int
		kind   ErrorKind
		want   string
	}{
		{http.StatusBadRequest, KindBadRequest, "ServiceNow rejected the request (400): Invalid request (The request could not be processed)"},
		{http.StatusUnauthorized, KindUnauthorized, "ServiceNow rejected the Connect credentials (401)"},
		{http.StatusForbidden, KindForbidden, "ServiceNow refused Connect access (403): User Not Authorized (ACL restricts the record retrieval)"},
		{http.StatusNotFound, KindNotFound, "ServiceNow has no such table or record (404): No Record found (Record doesn't exist or ACL restricts the record retrieval)"},
		{http.StatusConflict, KindUnexpected, "ServiceNow answered with an unexpected status (409): Conflict"},
	}
	s := startStandIn(t)
	for _, tt := range tests {
		t.Run(http.StatusText(tt.status), func(t *testing.T) {
			c := newTestClient(t, s, AuthBasic)
			s.ResetRequests()
			s.SetFault(standin.Fault{Status: tt.status})
			defer s.ClearFault()
			e := requireError(t, lookUp(c), tt.kind)
			assert.Equal(t, tt.status, e.StatusCode)
			assert.Equal(t, tt.want, e.Error())
			assert.Len(t, s.Requests(), 1)
		})
	}
}

func TestServerErrorsRetriedThenSuccess(t *testing.T) {
	for _, status := range []int{http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable} {
		t.Run(http.StatusText(status), func(t *testing.T) {
			s := startStandIn(t)
			c := newTestClient(t, s, AuthBasic)
			slept := recordSleeps(c)
			s.SetFault(standin.Fault{Status: status, Times: 2})
			require.NoError(t, lookUp(c))
			assert.Len(t, s.Requests(), 3)
			assert.Len(t, *slept, 2)
			assert.Equal(t, int64(2), c.Stats().Retries)
		})
	}
}

func TestServerErrorsGiveUpAfterMaxAttempts(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic, maxAttempts(4))
	slept := recordSleeps(c)
	c.backoffBase = 100 * time.Millisecond
	s.SetFault(standin.Fault{Status: http.StatusServiceUnavailable})
	e := requireError(t, lookUp(c), KindUnavailable)
	assert.Equal(t, "ServiceNow is unavailable (503)", e.Error())
	assert.True(t, errors.Is(e, ErrUnavailable))
	assert.Len(t, s.Requests(), 4)
	require.Len(t, *slept, 3)
	for i, d := range *slept {
		full := c.backoffBase << i
		assert.GreaterOrEqual(t, d, full/2, "backoff %d", i)
		assert.LessOrEqual(t, d, full, "backoff %d", i)
	}
}

func TestRateLimitHonoursRetryAfter(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic)
	s.SetFault(standin.Fault{Status: http.StatusTooManyRequests, RetryAfter: 1, Times: 1})
	start := time.Now()
	require.NoError(t, lookUp(c))
	assert.GreaterOrEqual(t, time.Since(start), time.Second)
	assert.Len(t, s.Requests(), 2)
}

func TestRateLimitWaits(t *testing.T) {
	tests := []struct {
		name       string
		retryAfter int
		deadline   time.Duration
		waits      []time.Duration
		wantErr    string
	}{
		{name: "waits Retry-After", retryAfter: 12, waits: []time.Duration{12 * time.Second}},
		{name: "longer than Connect waits", retryAfter: 90, wantErr: "ServiceNow is rate limiting Connect; retry in 1m30s"},
		{name: "past the caller's deadline", retryAfter: 12, deadline: 5 * time.Second, wantErr: "ServiceNow is rate limiting Connect; retry in 12s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := startStandIn(t)
			c := newTestClient(t, s, AuthBasic)
			slept := recordSleeps(c)
			s.SetFault(standin.Fault{Status: http.StatusTooManyRequests, RetryAfter: tt.retryAfter, Times: 1})
			ctx := context.Background()
			if tt.deadline > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tt.deadline)
				defer cancel()
			}
			_, err := c.Records(ctx, []RecordKey{incidentKey})
			assert.Equal(t, tt.waits, *slept)
			if tt.wantErr == "" {
				require.NoError(t, err)
				return
			}
			e := requireError(t, err, KindRateLimited)
			assert.Equal(t, tt.wantErr, e.Error())
			assert.Equal(t, time.Duration(tt.retryAfter)*time.Second, e.RetryAfter)
			assert.Len(t, s.Requests(), 1)
		})
	}
}

func TestRateLimitWithoutRetryAfterBacksOff(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic)
	slept := recordSleeps(c)
	s.SetFault(standin.Fault{Status: http.StatusTooManyRequests})
	e := requireError(t, lookUp(c), KindRateLimited)
	assert.Equal(t, "ServiceNow is rate limiting Connect; retry later", e.Error())
	assert.Len(t, *slept, 2)
}

func TestMalformedJSON(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic)
	s.SetFault(standin.Fault{Malformed: true})
	e := requireError(t, lookUp(c), KindBadResponse)
	assert.Equal(t, "ServiceNow sent a response Connect cannot read", e.Error())
	assert.Len(t, s.Requests(), 1)
}

func TestOversizedResponse(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic, func(cfg *Config) { cfg.MaxResponseBytes = 200 })
	requireKind(t, lookUp(c), KindBadResponse)

	roomy := newTestClient(t, s, AuthBasic, func(cfg *Config) { cfg.MaxResponseBytes = 4000 })
	require.NoError(t, lookUp(roomy))
}

func TestTimeout(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic, maxAttempts(2), func(cfg *Config) { cfg.Timeout = 50 * time.Millisecond })
	s.SetFault(standin.Fault{Latency: 10 * time.Second})
	start := time.Now()
	e := requireError(t, lookUp(c), KindTimeout)
	assert.Equal(t, "ServiceNow did not answer within 50ms", e.Error())
	assert.Less(t, time.Since(start), 2*time.Second)
	assert.Len(t, s.Requests(), 2, "a timeout is retried")
}

func TestCallerContextEndsTheCall(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic)
	s.SetFault(standin.Fault{Latency: 10 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := c.Records(ctx, []RecordKey{incidentKey})
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Len(t, s.Requests(), 1)
	assert.Equal(t, CircuitClosed, c.Stats().Circuit)
}

func TestUnreachableInstance(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic, maxAttempts(1))
	s.Close()
	e := requireError(t, lookUp(c), KindUnavailable)
	assert.True(t, strings.HasPrefix(e.Error(), "Connect could not reach ServiceNow: "), e.Error())
	assert.NotContains(t, e.Error(), "/api/now/table")
}

func TestCircuitBreaker(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic, maxAttempts(1))
	clock := newFakeClock()
	c.now = clock.Now
	s.SetFault(standin.Fault{Status: http.StatusServiceUnavailable})
	for range defaultBreakerThreshold {
		requireKind(t, lookUp(c), KindUnavailable)
	}
	assert.Equal(t, CircuitOpen, c.Stats().Circuit)

	e := requireError(t, lookUp(c), KindUnavailable)
	assert.True(t, e.CircuitOpen)
	assert.ErrorIs(t, e, ErrUnavailable)
	assert.Equal(t, "ServiceNow is unavailable; Connect paused its requests after repeated failures, retry in 30s", e.Error())
	assert.Len(t, s.Requests(), defaultBreakerThreshold, "an open circuit fails fast")

	clock.Advance(defaultBreakerCooldown)
	requireKind(t, lookUp(c), KindUnavailable) // the trial call fails: open again
	assert.Len(t, s.Requests(), defaultBreakerThreshold+1)
	assert.True(t, requireError(t, lookUp(c), KindUnavailable).CircuitOpen)

	clock.Advance(defaultBreakerCooldown)
	s.ClearFault()
	require.NoError(t, lookUp(c))
	assert.Equal(t, CircuitClosed, c.Stats().Circuit)
	require.NoError(t, lookUp(c))
	stats := c.Stats()
	assert.Equal(t, int64(defaultBreakerThreshold+3), stats.Requests)
	assert.Equal(t, int64(defaultBreakerThreshold+3), stats.Failures)
}

func TestCircuitIgnoresClientSideErrors(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic)
	s.SetFault(standin.Fault{Status: http.StatusNotFound})
	for range 2 * defaultBreakerThreshold {
		requireKind(t, lookUp(c), KindNotFound)
	}
	assert.Equal(t, CircuitClosed, c.Stats().Circuit)
}

func TestHalfOpenLetsOneTrialThrough(t *testing.T) {
	b := newBreaker()
	now := time.Now()
	for range b.threshold {
		_, err := b.allow(now)
		require.NoError(t, err)
		b.record(now, failedUpstream, false)
	}
	_, err := b.allow(now)
	require.Error(t, err)

	later := now.Add(b.cooldown)
	trial, err := b.allow(later)
	require.NoError(t, err)
	assert.True(t, trial)
	_, err = b.allow(later)
	require.Error(t, err, "only one trial at a time")
	assert.Equal(t, CircuitHalfOpen, b.current())

	b.record(later, abandoned, true)
	trial, err = b.allow(later)
	require.NoError(t, err, "an abandoned trial frees the slot")
	b.record(later, succeeded, trial)
	assert.Equal(t, CircuitClosed, b.current())
}

// TestSecretsNeverInErrors runs every failure against a server that also echoes the
// credentials it was sent into its error text.
func TestSecretsNeverInErrors(t *testing.T) {
	s := startStandIn(t)
	echo := newEchoServer(t)
	scenarios := []struct {
		name  string
		mode  AuthMode
		url   string
		fault *standin.Fault
		tweak func(*Config)
	}{
		{name: "wrong password", mode: AuthBasic, tweak: func(cfg *Config) { cfg.Password = testPassword + "x" }},
		{name: "wrong client secret", mode: AuthOAuth, tweak: func(cfg *Config) { cfg.ClientSecret = testClientSecret + "x" }},
		{name: "token endpoint down", mode: AuthOAuth, fault: &standin.Fault{Status: 503, Path: "/oauth_token.do"}},
		{name: "forbidden", mode: AuthOAuth, fault: &standin.Fault{Status: 403}},
		{name: "rate limited", mode: AuthBasic, fault: &standin.Fault{Status: 429, RetryAfter: 600}},
		{name: "malformed", mode: AuthOAuth, fault: &standin.Fault{Malformed: true}},
		{name: "timeout", mode: AuthBasic, fault: &standin.Fault{Latency: time.Second}, tweak: func(cfg *Config) { cfg.Timeout = 20 * time.Millisecond }},
		{name: "unreachable", mode: AuthOAuth, url: "http://127.0.0.1:1"},
		{name: "echo basic", mode: AuthBasic, url: echo},
		{name: "echo oauth", mode: AuthOAuth, url: echo},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			if sc.fault != nil {
				s.SetFault(*sc.fault)
				defer s.ClearFault()
			}
			c := newTestClient(t, s, sc.mode, maxAttempts(1), func(cfg *Config) {
				if sc.url != "" {
					cfg.InstanceURL = sc.url
				}
				if sc.tweak != nil {
					sc.tweak(cfg)
				}
			})
			_, err := c.Records(context.Background(), []RecordKey{incidentKey})
			require.Error(t, err)
			_, roleErr := c.RoleHolders(context.Background(), []string{"itil"})
			_, checkErr := c.Check(context.Background())
			for _, e := range []error{err, roleErr, checkErr} {
				for _, text := range errorTexts(e) {
					for _, secret := range []string{testPassword, testClientSecret, echoToken} {
						assert.NotContains(t, text, secret)
					}
				}
			}
		})
	}
}

func TestNoFailuresCountedOnSuccess(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic)
	require.NoError(t, lookUp(c))
	assert.Equal(t, Stats{Requests: 1, Circuit: CircuitClosed}, c.Stats())
}
