package follow

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/platform/kvtest"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/wire/wiretest"
)

const (
	alice    = "aliceaaaaaaaaaaaaaaaaaaaaa"
	bob      = "bobbbbbbbbbbbbbbbbbbbbbbbb"
	customer = "customerccccccccccccccccc1"
	recordID = "0123456789abcdef0123456789abcdef"
)

// fakeGroups are record conversations and their members.
type fakeGroups struct {
	mu      sync.Mutex
	members map[string]map[string]bool
}

func (g *fakeGroups) Get(userID, channelID string) (conversations.Conversation, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.members[channelID][userID] {
		return conversations.Conversation{}, failure.New(failure.NotFound, i18n.Text("No such conversation."))
	}
	return conversations.Conversation{ID: channelID}, nil
}

func (g *fakeGroups) CreateRecordGroup(callerID, name string) (conversations.Conversation, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	id := model.NewId()
	g.members[id] = map[string]bool{callerID: true}
	return conversations.Conversation{ID: id, Name: name}, nil
}

func (g *fakeGroups) Join(channelID, userID string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.members[channelID][userID] = true
	return nil
}

func (g *fakeGroups) RemoveMember(_, channelID, memberID string) (conversations.Conversation, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.members[channelID], memberID)
	return conversations.Conversation{ID: channelID}, nil
}

func (g *fakeGroups) Rename(_, channelID, name string) (conversations.Conversation, error) {
	return conversations.Conversation{ID: channelID, Name: name}, nil
}

// fakeServiceNow knows one incident.
type fakeServiceNow struct{ record servicenow.Followed }

func (f *fakeServiceNow) FollowedRecord(_ context.Context, key servicenow.RecordKey) (servicenow.Followed, bool, error) {
	return f.record, key.Number == f.record.Number || key.SysID == f.record.SysID, nil
}

func (f *fakeServiceNow) ChangedRecords(context.Context, []string, time.Time) ([]servicenow.Followed, error) {
	return nil, nil
}

func (f *fakeServiceNow) JournalSince(context.Context, []string, time.Time) ([]servicenow.JournalEntry, error) {
	return nil, nil
}

func (f *fakeServiceNow) RecordURL(table, sysID string) string {
	return "https://sn.example.com/" + table + ".do?sys_id=" + sysID
}

func (f *fakeServiceNow) AddJournal(context.Context, string, string, string, string) error {
	return nil
}

func (f *fakeServiceNow) AddAttachment(context.Context, string, string, string, string, []byte) error {
	return nil
}

type discardPosts struct{}

func (discardPosts) CreatePost(post *model.Post) error { post.Id = model.NewId(); return nil }

func (discardPosts) GetPost(postID string) (*model.Post, error) { return &model.Post{Id: postID}, nil }

func (discardPosts) UpdatePost(*model.Post) error { return nil }

type world struct {
	*Service
	groups  *fakeGroups
	clients *wiretest.Recorder
}

func newWorld() world {
	upstream := &fakeServiceNow{record: servicenow.Followed{
		Table: "incident", SysID: recordID, Number: "INC0010001", ShortDescription: "Email server down",
		State: "New", Priority: "2 - High", UpdatedOn: "2026-12-02 10:00:00",
	}}
	w := world{groups: &fakeGroups{members: map[string]map[string]bool{}}, clients: &wiretest.Recorder{}}
	w.Service = NewService(Deps{
		Upstream:      func() Upstream { return upstream },
		Conversations: w.groups,
		Posts:         discardPosts{},
		KV:            kvtest.New(),
		Clients:       w.clients,
		Log:           discardLog{},
		Config:        func() *config.Config { return &config.Config{} },
		IsStaff:       func(userID string) bool { return userID != customer },
		Lock:          func(context.Context, string) (func(), error) { return func() {}, nil },
		BotID:         "connectbot0000000000000000",
	})
	return w
}

func (w world) follow(t *testing.T, userID string) Follow {
	t.Helper()
	f, err := w.Follow(userID, servicenow.RecordKey{Number: "INC0010001"})
	require.NoError(t, err)
	return f
}

// changes are the follows_changed events userID's clients received.
func (w world) changes(userID string) []Changed {
	var found []Changed
	for _, p := range w.clients.Events(userID, ChangedEvent) {
		found = append(found, p.Event.(Changed))
	}
	return found
}

