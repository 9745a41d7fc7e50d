package servicenow

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// errAttemptTimeout is the cause of a per-attempt context that ran out, telling it apart
// from the caller's context ending.
var errAttemptTimeout = errors.New("attempt timed out")

var errTooLarge = errors.New("response larger than the configured limit")

const maxServiceNowText = 300

type apiRequest struct {
	path   string // e.g. /api/now/table/task
	query  url.Values
	method string // GET when empty
	body   []byte // JSON, for PATCH; a file's bytes for an attachment
	// contentType is the body's type when it is not JSON (an attachment).
	contentType string
}

type response struct {
	header http.Header
	body   []byte
}

func tablePath(table string) string { return "/api/now/table/" + table }

func (c *Client) attempt(ctx context.Context, r apiRequest) (*response, error) {
	ctx, cancel := context.WithTimeoutCause(ctx, c.cfg.Timeout, errAttemptTimeout)
	defer cancel()
	method := r.method
	if method == "" {
		method = http.MethodGet
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+r.path+"?"+r.query.Encode(), bytes.NewReader(r.body))
	if err != nil {
		return nil, err
	}
	switch {
	case r.contentType != "":
		req.Header.Set("Content-Type", r.contentType)
	case r.body != nil:
		req.Header.Set("Content-Type", "application/json")
	}
	if err := c.authorize(ctx, req); err != nil {
		return nil, err
	}
	return c.do(req, false)
}

func (c *Client) authorize(ctx context.Context, req *http.Request) error {
	if c.tokens == nil {
		req.SetBasicAuth(c.cfg.Username, c.cfg.Password)
		return nil
	}
	token, err := c.tokens.get(ctx)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	return nil
}

// do sends one request and reads the whole (bounded) answer; oauthClient marks the token
// endpoint, whose 401 means the OAuth client, not the user, was rejected.
func (c *Client) do(req *http.Request, oauthClient bool) (*response, error) {
	req.Header.Set("Accept", "application/json")
	c.requests.Add(1)
	resp, err := c.cfg.HTTPClient.Do(req)
	if err != nil {
		return nil, c.transportError(req.Context(), err)
	}
	defer discard(resp.Body)
	body, err := readLimited(resp.Body, c.cfg.MaxResponseBytes)
	switch {
	case errors.Is(err, errTooLarge):
		return nil, &Error{Kind: KindBadResponse, StatusCode: resp.StatusCode, cause: err}
	case err != nil:
		return nil, c.transportError(req.Context(), err)
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, c.statusError(resp, body, oauthClient)
	}
	return &response{header: resp.Header, body: body}, nil
}

func readLimited(r io.Reader, limit int64) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > limit {
		return nil, errTooLarge
	}
	return body, nil
}

// discard drains a little of what is left so the connection can be reused, then closes.
func discard(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(body, 64<<10))
	_ = body.Close()
}

// transportError explains a request that got no (complete) answer. When the caller's own
// context ended, its error is returned as is.
func (c *Client) transportError(ctx context.Context, err error) error {
	cause := context.Cause(ctx)
	switch {
	case errors.Is(cause, errAttemptTimeout) || isTimeout(err) && cause == nil:
		return &Error{Kind: KindTimeout, Timeout: c.cfg.Timeout, cause: err}
	case cause != nil:
		return cause
	}
	return &Error{Kind: KindUnavailable, reason: c.scrub(networkReason(err)), cause: err}
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// networkReason drops the method and URL *url.Error adds: the message is for people.
func networkReason(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}

func (c *Client) statusError(resp *http.Response, body []byte, oauthClient bool) *Error {
	e := &Error{StatusCode: resp.StatusCode, oauthClient: oauthClient}
	message, detail := serviceNowText(body)
	e.Message, e.Detail = c.scrub(message), c.scrub(detail)
	switch code := resp.StatusCode; {
	case code == http.StatusUnauthorized:
		e.Kind = KindUnauthorized
	case code == http.StatusForbidden:
		e.Kind = KindForbidden
	case code == http.StatusNotFound:
		e.Kind = KindNotFound
	case code == http.StatusBadRequest:
		e.Kind = KindBadRequest
	case code == http.StatusTooManyRequests:
		e.Kind, e.RetryAfter = KindRateLimited, retryAfter(resp.Header, c.now())
	case code >= 500:
		e.Kind = KindUnavailable
	default:
		e.Kind = KindUnexpected
	}
	return e
}

// serviceNowText reads {"error":{"message","detail"}} (Table API) or
// {"error","error_description"} (OAuth); anything else gives nothing.
func serviceNowText(body []byte) (message, detail string) {
	var envelope struct {
		Error            json.RawMessage `json:"error"`
		ErrorDescription string          `json:"error_description"`
	}
	if json.Unmarshal(body, &envelope) != nil || len(envelope.Error) == 0 {
		return "", ""
	}
	var table struct {
		Message string `json:"message"`
		Detail  string `json:"detail"`
	}
	if json.Unmarshal(envelope.Error, &table) == nil {
		return table.Message, table.Detail
	}
	var code string
	if json.Unmarshal(envelope.Error, &code) == nil {
		return code, envelope.ErrorDescription
	}
	return "", ""
}

// retryAfter reads Retry-After in seconds or as an HTTP date; 0 when absent or unreadable.
func retryAfter(h http.Header, now time.Time) time.Duration {
	value := strings.TrimSpace(h.Get("Retry-After"))
	if seconds, err := strconv.Atoi(value); err == nil {
		return time.Duration(max(seconds, 0)) * time.Second
	}
	if at, err := http.ParseTime(value); err == nil {
		return max(at.Sub(now), 0)
	}
	return 0
}

// scrub removes credentials from text that came from outside (ServiceNow's error text,
// network errors) and bounds its length.
func (c *Client) scrub(text string) string {
	secrets := []string{c.cfg.Password, c.cfg.ClientSecret}
	if c.tokens != nil {
		secrets = append(secrets, c.tokens.currentValue())
	}
	for _, secret := range secrets {
		if secret != "" {
			text = strings.ReplaceAll(text, secret, "[redacted]")
		}
	}
	if len(text) > maxServiceNowText {
		text = strings.ToValidUTF8(text[:maxServiceNowText], "") + "…"
	}
	return text
}
