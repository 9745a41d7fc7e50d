package main

import (
	"strings"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
)

func TestConversationPartnersAreDMsThenDistinctPairs(t *testing.T) {
	peers := make([]rig.User, 200)
	for i := range peers {
		peers[i] = rig.User{User: &model.User{Id: model.NewId()}}
	}
	assert.Len(t, conversationPartners(peers, 5), 5)

	partners := conversationPartners(peers, 500)
	assert.Len(t, partners, 500)
	seen := map[string]bool{}
	for i, others := range partners {
		people := 2 // group messages, after a DM with each peer
		if i < len(peers) {
			people = 1
		}
		assert.Len(t, others, people)
		key := strings.Join(others, ",")
		assert.False(t, seen[key], "conversation %d repeats %s", i, key)
		seen[key] = true
	}
}

func TestSpreadOf(t *testing.T) {
	assert.Equal(t, spread{median: 2, low: 1, high: 5}, spreadOf([]float64{5, 1, 2}))
	assert.Equal(t, spread{median: 2.5, low: 1, high: 4}, spreadOf([]float64{4, 1, 3, 2}))
	assert.Equal(t, "+2 [-1, +5]", spread{median: 2, low: -1, high: 5}.format("%+.0f"))
}

func TestEveryStateGoesFirstInTurn(t *testing.T) {
	for r := range states {
		order := rotated(r)
		assert.Len(t, order, len(states))
		assert.Equal(t, states[r].name, order[0].name)
	}
}
