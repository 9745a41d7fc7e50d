package rig

import (
	"context"
	"maps"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

// StaffTeam is the demo team whose members are ITIL staff.
const StaffTeam = "itil"

// WebhookSecret is the webhook secret of rig runs, so tests can sign ServiceNow's events.
const WebhookSecret = "rig-webhook-secret-for-tests-only"

// DefaultPluginSettings point the plugin at the ServiceNow stand-in at serviceNowURL and
// make the ITIL team staff.
func DefaultPluginSettings(serviceNowURL string) map[string]any {
	return map[string]any{
		"StaffTeams":         StaffTeam,
		"StaffRoles":         "itil",
		"EnforcementMode":    "enforce",
		"ServiceNowURL":      serviceNowURL,
		"ServiceNowAuthMode": "basic",
		"ServiceNowUsername": standin.DefaultUsername,
		"ServiceNowPassword": standin.DefaultPassword,
		"WebhookSecret":      WebhookSecret,
	}
}

// ConfigurePlugin sets the plugin's System Console settings to the defaults with changes
// applied, as an admin saving the plugin's settings page would.
func (s *Server) ConfigurePlugin(ctx context.Context, changes map[string]any) error {
	settings := DefaultPluginSettings(s.ServiceNowURL)
	maps.Copy(settings, changes)
	return s.UpdateConfig(ctx, func(cfg *model.Config) { cfg.PluginSettings.Plugins[PluginID] = settings })
}

// UpdateConfig changes the server's configuration as a system admin saving the System Console would.
func (s *Server) UpdateConfig(ctx context.Context, change func(*model.Config)) error {
	admin, err := s.AdminClient(ctx)
	if err != nil {
		return err
	}
	cfg, _, err := admin.GetConfig(ctx)
	if err != nil {
		return errors.Wrap(err, "failed to read the server configuration")
	}
	change(cfg)
	_, _, err = admin.UpdateConfig(ctx, cfg)
	return errors.Wrap(err, "failed to save the server configuration")
}
