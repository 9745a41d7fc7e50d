package platform

import (
	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/mattermost/mattermost/server/public/pluginapi"
)

// Server is the Mattermost server's own settings and permissions.
type Server struct {
	api    plugin.API
	client *pluginapi.Client
}

// SiteURL is read on every use so a changed Site URL applies without a restart.
func (s *Server) SiteURL() string {
	cfg := s.client.Configuration.GetConfig()
	if cfg == nil || cfg.ServiceSettings.SiteURL == nil {
		return ""
	}
	return *cfg.ServiceSettings.SiteURL
}

// DefaultLocale is the server's default language (System Console > Localization), read on
// every use.
func (s *Server) DefaultLocale() string {
	cfg := s.client.Configuration.GetConfig()
	if cfg == nil || cfg.LocalizationSettings.DefaultServerLocale == nil {
		return "en"
	}
	return *cfg.LocalizationSettings.DefaultServerLocale
}

// IsAdmin reports whether userID is a system admin.
func (s *Server) IsAdmin(userID string) bool {
	return s.api.HasPermissionTo(userID, model.PermissionManageSystem)
}

// RegisterCommand registers a slash command with its autocomplete.
func (s *Server) RegisterCommand(command *model.Command) error {
	return s.client.SlashCommand.Register(command)
}

// SaveSetting stores one of the plugin's System Console settings, keeping the others.
func (s *Server) SaveSetting(key string, value any) error {
	settings := s.api.GetPluginConfig()
	if settings == nil {
		settings = map[string]any{}
	}
	settings[key] = value
	return appError(s.api.SavePluginConfig(settings))
}
