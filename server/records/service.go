package records

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/memo"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// Post props Connect owns. Cards are the last len(cards) attachments of a post; attachments
// before them belong to whoever else made the post (a webhook, another integration).
const (
	CardsProp       = "connect_records"
	attachmentsProp = model.PostPropsAttachments
	// ownUpdateProp marks Connect's own card updates on their way through the update hook.
	ownUpdateProp = "connect_card_update"
)

// Posts is what the service needs from Mattermost's posts.
type Posts interface {
	GetPost(postID string) (*model.Post, error)
	CreatePost(post *model.Post) error
	UpdatePost(post *model.Post) error
}

// Access says who may read a channel's posts.
type Access interface {
	CanRead(userID, channelID string) bool
}

// Audience says where record details may go: posts by ITIL staff in channels whose human
// members are all staff. Everywhere else a card shows the number and the link only.
type Audience interface {
	MaySeeDetails(channelID, authorID string) (bool, error)
	// CachedMaySeeDetails answers from what is known without asking Mattermost (the posting path).
	CachedMaySeeDetails(channelID, authorID string) (allowed, known bool)
	IsStaff(userID string) (bool, error)
}

// Logger records what an admin may need to know.
type Logger interface {
	Warn(message string, keyValuePairs ...any)
}

// setup is everything derived from one configuration; it is swapped whole.
type setup struct {
	recognizer  *Recognizer
	lookup      *servicenow.Lookup
	instanceURL string
	maxCards    int
}

// Service turns record mentions in posts into cards and keeps the cards filled in.
type Service struct {
	current  atomic.Pointer[setup]
	client   atomic.Pointer[servicenow.Client]
	posts    Posts
	access   Access
	audience Audience
	log      Logger
	fills    *fillQueue
	// fillErrors is the last thing that kept cards from filling in, in full, for admins.
	fillErrors lastError
	// updateMark is the secret that marks this process's own card updates.
	updateMark string
	// discussed is the mention index, kept for posts in the channels isConversation accepts.
	discussed      discussed
	isConversation func(channelID string) bool
	// emails keeps each post's email cards for its other recipients.
	emails *memo.Cache[cardsText]
	// languages: cards are in the server's default language, answers in their reader's.
	languages *i18n.Languages
}

// Deps are the service's collaborators.
type Deps struct {
	Posts    Posts
	Access   Access
	Audience Audience
	KV       KV
	Log      Logger
	// IsConversation tells the Connect conversations, whose posts add their records to the
	// mention index; nil indexes nothing.
	IsConversation func(channelID string) bool
	// Languages (nil: English).
	Languages *i18n.Languages
}

// NewService builds the service; Configure must be called before cards appear.
func NewService(d Deps) *Service {
	s := &Service{
		posts: d.Posts, access: d.Access, audience: d.Audience, log: d.Log, updateMark: model.NewRandomString(32),
		discussed: discussed{kv: d.KV}, isConversation: d.IsConversation, languages: d.Languages,
		emails: memo.New[cardsText](emailCardsTTL, maxEmailCards),
	}
	s.fills = newFillQueue(d.KV, d.Log, s.fill)
	return s
}

// Options are the admin's settings for cards.
type Options struct {
	Prefixes config.PrefixMap
	Digits   int
	MaxCards int
	TTL      time.Duration
	// Tables are tables whose record links count besides the prefixes' tables.
	Tables []string
}

// OptionsOf picks the card settings out of the configuration.
func OptionsOf(cfg *config.Config) Options {
	return Options{Prefixes: cfg.Prefixes, Digits: cfg.NumberDigits, MaxCards: cfg.MaxCards, TTL: cfg.RecordTTL, Tables: cfg.RecordTables}
}

// Configure applies new settings. client is nil while ServiceNow is not configured, and
// then no cards are made.
func (s *Service) Configure(opts Options, client *servicenow.Client) error {
	s.client.Store(client)
	if client == nil {
		s.current.Store(nil)
		return nil
	}
	recognizer, err := NewRecognizer(opts.Prefixes, opts.Digits, client.InstanceURL(), opts.Tables...)
	if err != nil {
		return errors.Wrap(err, "failed to build the record recognizer")
	}
	s.current.Store(&setup{
		recognizer:  recognizer,
		lookup:      servicenow.NewLookup(client, opts.TTL, notFoundTTL(opts.TTL)),
		instanceURL: client.InstanceURL(),
		maxCards:    opts.MaxCards,
	})
	return nil
}

func notFoundTTL(ttl time.Duration) time.Duration { return min(ttl, time.Minute) }

