package workspace

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

const (
	here  = "here"
	other = "other"
)

// fakeConversations: every user is in "here" and "other"; "theirs" belongs to someone else.
type fakeConversations struct {
	mu       sync.Mutex
	activity int64
	allCalls int
}

var noSuchConversation = failure.New(failure.NotFound, i18n.Text("No such conversation."))

func (f *fakeConversations) Get(userID, channelID string) (conversations.Conversation, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if userID == "outsider" || (channelID != here && channelID != other) {
		return conversations.Conversation{}, noSuchConversation
	}
	return conversations.Conversation{ID: channelID, LastActivityAt: f.activity}, nil
}

func (f *fakeConversations) All(string) ([]conversations.Conversation, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.allCalls++
	return []conversations.Conversation{
		{ID: here, Name: "Here", Kind: conversations.Group},
		{ID: other, Name: "Bob Baker", Kind: conversations.Direct},
	}, nil
}

func (f *fakeConversations) setActivity(at int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.activity = at
}

// fakeFiles serves files f0 (newest) .. f<n-1>; calls lists the (page, perPage) asked.
type fakeFiles struct {
	infos []*model.FileInfo
	calls [][2]int
	err   error
}

func (f *fakeFiles) ChannelFiles(_ string, page, perPage int) ([]*model.FileInfo, error) {
	f.calls = append(f.calls, [2]int{page, perPage})
	start := min(page*perPage, len(f.infos))
	return f.infos[start:min(start+perPage, len(f.infos))], f.err
}

// fakePosts holds a channel's posts newest first and counts page reads.
type fakePosts struct {
	mu    sync.Mutex
	posts []*model.Post
	reads int
}

func (f *fakePosts) ChannelPosts(_ string, page, perPage int) ([]*model.Post, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reads++
	start := min(page*perPage, len(f.posts))
	return f.posts[start:min(start+perPage, len(f.posts))], nil
}

func (f *fakePosts) prepend(p *model.Post) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.posts = append([]*model.Post{p}, f.posts...)
}

// fakeRecords finds INC words and http words; INC1 is found, others missing, all unavailable while down.
type fakeRecords struct {
	mu        sync.Mutex
	down      bool
	describes int
	index     map[servicenow.RecordKey][]records.Discussion
	noted     map[servicenow.RecordKey]int64
}

func (f *fakeRecords) Scan(message string) ([]servicenow.RecordKey, []string) {
	return wordScan(message)
}

func (f *fakeRecords) Describe(_ context.Context, _, _ string, keys []servicenow.RecordKey) []records.Entry {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.describes++
	entries := make([]records.Entry, len(keys))
	for i, key := range keys {
		entries[i] = records.Entry{Key: key, Number: key.Number, Table: key.Table, Status: records.Missing}
		switch {
		case f.down:
			entries[i].Status = records.Unavailable
		case key.Number == "INC1":
			entries[i].Status, entries[i].Record = records.Found, &servicenow.Record{Number: "INC1", ShortDescription: "Mail down"}
		}
	}
	return entries
}

func (f *fakeRecords) Discussed(channelID string, latest map[servicenow.RecordKey]int64) map[servicenow.RecordKey][]records.Discussion {
	f.mu.Lock()
	defer f.mu.Unlock()
	found := map[servicenow.RecordKey][]records.Discussion{}
	for key, at := range latest {
		f.noted[key] = at
		found[key] = append([]records.Discussion{{ChannelID: channelID, At: at}}, f.index[key]...)
	}
	return found
}

type testLog struct{}

func (testLog) Warn(string, ...any)  {}
func (testLog) Error(string, ...any) {}

type fixture struct {
	conversations *fakeConversations
	files         *fakeFiles
	posts         *fakePosts
	records       *fakeRecords
	now           time.Time
	service       *Service
}

func newFixture() *fixture {
	f := &fixture{
		conversations: &fakeConversations{}, files: &fakeFiles{}, posts: &fakePosts{},
		records: &fakeRecords{index: map[servicenow.RecordKey][]records.Discussion{}, noted: map[servicenow.RecordKey]int64{}},
		now:     time.Unix(1_800_000_000, 0),
	}
	f.service = NewService(Deps{
		Conversations: f.conversations, Files: f.files, Posts: f.posts, Records: f.records, Log: testLog{},
		Now: func() time.Time { return f.now },
	})
	return f
}

