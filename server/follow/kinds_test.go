package follow

import (
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
)

// noKV fails the test on any use: posts outside record conversations must not reach the store.
type noKV struct{ t *testing.T }

func (n noKV) Get(key string) ([]byte, error) { n.t.Fatalf("KV read %s", key); return nil, nil }
func (n noKV) Set(key string, _ []byte) error { n.t.Fatalf("KV write %s", key); return nil }
func (n noKV) SetWithExpiry(key string, _ []byte, _ time.Duration) error {
	n.t.Fatalf("KV write %s", key)
	return nil
}
func (n noKV) CompareAndSetWithExpiry(key string, _, _ []byte, _ time.Duration) (bool, error) {
	n.t.Fatalf("KV write %s", key)
	return false, nil
}
func (n noKV) KeysWithPrefix(prefix string) ([]string, error) {
	n.t.Fatalf("KV list %s", prefix)
	return nil, nil
}
func (n noKV) Delete(key string) error { n.t.Fatalf("KV delete %s", key); return nil }

func TestTheJournalFieldIsFilledInRecordConversationsOnly(t *testing.T) {
	twoWay := true
	s := NewService(Deps{KV: noKV{t}, BotID: "bot", Config: func() *config.Config { return &config.Config{FollowTwoWay: twoWay} }})
	s.byChannel["record"] = conversations.RecordRef{Table: "incident", SysID: "0123456789abcdef0123456789abcdef"}

	elsewhere := &model.Post{ChannelId: "dm", UserId: "alice", Message: "hi"}
	assert.Nil(t, s.FillJournalKind(elsewhere), "a post outside record conversations is left alone, without the store")
	elsewhere.AddProp(JournalProp, "comments")
	assert.Nil(t, s.FillJournalKind(elsewhere))
	s.MessageHasBeenUpdated(elsewhere, &model.Post{ChannelId: "dm", Message: "before"})

	chosen := &model.Post{ChannelId: "record", UserId: "alice", Message: "a comment"}
	chosen.AddProp(JournalProp, "comments")
	assert.Nil(t, s.FillJournalKind(chosen), "a valid choice stays as it is")

	s.d.KV = &memoryKV{values: map[string][]byte{kindKey("record", "alice"): []byte("comments")}}
	filled := s.FillJournalKind(&model.Post{ChannelId: "record", UserId: "alice", Message: "from the mobile app"})
	require.NotNil(t, filled)
	assert.Equal(t, "comments", filled.GetProp(JournalProp), "the author's remembered choice")
	forged := &model.Post{ChannelId: "record", UserId: "bob", Message: "x"}
	forged.AddProp(JournalProp, "everything")
	assert.Equal(t, "work_notes", s.FillJournalKind(forged).GetProp(JournalProp), "an unknown value becomes the default")
	assert.Nil(t, s.FillJournalKind(&model.Post{ChannelId: "record", UserId: "bot", Message: "update"}), "the bot's updates go nowhere")

	twoWay = false
	unlabelled := s.FillJournalKind(chosen)
	require.NotNil(t, unlabelled)
	assert.Nil(t, unlabelled.GetProp(JournalProp), "with two-way off nothing goes to the record: no label")
}
