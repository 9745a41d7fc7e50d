package command

import (
	"errors"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/notify"
)

// fakeBell keeps one user's preferences for the conversations "group" and "dm".
type fakeBell struct {
	prefs notify.Preferences
	fail  error
}

func (f *fakeBell) member(channelID string) error {
	if f.fail != nil {
		return f.fail
	}
	if channelID != "group" && channelID != "dm" {
		return failure.New(failure.NotFound, i18n.Text("No such conversation."))
	}
	return nil
}

func (f *fakeBell) Get(_, channelID string) (notify.Preferences, error) {
	return f.prefs, f.member(channelID)
}

func (f *fakeBell) Change(_, channelID string, change func(*notify.Preferences)) (notify.Preferences, error) {
	if err := f.member(channelID); err != nil {
		return notify.Preferences{}, err
	}
	change(&f.prefs)
	return f.prefs, nil
}

func (f *fakeBell) IsDirect(_, channelID string) (bool, error) {
	return channelID == "dm", f.member(channelID)
}

func TestNotifyCommand(t *testing.T) {
	start := notify.Preferences{Desktop: notify.All, Push: notify.All, Email: notify.None}
	cases := []struct {
		line, channel string
		want          notify.Preferences
		text          string
	}{
		{"/connect notify", "group", start, "Notifications for this conversation: desktop all activity, mobile push all activity, email never."},
		{"/connect notify mentions", "group", notify.Preferences{Desktop: notify.Mention, Push: notify.Mention, Email: notify.None}, "Done. Notifications for this conversation: desktop only @mentions, mobile push only @mentions, email never."},
		{"/connect notify never push", "group", notify.Preferences{Desktop: notify.All, Push: notify.None, Email: notify.None}, ""},
		{"/connect notify all email", "dm", notify.Preferences{Desktop: notify.All, Push: notify.All, Email: notify.All}, ""},
		{"/connect notify MENTIONS Desktop", "group", notify.Preferences{Desktop: notify.Mention, Push: notify.All, Email: notify.None}, ""},
		{"/connect notify mute", "group", notify.Preferences{Desktop: notify.All, Push: notify.All, Email: notify.None, Muted: true}, "Done. Notifications for this conversation: desktop all activity, mobile push all activity, email never. The conversation is muted."},
		{"/connect notify mentions", "dm", start, "Only @mentions is for group conversations: in a direct conversation every message is for you. Choose `all` or `never`."},
		{"/connect notify loud", "group", start, "Use `/connect notify [all|mentions|never] [desktop|push|email] | mute | unmute`, or `/connect notify` to see your choices."},
		{"/connect notify all sms", "group", start, "`sms` is not desktop, push or email. Use `/connect notify [all|mentions|never] [desktop|push|email] | mute | unmute`, or `/connect notify` to see your choices."},
		{"/connect notify all push email", "group", start, "Use `/connect notify [all|mentions|never] [desktop|push|email] | mute | unmute`, or `/connect notify` to see your choices."},
		{"/connect notify", "town-square", start, "`/connect notify` works in a Connect conversation (a direct or group conversation of ITIL staff): type it in one."},
		{"/connect notify mute", "town-square", start, "`/connect notify` works in a Connect conversation (a direct or group conversation of ITIL staff): type it in one."},
	}
	for _, c := range cases {
		t.Run(c.line+" in "+c.channel, func(t *testing.T) {
			bell := &fakeBell{prefs: start}
			h := NewHandler(Deps{IsAdmin: func(string) bool { return false }, Bell: bell})
			resp := h.Execute(&model.CommandArgs{Command: c.line, UserId: "u1", ChannelId: c.channel})
			assert.Equal(t, model.CommandResponseTypeEphemeral, resp.ResponseType)
			if c.text != "" {
				assert.Equal(t, c.text, resp.Text)
			}
			assert.Equal(t, c.want, bell.prefs)
		})
	}
}

// recordingLog keeps every line logged, with its key-value pairs.
type recordingLog struct{ lines []map[string]any }

func (l *recordingLog) Error(message string, keyValuePairs ...any) {
	line := map[string]any{"message": message}
	for i := 0; i+1 < len(keyValuePairs); i += 2 {
		line[keyValuePairs[i].(string)] = keyValuePairs[i+1]
	}
	l.lines = append(l.lines, line)
}

func TestNotifyCommandFailure(t *testing.T) {
	log := &recordingLog{}
	h := NewHandler(Deps{Bell: &fakeBell{fail: errors.New("store down")}, Log: log})
	resp := h.Execute(&model.CommandArgs{Command: "/connect notify all email", UserId: "u1", ChannelId: "group"})
	assert.Equal(t, "Connect could not read or change the notifications. Please try again.", resp.Text)
	require.Len(t, log.lines, 1, "an internal failure is logged once")
	assert.Equal(t, "/connect notify", log.lines[0]["command"], "the subcommand, not the rest of what was typed")
	assert.Equal(t, "u1", log.lines[0]["user_id"])
	assert.Equal(t, "store down", log.lines[0]["error"])
}

func TestNotifyCommandRefusalsAreNotLogged(t *testing.T) {
	log := &recordingLog{}
	h := NewHandler(Deps{Bell: &fakeBell{}, Log: log})
	resp := h.Execute(&model.CommandArgs{Command: "/connect notify", UserId: "u1", ChannelId: "town-square"})
	assert.Contains(t, resp.Text, "works in a Connect conversation")
	assert.Empty(t, log.lines)
}