func files(n int) []*model.FileInfo {
	infos := make([]*model.FileInfo, n)
	for i := range infos {
		infos[i] = &model.FileInfo{Id: fmt.Sprint("f", i), Name: fmt.Sprintf("f%d.png", i), PostId: "p", CreateAt: int64(n - i)}
	}
	return infos
}

func TestFilesPagesWithHasMore(t *testing.T) {
	f := newFixture()
	f.files.infos = files(5)

	first, err := f.service.Files("u1", here, 0, 2)
	require.NoError(t, err)
	assert.Equal(t, []string{"f0", "f1"}, fileIDs(first))
	assert.True(t, first.HasMore)
	last, err := f.service.Files("u1", here, 2, 2)
	require.NoError(t, err)
	assert.Equal(t, []string{"f4"}, fileIDs(last))
	assert.False(t, last.HasMore)
	exact, err := f.service.Files("u1", here, 1, 2)
	require.NoError(t, err)
	assert.True(t, exact.HasMore)
	f.files.infos = files(4)
	exact, err = f.service.Files("u1", here, 1, 2)
	require.NoError(t, err)
	assert.False(t, exact.HasMore, "a full last page has no more")
	beyond, err := f.service.Files("u1", here, 7, 2)
	require.NoError(t, err)
	assert.Empty(t, beyond.Files)
	assert.False(t, beyond.HasMore)
}

func TestFilePagesCountSharedFilesOnly(t *testing.T) {
	f := newFixture()
	f.files.infos = files(3 * fileChunk)
	for i, info := range f.files.infos {
		if i%3 != 0 {
			info.PostId = "" // drafts, anywhere in Mattermost's list
		}
	}
	var all []string
	for page := 0; ; page++ {
		got, err := f.service.Files("u1", here, page, 30)
		require.NoError(t, err)
		all = append(all, fileIDs(got)...)
		if !got.HasMore {
			break
		}
		assert.Len(t, got.Files, 30, "full pages")
	}
	require.Len(t, all, fileChunk)
	assert.Equal(t, "f0", all[0])
	assert.Equal(t, "f3", all[1])
	assert.Equal(t, fmt.Sprint("f", 3*fileChunk-3), all[fileChunk-1])
}

func fileIDs(page FilePage) []string {
	ids := []string{}
	for _, file := range page.Files {
		ids = append(ids, file.ID)
	}
	return ids
}

func TestFilesLeaveOutDeletedAndUnpostedFiles(t *testing.T) {
	f := newFixture()
	f.files.infos = files(3)
	f.files.infos[0].DeleteAt = 1
	f.files.infos[1].PostId = ""
	page, err := f.service.Files("u1", here, 0, 20)
	require.NoError(t, err)
	assert.Equal(t, []string{"f2"}, fileIDs(page))
	assert.Equal(t, File{ID: "f2", Name: "f2.png", PostID: "p", CreateAt: 1}, page.Files[0])
}

func TestOnlyMembersReadAConversation(t *testing.T) {
	f := newFixture()
	f.files.infos = files(1)
	_, err := f.service.Files("outsider", here, 0, 20)
	assert.Same(t, noSuchConversation, err)
	_, err = f.service.Records(context.Background(), "u1", "theirs")
	assert.Same(t, noSuchConversation, err)
	assert.Empty(t, f.files.calls)
	assert.Zero(t, f.posts.reads)

	f.files.err = errors.New("db down")
	_, err = f.service.Files("u1", here, 0, 20)
	assert.ErrorContains(t, err, "failed to list a conversation's files")
}

func TestRecordsAndLinks(t *testing.T) {
	f := newFixture()
	f.posts.posts = []*model.Post{
		post("p3", 30, "INC1 is back https://status"),
		post("p2", 20, "INC2 https://wiki"),
		post("p1", 10, "INC1 https://status"),
	}
	f.records.index[incident("INC1")] = []records.Discussion{{ChannelID: other, At: 5}, {ChannelID: "theirs", At: 4}}

	got, err := f.service.Records(context.Background(), "u1", here)
	require.NoError(t, err)
	assert.Equal(t, RecordsAndLinks{
		Records: []Record{
			{Number: "INC1", Table: "incident", LastMentionedAt: 30, PostID: "p3", Mentions: 2,
				Card: Card{Status: records.Found, ShortDescription: "Mail down"}, AlsoIn: []Place{{ID: other, Name: "Bob Baker", Kind: conversations.Direct}}},
			{Number: "INC2", Table: "incident", LastMentionedAt: 20, PostID: "p2", Mentions: 1,
				Card: Card{Status: records.Missing}, AlsoIn: []Place{}},
		},
		Links: []Link{
			{URL: "https://status", PostID: "p3", UserID: "u-p3", CreateAt: 30},
			{URL: "https://wiki", PostID: "p2", UserID: "u-p2", CreateAt: 20},
		},
		ScannedPosts: 3,
		Complete:     true,
	}, got)
	assert.Equal(t, map[servicenow.RecordKey]int64{incident("INC1"): 30, incident("INC2"): 20}, f.records.noted, "the conversation's records join the index")
}

