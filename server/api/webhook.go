package api

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/follow"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// WebhookPath is ServiceNow's webhook under the plugin.
const WebhookPath = "/api/v1/servicenow/events"

const (
	// maxEventBytes bounds one webhook body.
	maxEventBytes   = 256 << 10
	timestampHeader = "X-Connect-Timestamp"
	signatureHeader = "X-Connect-Signature"
)

// Webhook is ServiceNow's webhook as the route uses it: following checks the signature and
// receives the verified event.
type Webhook interface {
	VerifySignature(timestamp, signature string, body []byte) error
	Receive(event follow.Event) (follow.Delivery, error)
}

// registerWebhook adds ServiceNow's signed webhook; nil leaves it out.
func registerWebhook(mux *http.ServeMux, hook Webhook) {
	if hook == nil {
		return
	}
	route := SignedRoute{
		Pattern:  "POST " + WebhookPath,
		Verifier: webhookSignature{hook},
		MaxBody:  maxEventBytes,
		Handle:   receiveEvent(hook),
	}
	mux.Handle(route.Pattern, requireSignature(route))
}

// webhookSignature reads the webhook's signature headers for following to check.
type webhookSignature struct{ hook Webhook }

func (v webhookSignature) Verify(header http.Header, body []byte) error {
	err := v.hook.VerifySignature(header.Get(timestampHeader), header.Get(signatureHeader), body)
	switch {
	case errors.Is(err, follow.ErrTimestamp):
		return errors.New(timestampHeader + " must be Unix seconds")
	case errors.Is(err, follow.ErrSignatureEncoding):
		return errors.New(signatureHeader + " must be base64 or hex")
	}
	return err
}

// receiveEvent answers a verified event with what became of it: 200 delivered or duplicate,
// 202 ignored (nobody follows the record).
func receiveEvent(hook Webhook) func(w http.ResponseWriter, r *http.Request, body []byte) {
	return func(w http.ResponseWriter, r *http.Request, body []byte) {
		var event follow.Event
		if err := json.Unmarshal(body, &event); err != nil {
			writeError(w, r, http.StatusBadRequest, i18n.M("connect.api.webhook_not_json", "The body is not a JSON event: {{.Problem}}", i18n.Data{"Problem": err.Error()}))
			return
		}
		delivery, err := hook.Receive(event)
		if _, known := failure.As(err); err != nil && !known {
			writeInternal(w, r, err, i18n.M("connect.api.webhook_failed", "Connect could not deliver the event; send it again."))
			return
		}
		status := http.StatusOK
		if delivery == follow.Ignored {
			status = http.StatusAccepted
		}
		respond(w, r, status, WebhookAnswer{Status: string(delivery)}, err)
	}
}
