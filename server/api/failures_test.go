package api

import (
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/pkg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/follow"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// recordingLog keeps every line logged, with its key-value pairs.
type recordingLog struct {
	mu    sync.Mutex
	lines []map[string]any
}

func (l *recordingLog) Error(message string, keyValuePairs ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	line := map[string]any{"message": message}
	for i := 0; i+1 < len(keyValuePairs); i += 2 {
		line[keyValuePairs[i].(string)] = keyValuePairs[i+1]
	}
	l.lines = append(l.lines, line)
}

// refusingFollows answers every call with err.
type refusingFollows struct{ err error }

func (f refusingFollows) List(string) ([]follow.Follow, error) { return nil, f.err }

func (f refusingFollows) Follow(string, servicenow.RecordKey) (follow.Follow, error) {
	return follow.Follow{}, f.err
}

func (f refusingFollows) Unfollow(string, follow.Ref) error { return f.err }

func (f refusingFollows) Kind(string, string) (follow.JournalKind, error) {
	return follow.JournalKind{}, f.err
}

func (f refusingFollows) SetKind(string, string, string) (follow.JournalKind, error) {
	return follow.JournalKind{}, f.err
}

func (f refusingFollows) RecordKey(string) (servicenow.RecordKey, bool) {
	return servicenow.RecordKey{Table: "incident", SysID: strings.Repeat("a", 32)}, true
}

func followRouter(err error, log Log) http.Handler {
	f := refusingFollows{err: err}
	return NewRouter(Config{IsAdmin: func(string) bool { return false }, Staff: fakeStaff{}, Follows: f, RecordNames: f, Log: log})
}

func TestAFollowRefusalIsForbiddenNotABadRequest(t *testing.T) {
	log := &recordingLog{}
	router := followRouter(failure.New(failure.Forbidden, i18n.Text("Only ITIL staff can follow ServiceNow records.")), log)
	rec := call(router, http.MethodPost, "/api/v1/follows", "u1", `{"record":"INC0010001"}`)
	assert.Equal(t, http.StatusForbidden, rec.Code)
	assert.Equal(t, "Only ITIL staff can follow ServiceNow records.", decodeError(t, rec))
	assert.Empty(t, log.lines, "a refusal the caller can act on is not an admin's problem")
}

func TestAnInternalFailureIsLoggedOnceWithTheRouteAndTheCaller(t *testing.T) {
	log := &recordingLog{}
	router := followRouter(errors.Wrap(errors.New("pq: connection refused"), "failed to save the record"), log)
	rec := call(router, http.MethodPost, "/api/v1/follows", "u1", `{"record":"INC0010001"}`)

	assert.Equal(t, http.StatusInternalServerError, rec.Code)
	assert.Equal(t, "Connect could not complete that. Please try again.", decodeError(t, rec))
	assert.NotContains(t, rec.Body.String(), "pq:", "internal details stay on the server")
	require.Len(t, log.lines, 1)
	assert.Equal(t, "POST /api/v1/follows", log.lines[0]["route"])
	assert.Equal(t, "u1", log.lines[0]["user_id"])
	assert.Equal(t, "failed to save the record: pq: connection refused", log.lines[0]["error"])
}

func TestAFailedStaffCheckIsLogged(t *testing.T) {
	log := &recordingLog{}
	rec := call(followRouter(nil, log), http.MethodGet, "/api/v1/follows", "broken", "")
	assert.Equal(t, http.StatusInternalServerError, rec.Code)
	require.Len(t, log.lines, 1)
	assert.Equal(t, "GET /api/v1/follows", log.lines[0]["route"])
	assert.Equal(t, "broken", log.lines[0]["user_id"])
}

func TestFailureKindsBecomeStatuses(t *testing.T) {
	for kind, status := range map[failure.Kind]int{
		failure.Invalid: http.StatusBadRequest, failure.NotFound: http.StatusNotFound, failure.Forbidden: http.StatusForbidden,
		failure.Conflict: http.StatusConflict, failure.Unavailable: http.StatusServiceUnavailable,
	} {
		assert.Equal(t, status, statusOf(kind), kind)
	}
}
