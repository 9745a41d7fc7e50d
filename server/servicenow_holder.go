package main

import (
	"sync"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
)

// serviceNowHolder keeps the ServiceNow client matching the current settings.
type serviceNowHolder struct {
	mu       sync.RWMutex
	settings config.ServiceNow
	client   *servicenow.Client
	problem  string
}

// update rebuilds the client when the ServiceNow settings changed.
func (h *serviceNowHolder) update(settings config.ServiceNow) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.client != nil && settings == h.settings {
		return
	}
	h.settings, h.client, h.problem = settings, nil, ""
	if !settings.Configured() {
		return
	}
	client, err := servicenow.New(servicenow.Config{
		InstanceURL:  settings.URL,
		AuthMode:     servicenow.AuthMode(settings.AuthMode),
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

// current is the client, or nil while ServiceNow is not configured.
func (h *serviceNowHolder) current() *servicenow.Client {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return h.client
}

// roleSource is the client as the staff service sees it; a nil interface when unset.
func (h *serviceNowHolder) roleSource() staff.RoleSource {
	if client := h.current(); client != nil {
		return client
	}
	return nil
}

func (h *serviceNowHolder) health() map[string]any {
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
