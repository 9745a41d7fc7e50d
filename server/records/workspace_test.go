package records

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/platform/kvtest"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

func TestScanTellsLinksFromRecordLinks(t *testing.T) {
	r := newTestRecognizer(t)
	form := testInstance + "/incident.do?sys_id=" + testSysID
	tests := []struct {
		name    string
		message string
		records []servicenow.RecordKey
		links   []string
	}{
		{"nothing", "all quiet", nil, nil},
		{"bare link", "see https://wiki.example.com/runbooks/mail.", nil, []string{"https://wiki.example.com/runbooks/mail"}},
		{"http and case", "HTTP://Example.com/a and http://example.com/b", nil, []string{"HTTP://Example.com/a", "http://example.com/b"}},
		{"markdown link", "[the runbook](https://wiki.example.com/r \"title\") INC0010001", []servicenow.RecordKey{number("incident", "INC0010001")}, []string{"https://wiki.example.com/r"}},
		{"autolink", "<https://status.example.com>", nil, []string{"https://status.example.com"}},
		{"in parentheses", "(see https://example.com/a_(b))", nil, []string{"https://example.com/a_(b)"}},
		{"record link is a record", "look: " + form, []servicenow.RecordKey{sysID("incident", testSysID)}, nil},
		{"record link as markdown", "[it](" + form + ")", []servicenow.RecordKey{sysID("incident", testSysID)}, nil},
		{"a link to another table of the instance is a link", testInstance + "/sys_user.do?sys_id=" + testSysID, nil, []string{testInstance + "/sys_user.do?sys_id=" + testSysID}},
		{"a number in a foreign link is neither", "https://jira.example.com/browse/INC0010001", nil, []string{"https://jira.example.com/browse/INC0010001"}},
		{"code is skipped", "`https://a.example.com` and\n```\nhttps://b.example.com\n```\nINC0010002", []servicenow.RecordKey{number("incident", "INC0010002")}, nil},
		{"once each", "https://a.example.com https://a.example.com", nil, []string{"https://a.example.com"}},
		{"not web links", "mailto:me@example.com <me@example.com> ftp://files.example.com www.example.com https:/// https://", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mentions, links := r.Scan(tt.message, 100, 100)
			var keys []servicenow.RecordKey
			for _, m := range mentions {
				keys = append(keys, m.Key)
			}
			assert.Equal(t, tt.records, keys)
			assert.Equal(t, tt.links, links)
		})
	}
}

func TestScanLimitsAndFindStaysAsItWas(t *testing.T) {
	r := newTestRecognizer(t)
	var words []string
	for i := range 5 {
		words = append(words, fmt.Sprintf("https://example.com/%d INC%07d", i, 10001+i))
	}
	message := strings.Join(words, " ")
	mentions, links := r.Scan(message, 2, 3)
	assert.Len(t, mentions, 2)
	assert.Equal(t, []string{"https://example.com/0", "https://example.com/1", "https://example.com/2"}, links)
	assert.Len(t, r.Find(message, 5), 5, "Find is unchanged by links")

	none, err := NewRecognizer(nil, 7, "")
	require.NoError(t, err)
	mentions, links = none.Scan("INC0010001 at https://example.com/x", 10, 10)
	assert.Empty(t, mentions, "no prefixes, no records")
	assert.Equal(t, []string{"https://example.com/x"}, links)
}

func TestServiceScanFindsLinksWithoutServiceNow(t *testing.T) {
	s := NewService(Deps{Posts: newFakePosts(), Access: readers{}, Audience: &audience{}, KV: kvtest.New(), Log: silentLog{}})
	t.Cleanup(s.Close)
	mentions, links := s.Scan("INC0010001 https://example.com/x")
	assert.Empty(t, mentions)
	assert.Equal(t, []string{"https://example.com/x"}, links)
}

