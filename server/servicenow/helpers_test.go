package servicenow

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

// Secrets the stand-in is started with, so tests can look for them in error text.
const (
	testPassword     = "p4ss-Wörd-7781"
	testClientSecret = "c1ient-s3cret-4412"
)

func startStandIn(t testing.TB) *standin.Server {
	t.Helper()
	s, err := standin.Start(standin.Options{Password: testPassword, ClientSecret: testClientSecret})
	require.NoError(t, err)
	t.Cleanup(s.Close)
	return s
}

func standInConfig(s *standin.Server, mode AuthMode) Config {
	opts := s.Options()
	return Config{
		InstanceURL: s.URL(), AuthMode: mode,
		Username: opts.Username, Password: opts.Password,
		ClientID: opts.ClientID, ClientSecret: opts.ClientSecret,
	}
}

// newTestClient is a client on the stand-in with millisecond backoff.
func newTestClient(t testing.TB, s *standin.Server, mode AuthMode, tweaks ...func(*Config)) *Client {
	t.Helper()
	cfg := standInConfig(s, mode)
	for _, tweak := range tweaks {
		tweak(&cfg)
	}
	c, err := New(cfg)
	require.NoError(t, err)
	c.backoffBase = time.Millisecond
	return c
}

func maxAttempts(n int) func(*Config) { return func(cfg *Config) { cfg.MaxAttempts = n } }

// fakeClock is a settable clock.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)} }

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fakeClock) Advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = f.now.Add(d)
}

// recordSleeps makes the client record its waits instead of sleeping.
func recordSleeps(c *Client) *[]time.Duration {
	var mu sync.Mutex
	slept := new([]time.Duration)
	c.sleep = func(_ context.Context, d time.Duration) error {
		mu.Lock()
		defer mu.Unlock()
		*slept = append(*slept, d)
		return nil
	}
	return slept
}

func sampleKey(table, number string) RecordKey { return RecordKey{Table: table, Number: number} }

func requireKind(t *testing.T, err error, kind ErrorKind) {
	t.Helper()
	_ = requireError(t, err, kind)
}

// requireError is requireKind, returning the *Error for further checks.
func requireError(t *testing.T, err error, kind ErrorKind) *Error {
	t.Helper()
	require.Error(t, err)
	e, ok := asError(err)
	require.True(t, ok, "not a *servicenow.Error: %v", err)
	require.Equal(t, kind, e.Kind, err.Error())
	return e
}

const echoToken = "echo-t0ken-5521"

// newEchoServer is a hostile instance: it hands out echoToken and puts whatever
// credentials it receives into its error text.
func newEchoServer(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/oauth_token.do" {
			_ = r.ParseForm()
			w.Header().Set("Content-Type", "application/json")
			_, _ = fmt.Fprintf(w, `{"access_token":%q,"expires_in":1800,"token_type":"Bearer"}`, echoToken)
			return
		}
		user, password, _ := r.BasicAuth()
		detail := fmt.Sprintf("user %s password %s header %s", user, password, r.Header.Get("Authorization"))
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusForbidden)
		_ = json.NewEncoder(w).Encode(map[string]any{
			"error":  map[string]string{"message": "Denied: " + r.Header.Get("Authorization"), "detail": detail},
			"status": "failure",
		})
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// errorTexts is every way an error may end up in a log.
func errorTexts(err error) []string {
	if err == nil {
		return nil
	}
	return []string{err.Error(), fmt.Sprintf("%v", err), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err)}
}