// Close stops the fill workers at once; pending fills stay in the KV store for the next start.
func (s *Service) Close() { s.fills.close() }

// SweepFills queues the pending fills that are due, whoever stored them.
func (s *Service) SweepFills() { s.fills.sweep() }

// Attach adds cards for the records post mentions, from what is already known: it never
// waits on ServiceNow. It returns nil when the post needs no change.
func (s *Service) Attach(post *model.Post) *model.Post {
	setup := s.current.Load()
	if setup == nil {
		return nil
	}
	mentions := setup.recognizer.Find(post.Message, setup.maxCards)
	if len(mentions) == 0 && post.GetProp(CardsProp) == nil {
		return nil
	}
	keys := make([]servicenow.RecordKey, len(mentions))
	for i, m := range mentions {
		keys[i] = m.Key
	}
	updated := post.Clone()
	setCards(updated, s.cardsFromCache(setup, post, keys), setup.instanceURL, s.languages.Server())
	return updated
}

// cardsFromCache makes a post's cards from what is known now: details where they may go and
// are cached, restricted cards where they may not, pending cards where either is unknown.
func (s *Service) cardsFromCache(setup *setup, post *model.Post, keys []servicenow.RecordKey) []Card {
	cards := make([]Card, len(keys))
	allowed, known := s.audience.CachedMaySeeDetails(post.ChannelId, post.UserId)
	if !known || !allowed {
		for i, key := range keys {
			cards[i] = cardFor(key, nil)
			if known {
				cards[i] = restricted(cards[i])
			}
		}
		return cards
	}
	found, missing := setup.lookup.Peek(keys)
	for i, key := range keys {
		record, ok := found[key]
		cards[i] = cardFor(key, pointerIf(record, ok))
		if slices.Contains(missing, key) {
			cards[i].Status = Missing
		}
	}
	return cards
}

// AttachLate gives a post made while the plugin was down the cards Attach would have given
// it, and fills them in. It reports whether the post got cards.
func (s *Service) AttachLate(post *model.Post) (bool, error) {
	if post.GetProp(CardsProp) != nil {
		return false, nil
	}
	withCards := s.Attach(post)
	if withCards == nil {
		return false, nil
	}
	withCards.AddProp(ownUpdateProp, s.updateMark)
	if err := s.posts.UpdatePost(withCards); err != nil {
		return false, err
	}
	s.Posted(withCards)
	return true, nil
}

// Posted queues a new (or edited) post whose cards still need details, and notes the records
// it mentions in the mention index.
func (s *Service) Posted(post *model.Post) {
	cards := cardsOf(post)
	for _, card := range cards {
		if !card.Settled() {
			s.fills.add(post.Id)
			break
		}
	}
	s.index(post, cards)
}

func pointerIf(record servicenow.Record, ok bool) *servicenow.Record {
	if !ok {
		return nil
	}
	return &record
}

// cardsOf reads the cards stored on post.
func cardsOf(post *model.Post) []Card {
	raw := post.GetProp(CardsProp)
	if raw == nil {
		return nil
	}
	if cards, ok := cardsFromValue(raw); ok {
		return cards
	}
	data, err := json.Marshal(raw)
	if err != nil {
		return nil
	}
	var cards []Card
	if json.Unmarshal(data, &cards) != nil {
		return nil
	}
	return cards
}

// cardsFromValue reads cards in the shape propValue gives them, which is also how they come
// back over the plugin RPC and from Mattermost's store, without a JSON round trip: every post
// hook with cards reads them, and encoding/json's recursion costs each hook's fresh goroutine
// a stack copy. ok is false for any other shape.
func cardsFromValue(raw any) (cards []Card, ok bool) {
	list, ok := raw.([]any)
	if !ok {
		return nil, false
	}
	cards = make([]Card, len(list))
	for i, item := range list {
		if cards[i], ok = cardFromValue(item); !ok {
			return nil, false
		}
	}
	return cards, true
}

func cardFromValue(item any) (Card, bool) {
	entry, ok := item.(map[string]any)
	if !ok {
		return Card{}, false
	}
	var card Card
	var status string
	fields := [...]struct {
		key  string
		into *string
	}{{"table", &card.Table}, {"number", &card.Number}, {"sys_id", &card.SysID}, {"status", &status},
		{"problem", &card.Problem}, {"found_table", &card.FoundTable}, {"found_sys_id", &card.FoundSysID},
		{"updated_at", &card.UpdatedAt}}
	for _, field := range fields {
		if *field.into, ok = textOf(entry[field.key]); !ok {
			return Card{}, false
		}
	}
	card.Status = Status(status)
	card.Stale, ok = entry["stale"].(bool)
	return card, ok || entry["stale"] == nil
}

