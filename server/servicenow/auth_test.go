package servicenow

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

var incidentKey = RecordKey{Table: "incident", Number: standin.SampleIncident}

func lookUpIncident(t *testing.T, c *Client) {
	t.Helper()
	found, err := c.Records(context.Background(), []RecordKey{incidentKey})
	require.NoError(t, err)
	require.Contains(t, found, incidentKey)
}

func authKinds(s *standin.Server) []string {
	var kinds []string
	for _, r := range s.Requests() {
		kinds = append(kinds, r.Path+" "+r.Auth)
	}
	return kinds
}

func TestBasicAuth(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic)
	lookUpIncident(t, c)
	assert.Equal(t, []string{"/api/now/table/task basic"}, authKinds(s))
}

func TestOAuthTokenIsCachedAcrossCalls(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthOAuth)
	for range 3 {
		lookUpIncident(t, c)
	}
	assert.Equal(t, 1, s.TokensIssued())
	assert.Equal(t, []string{
		"/oauth_token.do none",
		"/api/now/table/task bearer",
		"/api/now/table/task bearer",
		"/api/now/table/task bearer",
	}, authKinds(s))
	assert.Equal(t, int64(1), c.Stats().TokenFetches)
}

func TestOAuthTokenRenewedBeforeExpiry(t *testing.T) {
	s := startStandIn(t) // tokens last 1800 s: renewed after 1740 s
	c := newTestClient(t, s, AuthOAuth)
	clock := newFakeClock()
	c.now = clock.Now
	lookUpIncident(t, c)
	clock.Advance(1739 * time.Second)
	lookUpIncident(t, c)
	assert.Equal(t, 1, s.TokensIssued())
	clock.Advance(2 * time.Second)
	lookUpIncident(t, c)
	assert.Equal(t, 2, s.TokensIssued())
}

func TestOAuthTokenRenewedAfter401(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthOAuth, maxAttempts(1))
	lookUpIncident(t, c)
	s.ExpireTokens() // ServiceNow revoked it early
	s.ResetRequests()
	lookUpIncident(t, c)
	assert.Equal(t, 2, s.TokensIssued())
	assert.Equal(t, []string{
		"/api/now/table/task bearer",
		"/oauth_token.do none",
		"/api/now/table/task bearer",
	}, authKinds(s))
}

func TestOAuthRenewsOnlyOnceAfter401(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthOAuth)
	s.SetFault(standin.Fault{Status: http.StatusUnauthorized, Path: "/api/now/table/"})
	_, err := c.Records(context.Background(), []RecordKey{incidentKey})
	e := requireError(t, err, KindUnauthorized)
	assert.Equal(t, "ServiceNow rejected the Connect credentials (401)", e.Error())
	assert.Equal(t, 2, s.TokensIssued())
	assert.Len(t, s.Requests(), 4, "token, table, token, table: no more")
}

func TestRejectedCredentials(t *testing.T) {
	s := startStandIn(t)
	tests := []struct {
		name  string
		mode  AuthMode
		tweak func(*Config)
		want  string
	}{
		{"wrong password", AuthBasic, func(cfg *Config) { cfg.Password = "not-" + testPassword }, "ServiceNow rejected the Connect credentials (401)"},
		{"wrong client secret", AuthOAuth, func(cfg *Config) { cfg.ClientSecret = "not-" + testClientSecret }, "ServiceNow rejected the Connect OAuth client (401)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s.ResetRequests()
			c := newTestClient(t, s, tt.mode, tt.tweak)
			_, err := c.Records(context.Background(), []RecordKey{incidentKey})
			requireKind(t, err, KindUnauthorized)
			assert.Equal(t, tt.want, err.Error())
			assert.Len(t, s.Requests(), 1, "a rejected credential is not retried")
		})
	}
}
