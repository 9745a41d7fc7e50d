package shape

import (
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
)

const botID = "botbotbotbotbotbotbotbotbo"

func TestOf(t *testing.T) {
	alice, bob := model.NewId(), model.NewId()
	tests := []struct {
		name    string
		channel *model.Channel
		want    Shape
	}{
		{"a DM", &model.Channel{Type: model.ChannelTypeDirect, Name: alice + "__" + bob}, Direct},
		{"a DM with oneself", &model.Channel{Type: model.ChannelTypeDirect, Name: alice + "__" + alice}, None},
		{"a GM", &model.Channel{Type: model.ChannelTypeGroup}, GroupMessage},
		{"a private channel the bot made", &model.Channel{Type: model.ChannelTypePrivate, CreatorId: botID}, Managed},
		{"a private channel someone made", &model.Channel{Type: model.ChannelTypePrivate, CreatorId: alice}, None},
		{"a public channel the bot made", &model.Channel{Type: model.ChannelTypeOpen, CreatorId: botID}, None},
		{"an archived GM", &model.Channel{Type: model.ChannelTypeGroup, DeleteAt: 1}, None},
		{"no channel", nil, None},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Of(tt.channel, botID))
			assert.Equal(t, tt.want != None, Of(tt.channel, botID).IsConversation())
		})
	}
}

func TestOfWithoutBotKnowsNoManagedGroups(t *testing.T) {
	assert.Equal(t, None, Of(&model.Channel{Type: model.ChannelTypePrivate, CreatorId: ""}, ""))
}

func TestDirectMemberIDs(t *testing.T) {
	alice, bob := model.NewId(), model.NewId()
	assert.Equal(t, []string{alice, bob}, DirectMemberIDs(&model.Channel{Type: model.ChannelTypeDirect, Name: alice + "__" + bob}))
	assert.Nil(t, DirectMemberIDs(&model.Channel{Type: model.ChannelTypeGroup, Name: alice + "__" + bob}))
	assert.Nil(t, DirectMemberIDs(&model.Channel{Type: model.ChannelTypeDirect, Name: "town-square"}))
}
