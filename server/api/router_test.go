package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newTestRouter(t *testing.T, siteURL string) http.Handler {
	bundle := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(bundle, "webapp", "dist"), 0o750))
	require.NoError(t, os.WriteFile(filepath.Join(bundle, "webapp", "dist", "workspace.js"), []byte("console.log('workspace')"), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(bundle, "webapp", "dist", "emoji.json"), []byte(`{"emojis":[]}`), 0o600))
	return NewRouter(Config{
		PluginID:   "connect-chat",
		Version:    "1.2.3",
		BundlePath: bundle,
		SiteURL:    func() string { return siteURL },
		IsAdmin:    func(userID string) bool { return userID == "admin" },
		AdminHealth: func() map[string]any {
			return map[string]any{"staff": map[string]any{"mode": "enforce"}}
		},
		Staff: fakeStaff{},
		Cards: fakeCards{},
	})
}

func serve(router http.Handler, method, path, userID string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, nil)
	if userID != "" {
		req.Header.Set("Mattermost-User-Id", userID)
	}
	rec := httptest.NewRecorder()
	router.ServeHTTP(rec, req)
	return rec
}

func decodeError(t *testing.T, rec *httptest.ResponseRecorder) string {
	var body ErrorBody
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &body))
	return body.Error
}

func TestHealthRequiresAUser(t *testing.T) {
	router := newTestRouter(t, "http://chat.example.com")

	anonymous := serve(router, http.MethodGet, "/api/v1/health", "")
	assert.Equal(t, http.StatusUnauthorized, anonymous.Code)
	assert.Equal(t, "application/json", anonymous.Header().Get("Content-Type"))
	assert.Contains(t, decodeError(t, anonymous), "logged in")

	user := serve(router, http.MethodGet, "/api/v1/health", "user1")
	require.Equal(t, http.StatusOK, user.Code)
	var body map[string]string
	require.NoError(t, json.Unmarshal(user.Body.Bytes(), &body))
	assert.Equal(t, map[string]string{"status": "ok", "plugin": "connect-chat", "version": "1.2.3"}, body)

	admin := serve(router, http.MethodGet, "/api/v1/health", "admin")
	require.Equal(t, http.StatusOK, admin.Code)
	assert.JSONEq(t, `{"status":"ok","plugin":"connect-chat","version":"1.2.3","staff":{"mode":"enforce"}}`, admin.Body.String())
}

func TestWorkspaceSendsAnonymousVisitorsToLogin(t *testing.T) {
	router := newTestRouter(t, "https://chat.example.com/mm/")

	rec := serve(router, http.MethodGet, "/workspace", "")
	require.Equal(t, http.StatusFound, rec.Code)
	location, err := url.Parse(rec.Header().Get("Location"))
	require.NoError(t, err)
	assert.Equal(t, "/mm/login", location.Path)
	assert.Equal(t, "/plug/connect-chat/workspace", location.Query().Get("redirect_to"))
}

func TestWorkspacePageLoadsTheStandaloneBundle(t *testing.T) {
	router := newTestRouter(t, `https://chat.example.com/"><script>alert(1)</script>`)

	rec := serve(router, http.MethodGet, "/workspace", "user1")
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, "text/html; charset=utf-8", rec.Header().Get("Content-Type"))
	page := rec.Body.String()
	assert.Contains(t, page, `id="connect-workspace-root"`)
	assert.Contains(t, page, `/plugins/connect-chat/static/workspace.js?v=1.2.3"`)
	assert.NotContains(t, page, "<script>alert(1)</script>", "the site URL must be escaped")
	assert.NotContains(t, page, "chat.example.com", "the page keeps to the origin the browser used")
}

func TestStaticFilesRequireAUser(t *testing.T) {
	router := newTestRouter(t, "http://chat.example.com")

	assert.Equal(t, http.StatusUnauthorized, serve(router, http.MethodGet, "/static/workspace.js", "").Code)

	rec := serve(router, http.MethodGet, "/static/workspace.js", "user1")
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, "console.log('workspace')", rec.Body.String())
}

func TestEmojiCatalogIsServedToUsers(t *testing.T) {
	router := newTestRouter(t, "http://chat.example.com")

	assert.Equal(t, http.StatusUnauthorized, serve(router, http.MethodGet, "/static/emoji.json", "").Code)

	rec := serve(router, http.MethodGet, "/static/emoji.json", "user1")
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
	assert.JSONEq(t, `{"emojis":[]}`, rec.Body.String())
}

func TestUnknownRoutesAnswerJSON404(t *testing.T) {
	router := newTestRouter(t, "http://chat.example.com")

	rec := serve(router, http.MethodGet, "/api/v1/nope", "user1")
	assert.Equal(t, http.StatusNotFound, rec.Code)
	assert.Equal(t, "Not found.", decodeError(t, rec))
}
