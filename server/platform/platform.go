// Package platform owns every adapter to the Mattermost plugin API: users and teams, channels
// and their members, posts, file infos, the key-value store, the bot's messages, websocket
// events, cluster events and jobs, and mail. Domain packages declare the small interfaces they
// need; the types here satisfy them, so nothing else in the plugin calls the plugin API.
package platform

import (
	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/mattermost/mattermost/server/public/pluginapi"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// ErrNotFound is what the adapters return for something that does not exist.
var ErrNotFound = pluginapi.ErrNotFound

// Platform is the plugin's view of Mattermost, one adapter per concern.
type Platform struct {
	Users    *Users
	Channels *Channels
	Posts    *Posts
	Files    *Files
	KV       *KV
	Bot      *Bot
	Clients  *Clients
	Cluster  *Cluster
	Jobs     *Jobs
	Mail     *Mail
	Server   *Server
	Log      *pluginapi.LogService
	// Languages says each reader's language; every user read through Users refreshes theirs.
	Languages *i18n.Languages
}

// New reaches Mattermost through api; botID is the Connect bot that speaks for the plugin;
// catalogs are the messages it says (nil: everything in English).
func New(api plugin.API, client *pluginapi.Client, botID string, catalogs *i18n.Bundle) *Platform {
	server := &Server{api: api, client: client}
	users := &Users{api: api, client: client}
	var languages *i18n.Languages
	if catalogs != nil {
		languages = i18n.NewLanguages(catalogs, users, server.DefaultLocale)
		users.languages = languages
	}
	return &Platform{
		Users:    users,
		Channels: &Channels{api: api, client: client},
		Posts:    &Posts{api: api, client: client},
		Files:    &Files{api: api},
		KV:       &KV{api: api},
		Bot:      &Bot{api: api, client: client, users: users, id: botID, languages: languages},
		Clients:  &Clients{api: api},
		Cluster:  newCluster(api, client),
		Jobs:     newJobs(api),
		Mail:     &Mail{client: client},
		Server:   server,
		Log:      &client.Log,

		Languages: languages,
	}
}

// Close stops the scheduled jobs.
func (p *Platform) Close() error { return p.Jobs.Close() }

// appError turns a nil *model.AppError into a nil error.
func appError(appErr *model.AppError) error {
	if appErr == nil {
		return nil
	}
	return appErr
}
