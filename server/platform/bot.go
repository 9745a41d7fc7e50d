package platform

import (
	"path/filepath"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/mattermost/mattermost/server/public/pluginapi"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// BotProfile describes the bot account the plugin speaks through.
type BotProfile struct {
	Username    string
	DisplayName string
	Description string
	// ImagePath is the profile picture, relative to the plugin bundle.
	ImagePath string
}

// EnsureBot creates the bot account, or updates it, and returns its user id.
func EnsureBot(client *pluginapi.Client, profile BotProfile) (string, error) {
	botID, err := client.Bot.EnsureBot(&model.Bot{
		Username:    profile.Username,
		DisplayName: profile.DisplayName,
		Description: profile.Description,
	}, pluginapi.ProfileImagePath(filepath.Clean(profile.ImagePath)))
	return botID, errors.Wrapf(err, "failed to ensure the %s bot", profile.Username)
}

// Bot posts as the plugin's bot account.
type Bot struct {
	api    plugin.API
	client *pluginapi.Client
	users  *Users
	id     string
	// languages: a message to one person is in their language.
	languages *i18n.Languages
}

// ID is the bot's user id.
func (b *Bot) ID() string { return b.id }

// Ephemeral shows userID a message from the bot in channelID that only they see, in their
// language as recently read. (When it follows a post, the staff check has just read the
// author, so their language is known without another read.)
func (b *Bot) Ephemeral(userID, channelID string, message i18n.Message) {
	text := b.languages.Recent(userID).Text(message)
	b.api.SendEphemeralPost(userID, &model.Post{UserId: b.id, ChannelId: channelID, Message: text})
}

// DirectMessage posts message in the bot's direct conversation with userID, in their language.
func (b *Bot) DirectMessage(userID string, message i18n.Message) error {
	return b.directMessage(userID, b.languages.User(userID).Text(message))
}

func (b *Bot) directMessage(userID, text string) error {
	channel, err := b.client.Channel.GetDirect(b.id, userID)
	if err != nil {
		return err
	}
	return b.client.Post.CreatePost(&model.Post{UserId: b.id, ChannelId: channel.Id, Message: text})
}

// MessageAdmins sends every active system admin a direct message, each in their language; it
// returns the first failure after trying them all.
func (b *Bot) MessageAdmins(message i18n.Message) error {
	admins, err := b.users.SystemAdmins()
	if err != nil {
		return errors.Wrap(err, "failed to list the system admins")
	}
	var first error
	for _, admin := range admins {
		if err := b.directMessage(admin.Id, b.languages.Of(admin).Text(message)); err != nil && first == nil {
			first = errors.Wrapf(err, "failed to message system admin %s", admin.Id)
		}
	}
	return first
}
