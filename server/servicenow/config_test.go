package servicenow

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewValidatesConfig(t *testing.T) {
	basic := func(instance string) Config {
		return Config{InstanceURL: instance, Username: "connect", Password: testPassword}
	}
	tests := []struct {
		name    string
		cfg     Config
		wantErr string
	}{
		{name: "basic", cfg: basic("https://example.service-now.com")},
		{name: "trailing slash and path", cfg: basic("https://example.com/servicenow/")},
		{name: "oauth", cfg: Config{InstanceURL: "https://example.service-now.com", AuthMode: AuthOAuth, ClientID: "id", ClientSecret: testClientSecret}},
		{name: "missing URL", cfg: basic(" "), wantErr: "the ServiceNow instance URL is missing"},
		{name: "not absolute", cfg: basic("example.service-now.com"), wantErr: `the ServiceNow instance URL "example.service-now.com" must start with https://`},
		{name: "other scheme", cfg: basic("ftp://example.com"), wantErr: "must start with https://"},
		{name: "query", cfg: basic("https://example.com?x=1"), wantErr: "must not contain a query or fragment"},
		{name: "fragment", cfg: basic("https://example.com/#top"), wantErr: "must not contain a query or fragment"},
		{name: "no host", cfg: basic("https:///path"), wantErr: "has no host name"},
		{name: "credentials in URL", cfg: basic("https://admin:s3cr3t@example.com"), wantErr: "must not contain a user name or password"},
		{name: "unparsable", cfg: basic("https://exa mple.com:port"), wantErr: "is not a valid URL"},
		{name: "basic without password", cfg: Config{InstanceURL: "https://example.com", Username: "u"}, wantErr: "basic authentication needs a ServiceNow user name and password"},
		{name: "oauth without secret", cfg: Config{InstanceURL: "https://example.com", AuthMode: AuthOAuth, ClientID: "id"}, wantErr: "OAuth authentication needs a ServiceNow OAuth client ID and client secret"},
		{name: "unknown mode", cfg: Config{InstanceURL: "https://example.com", AuthMode: "saml"}, wantErr: `unknown ServiceNow authentication mode "saml" (use "basic" or "oauth")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(tt.cfg)
			if tt.wantErr == "" {
				require.NoError(t, err)
				assert.NotNil(t, c)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
			assert.NotContains(t, err.Error(), testPassword)
			assert.NotContains(t, err.Error(), "s3cr3t")
		})
	}
}

func TestNewFillsDefaults(t *testing.T) {
	c, err := New(Config{InstanceURL: "https://example.service-now.com/", Username: "u", Password: "p"})
	require.NoError(t, err)
	assert.Equal(t, "https://example.service-now.com", c.InstanceURL())
	assert.Equal(t, AuthBasic, c.cfg.AuthMode)
	assert.Equal(t, 5*time.Second, c.cfg.Timeout)
	assert.Equal(t, 3, c.cfg.MaxAttempts)
	assert.Equal(t, int64(4<<20), c.cfg.MaxResponseBytes)
	assert.Equal(t, Stats{Circuit: CircuitClosed}, c.Stats())
}
