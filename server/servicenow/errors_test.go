package servicenow

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestErrorMessages(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{Kind: KindRateLimited, StatusCode: 429, RetryAfter: 12 * time.Second}, "ServiceNow is rate limiting Connect; retry in 12s"},
		{&Error{Kind: KindRateLimited, StatusCode: 429, RetryAfter: 1500 * time.Millisecond}, "ServiceNow is rate limiting Connect; retry in 2s"},
		{&Error{Kind: KindRateLimited, StatusCode: 429, RetryAfter: 2 * time.Minute}, "ServiceNow is rate limiting Connect; retry in 2m"},
		{&Error{Kind: KindTimeout, Timeout: 5 * time.Second}, "ServiceNow did not answer within 5s"},
		{&Error{Kind: KindBadResponse, cause: errors.New("unexpected EOF")}, "ServiceNow sent a response Connect cannot read"},
		{&Error{Kind: KindUnavailable, reason: "connection refused"}, "Connect could not reach ServiceNow: connection refused"},
		{&Error{Kind: KindUnauthorized, StatusCode: 401, oauthClient: true}, "ServiceNow rejected the Connect OAuth client (401)"},
		{&Error{Kind: KindForbidden, StatusCode: 403}, "ServiceNow refused Connect access (403)"},
		{&Error{Kind: KindInvalid, Value: "INC-1", Detail: "not a record number"}, `Connect cannot ask ServiceNow about "INC-1": not a record number`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.err.Error())
			assert.Equal(t, tt.err.Kind, KindOf(fmt.Errorf("wrapped: %w", tt.err)))
			assert.Equal(t, tt.err.Kind == KindUnavailable, errors.Is(tt.err, ErrUnavailable))
		})
	}
	assert.Equal(t, ErrorKind(""), KindOf(errors.New("other")))
}

func TestRetryAfterHeader(t *testing.T) {
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		value string
		want  time.Duration
	}{
		{"12", 12 * time.Second},
		{" 3 ", 3 * time.Second},
		{"-4", 0},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{"soon", 0},
		{"", 0},
	}
	for _, tt := range tests {
		h := http.Header{}
		h.Set("Retry-After", tt.value)
		assert.Equal(t, tt.want, retryAfter(h, now), tt.value)
	}
}

func TestTokenRenewal(t *testing.T) {
	tests := []struct {
		expiresIn string
		want      time.Duration
	}{
		{`1800`, 1740 * time.Second},
		{`"1799"`, 1739 * time.Second},
		{`100`, 50 * time.Second},
		{`0`, 4 * time.Minute},
		{``, 4 * time.Minute},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, renewAfter(json.RawMessage(tt.expiresIn)), tt.expiresIn)
	}
}

func TestServiceNowText(t *testing.T) {
	tests := []struct {
		body, message, detail string
	}{
		{`{"error":{"message":"No Record found","detail":"ACL"},"status":"failure"}`, "No Record found", "ACL"},
		{`{"error":{"message":"Invalid table x","detail":null},"status":"failure"}`, "Invalid table x", ""},
		{`{"error":"server_error","error_description":"access_denied"}`, "server_error", "access_denied"},
		{`<html>Service Unavailable</html>`, "", ""},
		{`{"result":[]}`, "", ""},
	}
	for _, tt := range tests {
		message, detail := serviceNowText([]byte(tt.body))
		assert.Equal(t, tt.message, message, tt.body)
		assert.Equal(t, tt.detail, detail, tt.body)
	}
}
