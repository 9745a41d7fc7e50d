package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every setting plugin.json puts in a section has its default in defaultSettings, and nothing else
// does: Mattermost applies the top-level settings' defaults itself.
func TestDefaultSettingsMatchTheManifest(t *testing.T) {
	raw, err := os.ReadFile("../plugin.json")
	require.NoError(t, err)
	var manifest model.Manifest
	require.NoError(t, json.Unmarshal(raw, &manifest))
	require.NotNil(t, manifest.SettingsSchema)

	encoded, err := json.Marshal(defaultSettings())
	require.NoError(t, err)
	var defaults map[string]any
	require.NoError(t, json.Unmarshal(encoded, &defaults))
	lower := map[string]any{}
	for key, value := range defaults {
		lower[strings.ToLower(key)] = value
	}

	inSections := map[string]bool{}
	for _, section := range manifest.SettingsSchema.Sections {
		for _, setting := range section.Settings {
			key := strings.ToLower(setting.Key)
			inSections[key] = true
			if setting.Default == nil {
				continue
			}
			assert.Equal(t, setting.Default, lower[key], setting.Key)
		}
	}
	for key, value := range lower {
		if inSections[key] {
			continue
		}
		assert.Empty(t, value, "%s has a default here but is not in a section of plugin.json", key)
	}
}

// A secret is masked in GET /api/v4/config only when plugin.json declares it among the
// top-level settings (model.PluginSettings.Sanitize reads no section).
func TestSecretsAreTopLevelSettings(t *testing.T) {
	raw, err := os.ReadFile("../plugin.json")
	require.NoError(t, err)
	var manifest model.Manifest
	require.NoError(t, json.Unmarshal(raw, &manifest))
	var topLevelSecrets []string
	for _, setting := range manifest.SettingsSchema.Settings {
		if setting.Secret {
			topLevelSecrets = append(topLevelSecrets, setting.Key)
		}
	}
	assert.ElementsMatch(t, []string{"ServiceNowPassword", "ServiceNowClientSecret", "WebhookSecret"}, topLevelSecrets)
	for _, section := range manifest.SettingsSchema.Sections {
		for _, setting := range section.Settings {
			assert.False(t, setting.Secret, "%s is a secret in section %s", setting.Key, section.Key)
		}
	}
}