func TestWithDiscussion(t *testing.T) {
	const m = int64(time.Minute / time.Millisecond)
	full := make([]Discussion, MaxDiscussions)
	for i := range full {
		full[i] = Discussion{ChannelID: fmt.Sprintf("c%03d", i), At: (1000 - int64(i)) * m}
	}
	tests := []struct {
		name        string
		list        []Discussion
		channel     string
		at          int64
		want        []Discussion
		wantChanged bool
	}{
		{"first", nil, "a", 5 * m, []Discussion{{"a", 5 * m}}, true},
		{"newest first", []Discussion{{"a", 5 * m}}, "b", 7 * m, []Discussion{{"b", 7 * m}, {"a", 5 * m}}, true},
		{"older goes after", []Discussion{{"a", 5 * m}}, "b", 3 * m, []Discussion{{"a", 5 * m}, {"b", 3 * m}}, true},
		{"a later mention moves up", []Discussion{{"a", 15 * m}, {"b", 3 * m}}, "b", 30 * m, []Discussion{{"b", 30 * m}, {"a", 15 * m}}, true},
		{"an earlier mention changes nothing", []Discussion{{"a", 5 * m}, {"b", 3 * m}}, "a", 4 * m, []Discussion{{"a", 5 * m}, {"b", 3 * m}}, false},
		{"the same mention changes nothing", []Discussion{{"a", 5 * m}}, "a", 5 * m, []Discussion{{"a", 5 * m}}, false},
		{"a mention minutes later changes nothing", []Discussion{{"a", 5 * m}}, "a", 14 * m, []Discussion{{"a", 5 * m}}, false},
		{"ten minutes later it does", []Discussion{{"a", 5 * m}}, "a", 15 * m, []Discussion{{"a", 15 * m}}, true},
		{"ties by channel", []Discussion{{"b", 5 * m}}, "a", 5 * m, []Discussion{{"a", 5 * m}, {"b", 5 * m}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, changed := withDiscussion(tt.list, tt.channel, tt.at)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.wantChanged, changed)
		})
	}

	t.Run("a full list drops its oldest", func(t *testing.T) {
		got, changed := withDiscussion(full, "new", 2000*m)
		assert.True(t, changed)
		assert.Len(t, got, MaxDiscussions)
		assert.Equal(t, Discussion{"new", 2000 * m}, got[0])
		assert.Equal(t, full[MaxDiscussions-2], got[MaxDiscussions-1])
	})
	t.Run("a full list ignores a mention older than all", func(t *testing.T) {
		got, changed := withDiscussion(full, "old", 1)
		assert.False(t, changed)
		assert.Equal(t, full, got)
	})
}

func storedDiscussions(t *testing.T, kv KV, key servicenow.RecordKey) []Discussion {
	t.Helper()
	value, err := kv.Get(discussedKey(key))
	require.NoError(t, err)
	var list []Discussion
	if value != nil {
		require.NoError(t, json.Unmarshal(value, &list))
	}
	return list
}

func TestDiscussedNotesMergeWithConcurrentChanges(t *testing.T) {
	key := number("incident", "INC0010001")
	another := 0
	kv, conflicts := kvtest.New(), 2
	// another server changes the key behind the back of the first compare-and-sets
	kv.BeforeCompareAndSet(func(key string) {
		if conflicts == 0 {
			return
		}
		conflicts--
		another++
		stored, _ := kv.Get(key)
		list, _ := withDiscussion(decodeDiscussions(stored), fmt.Sprintf("other%d", another), int64(another))
		value, _ := json.Marshal(list)
		_ = kv.Set(key, value)
	})
	d := discussed{kv: kv}
	list, err := d.note(key, "mine", 10)
	require.NoError(t, err)
	want := []Discussion{{"mine", 10}, {"other2", 2}, {"other1", 1}}
	assert.Equal(t, want, list, "the other servers' changes are kept")
	assert.Equal(t, want, storedDiscussions(t, kv, key))

	conflicts = discussedAttempts
	_, err = d.note(key, "late", 20)
	assert.ErrorIs(t, err, errDiscussedBusy, "it gives up after a bounded number of attempts")

	require.NoError(t, kv.Set(discussedKey(key), []byte("not json")))
	list, err = d.note(key, "mine", 30)
	require.NoError(t, err)
	assert.Equal(t, []Discussion{{"mine", 30}}, list, "an unreadable value is replaced")
	assert.Equal(t, "records_in_incident/INC0010001", discussedKey(key))
	assert.Equal(t, "records_in_incident/"+testSysID, discussedKey(sysID("incident", testSysID)))
}

