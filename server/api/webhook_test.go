package api

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pkg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/follow"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// fakeWebhook accepts the signature "ok" with any timestamp and answers every event alike.
type fakeWebhook struct {
	delivery follow.Delivery
	err      error
	received []follow.Event
}

func (f *fakeWebhook) VerifySignature(stamp, signature string, _ []byte) error {
	switch {
	case stamp == "":
		return follow.ErrTimestamp
	case signature != "ok":
		return follow.ErrSignatureEncoding
	}
	return nil
}

func (f *fakeWebhook) Receive(event follow.Event) (follow.Delivery, error) {
	f.received = append(f.received, event)
	return f.delivery, f.err
}

func postEvent(router http.Handler, body, stamp, signature string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, WebhookPath, strings.NewReader(body))
	req.Header.Set(timestampHeader, stamp)
	req.Header.Set(signatureHeader, signature)
	rec := httptest.NewRecorder()
	router.ServeHTTP(rec, req)
	return rec
}

func TestTheWebhookAnswersWhatBecameOfTheEvent(t *testing.T) {
	cases := []struct {
		delivery follow.Delivery
		err      error
		status   int
		body     string
	}{
		{follow.Delivered, nil, http.StatusOK, `{"status":"delivered"}`},
		{follow.Duplicate, nil, http.StatusOK, `{"status":"duplicate"}`},
		{follow.Ignored, nil, http.StatusAccepted, `{"status":"ignored"}`},
		{"", failure.New(failure.Invalid, i18n.Text("The event needs a table name and a 32-character sys_id.")), http.StatusBadRequest, `{"error":"The event needs a table name and a 32-character sys_id."}`},
		{"", errors.New("kv: timeout"), http.StatusInternalServerError, `{"error":"Connect could not deliver the event; send it again."}`},
	}
	for _, c := range cases {
		hook := &fakeWebhook{delivery: c.delivery, err: c.err}
		log := &recordingLog{}
		rec := postEvent(NewRouter(Config{Webhook: hook, Log: log}), `{"table":"incident","number":"INC0010001"}`, "1800000000", "ok")
		assert.Equal(t, c.status, rec.Code, c.body)
		assert.JSONEq(t, c.body, rec.Body.String())
		assert.Equal(t, "application/json", rec.Header().Get("Content-Type"))
		require.Len(t, hook.received, 1)
		assert.Equal(t, "INC0010001", hook.received[0].Number)
		if c.status == http.StatusInternalServerError {
			require.Len(t, log.lines, 1)
			assert.Equal(t, "POST "+WebhookPath, log.lines[0]["route"])
		} else {
			assert.Empty(t, log.lines)
		}
	}
}

func TestTheWebhookRefusesBadBodiesAndSignatures(t *testing.T) {
	hook := &fakeWebhook{delivery: follow.Delivered}
	router := NewRouter(Config{Webhook: hook})

	rec := postEvent(router, `not json`, "1800000000", "ok")
	assert.Equal(t, http.StatusBadRequest, rec.Code)
	assert.Contains(t, decodeError(t, rec), "The body is not a JSON event: ")

	rec = postEvent(router, `{}`, "", "ok")
	assert.Equal(t, http.StatusUnauthorized, rec.Code)
	assert.Equal(t, "The request signature is not valid: X-Connect-Timestamp must be Unix seconds", decodeError(t, rec))

	rec = postEvent(router, `{}`, "1800000000", "forged")
	assert.Equal(t, "The request signature is not valid: X-Connect-Signature must be base64 or hex", decodeError(t, rec))
	assert.Empty(t, hook.received)
}
