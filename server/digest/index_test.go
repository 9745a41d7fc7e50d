package digest

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func indexed(t *testing.T, s *Service) []string {
	t.Helper()
	var users []string
	require.NoError(t, s.eachIndexed(func(userID string) { users = append(users, userID) }))
	return users
}

func TestIndexPagesOptedInUsersOnceEach(t *testing.T) {
	w := newWorld()
	s := w.service()
	for u := range 250 {
		optIn(t, s, fmt.Sprintf("user%03d", u), 15)
	}
	optIn(t, s, "user007", 30) // a second choice does not index twice
	users := indexed(t, s)
	assert.Len(t, users, 250)
	for page, size := range []int{100, 100, 50} {
		onPage, _, found, err := s.indexPage(page)
		require.NoError(t, err)
		require.True(t, found)
		assert.Len(t, onPage, size)
	}

	off := false
	_, err := s.Set("user007", Change{Enabled: &off})
	require.NoError(t, err)
	assert.NotContains(t, indexed(t, s), "user007")
	assert.Len(t, indexed(t, s), 249)

	optIn(t, s, "user999", 15)
	onFirst, _, _, err := s.indexPage(0)
	require.NoError(t, err)
	assert.Contains(t, onFirst, "user999", "a place freed by an opt-out is used again")
	assert.Len(t, indexed(t, s), 250)
}

func TestIndexIsBuiltOnceForUsersWhoOptedInBeforeIt(t *testing.T) {
	w := newWorld()
	s := w.service()
	require.NoError(t, writeJSON(w.kv, settingsKey("early"), Settings{Enabled: true, IntervalMinutes: 15}))
	require.NoError(t, writeJSON(w.kv, settingsKey("undecided"), Settings{IntervalMinutes: 30}))
	require.NoError(t, s.buildIndex())
	assert.Equal(t, []string{"early"}, indexed(t, s))

	require.NoError(t, writeJSON(w.kv, settingsKey("late"), Settings{Enabled: true, IntervalMinutes: 15}))
	require.NoError(t, s.buildIndex())
	assert.Equal(t, []string{"early"}, indexed(t, s), "built once; later opt-ins index themselves")
}
