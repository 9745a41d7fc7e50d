package api

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tokenVerifier accepts requests whose X-Test-Signature header is "ok".
type tokenVerifier struct{}

func (tokenVerifier) Verify(header http.Header, _ []byte) error {
	if header.Get("X-Test-Signature") != "ok" {
		return errors.New("no valid signature")
	}
	return nil
}

func newSignedRouter(t *testing.T, received *[]string) http.Handler {
	t.Helper()
	route := SignedRoute{
		Pattern: "POST /api/v1/test/events", Verifier: tokenVerifier{}, MaxBody: 16,
		Handle: func(w http.ResponseWriter, r *http.Request, body []byte) {
			*received = append(*received, r.Header.Get("Mattermost-User-Id")+"|"+string(body))
			w.WriteHeader(http.StatusAccepted)
		},
	}
	mux := http.NewServeMux()
	mux.Handle(route.Pattern, requireSignature(route))
	return mux
}

func postSigned(router http.Handler, body, signature, userID string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/api/v1/test/events", strings.NewReader(body))
	if signature != "" {
		req.Header.Set("X-Test-Signature", signature)
	}
	if userID != "" {
		req.Header.Set("Mattermost-User-Id", userID)
	}
	rec := httptest.NewRecorder()
	router.ServeHTTP(rec, req)
	return rec
}

func TestSignedRoutesServeVerifiedCallersWithoutASession(t *testing.T) {
	var received []string
	router := newSignedRouter(t, &received)

	rec := postSigned(router, `{"n":1}`, "ok", "")
	require.Equal(t, http.StatusAccepted, rec.Code)
	assert.Equal(t, []string{`|{"n":1}`}, received, "the handler gets the verified body")
}

func TestSignedRoutesRefuseWhatIsNotSigned(t *testing.T) {
	var received []string
	router := newSignedRouter(t, &received)
	cases := []struct {
		name, body, signature, userID string
		status                        int
		message                       string
	}{
		{"no signature", `{}`, "", "", http.StatusUnauthorized, "The request signature is not valid: no valid signature"},
		{"a session is no signature", `{}`, "", "user1", http.StatusUnauthorized, "The request signature is not valid"},
		{"a bad signature", `{}`, "forged", "", http.StatusUnauthorized, "The request signature is not valid"},
		{"a body over the limit", strings.Repeat("x", 17), "ok", "", http.StatusRequestEntityTooLarge, "The request body is over 16 bytes."},
	}
	for _, c := range cases {
		rec := postSigned(router, c.body, c.signature, c.userID)
		assert.Equal(t, c.status, rec.Code, c.name)
		assert.Contains(t, decodeError(t, rec), c.message, c.name)
	}
	assert.Empty(t, received, "nothing unverified reaches the handler")
}

func TestSignedRoutesNeverSeeTheSessionUser(t *testing.T) {
	var received []string
	router := newSignedRouter(t, &received)
	rec := postSigned(router, "hi", "ok", "user1")
	require.Equal(t, http.StatusAccepted, rec.Code)
	assert.Equal(t, []string{"|hi"}, received)
}