// textOf is a string prop value; a missing one is "".
func textOf(value any) (string, bool) {
	if value == nil {
		return "", true
	}
	text, ok := value.(string)
	return text, ok
}

// propValue turns cards into plain JSON values: post props cross the plugin RPC boundary,
// whose encoding only knows Mattermost's own and plain types.
func propValue(cards []Card) []any {
	value := make([]any, len(cards))
	for i, c := range cards {
		entry := map[string]any{"table": c.Table, "status": string(c.Status)}
		if c.Stale {
			entry["stale"] = true
		}
		for key, text := range map[string]string{"number": c.Number, "sys_id": c.SysID, "problem": c.Problem, "found_table": c.FoundTable, "found_sys_id": c.FoundSysID, "updated_at": c.UpdatedAt} {
			if text != "" {
				entry[key] = text
			}
		}
		value[i] = entry
	}
	return value
}

// setCards replaces the post's cards, keeping attachments that are not Connect's.
func setCards(post *model.Post, cards []Card, instanceURL string, l *i18n.Localizer) {
	foreign := foreignAttachments(post)
	previous := post.Attachments()[len(foreign):]
	attachments := append([]*model.SlackAttachment{}, foreign...)
	for i, card := range cards {
		if card.Stale && i < len(previous) {
			attachments = append(attachments, staleAttachment(previous[i], l))
			continue
		}
		attachments = append(attachments, card.Attachment(instanceURL, l))
	}
	if len(cards) == 0 {
		post.DelProp(CardsProp)
	} else {
		post.AddProp(CardsProp, propValue(cards))
	}
	if len(attachments) == 0 {
		post.DelProp(attachmentsProp)
		return
	}
	post.AddProp(attachmentsProp, attachments)
}

func foreignAttachments(post *model.Post) []*model.SlackAttachment {
	all := post.Attachments()
	ours := len(cardsOf(post))
	if ours > len(all) {
		ours = len(all)
	}
	return all[:len(all)-ours]
}

// IsOwnUpdate reports an update Connect itself made to a post's cards, and takes off the
// mark that says so. The mark is a secret of this plugin process, so no one else's update
// (an author's edit through the REST API, say) can pass for Connect's.
func (s *Service) IsOwnUpdate(post *model.Post) bool {
	mark, _ := post.GetProp(ownUpdateProp).(string)
	if mark == "" {
		return false
	}
	post.DelProp(ownUpdateProp)
	return subtle.ConstantTimeCompare([]byte(mark), []byte(s.updateMark)) == 1
}

// KeepCards gives an update made by anyone but Connect the cards oldPost had: Connect's cards
// belong to Connect. The attachments in the cards' places are Connect's; any before them stay
// as the update has them.
func KeepCards(newPost, oldPost *model.Post) {
	cards := oldPost.GetProp(CardsProp)
	if cards == nil {
		newPost.DelProp(CardsProp)
		return
	}
	oldAll := oldPost.Attachments()
	ours := oldAll[len(oldAll)-min(len(cardsOf(oldPost)), len(oldAll)):]
	theirs := newPost.Attachments()
	theirs = theirs[:max(len(theirs)-len(ours), 0)]
	newPost.AddProp(CardsProp, cards)
	newPost.AddProp(attachmentsProp, append(append([]*model.SlackAttachment{}, theirs...), ours...))
}

// Stats are the record lookup and fill counters, and the last fill failure in full (for
// admins; cards show users only words).
type Stats struct {
	servicenow.LookupStats
	Fills         FillStats `json:"fills"`
	LastError     string    `json:"last_error,omitempty"`
	LastErrorTime time.Time `json:"last_error_time,omitempty"`
}

// Stats are the counters so far.
func (s *Service) Stats() Stats {
	stats := Stats{Fills: s.fills.stats()}
	if setup := s.current.Load(); setup != nil {
		stats.LookupStats = setup.lookup.Stats()
	}
	stats.LastError, stats.LastErrorTime = s.fillErrors.get()
	return stats
}

// lastError remembers the most recent failure.
type lastError struct {
	mu   sync.Mutex
	text string
	at   time.Time
}

func (l *lastError) note(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.text, l.at = err.Error(), time.Now()
}

func (l *lastError) get() (string, time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.text, l.at
}

// fill fetches the details of postID's unsettled cards and updates the post. It reports
// whether to try again later.
func (s *Service) fill(ctx context.Context, postID string) (retry bool) {
	ctx, cancel := context.WithTimeout(ctx, fillTimeout)
	defer cancel()
	_, err := s.Refresh(ctx, postID)
	if err != nil && !errors.Is(err, errNoPost) {
		s.fillErrors.note(err)
		return true
	}
	return false
}