func TestPostsInConversationsNoteTheirRecords(t *testing.T) {
	f := newFixture(t)
	f.isConversation = func(channelID string) bool { return channelID != "town-square" }
	many := strings.Join([]string{standin.SampleIncident, standin.SampleIncident2, standin.SampleProblem, standin.SampleProblem2, standin.SampleChange, standin.SampleChange2}, " ")

	post := &model.Post{Id: model.NewId(), UserId: "staffer", ChannelId: "dm1", CreateAt: 100, Message: "about " + standin.SampleIncident}
	f.service.Posted(orPost(f.service.Attach(post), post))
	post = &model.Post{Id: model.NewId(), UserId: "staffer", ChannelId: "dm2", CreateAt: 200, Message: many}
	f.service.Posted(orPost(f.service.Attach(post), post))
	post = &model.Post{Id: model.NewId(), UserId: "staffer", ChannelId: "town-square", CreateAt: 300, Message: standin.SampleIncident}
	f.service.Posted(orPost(f.service.Attach(post), post))

	assert.Equal(t, []Discussion{{"dm2", 200}, {"dm1", 100}}, storedDiscussions(t, f.kv, number("incident", standin.SampleIncident)), "team channels are not conversations")
	assert.Equal(t, []Discussion{{"dm2", 200}}, storedDiscussions(t, f.kv, number("change_request", standin.SampleChange2)), "records beyond the cards of a message count too")
}

func TestABusyConversationDoesNotReadTheIndexForEveryPost(t *testing.T) {
	f := newFixture(t)
	f.isConversation = func(string) bool { return true }
	var indexReads atomic.Int64 // the card fills' own queue reads its keys meanwhile
	f.kv.OnCall(func(method, key string) {
		if method == "Get" && strings.HasPrefix(key, discussedKeyPrefix) {
			indexReads.Add(1)
		}
	})
	postAt := func(at int64) {
		post := &model.Post{Id: model.NewId(), UserId: "staffer", ChannelId: "dm1", CreateAt: at, Message: "still " + standin.SampleIncident}
		f.service.Posted(orPost(f.service.Attach(post), post))
	}
	postAt(1_000)
	reads := indexReads.Load()

	postAt(2_000)
	postAt(3_000)
	assert.Equal(t, reads, indexReads.Load(), "mentions within the index's granularity need no KV round trip")

	postAt(1_000 + discussedGranularity + 1)
	assert.Greater(t, indexReads.Load(), reads)
	assert.Equal(t, []Discussion{{"dm1", 1_000 + discussedGranularity + 1}}, storedDiscussions(t, f.kv, number("incident", standin.SampleIncident)))
}

func TestAReadListSparesTheReadsOfItsOtherConversations(t *testing.T) {
	f := newFixture(t)
	f.isConversation = func(string) bool { return true }
	record := number("incident", standin.SampleIncident)
	for i, channelID := range []string{"dm1", "dm2", "dm3"} {
		_, err := f.service.discussed.note(record, channelID, int64(1_000+i))
		require.NoError(t, err)
	}
	f.service.discussed.noted = nil // as after a restart
	postIn := func(channelID string) {
		post := &model.Post{Id: model.NewId(), UserId: "staffer", ChannelId: channelID, CreateAt: 5_000, Message: "again " + standin.SampleIncident}
		f.service.Posted(orPost(f.service.Attach(post), post))
	}
	postIn("dm1")
	reads := f.kv.Reads()
	postIn("dm2")
	postIn("dm3")
	assert.Equal(t, reads, f.kv.Reads(), "after one read of the record's list, its other listed conversations need no KV round trip")
	postIn("dm4")
	assert.Greater(t, f.kv.Reads(), reads, "a conversation the list does not name is added")
	assert.Equal(t, []Discussion{{"dm4", 5_000}, {"dm3", 1_002}, {"dm2", 1_001}, {"dm1", 1_000}}, storedDiscussions(t, f.kv, record))
}

