package servicenow

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// AuthMode is how Connect signs in to ServiceNow.
type AuthMode string

const (
	AuthBasic AuthMode = "basic" // an integration user's name and password
	AuthOAuth AuthMode = "oauth" // an OAuth client, client-credentials grant
)

// Defaults for Config fields left zero.
const (
	DefaultTimeout          = 5 * time.Second
	DefaultMaxAttempts      = 3
	DefaultMaxResponseBytes = 4 << 20
)

// Config is how to reach a ServiceNow instance.
type Config struct {
	InstanceURL      string   // e.g. https://example.service-now.com
	AuthMode         AuthMode // AuthBasic when empty
	Username         string   // basic
	Password         string   // basic
	ClientID         string   // oauth: POST {instance}/oauth_token.do, client_credentials grant
	ClientSecret     string   // oauth
	Timeout          time.Duration
	MaxAttempts      int
	MaxResponseBytes int64
	HTTPClient       *http.Client
}

func (cfg Config) withDefaults() Config {
	if cfg.AuthMode == "" {
		cfg.AuthMode = AuthBasic
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = DefaultMaxAttempts
	}
	if cfg.MaxResponseBytes <= 0 {
		cfg.MaxResponseBytes = DefaultMaxResponseBytes
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{}
	}
	return cfg
}

// instanceBase checks the instance URL and returns it without a trailing slash.
func (cfg Config) instanceBase() (string, error) {
	raw := strings.TrimSpace(cfg.InstanceURL)
	if raw == "" {
		return "", errors.New("the ServiceNow instance URL is missing")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", errors.New("the ServiceNow instance URL is not a valid URL")
	}
	switch {
	case u.User != nil:
		return "", errors.New("the ServiceNow instance URL must not contain a user name or password")
	case u.Scheme != "https" && u.Scheme != "http":
		return "", fmt.Errorf("the ServiceNow instance URL %q must start with https://", raw)
	case u.Host == "":
		return "", fmt.Errorf("the ServiceNow instance URL %q has no host name", raw)
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		return "", fmt.Errorf("the ServiceNow instance URL %q must not contain a query or fragment", raw)
	}
	return strings.TrimRight(u.String(), "/"), nil
}

func (cfg Config) checkCredentials() error {
	switch cfg.AuthMode {
	case AuthBasic:
		if cfg.Username == "" || cfg.Password == "" {
			return errors.New("basic authentication needs a ServiceNow user name and password")
		}
	case AuthOAuth:
		if cfg.ClientID == "" || cfg.ClientSecret == "" {
			return errors.New("OAuth authentication needs a ServiceNow OAuth client ID and client secret")
		}
	default:
		return fmt.Errorf("unknown ServiceNow authentication mode %q (use %q or %q)", cfg.AuthMode, AuthBasic, AuthOAuth)
	}
	return nil
}