func (w world) lastMessage(userID string) wiretest.Message {
	events := w.clients.Events(userID, ChangedEvent)
	return events[len(events)-1].Message
}

func TestFollowingTellsTheFollowersOtherClientsTheRecord(t *testing.T) {
	w := newWorld()
	f := w.follow(t, alice)

	require.Equal(t, []Changed{{Follow: f, Following: true}}, w.changes(alice))
	assert.Equal(t, Follow{Table: "incident", SysID: recordID, Number: "INC0010001", ShortDescription: "Email server down", ConversationID: f.ConversationID}, f)
	wiretest.Golden(t, "events/follows_changed.started.json", w.lastMessage(alice))

	w.follow(t, bob)
	assert.Len(t, w.changes(bob), 1)
	assert.Len(t, w.changes(alice), 1, "nothing changed for alice")
	w.follow(t, bob)
	assert.Len(t, w.changes(bob), 1, "following again changes nothing")
}

func TestUnfollowingAndLeavingTellTheLeaversClients(t *testing.T) {
	w := newWorld()
	f := w.follow(t, alice)
	w.follow(t, bob)

	require.NoError(t, w.Unfollow(alice, Ref{Table: "incident", SysID: recordID}))
	assert.Equal(t, Changed{Follow: f, Following: false}, w.changes(alice)[1])
	wiretest.Golden(t, "events/follows_changed.ended.json", w.lastMessage(alice))
	w.MemberLeft(f.ConversationID, alice) // Mattermost's hook for the removal Unfollow made
	assert.Len(t, w.changes(alice), 2)

	w.MemberLeft(f.ConversationID, bob) // left by Mattermost's own menu
	assert.Equal(t, Changed{Follow: f, Following: false}, w.changes(bob)[1])
	list, err := w.List(bob)
	require.NoError(t, err)
	assert.Empty(t, list)
}

func TestStaffAddedToARecordConversationFollowIt(t *testing.T) {
	w := newWorld()
	f := w.follow(t, alice)

	require.NoError(t, w.groups.Join(f.ConversationID, bob))
	w.MemberJoined(f.ConversationID, bob)
	assert.Equal(t, []Changed{{Follow: f, Following: true}}, w.changes(bob))
	list, err := w.List(bob)
	require.NoError(t, err)
	assert.Equal(t, []Follow{f}, list)

	w.MemberJoined(f.ConversationID, alice) // Mattermost's hook for the join Follow made
	assert.Len(t, w.changes(alice), 1)
	require.NoError(t, w.groups.Join(f.ConversationID, customer))
	w.MemberJoined(f.ConversationID, customer)
	assert.Empty(t, w.changes(customer), "customers never follow")
	w.MemberJoined(f.ConversationID, "leftagainlllllllllllllllll")
	assert.Empty(t, w.changes("leftagainlllllllllllllllll"), "someone no longer in it by the time the hook runs")
	w.MemberJoined("someotherchannelxxxxxxxxxx", bob)
	assert.Len(t, w.changes(bob), 1, "other channels are not record conversations")
}

func TestANewShortDescriptionReachesEveryFollowersList(t *testing.T) {
	w := newWorld()
	f := w.follow(t, alice)
	w.follow(t, bob)

	changed := servicenow.Followed{Table: "incident", SysID: recordID, Number: "INC0010001", ShortDescription: "Email server down for Finance",
		State: "In Progress", Priority: "2 - High", UpdatedOn: "2026-12-02 11:00:00"}
	_, _, err := w.deliver(Ref{Table: "incident", SysID: recordID}, &changed, nil)
	require.NoError(t, err)

	renamed := f
	renamed.ShortDescription = "Email server down for Finance"
	for _, id := range []string{alice, bob} {
		changes := w.changes(id)
		assert.Equal(t, Changed{Follow: renamed, Following: true}, changes[len(changes)-1], id)
	}
	wiretest.Golden(t, "events/follows_changed.renamed.json", w.lastMessage(alice))

	_, _, err = w.deliver(Ref{Table: "incident", SysID: recordID}, &changed, nil)
	require.NoError(t, err)
	assert.Len(t, w.changes(alice), 2, "no change, no event")
}