func orPost(changed, post *model.Post) *model.Post {
	if changed != nil {
		return changed
	}
	return post
}

func TestDiscussedReadsAndNotesEachRecord(t *testing.T) {
	f := newFixture(t)
	one, two := number("incident", standin.SampleIncident), number("problem", standin.SampleProblem)
	_, err := f.service.discussed.note(one, "elsewhere", 50)
	require.NoError(t, err)

	found := f.service.Discussed("here", map[servicenow.RecordKey]int64{one: 40, two: 60})
	assert.Equal(t, map[servicenow.RecordKey][]Discussion{
		one: {{"elsewhere", 50}, {"here", 40}},
		two: {{"here", 60}},
	}, found)
	assert.Equal(t, found[one], storedDiscussions(t, f.kv, one), "reading a conversation adds it to the index")
}

func TestDescribeSaysWhatCardsKnow(t *testing.T) {
	f := newFixture(t)
	incident, missing := number("incident", standin.SampleIncident), number("incident", "INC0099999")
	_, incidentSysID, _ := f.sn.Find(standin.SampleIncident2)
	bySysID := sysID("incident", incidentSysID)
	f.sn.ResetRequests()

	entries := f.service.Describe(context.Background(), "staff-room", "staffer", []servicenow.RecordKey{incident, missing, bySysID})
	require.Len(t, entries, 3)
	assert.Len(t, f.sn.Requests(), 1, "one batched request for every record")
	assert.Equal(t, Found, entries[0].Status)
	require.NotNil(t, entries[0].Record)
	assert.Equal(t, "Email server is down for the Finance floor", entries[0].Record.ShortDescription)
	assert.Equal(t, standin.SampleAssignee, entries[0].Record.AssignedTo)
	assert.Equal(t, Missing, entries[1].Status)
	assert.Equal(t, "INC0099999 was not found in ServiceNow", entries[1].Problem)
	assert.Equal(t, testURL(f, "/incident.do?sysparm_query=number%3DINC0099999"), entries[1].URL)
	assert.Equal(t, Found, entries[2].Status)
	assert.Equal(t, standin.SampleIncident2, entries[2].Number, "a record linked by sys_id gets its number")

	f.sn.ResetRequests()
	again := f.service.Describe(context.Background(), "staff-room", "staffer", []servicenow.RecordKey{incident, missing})
	assert.Empty(t, f.sn.Requests(), "read through the record cache")
	assert.Equal(t, Found, again[0].Status)

	f.audience.outsiders = map[string]bool{"mixed": true}
	restricted := f.service.Describe(context.Background(), "mixed", "staffer", []servicenow.RecordKey{incident})
	assert.Equal(t, Restricted, restricted[0].Status)
	assert.Nil(t, restricted[0].Record, "no details where the audience rule says no")

	f.sn.SetFault(standin.Fault{Status: 503})
	t.Cleanup(f.sn.ClearFault)
	down := f.service.Describe(context.Background(), "staff-room", "staffer", []servicenow.RecordKey{number("incident", standin.SampleIncident2)})
	assert.Equal(t, Unavailable, down[0].Status, "an outage is a status, not a failure")
	assert.Equal(t, "ServiceNow could not be reached", down[0].Problem)
}

func testURL(f *fixture, path string) string { return f.sn.URL() + path }
