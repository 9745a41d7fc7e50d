package wire_test

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/wire"
)

type level string

type inner struct {
	Name  string `json:"name"`
	Level level  `json:"level"`
}

type base struct {
	ID   string `json:"id"`
	hide string
}

type everything struct {
	base
	Flag     bool              `json:"flag"`
	Count    int64             `json:"count"`
	Small    uint8             `json:"small"`
	Ratio    float64           `json:"ratio"`
	Named    level             `json:"named"`
	Inner    inner             `json:"inner"`
	Pointer  *inner            `json:"pointer"`
	Nil      *inner            `json:"nil"`
	Skipped  *inner            `json:"skipped,omitempty"`
	List     []inner           `json:"list"`
	Empty    []string          `json:"empty"`
	NilList  []string          `json:"nil_list"`
	Bytes    []byte            `json:"bytes"`
	Array    [2]int            `json:"array"`
	Map      map[string]level  `json:"map"`
	NilMap   map[string]string `json:"nil_map,omitempty"`
	Untagged string
	Zero     int    `json:"zero,omitempty"`
	Ignored  string `json:"-"`
	private  string
}

func (everything) EventName() string { return "everything" }

func sample() everything {
	return everything{
		base: base{ID: "abc", hide: "x"}, Flag: true, Count: 1 << 40, Small: 7, Ratio: 0.25, Named: "all",
		Inner: inner{Name: "in", Level: "none"}, Pointer: &inner{Name: "p"}, List: []inner{{Name: "a"}, {Name: "b", Level: "all"}},
		Empty: []string{}, Bytes: []byte("hi"), Array: [2]int{1, 2}, Map: map[string]level{"k": "mention"},
		Untagged: "u", Ignored: "i", private: "p",
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	raw, err := json.Marshal(v)
	require.NoError(t, err)
	return string(raw)
}

func TestDataIsWhatEncodingJSONWrites(t *testing.T) {
	ev := sample()
	assert.JSONEq(t, jsonOf(t, ev), jsonOf(t, wire.Data(ev)))
	assert.JSONEq(t, jsonOf(t, &ev), jsonOf(t, wire.Data(&ev)), "a pointer to the payload too")
}

// throughRPC is data as the Mattermost server receives it from the plugin: the plugin RPC
// gob-encodes the payload map, which knows only Go's own types inside it.
func throughRPC(t *testing.T, data map[string]any) map[string]any {
	t.Helper()
	var buffer bytes.Buffer
	require.NoError(t, gob.NewEncoder(&buffer).Encode(&plugin.Z_PublishWebSocketEventArgs{A: "everything", B: data, C: &model.WebsocketBroadcast{UserId: "u"}}))
	var received plugin.Z_PublishWebSocketEventArgs
	require.NoError(t, gob.NewDecoder(&buffer).Decode(&received))
	return received.B
}

func TestDataCrossesThePluginRPC(t *testing.T) {
	ev := sample()
	ev.Empty = []string{"not empty"}
	assert.JSONEq(t, jsonOf(t, ev), jsonOf(t, throughRPC(t, wire.Data(ev))))
}

// gob sends no empty lists: clients receive null for them, so a payload's lists must not be
// empty (the contract tests check the fixtures for null where the type has none).
func TestAnEmptyListArrivesAsNull(t *testing.T) {
	received := throughRPC(t, wire.Data(sample()))
	assert.Equal(t, "null", jsonOf(t, received["empty"]))
}

type withInterface struct {
	Value any `json:"value"`
}

func (withInterface) EventName() string { return "with_interface" }

func TestDataRefusesWhatItCannotDescribe(t *testing.T) {
	assert.PanicsWithValue(t, "wire: interface {} (interface) cannot be sent to clients", func() { wire.Data(withInterface{}) })
}

func TestFieldsFollowEncodingJSON(t *testing.T) {
	var names []string
	for _, f := range wire.Fields(reflect.TypeOf(everything{})) {
		names = append(names, f.Name)
	}
	assert.Equal(t, []string{"id", "flag", "count", "small", "ratio", "named", "inner", "pointer", "nil", "skipped", "list", "empty", "nil_list", "bytes", "array", "map", "nil_map", "Untagged", "zero"}, names)
}

func updated() conversations.Updated {
	return conversations.Updated{Conversation: conversations.Conversation{
		ID: "abcdefghijklmnopqrstuvwxyz", Kind: conversations.Group, Name: "Printer outage – 3rd floor",
		Members: []conversations.Member{
			{ID: "u1u1u1u1u1u1u1u1u1u1u1u1u1", Username: "alice", DisplayName: "Alice Adams"},
			{ID: "u2u2u2u2u2u2u2u2u2u2u2u2u2", Username: "bob", DisplayName: "Bob Baker"},
			{ID: "u3u3u3u3u3u3u3u3u3u3u3u3u3", Username: "carol", DisplayName: "Carol Clark"},
		},
		LastPost:       &conversations.LastPost{ID: "p1p1p1p1p1p1p1p1p1p1p1p1p1", UserID: "u2u2u2u2u2u2u2u2u2u2u2u2u2", Message: "Swapped the toner, PRB0040002 stays open", CreateAt: 1_790_000_000_000},
		LastActivityAt: 1_790_000_000_000, UnreadCount: 3, MentionCount: 1, Open: true, Managed: true,
		Record: &conversations.RecordRef{Table: "problem", SysID: "0123456789abcdef0123456789abcdef", Number: "PRB0040002", ShortDescription: "Printer outage", URL: "https://sn.example.com/problem.do?sys_id=0123456789abcdef0123456789abcdef"},
	}}
}

// conversation_updated goes to every member whenever a conversation changes: Data against the
// JSON round trip it replaced.
func BenchmarkConversationUpdated(b *testing.B) {
	ev := updated()
	b.Run("wire.Data", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			_ = wire.Data(ev)
		}
	})
	b.Run("json round trip", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			raw, _ := json.Marshal(ev)
			var data map[string]any
			_ = json.Unmarshal(raw, &data)
		}
	})
}
