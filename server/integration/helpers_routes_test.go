package integration

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
)

// reply is a plugin route's answer: status, headers, the body as sent and, when the route
// succeeded, the body decoded as T (a string T takes the body as it is).
type reply[T any] struct {
	Status int
	Header http.Header
	Raw    []byte
	Body   T
}

// route calls a plugin route as client (anonymous when nil): a string body is sent as it is,
// anything else as JSON. Redirects are answers, not followed.
func route[T any](t testing.TB, client *model.Client4, method, path string, body any) reply[T] {
	t.Helper()
	answer, err := requestRoute[T](client, method, path, body)
	require.NoError(t, err, "%s %s", method, path)
	return answer
}

// requestRoute is route for code that reports failures itself (a benchmark's workers).
func requestRoute[T any](client *model.Client4, method, path string, body any) (reply[T], error) {
	req, err := routeRequest(client, method, path, body)
	if err != nil {
		return reply[T]{}, err
	}
	resp, err := noRedirects.Do(req)
	if err != nil {
		return reply[T]{}, err
	}
	defer resp.Body.Close()
	answer := reply[T]{Status: resp.StatusCode, Header: resp.Header}
	if answer.Raw, err = io.ReadAll(resp.Body); err != nil {
		return answer, err
	}
	return answer, answer.decode()
}

var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func routeRequest(client *model.Client4, method, path string, body any) (*http.Request, error) {
	payload, err := encodeBody(body)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(method, pluginURL(path), payload)
	if err != nil {
		return nil, err
	}
	if client != nil {
		req.Header.Set(model.HeaderAuth, model.HeaderBearer+" "+client.AuthToken)
	}
	return req, nil
}

func encodeBody(body any) (io.Reader, error) {
	switch body := body.(type) {
	case nil:
		return nil, nil
	case string:
		return strings.NewReader(body), nil
	default:
		encoded, err := json.Marshal(body)
		return bytes.NewReader(encoded), err
	}
}

func (r *reply[T]) decode() error {
	if text, ok := any(&r.Body).(*string); ok {
		*text = string(r.Raw)
		return nil
	}
	if r.Status >= http.StatusMultipleChoices || len(r.Raw) == 0 {
		return nil
	}
	return errors.Wrapf(json.Unmarshal(r.Raw, &r.Body), "the answer %s", r.Raw)
}

// Text is the body as sent, for messages and text assertions.
func (r reply[T]) Text() string { return string(r.Raw) }

func errorOf(t *testing.T, body []byte) string {
	t.Helper()
	var answer struct{ Error string }
	require.NoError(t, json.Unmarshal(body, &answer), string(body))
	return answer.Error
}

func pluginURL(path string) string {
	return server.URL + "/plugins/" + rig.PluginID + path
}

// configure applies plugin settings for one test and restores the defaults after it.
func configure(t *testing.T, changes map[string]any) {
	t.Helper()
	require.NoError(t, server.ConfigurePlugin(context.Background(), changes))
	t.Cleanup(func() { require.NoError(t, server.ConfigurePlugin(context.Background(), nil)) })
	if mode, ok := changes["EnforcementMode"]; ok {
		require.Eventually(t, func() bool { return adminHealth(t)["staff"].(map[string]any)["mode"] == mode },
			10*time.Second, 50*time.Millisecond, "the plugin did not apply the new settings")
	}
}

func adminHealth(t *testing.T) map[string]any {
	t.Helper()
	health := route[map[string]any](t, login(t, server.Admin), http.MethodGet, "/api/v1/health", nil)
	require.Equal(t, http.StatusOK, health.Status, health.Text())
	return health.Body
}