var errNoPost = errors.New("no such post")

// ErrNoSuchPost is RefreshFor's answer for a post the caller cannot read.
var ErrNoSuchPost = errors.New("no such post")

// RefreshFor is Refresh for userID, who must be able to read the post.
func (s *Service) RefreshFor(ctx context.Context, userID, postID string) (changed bool, err error) {
	post, err := s.posts.GetPost(postID)
	if err != nil || !s.access.CanRead(userID, post.ChannelId) {
		return false, ErrNoSuchPost
	}
	changed, err = s.refreshPost(ctx, post)
	if err != nil {
		s.fills.add(postID)
	}
	return changed, err
}

// Test checks the ServiceNow connection and says what it found.
func (s *Service) Test(ctx context.Context) (string, error) {
	client := s.client.Load()
	if client == nil {
		return "", ErrNotConfigured
	}
	report, err := client.Check(ctx)
	if err != nil {
		return "", err
	}
	return report.Summary(), nil
}

// Refresh reads the records on postID's cards again (through the cache, so at most once per
// TTL) and updates the post when a card changed; every client viewing it then shows the
// new card. It reports whether the post changed.
func (s *Service) Refresh(ctx context.Context, postID string) (changed bool, err error) {
	post, getErr := s.posts.GetPost(postID)
	if getErr != nil {
		return false, errNoPost
	}
	return s.refreshPost(ctx, post)
}

// refreshPost is Refresh for a post already read.
func (s *Service) refreshPost(ctx context.Context, post *model.Post) (changed bool, err error) {
	setup := s.current.Load()
	if setup == nil {
		return false, ErrNotConfigured
	}
	postID := post.Id
	cards := cardsOf(post)
	if len(cards) == 0 {
		return false, nil
	}
	cards, err = s.currentCards(ctx, setup, post, cards)
	if cards == nil {
		return false, err
	}
	updated := post.Clone()
	setCards(updated, cards, setup.instanceURL, s.languages.Server())
	if sameCards(post, updated) {
		return false, err
	}
	if ctx.Err() != nil {
		return false, ctx.Err() // shutting down: leave the post as it is
	}
	updated.AddProp(ownUpdateProp, s.updateMark)
	if updateErr := s.posts.UpdatePost(updated); updateErr != nil {
		s.log.Warn("Failed to update record cards", "post_id", postID, "error", updateErr.Error())
		return false, err
	}
	return true, err
}

// currentCards are post's cards as they should read now: restricted where details may not go,
// else settled with what ServiceNow says. Nil when the audience could not be checked.
func (s *Service) currentCards(ctx context.Context, setup *setup, post *model.Post, cards []Card) ([]Card, error) {
	allowed, err := s.audience.MaySeeDetails(post.ChannelId, post.UserId)
	if err != nil {
		return nil, errors.Wrap(err, "failed to check who may see record details")
	}
	if !allowed {
		for i := range cards {
			cards[i] = restricted(cards[i])
		}
		return cards, nil
	}
	found, err := setup.lookup.Get(ctx, keysOf(cards))
	for i := range cards {
		cards[i] = settle(cards[i], found, err, s.languages.Server())
	}
	return cards, err
}

func sameCards(a, b *model.Post) bool {
	before, _ := json.Marshal([]any{a.GetProp(CardsProp), a.Attachments()})
	after, _ := json.Marshal([]any{b.GetProp(CardsProp), b.Attachments()})
	return string(before) == string(after)
}

func keysOf(cards []Card) []servicenow.RecordKey {
	keys := make([]servicenow.RecordKey, len(cards))
	for i, c := range cards {
		keys[i] = c.Key()
	}
	return keys
}

// settle is card after a look-up; a problem is said in l's language (a card's).
func settle(card Card, found map[servicenow.RecordKey]servicenow.Record, err error, l *i18n.Localizer) Card {
	if record, ok := found[card.Key()]; ok {
		return cardFor(card.Key(), &record)
	}
	if err != nil && card.Status == Found {
		card.Stale = true
		return card
	}
	if err != nil {
		card.Status, card.Problem = Unavailable, l.Text(readable(err))
		return card
	}
	card.Status, card.Problem = Missing, ""
	return card
}

// readable is an error as anyone may read it: words, never internals.
func readable(err error) i18n.Message {
	var snErr *servicenow.Error
	if errors.As(err, &snErr) {
		return snErr.UserText()
	}
	return i18n.M("connect.servicenow.unreachable", "ServiceNow could not be reached")
}
