package records

import (
	"bytes"
	"encoding/gob"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCardsReadBackAsStoredAndAsTheyCrossTheRPC(t *testing.T) {
	cards := []Card{
		{Table: "incident", Number: "INC0010001", Status: Found, FoundTable: "incident", FoundSysID: "abc"},
		{Table: "problem", Number: "PRB0040002", Status: Unavailable, Problem: "ServiceNow could not be reached", Stale: true},
		{Table: "kb_knowledge", SysID: "def", Status: Pending},
	}
	post := &model.Post{}
	post.AddProp(CardsProp, propValue(cards))
	assert.Equal(t, cards, cardsOf(post))

	var buf bytes.Buffer
	require.NoError(t, gob.NewEncoder(&buf).Encode(post))
	var crossed model.Post
	require.NoError(t, gob.NewDecoder(&buf).Decode(&crossed))
	assert.Equal(t, cards, cardsOf(&crossed))
}

func TestCardsOfAnotherShapeGoThroughJSON(t *testing.T) {
	post := &model.Post{}
	post.AddProp(CardsProp, []map[string]any{{"table": "incident", "number": "INC0010001", "status": "found"}})
	assert.Equal(t, []Card{{Table: "incident", Number: "INC0010001", Status: Found}}, cardsOf(post))

	post.AddProp(CardsProp, []any{map[string]any{"table": 7}})
	assert.Nil(t, cardsOf(post), "not cards")
}