func TestRecordsAreReusedUntilAPostChanges(t *testing.T) {
	f := newFixture()
	f.posts.posts = []*model.Post{post("p1", 10, "INC1")}
	read := func() RecordsAndLinks {
		got, err := f.service.Records(context.Background(), "u1", here)
		require.NoError(t, err)
		return got
	}
	read()
	read()
	assert.Equal(t, 1, f.posts.reads)
	assert.Equal(t, 1, f.records.describes, "the answer is reused for the same caller")
	_, err := f.service.Records(context.Background(), "u2", here)
	require.NoError(t, err)
	assert.Equal(t, 1, f.posts.reads, "other members share the posts read")
	assert.Equal(t, 2, f.records.describes, "each caller gets their own cards")

	f.posts.prepend(post("p2", 20, "INC2"))
	f.service.PostChanged(other)
	assert.Len(t, read().Records, 1, "a post elsewhere changes nothing")
	f.service.PostChanged(here)
	assert.Len(t, read().Records, 2, "a post here is read at once")
	assert.Equal(t, 2, f.posts.reads)

	f.posts.prepend(post("p3", 30, "INC3"))
	f.conversations.setActivity(30)
	assert.Len(t, read().Records, 3, "a post made on another server shows in the conversation's last activity")

	f.posts.prepend(post("p4", 40, "INC4"))
	f.now = f.now.Add(DefaultTTL)
	assert.Len(t, read().Records, 4, "an edit made on another server counts within the TTL")
}

func TestUnavailableRecordsAreAskedAgain(t *testing.T) {
	f := newFixture()
	f.posts.posts = []*model.Post{post("p1", 10, "INC1")}
	f.records.down = true
	got, err := f.service.Records(context.Background(), "u1", here)
	require.NoError(t, err)
	assert.Equal(t, records.Unavailable, got.Records[0].Card.Status, "an outage is a status, not a failure")
	f.records.down = false
	got, err = f.service.Records(context.Background(), "u1", here)
	require.NoError(t, err)
	assert.Equal(t, records.Found, got.Records[0].Card.Status)
	assert.Equal(t, 1, f.posts.reads, "only the cards are asked again")
}

func TestRecordsReadAtMostTheNewestPosts(t *testing.T) {
	for _, tt := range []struct {
		posts    int
		complete bool
	}{{maxScannedPosts - 1, true}, {maxScannedPosts, true}, {maxScannedPosts + 1, false}} {
		f := newFixture()
		for i := range tt.posts {
			f.posts.posts = append(f.posts.posts, post(fmt.Sprint("p", i), int64(tt.posts-i), "text"))
		}
		got, err := f.service.Records(context.Background(), "u1", here)
		require.NoError(t, err)
		assert.Equal(t, min(tt.posts, maxScannedPosts), got.ScannedPosts, tt.posts)
		assert.Equal(t, tt.complete, got.Complete, tt.posts)
		assert.Empty(t, got.Records)
		assert.Empty(t, got.Links)
	}
}

func TestConcurrentReadersShareOneRead(t *testing.T) {
	f := newFixture()
	for i := range 1000 {
		f.posts.posts = append(f.posts.posts, post(fmt.Sprint("p", i), int64(1000-i), "INC1"))
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := f.service.Records(context.Background(), fmt.Sprint("u", i), here)
			assert.NoError(t, err)
			assert.Equal(t, 1000, got.Records[0].Mentions)
		}()
	}
	wg.Wait()
	assert.LessOrEqual(t, f.posts.reads, 2*(1000/scanPage+1), "readers arriving together share a read")
}
