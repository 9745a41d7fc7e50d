package main

import (
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin/plugintest"
	"github.com/mattermost/mattermost/server/public/pluginapi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/mock"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/platform"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
)

// unknownAudience never knows at posting time who may see details, so cards start pending.
type unknownAudience struct{}

func (unknownAudience) MaySeeDetails(string, string) (bool, error)      { return true, nil }
func (unknownAudience) CachedMaySeeDetails(string, string) (bool, bool) { return false, false }
func (unknownAudience) IsStaff(string) (bool, error)                    { return true, nil }

// newConfiguredPlugin is a plugin whose System Console settings are *settings.
func newConfiguredPlugin(t *testing.T, settings *config.Settings) (*Plugin, *plugintest.API) {
	t.Helper()
	api := &plugintest.API{}
	api.On("LoadPluginConfiguration", mock.Anything).Run(func(args mock.Arguments) {
		*args.Get(0).(*config.Settings) = *settings
	}).Return(nil)
	api.On("LogError", mock.Anything, mock.Anything, mock.Anything).Return()
	p := &Plugin{}
	p.SetAPI(api)
	p.platform = platform.New(api, pluginapi.NewClient(api, nil), "botid")
	p.records = records.NewService(p.platform.Posts, p.platform.Channels, unknownAudience{}, p.platform.KV, p.platform.Log)
	t.Cleanup(p.records.Close)
	return p, api
}

func TestInvalidSettingsKeepThePreviousOnesAndShowInHealth(t *testing.T) {
	settings := &config.Settings{NumberDigits: 9}
	p, api := newConfiguredPlugin(t, settings)
	require.NoError(t, p.OnConfigurationChange())
	assert.Equal(t, 9, p.config.Load().NumberDigits)

	*settings = config.Settings{NumberDigits: 3}
	require.NoError(t, p.OnConfigurationChange(), "a bad setting never stops the plugin")
	assert.Equal(t, 9, p.config.Load().NumberDigits, "the previous settings stay in force")
	assert.Contains(t, p.config.Problem(), "Digits after the prefix must be 4 to 12, not 3.")
	api.AssertCalled(t, "LogError", "Connect Chat settings are invalid; the previous settings stay in force", "error", mock.Anything)
}

func TestServiceNowSettingsReachTheRecordCards(t *testing.T) {
	settings := &config.Settings{}
	p, _ := newConfiguredPlugin(t, settings)
	require.NoError(t, p.OnConfigurationChange())
	assert.Nil(t, p.serviceNow.Current())
	assert.Nil(t, p.records.Attach(&model.Post{Message: "INC0010001"}), "no ServiceNow, no cards")

	*settings = config.Settings{ServiceNowURL: "https://acme.service-now.com", ServiceNowUsername: "connect", ServiceNowPassword: "pw"}
	require.NoError(t, p.OnConfigurationChange())
	require.NotNil(t, p.serviceNow.Current())
	withCard := p.records.Attach(&model.Post{Message: "INC0010001"})
	require.NotNil(t, withCard, "the number becomes a card once ServiceNow is set up")
	assert.NotNil(t, withCard.GetProp(records.CardsProp))
}

func TestOrUnchanged(t *testing.T) {
	post, changed := &model.Post{Message: "a"}, &model.Post{Message: "b"}
	assert.Same(t, changed, orUnchanged(changed, post))
	assert.Same(t, post, orUnchanged(nil, post))
}
