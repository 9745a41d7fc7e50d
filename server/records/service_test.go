package records

import (
	"bytes"
	"context"
	"encoding/gob"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	_ "github.com/mattermost/mattermost/server/public/plugin" // registers the types the plugin RPC can carry
	"github.com/pkg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/markdown"
	"github.com/connectchat/mattermost-plugin-connect/server/platform/kvtest"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

type fakePosts struct {
	mu      sync.Mutex
	posts   map[string]*model.Post
	updates chan *model.Post
}

func newFakePosts() *fakePosts {
	return &fakePosts{posts: map[string]*model.Post{}, updates: make(chan *model.Post, 100)}
}

func (f *fakePosts) GetPost(id string) (*model.Post, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if p, ok := f.posts[id]; ok {
		return p.Clone(), nil
	}
	return nil, errors.New("not found")
}

func (f *fakePosts) UpdatePost(p *model.Post) error {
	f.mu.Lock()
	f.posts[p.Id] = p.Clone()
	f.mu.Unlock()
	f.updates <- p
	return nil
}

func (f *fakePosts) CreatePost(p *model.Post) error {
	p.Id = model.NewId()
	return f.UpdatePost(p)
}

// audience lets details go everywhere except into the channels and authors it lists.
type audience struct {
	outsiders map[string]bool // user ids and channel ids that are not staff-only
	known     bool            // whether the posting path may rely on the cache
}

func (a *audience) MaySeeDetails(channelID, authorID string) (bool, error) {
	return !a.outsiders[channelID] && !a.outsiders[authorID], nil
}

func (a *audience) CachedMaySeeDetails(channelID, authorID string) (bool, bool) {
	allowed, _ := a.MaySeeDetails(channelID, authorID)
	return allowed, a.known
}

func (a *audience) IsStaff(userID string) (bool, error) { return !a.outsiders[userID], nil }

// readers is who may read which channel ("user/channel").
type readers map[string]bool

func (r readers) CanRead(userID, channelID string) bool { return r[userID+"/"+channelID] }

type silentLog struct{}

func (silentLog) Warn(string, ...any) {}

type fixture struct {
	sn       *standin.Server
	client   *servicenow.Client
	posts    *fakePosts
	readers  readers
	audience *audience
	kv       *kvtest.Memory
	service  *Service
	// isConversation is the service's IsConversation; nil until a test sets it.
	isConversation func(channelID string) bool
}

// pendingFills is how many fills wait in the KV store.
func pendingFills(kv KV) int {
	keys, _ := kv.KeysWithPrefix(fillKeyPrefix)
	return len(keys)
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	sn, err := standin.Start(standin.Options{})
	require.NoError(t, err)
	t.Cleanup(sn.Close)
	client, err := servicenow.New(servicenow.Config{InstanceURL: sn.URL(), Username: standin.DefaultUsername, Password: standin.DefaultPassword, Timeout: time.Second, MaxAttempts: 1})
	require.NoError(t, err)
	f := &fixture{sn: sn, client: client, posts: newFakePosts(), readers: readers{}, audience: &audience{outsiders: map[string]bool{}, known: true}, kv: kvtest.New()}
	f.service = NewService(Deps{
		Posts: f.posts, Access: f.readers, Audience: f.audience, KV: f.kv, Log: silentLog{},
		IsConversation: func(channelID string) bool { return f.isConversation != nil && f.isConversation(channelID) },
	})
	t.Cleanup(f.service.Close)
	require.NoError(t, f.service.Configure(Options{Prefixes: config.DefaultPrefixes(), Digits: 7, MaxCards: 5, TTL: time.Minute}, client))
	return f
}

// post runs a message through the hooks the way Mattermost does and returns the stored post.
func (f *fixture) post(message string) *model.Post {
	return f.postAs("staffer", "staff-room", message)
}

func (f *fixture) postAs(userID, channelID, message string) *model.Post {
	post := &model.Post{Id: model.NewId(), UserId: userID, ChannelId: channelID, Message: message}
	if withCards := f.service.Attach(post); withCards != nil {
		post = withCards
	}
	f.posts.mu.Lock()
	f.posts.posts[post.Id] = post.Clone()
	f.posts.mu.Unlock()
	f.service.Posted(post)
	return post
}

func (f *fixture) nextUpdate(t testing.TB) *model.Post {
	t.Helper()
	select {
	case p := <-f.posts.updates:
		return p
	case <-time.After(10 * time.Second):
		t.Fatal("the cards were not filled in")
		return nil
	}
}

func TestPostingAttachesNumberAndLinkAtOnceThenFillsIn(t *testing.T) {
	f := newFixture(t)
	posted := f.post("Customer says " + standin.SampleIncident + " is back, see also " + standin.SampleRequestItem)

	cards := cardsOf(posted)
	require.Len(t, cards, 2)
	assert.Equal(t, Pending, cards[0].Status)
	first := posted.Attachments()[0]
	assert.Equal(t, standin.SampleIncident, first.Title)
	assert.Equal(t, f.sn.URL()+"/incident.do?sysparm_query=number%3D"+standin.SampleIncident, first.TitleLink)
	assert.Equal(t, "Loading details from ServiceNow…", first.Text)

	filled := f.nextUpdate(t)
	assert.Equal(t, []Status{Found, Found}, statuses(cardsOf(filled)))
	card := filled.Attachments()[0]
	assert.Equal(t, standin.SampleIncident+": Email server is down for the Finance floor", card.Title)
	_, sysID, _ := f.sn.Find(standin.SampleIncident)
	assert.Equal(t, f.sn.URL()+"/incident.do?sys_id="+sysID, card.TitleLink)
	assert.Equal(t, map[string]string{"State": "In Progress", "Priority": "2 \\- High", "Assigned to": "Beth Anglin", "Updated": "2026\\-11\\-20 09:\u206014:\u206003"}, fields(card))
	assert.Equal(t, "ServiceNow · Incident", card.Footer)

	again := f.post("Still " + standin.SampleIncident)
	assert.Equal(t, Found, cardsOf(again)[0].Status, "a known record is attached whole at once")
}

func TestMissingRecordsSaySo(t *testing.T) {
	f := newFixture(t)
	f.post("INC0099999 please")
	filled := f.nextUpdate(t)
	assert.Equal(t, []Status{Missing}, statuses(cardsOf(filled)))
	assert.Equal(t, "INC0099999 was not found in ServiceNow", filled.Attachments()[0].Text)

	again := f.post("INC0099999 again")
	assert.Equal(t, []Status{Missing}, statuses(cardsOf(again)), "a known not-found answer is used at once")
}

func TestCardsFillInAfterAnOutage(t *testing.T) {
	saved := retryPauses
	retryPauses = []time.Duration{100 * time.Millisecond, 100 * time.Millisecond}
	t.Cleanup(func() { retryPauses = saved })
	f := newFixture(t)
	f.sn.SetFault(standin.Fault{Status: 503, Times: 1})

	f.post(standin.SampleChange + " is scheduled")
	degraded := f.nextUpdate(t)
	assert.Equal(t, []Status{Unavailable}, statuses(cardsOf(degraded)))
	assert.Contains(t, degraded.Attachments()[0].Text, "Details unavailable")
	assert.Equal(t, standin.SampleChange, degraded.Attachments()[0].Title, "the number and link stay")

	recovered := f.nextUpdate(t)
	assert.Equal(t, []Status{Found}, statuses(cardsOf(recovered)))
}

func TestRecordTextReadsAsWritten(t *testing.T) {
	f := newFixture(t)
	f.post(standin.HostileIncident)
	card := f.nextUpdate(t).Attachments()[0]
	assert.Equal(t, standin.HostileIncident+": "+standin.HostileDescription, card.Title, "a linked title is plain text in every client")
	assert.NotEmpty(t, card.TitleLink)
	assert.Equal(t, `4 \- Low`, fields(card)["Priority"], "field values are markdown, escaped")
}

func TestOtherAttachmentsAreKept(t *testing.T) {
	f := newFixture(t)
	post := &model.Post{Id: model.NewId(), Message: "Alert for " + standin.SampleIncident}
	post.AddProp(model.PostPropsAttachments, []*model.SlackAttachment{{Title: "Monitoring alert"}})
	withCards := f.service.Attach(post)
	require.NotNil(t, withCards)
	titles := []string{withCards.Attachments()[0].Title, withCards.Attachments()[1].Title}
	assert.Equal(t, []string{"Monitoring alert", standin.SampleIncident}, titles)

	edited := withCards.Clone()
	edited.Message = "Alert resolved"
	withoutCards := f.service.Attach(edited)
	require.Len(t, withoutCards.Attachments(), 1, "an edit that drops the number drops its card only")
	assert.Equal(t, "Monitoring alert", withoutCards.Attachments()[0].Title)
	assert.Nil(t, withoutCards.GetProp(CardsProp))
}

func TestNoServiceNowNoCards(t *testing.T) {
	s := NewService(Deps{Posts: newFakePosts(), Access: readers{}, Audience: &audience{known: true}, KV: kvtest.New(), Log: silentLog{}})
	t.Cleanup(s.Close)
	require.NoError(t, s.Configure(Options{Prefixes: config.DefaultPrefixes(), Digits: 7, MaxCards: 5, TTL: time.Minute}, nil))
	assert.Nil(t, s.Attach(&model.Post{Message: standin.SampleIncident}))
	assert.ErrorIs(t, s.Link(context.Background(), "u", "c", []string{standin.SampleIncident}), ErrNotConfigured)
	_, err := s.Test(context.Background())
	assert.ErrorIs(t, err, ErrNotConfigured)
}

func TestRefreshIsForReadersOfThePostOnly(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	require.NoError(t, f.service.Link(ctx, "u", "c", []string{standin.SampleIncident}))
	created := f.nextUpdate(t)

	_, err := f.service.RefreshFor(ctx, "stranger", created.Id)
	assert.ErrorIs(t, err, ErrNoSuchPost, "a post the caller cannot read does not exist for them")
	_, err = f.service.RefreshFor(ctx, "u", model.NewId())
	assert.ErrorIs(t, err, ErrNoSuchPost)

	f.readers["u/c"] = true
	_, err = f.service.RefreshFor(ctx, "u", created.Id)
	assert.NoError(t, err)
}

func TestConnectionTestSummarizesTheCheck(t *testing.T) {
	f := newFixture(t)
	summary, err := f.service.Test(context.Background())
	require.NoError(t, err)
	assert.Contains(t, summary, "Connected to "+f.sn.URL()+" (basic authentication)")
}

func TestLinkPostsOnlyFoundRecords(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	err := f.service.Link(ctx, "u", "c", []string{"INC0099999"})
	require.EqualError(t, err, "INC0099999 was not found in ServiceNow (INC0099999)")
	err = f.service.Link(ctx, "u", "c", []string{"hello"})
	require.EqualError(t, err, `"hello" is not a record number or a link to a record in `+f.sn.URL())
	require.NoError(t, f.service.Link(ctx, "u", "c", []string{standin.SampleIncident, standin.SampleProblem}))
	created := f.nextUpdate(t)
	assert.Equal(t, standin.SampleIncident+" "+standin.SampleProblem, created.Message)
}

func statuses(cards []Card) []Status {
	var s []Status
	for _, c := range cards {
		s = append(s, c.Status)
	}
	return s
}

func fields(a *model.SlackAttachment) map[string]string {
	m := map[string]string{}
	for _, f := range a.Fields {
		m[f.Title] = f.Value.(string)
	}
	return m
}

func TestCardPropsCrossThePluginBoundary(t *testing.T) {
	f := newFixture(t)
	post := f.service.Attach(&model.Post{Message: standin.SampleIncident})
	require.NotNil(t, post)
	var buf bytes.Buffer
	require.NoError(t, gob.NewEncoder(&buf).Encode(post), "Mattermost sends posts between the server and plugins with gob")
	var decoded model.Post
	require.NoError(t, gob.NewDecoder(&buf).Decode(&decoded))
	assert.Equal(t, []Status{Pending}, statuses(cardsOf(&decoded)))
}

func TestRefreshShowsTheRecordsCurrentStateAfterTheTTL(t *testing.T) {
	f := newFixture(t)
	require.NoError(t, f.service.Configure(Options{Prefixes: config.DefaultPrefixes(), Digits: 7, MaxCards: 5, TTL: 200 * time.Millisecond}, f.client))
	posted := f.post(standin.SampleIncident2)
	f.nextUpdate(t)

	changed, err := f.service.Refresh(context.Background(), posted.Id)
	require.NoError(t, err)
	assert.False(t, changed, "nothing changed in ServiceNow")

	_, sysID, _ := f.sn.Find(standin.SampleIncident2)
	f.sn.PutRecord("incident", standin.Record{SysID: sysID, Number: standin.SampleIncident2, ShortDescription: "VPN disconnects every 10 minutes", State: "6", Priority: "3"})
	changed, err = f.service.Refresh(context.Background(), posted.Id)
	require.NoError(t, err)
	assert.False(t, changed, "within the TTL the cached record stands")

	time.Sleep(250 * time.Millisecond)
	changed, err = f.service.Refresh(context.Background(), posted.Id)
	require.NoError(t, err)
	assert.True(t, changed)
	assert.Equal(t, "Resolved", fields(f.nextUpdate(t).Attachments()[0])["State"])
}

func TestNotificationEmailsShowTheRecords(t *testing.T) {
	f := newFixture(t)
	f.post(standin.HostileIncident)
	f.nextUpdate(t) // the record is now cached
	email := func(text string) *model.EmailNotification {
		return &model.EmailNotification{PostId: model.NewId(), ChannelId: "staff-room", SenderId: "staffer",
			EmailNotificationContent: model.EmailNotificationContent{MessageText: text, MessageHTML: "<p>" + text + "</p>"}}
	}

	content := f.service.EmailContent(email("look at " + standin.HostileIncident))
	require.NotNil(t, content)
	_, sysID, _ := f.sn.Find(standin.HostileIncident)
	link := f.sn.URL() + "/incident.do?sys_id=" + sysID
	assert.Equal(t, "look at "+standin.HostileIncident+"\n\n"+standin.HostileIncident+": "+standin.HostileDescription+" (On Hold, 4 - Low, David Loo) "+link, content.MessageText)
	assert.Contains(t, content.MessageHTML, `<a href="`+link+`">`)
	assert.Contains(t, content.MessageHTML, "&lt;script&gt;", "record text is escaped in the email's HTML")
	assert.NotContains(t, content.MessageHTML, "<script>")
	assert.Nil(t, f.service.EmailContent(email("no records")))
	assert.Nil(t, f.service.EmailContent(email("")), "generic email contents show nothing of the message, its records neither")

	content = f.service.EmailContent(email("and " + standin.SampleChange2))
	require.NotNil(t, content)
	assert.Contains(t, content.MessageText, standin.SampleChange2+": ", "a record not yet known is looked up for the email")
	assert.NotContains(t, content.MessageText, "Loading details")

	second := email("and " + standin.SampleChange2)
	second.PostId = "same-post"
	first := *second
	first.RecipientId, second.RecipientId = "bob", "carol"
	assert.Equal(t, f.service.EmailContent(&first), f.service.EmailContent(second), "every recipient's email about a post shows the same cards")

	f.audience.outsiders = map[string]bool{"town-square": true}
	content = f.service.EmailContent(&model.EmailNotification{PostId: model.NewId(), ChannelId: "town-square", SenderId: "staffer",
		EmailNotificationContent: model.EmailNotificationContent{MessageText: standin.HostileIncident}})
	require.NotNil(t, content)
	assert.NotContains(t, content.MessageText, standin.HostileDescription, "no details where a card would have none")
}

func TestDetailsGoOnlyToStaffOnlyChannels(t *testing.T) {
	f := newFixture(t)
	f.post(standin.SampleIncident) // the record is now cached
	f.nextUpdate(t)
	f.audience.outsiders = map[string]bool{"town-square": true, "customer": true}

	for _, where := range [][2]string{{"staffer", "town-square"}, {"customer", "staff-room"}} {
		posted := f.postAs(where[0], where[1], "see "+standin.SampleIncident)
		card := posted.Attachments()[0]
		assert.Equal(t, standin.SampleIncident, card.Title, where)
		assert.Equal(t, markdown.Literal(Card{Status: Restricted}.statusText(i18n.English())), card.Text, where)
		assert.Empty(t, card.Fields, "no state, priority or assignee for %v", where)
		assert.Equal(t, []Status{Restricted}, statuses(cardsOf(posted)), where)
	}
}

func TestFillsRestrictCardsWhenTheAudienceWasUnknownAtPostingTime(t *testing.T) {
	f := newFixture(t)
	f.audience.known = false
	f.audience.outsiders = map[string]bool{"town-square": true}

	posted := f.postAs("staffer", "town-square", standin.SampleIncident)
	assert.Equal(t, []Status{Pending}, statuses(cardsOf(posted)))
	filled := f.nextUpdate(t)
	assert.Equal(t, []Status{Restricted}, statuses(cardsOf(filled)))
	assert.Equal(t, markdown.Literal(Card{Status: Restricted}.statusText(i18n.English())), filled.Attachments()[0].Text)
	assert.Empty(t, f.sn.Requests(), "nothing is read from ServiceNow for a card that may not show it")
}

func TestRefreshRestrictsCardsOnceACustomerJoined(t *testing.T) {
	f := newFixture(t)
	f.post(standin.SampleIncident)
	filled := f.nextUpdate(t)
	require.Equal(t, []Status{Found}, statuses(cardsOf(filled)))

	f.audience.outsiders = map[string]bool{"staff-room": true}
	changed, err := f.service.Refresh(context.Background(), filled.Id)
	require.NoError(t, err)
	assert.True(t, changed)
	assert.Equal(t, []Status{Restricted}, statuses(cardsOf(f.nextUpdate(t))))
}

func TestOnlyStaffLinkRecords(t *testing.T) {
	f := newFixture(t)
	f.audience.outsiders = map[string]bool{"customer": true}
	err := f.service.Link(context.Background(), "customer", "c", []string{"INC0099999"})
	assert.ErrorIs(t, err, ErrStaffOnly, "no hint of which numbers exist")
	assert.Empty(t, f.sn.Requests())
}

func TestOnlyConnectsOwnUpdatesPassAsCardUpdates(t *testing.T) {
	f := newFixture(t)
	f.post(standin.SampleIncident)
	filled := f.nextUpdate(t)
	assert.True(t, f.service.IsOwnUpdate(filled), "the fill carries the process's mark")
	assert.Nil(t, filled.GetProp(ownUpdateProp), "and the mark is taken off before the post is stored")
	assert.False(t, f.service.IsOwnUpdate(filled), "a stored post carries no mark")

	forged := filled.Clone()
	forged.AddProp(ownUpdateProp, "guessed")
	assert.False(t, f.service.IsOwnUpdate(forged))
}

func TestEditsKeepConnectsCards(t *testing.T) {
	f := newFixture(t)
	f.post(standin.SampleIncident)
	original := f.nextUpdate(t)
	f.service.IsOwnUpdate(original)
	card := original.Attachments()[0]

	forged := original.Clone()
	forged.AddProp(CardsProp, []any{map[string]any{"table": "incident", "number": standin.SampleIncident, "status": "found"}})
	forged.AddProp(attachmentsProp, []*model.SlackAttachment{{Title: "Closed by IT - reply with your password", TitleLink: "https://evil.example.com"}})
	KeepCards(forged, original)
	require.Len(t, forged.Attachments(), 1)
	assert.Equal(t, card.Title, forged.Attachments()[0].Title, "the forged card is replaced by Connect's")
	assert.Equal(t, card.TitleLink, forged.Attachments()[0].TitleLink)

	withOwn := original.Clone()
	withOwn.AddProp(attachmentsProp, []*model.SlackAttachment{{Title: "build passed"}, card})
	KeepCards(withOwn, original)
	assert.Equal(t, []string{"build passed", card.Title}, titles(withOwn.Attachments()), "an integration's own attachments before the cards stay")
}

func titles(attachments []*model.SlackAttachment) []string {
	var out []string
	for _, a := range attachments {
		out = append(out, a.Title)
	}
	return out
}

func TestPendingFillsSurviveARestart(t *testing.T) {
	f := newFixture(t)
	f.sn.SetFault(standin.Fault{Latency: 5 * time.Second})
	posted := f.post(standin.SampleIncident + " is down")
	require.Eventually(t, func() bool { return len(f.sn.Requests()) > 0 }, 5*time.Second, 10*time.Millisecond, "the fill started")

	start := time.Now()
	f.service.Close()
	assert.Less(t, time.Since(start), time.Second, "shutting down does not wait for ServiceNow")
	assert.Empty(t, f.posts.updates, "a fill cut short leaves the post as it was")
	assert.Equal(t, 1, pendingFills(f.kv), "and stays pending")

	f.sn.ClearFault()
	restarted := NewService(Deps{Posts: f.posts, Access: f.readers, Audience: f.audience, KV: f.kv, Log: silentLog{}})
	t.Cleanup(restarted.Close)
	require.NoError(t, restarted.Configure(Options{Prefixes: config.DefaultPrefixes(), Digits: 7, MaxCards: 5, TTL: time.Minute}, f.client))
	restarted.SweepFills() // the stopped server gave its claim back
	filled := f.nextUpdate(t)
	assert.Equal(t, posted.Id, filled.Id)
	assert.Equal(t, []Status{Found}, statuses(cardsOf(filled)))
	assert.Eventually(t, func() bool { return pendingFills(f.kv) == 0 }, 2*time.Second, 10*time.Millisecond)
}

func TestAFillIsDoneOnceAcrossServers(t *testing.T) {
	f := newFixture(t)
	other := NewService(Deps{Posts: f.posts, Access: f.readers, Audience: f.audience, KV: f.kv, Log: silentLog{}})
	t.Cleanup(other.Close)
	require.NoError(t, other.Configure(Options{Prefixes: config.DefaultPrefixes(), Digits: 7, MaxCards: 5, TTL: time.Minute}, f.client))

	f.post(standin.SampleIncident)
	other.SweepFills() // the other server sees the same pending fill
	f.nextUpdate(t)
	assert.Never(t, func() bool { return len(f.posts.updates) > 0 }, 300*time.Millisecond, 20*time.Millisecond, "one update, not two")
}

func TestCardsSayWhatWentWrongInWords(t *testing.T) {
	f := newFixture(t)
	f.sn.SetFault(standin.Fault{Status: 503})
	f.post(standin.SampleChange)
	degraded := f.nextUpdate(t)
	assert.Equal(t, "Details unavailable:\u2060 ServiceNow could not be reached\\. They fill in when ServiceNow answers\\.", degraded.Attachments()[0].Text)
	// The card is posted before the fill records what went wrong.
	assert.Eventually(t, func() bool { return strings.Contains(f.service.Stats().LastError, "(503)") }, 2*time.Second, 10*time.Millisecond, "admins get the detail")
}

func TestARefreshDuringAnOutageKeepsTheLastDetails(t *testing.T) {
	f := newFixture(t)
	require.NoError(t, f.service.Configure(Options{Prefixes: config.DefaultPrefixes(), Digits: 7, MaxCards: 5, TTL: 10 * time.Millisecond}, f.client))
	f.post(standin.SampleIncident)
	filled := f.nextUpdate(t)
	f.service.IsOwnUpdate(filled)
	f.posts.mu.Lock()
	f.posts.posts[filled.Id] = filled.Clone()
	f.posts.mu.Unlock()
	details := filled.Attachments()[0]

	time.Sleep(20 * time.Millisecond)
	f.sn.SetFault(standin.Fault{Status: 503})
	_, err := f.service.Refresh(context.Background(), filled.Id)
	require.Error(t, err)
	stale := f.nextUpdate(t)
	card := stale.Attachments()[0]
	assert.Equal(t, details.Title, card.Title)
	assert.Equal(t, details.Fields, card.Fields, "state, priority and assignee stay")
	assert.Equal(t, details.Footer+staleNote(i18n.English()), card.Footer)
	assert.True(t, cardsOf(stale)[0].Stale)
}

func TestAFullQueueDefersFillsToTheSweepInsteadOfDroppingThem(t *testing.T) {
	kv := kvtest.New()
	var filled []string
	q := &fillQueue{kv: kv, log: silentLog{}, now: time.Now, work: make(chan string, 1),
		fill: func(_ context.Context, postID string) bool { filled = append(filled, postID); return false }}
	q.ctx, q.cancel = context.WithCancel(context.Background())
	for _, id := range []string{"p1", "p2", "p3"} {
		q.add(id)
	}
	assert.Equal(t, FillStats{Queued: 1, Deferred: 2, Backlog: 1}, q.stats(), "counted, not dropped")
	assert.Equal(t, 3, pendingFills(kv), "every fill is kept in the KV store")

	for len(filled) < 3 {
		q.runOne(<-q.work)
		q.sweep()
	}
	assert.ElementsMatch(t, []string{"p1", "p2", "p3"}, filled)
	assert.Equal(t, 0, pendingFills(kv))
}

func TestAFoundCardSaysWhenItsRecordChangedForTheClients(t *testing.T) {
	f := newFixture(t)
	f.post(standin.SampleIncident)
	cards := cardsOf(f.nextUpdate(t))
	require.Len(t, cards, 1)
	updated, err := time.Parse(time.RFC3339, cards[0].UpdatedAt)
	require.NoError(t, err, "the web part reads the record's last change from the card prop")
	want, err := time.Parse("2006-01-02 15:04:05", standin.SampleIncidentUpdate)
	require.NoError(t, err)
	assert.True(t, want.Equal(updated), "sys_updated_on's value is UTC: %s", cards[0].UpdatedAt)
}
