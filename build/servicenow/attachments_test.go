package standin

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func upload(t *testing.T, s *Server, params url.Values, contentType, body string) answer {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, s.URL()+"/api/now/attachment/file?"+params.Encode(), strings.NewReader(body))
	require.NoError(t, err)
	req.SetBasicAuth(s.Options().Username, s.Options().Password)
	req.Header.Set("Content-Type", contentType)
	return send(t, req)
}

func TestAttachmentsAreStoredListedAndLimited(t *testing.T) {
	s := startServer(t, Options{})
	_, sysID, ok := s.Find(SampleIncident)
	require.True(t, ok)
	params := url.Values{"table_name": {"incident"}, "table_sys_id": {sysID}, "file_name": {"trace.log"}}

	created := upload(t, s, params, "text/plain", "line one")
	require.Equal(t, http.StatusCreated, created.status, created.raw)
	meta := created.body["result"].(map[string]any)
	assert.Equal(t, "trace.log", meta["file_name"])
	assert.Equal(t, "8", meta["size_bytes"])
	assert.Equal(t, "text/plain", meta["content_type"])

	listed := results(t, get(t, s, "/api/now/attachment", url.Values{"sysparm_query": {"table_sys_id=" + sysID}}, "basic"))
	require.Len(t, listed, 1)
	assert.Equal(t, meta["sys_id"], listed[0].(map[string]any)["sys_id"])
	assert.Empty(t, results(t, get(t, s, "/api/now/attachment", url.Values{"sysparm_query": {"table_sys_id=" + strings.Repeat("0", 32)}}, "basic")))
	assert.Equal(t, "line one", string(s.AttachmentsOf(sysID)[0].Content))

	s.SetAttachmentMaxSize(4)
	tooLarge := upload(t, s, params, "text/plain", "more than four bytes")
	assert.Equal(t, http.StatusRequestEntityTooLarge, tooLarge.status)
	assert.Contains(t, tooLarge.raw, "com.glide.attachment.max_size")
	s.SetAttachmentMaxSize(0)

	missing := upload(t, s, url.Values{"table_name": {"incident"}, "table_sys_id": {sysID}}, "text/plain", "x")
	assert.Equal(t, http.StatusBadRequest, missing.status)
	assert.Contains(t, missing.raw, "Missing parameter: file_name")
	noRecord := upload(t, s, url.Values{"table_name": {"incident"}, "table_sys_id": {strings.Repeat("0", 32)}, "file_name": {"a.txt"}}, "text/plain", "x")
	assert.Equal(t, http.StatusBadRequest, noRecord.status)
	empty := upload(t, s, params, "text/plain", "")
	assert.Equal(t, http.StatusBadRequest, empty.status)
	assert.Len(t, s.AttachmentsOf(sysID), 1, "nothing refused was stored")

	anonymous, err := http.Post(s.URL()+"/api/now/attachment/file?"+params.Encode(), "text/plain", strings.NewReader("x"))
	require.NoError(t, err)
	_ = anonymous.Body.Close()
	assert.Equal(t, http.StatusUnauthorized, anonymous.StatusCode)
}
