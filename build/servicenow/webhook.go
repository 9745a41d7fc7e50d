package standin

import (
	"io"
	"net/http"
	"time"
)

// EventsPath is where tests in other languages hand the stand-in an event to send, signed, to
// Connect's webhook, in place of the business rule in assets/servicenow (which fires when a
// record changes in a real instance). It is the stand-in's own route, not ServiceNow's.
const EventsPath = "/x_connect/events"

// Webhook is what the business rule reads from the instance's system properties:
// x_connect.webhook_url and x_connect.webhook_key.
type Webhook struct {
	URL    string
	Secret string
}

// SetWebhook points the stand-in's events at Connect's webhook.
func (s *Server) SetWebhook(w Webhook) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.webhook = w
}

func (s *Server) currentWebhook() Webhook {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.webhook
}

// handleSendEvent signs the posted event as the business rule does, sends it to the webhook
// and answers with the webhook's status and body.
func (s *Server) handleSendEvent(w http.ResponseWriter, r *http.Request) {
	webhook := s.currentWebhook()
	if webhook.URL == "" {
		writeError(w, http.StatusConflict, "No webhook is set", "call SetWebhook first")
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeError(w, http.StatusBadRequest, "Unreadable event", err.Error())
		return
	}
	resp, err := sendSigned(webhook, time.Now().Unix(), body)
	if err != nil {
		writeError(w, http.StatusBadGateway, "The webhook did not answer", err.Error())
		return
	}
	defer resp.Body.Close()
	w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
	w.WriteHeader(resp.StatusCode)
	_, _ = io.Copy(w, resp.Body)
}
