package integration

import (
	"math/rand/v2"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/search"
)

// searchWord is a word no other test writes, so Mattermost's search finds only this test's posts.
func searchWord() string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz"
	letters := make([]byte, 10)
	for i := range letters {
		letters[i] = alphabet[rand.IntN(len(alphabet))]
	}
	return "zq" + string(letters)
}

func searchMessages(t *testing.T, p *person, terms string) reply[search.Results] {
	t.Helper()
	return route[search.Results](t, p.client, http.MethodGet, "/api/v1/search?terms="+url.QueryEscape(terms), nil)
}

func TestSearchFindsAWordInConnectConversationsOnly(t *testing.T) {
	alice, bob, carol, dave := newStaff(t), newStaff(t), newStaff(t), newCustomer(t)
	word := searchWord()
	dm := alice.directWith(t, bob)
	fromBob := mustPost(t, bob, dm, "The printer "+word+" on floor 3 is jammed again")
	fromAlice := mustPost(t, alice, dm, "Cleared the "+word+" tray")
	group := alice.start(t, http.StatusCreated, bob, carol)
	inGroup := mustPost(t, carol, group.ID, "Same "+word+" problem upstairs")
	mustPost(t, alice, townSquare(t, alice.client).Id, "Team channel: "+word+" is a team word")
	// The support team's town square is where customers talk (they are members): a team channel,
	// never a Connect conversation. (The staff policy keeps anyone from posting in a direct
	// conversation with a customer, so it has nothing to find.)
	mustPost(t, dave, townSquare(t, dave.client).Id, "Customer here: my "+word+" is broken")
	mustPost(t, carol, carol.directWith(t, bob), "Not Alice's: "+word)

	found := searchMessages(t, alice, word)
	require.Equal(t, http.StatusOK, found.Status, found.Text())
	assert.Equal(t, word, found.Body.Terms)
	require.Len(t, found.Body.Groups, 2, "the direct and the group conversation, nothing else: %s", found.Text())
	assert.Equal(t, group.ID, found.Body.Groups[0].Conversation.ID, "the conversation with the newest match first")
	assert.Equal(t, []string{inGroup.Id}, postIDs(found.Body.Groups[0]))
	assert.Equal(t, dm, found.Body.Groups[1].Conversation.ID)
	assert.Equal(t, []string{fromAlice.Id, fromBob.Id}, postIDs(found.Body.Groups[1]), "newest first")
	assert.Contains(t, found.Body.Groups[1].Messages[1].Highlights, word)
	assert.Equal(t, bob.Id, found.Body.Groups[1].Messages[1].UserID)

	fromOnly := searchMessages(t, alice, word+" from:"+bob.Username)
	require.Equal(t, http.StatusOK, fromOnly.Status, fromOnly.Text())
	require.Len(t, fromOnly.Body.Groups, 1)
	assert.Equal(t, []string{fromBob.Id}, postIDs(fromOnly.Body.Groups[0]))

	inDM := searchMessages(t, alice, word+" in:@"+bob.Username)
	require.Equal(t, http.StatusOK, inDM.Status, inDM.Text())
	require.Len(t, inDM.Body.Groups, 1, "in:@bob is the direct conversation with bob, as in Mattermost's search: %s", inDM.Text())
	assert.Equal(t, dm, inDM.Body.Groups[0].Conversation.ID)

	none := searchMessages(t, alice, searchWord())
	require.Equal(t, http.StatusOK, none.Status)
	assert.Empty(t, none.Body.Groups)
}

func TestSearchIsForStaffAndNeedsWords(t *testing.T) {
	alice, dave := newStaff(t), newCustomer(t)

	empty := route[string](t, alice.client, http.MethodGet, "/api/v1/search?terms=%20", nil)
	assert.Equal(t, http.StatusBadRequest, empty.Status)
	assert.Equal(t, "Type 1 to 256 characters to search messages.", errorOf(t, empty.Raw))

	refused := route[string](t, dave.client, http.MethodGet, "/api/v1/search?terms=printer", nil)
	assert.Equal(t, http.StatusForbidden, refused.Status)
}

func postIDs(g search.Group) []string {
	ids := make([]string, 0, len(g.Messages))
	for _, m := range g.Messages {
		ids = append(ids, m.PostID)
	}
	return ids
}
