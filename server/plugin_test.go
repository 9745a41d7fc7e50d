package main

import (
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin/plugintest"
	"github.com/mattermost/mattermost/server/public/pluginapi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/mock"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/platform"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
)

// unknownAudience never knows at posting time who may see details, so cards start pending.
type unknownAudience struct{}

func (unknownAudience) MaySeeDetails(string, string) (bool, error)      { return true, nil }
func (unknownAudience) CachedMaySeeDetails(string, string) (bool, bool) { return false, false }
func (unknownAudience) IsStaff(string) (bool, error)                    { return true, nil }

// newConfiguredPlugin is a plugin whose System Console settings are *settings, and the record
// cards' part of its services.
func newConfiguredPlugin(t *testing.T, settings *config.Settings) (*Plugin, *services, *plugintest.API) {
	t.Helper()
	api := &plugintest.API{}
	api.On("LoadPluginConfiguration", mock.Anything).Run(func(args mock.Arguments) {
		*args.Get(0).(*config.Settings) = *settings
	}).Return(nil)
	api.On("LogError", mock.Anything, mock.Anything, mock.Anything).Return()
	p := &Plugin{}
	p.SetAPI(api)
	catalogs, err := i18n.Catalogs()
	require.NoError(t, err)
	pl := platform.New(api, pluginapi.NewClient(api, nil), "botid", catalogs)
	s := &services{platform: pl, config: &p.config}
	s.records = records.NewService(records.Deps{Posts: pl.Posts, Access: pl.Channels, Audience: unknownAudience{}, KV: pl.KV, Log: pl.Log})
	t.Cleanup(s.records.Close)
	return p, s, api
}

func TestInvalidSettingsKeepThePreviousOnesAndShowInHealth(t *testing.T) {
	settings := &config.Settings{NumberDigits: 9}
	p, _, api := newConfiguredPlugin(t, settings)
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
	p, s, _ := newConfiguredPlugin(t, settings)
	require.NoError(t, p.OnConfigurationChange())
	s.configureCards(p.config.Load())
	assert.Nil(t, s.serviceNow.Current())
	assert.Nil(t, s.records.Attach(&model.Post{Message: "INC0010001"}), "no ServiceNow, no cards")

	*settings = config.Settings{ServiceNowURL: "https://acme.service-now.com", ServiceNowUsername: "connect", ServiceNowPassword: "pw"}
	require.NoError(t, p.OnConfigurationChange())
	s.configureCards(p.config.Load())
	require.NotNil(t, s.serviceNow.Current())
	withCard := s.records.Attach(&model.Post{Message: "INC0010001"})
	require.NotNil(t, withCard, "the number becomes a card once ServiceNow is set up")
	assert.NotNil(t, withCard.GetProp(records.CardsProp))
}

// Before OnActivate has built every service, hooks and routes see none of them: requests are
// told Connect is starting, posts pass (recovery screens them once it runs), nothing panics.
func TestHooksBeforeActivationAnswerThatConnectIsStarting(t *testing.T) {
	p := &Plugin{}

	rec := httptest.NewRecorder()
	p.ServeHTTP(nil, rec, httptest.NewRequest(http.MethodGet, "/api/v1/conversations", nil))
	assert.Equal(t, http.StatusServiceUnavailable, rec.Code)
	assert.JSONEq(t, `{"error":"Connect Chat is starting. Please try again in a moment."}`, rec.Body.String())

	resp, appErr := p.ExecuteCommand(nil, &model.CommandArgs{Command: "/connect follow INC0010001"})
	require.Nil(t, appErr)
	assert.Equal(t, "Connect Chat is starting. Please try again in a moment.", resp.Text)

	post := &model.Post{ChannelId: "c1", UserId: "u1", Message: "INC0010001"}
	changed, reason := p.MessageWillBePosted(nil, post)
	assert.Nil(t, changed)
	assert.Empty(t, reason)
	changed, reason = p.MessageWillBeUpdated(nil, post, post)
	assert.Nil(t, changed)
	assert.Empty(t, reason)
	_, reason = p.FileWillBeUploaded(nil, &model.FileInfo{}, nil, nil)
	assert.Empty(t, reason)
	content, reason := p.EmailNotificationWillBeSent(&model.EmailNotification{})
	assert.Nil(t, content)
	assert.Empty(t, reason)
	assert.NotPanics(t, func() {
		p.MessageHasBeenPosted(nil, post)
		p.MessageHasBeenUpdated(nil, post, post)
		p.MessageHasBeenDeleted(nil, post)
		p.ReactionHasBeenAdded(nil, &model.Reaction{})
		p.UserHasJoinedChannel(nil, &model.ChannelMember{}, nil)
		p.UserHasLeftChannel(nil, &model.ChannelMember{}, nil)
		p.UserHasBeenCreated(nil, &model.User{})
		p.UserHasJoinedTeam(nil, &model.TeamMember{}, nil)
		p.UserHasLeftTeam(nil, &model.TeamMember{}, nil)
		p.UserHasBeenDeactivated(nil, &model.User{})
		p.OnPluginClusterEvent(nil, model.PluginClusterEvent{})
		require.NoError(t, p.OnDeactivate())
	})
}

func TestOrUnchanged(t *testing.T) {
	post, changed := &model.Post{Message: "a"}, &model.Post{Message: "b"}
	assert.Same(t, changed, orUnchanged(changed, post))
	assert.Same(t, post, orUnchanged(nil, post))
}

func TestThePluginProcessRunsOnOneProcessorUnlessGOMAXPROCSIsSet(t *testing.T) {
	before := runtime.GOMAXPROCS(0)
	t.Cleanup(func() { runtime.GOMAXPROCS(before) })

	runtime.GOMAXPROCS(2)
	useOneProcessor(func(string) string { return "4" })
	assert.Equal(t, 2, runtime.GOMAXPROCS(0), "the administrator's GOMAXPROCS is left alone")

	useOneProcessor(func(string) string { return "" })
	assert.Equal(t, 1, runtime.GOMAXPROCS(0))
}
