package servicenow

import (
	"sync"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
)

// Holder keeps the ServiceNow client matching the current settings.
type Holder struct {
	mu       sync.RWMutex
	settings config.ServiceNow
	client   *Client
	problem  string
}

// Update rebuilds the client when the ServiceNow settings changed.
func (h *Holder) Update(settings config.ServiceNow) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.client != nil && settings == h.settings {
		return
	}
	h.settings, h.client, h.problem = settings, nil, ""
	if !settings.Configured() {
		return
	}
	client, err := New(Config{
		InstanceURL:  settings.URL,
		AuthMode:     AuthMode(settings.AuthMode),
		Username:     settings.Username,
		Password:     settings.Password,
		ClientID:     settings.ClientID,
		ClientSecret: settings.ClientSecret,
	})
	if err != nil {
		h.problem = err.Error()
		return
	}
	h.client = client
}

// Current is the client, or nil while ServiceNow is not configured.
func (h *Holder) Current() *Client {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return h.client
}

// Health is the connection as admins see it: the instance, any settings problem, and the
// client's counters. It never includes a secret.
func (h *Holder) Health() map[string]any {
	h.mu.RLock()
	defer h.mu.RUnlock()
	health := map[string]any{"configured": h.client != nil, "instance": h.settings.URL}
	if h.problem != "" {
		health["problem"] = h.problem
	}
	if h.client != nil {
		health["stats"] = h.client.Stats()
	}
	return health
}
