package servicenow

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

const (
	tokenRenewMargin = 60 * time.Second
	assumedTokenLife = 5 * time.Minute // when ServiceNow does not say
)

// tokenSource holds the client-credentials access token, renewing it a minute before it
// expires. One fetch at a time: concurrent callers wait for it instead of fetching too.
type tokenSource struct {
	client  *Client
	fetch   sync.Mutex
	current atomic.Pointer[accessToken]
}

type accessToken struct {
	value   string
	renewAt time.Time
}

func (t *tokenSource) get(ctx context.Context) (string, error) {
	if token := t.valid(); token != "" {
		return token, nil
	}
	t.fetch.Lock()
	defer t.fetch.Unlock()
	if token := t.valid(); token != "" {
		return token, nil
	}
	token, err := t.client.fetchToken(ctx)
	if err != nil {
		return "", err
	}
	t.current.Store(token)
	return token.value, nil
}

func (t *tokenSource) valid() string {
	token := t.current.Load()
	if token == nil || !t.client.now().Before(token.renewAt) {
		return ""
	}
	return token.value
}

func (t *tokenSource) drop() { t.current.Store(nil) }

func (t *tokenSource) currentValue() string {
	if token := t.current.Load(); token != nil {
		return token.value
	}
	return ""
}

func (c *Client) fetchToken(ctx context.Context) (*accessToken, error) {
	form := url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {c.cfg.ClientID},
		"client_secret": {c.cfg.ClientSecret},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/oauth_token.do", strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	c.tokenFetches.Add(1)
	resp, err := c.do(req, true)
	if err != nil {
		return nil, err
	}
	return c.parseToken(resp.body)
}

func (c *Client) parseToken(body []byte) (*accessToken, error) {
	var answer struct {
		AccessToken string          `json:"access_token"`
		ExpiresIn   json.RawMessage `json:"expires_in"`
		TokenType   string          `json:"token_type"`
	}
	if err := json.Unmarshal(body, &answer); err != nil {
		return nil, &Error{Kind: KindBadResponse, oauthClient: true, cause: err}
	}
	if answer.AccessToken == "" || answer.TokenType != "" && !strings.EqualFold(answer.TokenType, "bearer") {
		return nil, &Error{Kind: KindBadResponse, oauthClient: true, Detail: "no bearer access_token in the token answer"}
	}
	return &accessToken{value: answer.AccessToken, renewAt: c.now().Add(renewAfter(answer.ExpiresIn))}, nil
}

// renewAfter is how long to use a token: until a minute before it expires, or half its
// life when that is short.
func renewAfter(expiresIn json.RawMessage) time.Duration {
	seconds, err := strconv.Atoi(strings.Trim(string(expiresIn), `"`))
	if err != nil || seconds <= 0 {
		return assumedTokenLife - tokenRenewMargin
	}
	life := time.Duration(seconds) * time.Second
	if life <= 2*tokenRenewMargin {
		return life / 2
	}
	return life - tokenRenewMargin
}
