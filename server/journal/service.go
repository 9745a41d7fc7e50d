// Package journal owns saving what was said in a Connect conversation to a ServiceNow
// record's journal (issue 24, item 3): a staff member picks messages (one, a range, "from here
// to the end", or the last N with /connect save) and they go to the record as one work note
// or comment, "Alice Archer via Connect: conversation excerpt", each message with its author,
// time and file names. Each message goes to a record once: the post IDs saved to a record are
// remembered, and saving them again writes only the new ones. The write goes through the
// outbox, so it survives ServiceNow being down and a restart, and is done once.
package journal

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/outbox"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/workspace"
)

// SaveWrite is the outbox kind of a saved excerpt.
const SaveWrite = "journal"

const (
	savedPrefix = "journal_saved_"
	// MaxMessages bounds one excerpt.
	MaxMessages = 200
	// settleWait is how long a save waits for its first attempt before answering "queued".
	settleWait = 3 * time.Second
)

// Conversations reads one of the caller's conversations (an error when they are not in it).
type Conversations interface {
	Get(userID, channelID string) (conversations.Conversation, error)
}

// Posts reads the messages to save.
type Posts interface {
	GetPost(postID string) (*model.Post, error)
	PostsAfter(channelID string, since int64) ([]*model.Post, error)
	ChannelPosts(channelID string, page, perPage int) ([]*model.Post, error)
}

// Files names a message's attachments.
type Files interface {
	FileNames(post *model.Post) []string
}

// Users names the authors.
type Users interface {
	User(userID string) (*model.User, error)
}

// Records resolves what the user typed to a record, as cards do.
type Records interface {
	RecordKey(text string) (servicenow.RecordKey, bool)
	Describe(ctx context.Context, channelID, viewerID string, keys []servicenow.RecordKey) []records.Entry
}

// Upstream is ServiceNow as saving writes to it.
type Upstream interface {
	AddJournal(ctx context.Context, table, sysID, element, text string) error
}

// Outbox is the durable write queue.
type Outbox interface {
	Handle(kind string, h outbox.Handler, failedMessage func(w outbox.Write, err error) i18n.Message)
	Enqueue(w outbox.Write) (bool, error)
	Done(id string) (bool, error)
	Pending(id string) (bool, error)
}

// KV is the part of the KV store saving uses.
type KV interface {
	Get(key string) ([]byte, error)
	Set(key string, value []byte) error
}

// Log is where failures nobody sees are written.
type Log interface {
	Warn(message string, keyValuePairs ...any)
}

// Deps is what saving needs.
type Deps struct {
	Conversations Conversations
	Posts         Posts
	Files         Files
	Users         Users
	Records       Records
	Upstream      func() Upstream // nil while ServiceNow is not configured
	Outbox        Outbox
	KV            KV
	// Lock serializes the saves to one record across the cluster.
	Lock    func(ctx context.Context, key string) (func(), error)
	IsStaff func(userID string) bool
	Config  func() *config.Config
	Log     Log
	BotID   string
	Now     func() time.Time
}

// Service is saving conversations to records.
type Service struct{ d Deps }

// NewService builds saving and registers its writes with the outbox.
func NewService(d Deps) *Service {
	if d.Now == nil {
		d.Now = time.Now
	}
	s := &Service{d: d}
	d.Outbox.Handle(SaveWrite, s.write, s.failed)
	return s
}

// Request is what to save: the record (a number or record link), the messages (post IDs, or
// FromPostID alone for "from here to the end") and the journal field.
type Request struct {
	Record     string   `json:"record"`
	PostIDs    []string `json:"post_ids"`
	FromPostID string   `json:"from_post_id"`
	Kind       string   `json:"kind"`
}

// Saved is the answer to a save.
type Saved struct {
	// Number is the record's number.
	Number string `json:"number"`
	// Card is the record's card, as the workspace shows it.
	Card workspace.Card `json:"card"`
	// Link opens the record in ServiceNow.
	Link string `json:"link"`
	// Saved is how many messages this save wrote (or queued) to the record.
	Saved int `json:"saved"`
	// Already is how many of the messages had been saved to the record before.
	Already int `json:"already"`
	// Queued is true while ServiceNow has not taken the write yet: it is retried, and the user
	// is told if it finally fails.
	Queued bool `json:"queued"`
}

// excerpt is the payload of a SaveWrite.
type excerpt struct {
	Table   string   `json:"table"`
	SysID   string   `json:"sys_id"`
	Number  string   `json:"number"`
	Element string   `json:"element"`
	Text    string   `json:"text"`
	PostIDs []string `json:"post_ids"`
}

// Save writes the picked messages of a conversation to a record, once each.
func (s *Service) Save(ctx context.Context, userID, channelID string, req Request) (Saved, error) {
	if err := s.allowed(userID, channelID); err != nil {
		return Saved{}, err
	}
	element, err := elementOf(req.Kind)
	if err != nil {
		return Saved{}, err
	}
	posts, err := s.picked(channelID, req)
	if err != nil {
		return Saved{}, err
	}
	return s.saveTo(ctx, userID, channelID, req.Record, element, posts)
}

// SaveLast writes the last n messages of a conversation (all, up to MaxMessages, when n is 0).
func (s *Service) SaveLast(ctx context.Context, userID, channelID, record string, n int) (Saved, error) {
	if err := s.allowed(userID, channelID); err != nil {
		return Saved{}, err
	}
	if n <= 0 || n > MaxMessages {
		n = MaxMessages
	}
	var posts []*model.Post
	for page := 0; len(posts) < n && page < 10; page++ {
		found, err := s.d.Posts.ChannelPosts(channelID, page, 100)
		if err != nil {
			return Saved{}, errors.Wrap(err, "failed to read the conversation")
		}
		for _, p := range found {
			if len(posts) < n && p.Type == "" && p.UserId != s.d.BotID && p.DeleteAt == 0 {
				posts = append(posts, p)
			}
		}
		if len(found) < 100 {
			break
		}
	}
	if len(posts) == 0 {
		return Saved{}, failure.New(failure.Invalid, i18n.M("connect.journal.nothing_to_save", "This conversation has no messages to save."))
	}
	sort.Slice(posts, func(i, j int) bool { return posts[i].CreateAt < posts[j].CreateAt })
	return s.saveTo(ctx, userID, channelID, record, servicenow.WorkNotes, posts)
}

func (s *Service) allowed(userID, channelID string) error {
	if !s.d.IsStaff(userID) {
		return failure.New(failure.Forbidden, i18n.M("connect.journal.staff_only", "Only ITIL staff can save conversations to ServiceNow records."))
	}
	if !s.d.Config().SaveToRecords {
		return failure.New(failure.Forbidden, i18n.M("connect.journal.off", "Saving conversations to records is turned off: a system admin can turn it on in the System Console (Plugins > Connect Chat)."))
	}
	if _, err := s.d.Conversations.Get(userID, channelID); err != nil {
		return err
	}
	return nil
}

func elementOf(kind string) (string, error) {
	switch kind {
	case "", servicenow.WorkNotes:
		return servicenow.WorkNotes, nil
	case servicenow.Comments:
		return servicenow.Comments, nil
	}
	return "", failure.New(failure.Invalid, i18n.M("connect.journal.kind", "kind must be work_notes or comments, not \"{{.Kind}}\".", i18n.Data{"Kind": kind}))
}

// picked reads the messages of req, oldest first: each must be a message of the conversation.
func (s *Service) picked(channelID string, req Request) ([]*model.Post, error) {
	switch {
	case len(req.PostIDs) > 0 && req.FromPostID != "":
		return nil, failure.New(failure.Invalid, i18n.M("connect.journal.both_picks", "Send post_ids or from_post_id, not both."))
	case len(req.PostIDs) > MaxMessages:
		return nil, failure.New(failure.Invalid, i18n.M("connect.journal.too_many", "Save at most {{.Max}} messages at a time.", i18n.Data{"Max": MaxMessages}))
	case len(req.PostIDs) == 0 && req.FromPostID == "":
		return nil, failure.New(failure.Invalid, i18n.M("connect.journal.pick_one", "Pick at least one message: post_ids, or from_post_id for from there to the end."))
	}
	if req.FromPostID != "" {
		from, err := s.message(channelID, req.FromPostID)
		if err != nil {
			return nil, err
		}
		later, err := s.d.Posts.PostsAfter(channelID, from.CreateAt)
		if err != nil {
			return nil, errors.Wrap(err, "failed to read the conversation")
		}
		posts := []*model.Post{from}
		for _, p := range later {
			if p.Type == "" && p.DeleteAt == 0 && p.Id != from.Id {
				posts = append(posts, p)
			}
		}
		if len(posts) > MaxMessages {
			return nil, failure.New(failure.Invalid, i18n.M("connect.journal.too_many_from", "That is more than {{.Max}} messages: pick a later first message.", i18n.Data{"Max": MaxMessages}))
		}
		sort.SliceStable(posts, func(i, j int) bool { return posts[i].CreateAt < posts[j].CreateAt })
		return posts, nil
	}
	posts := make([]*model.Post, 0, len(req.PostIDs))
	seen := map[string]bool{}
	for _, id := range req.PostIDs {
		if seen[id] {
			continue
		}
		seen[id] = true
		p, err := s.message(channelID, id)
		if err != nil {
			return nil, err
		}
		posts = append(posts, p)
	}
	sort.SliceStable(posts, func(i, j int) bool { return posts[i].CreateAt < posts[j].CreateAt })
	return posts, nil
}

// message reads one message of the conversation; anything else is refused by its ID.
func (s *Service) message(channelID, postID string) (*model.Post, error) {
	if !model.IsValidId(postID) {
		return nil, failure.New(failure.Invalid, i18n.M("connect.journal.not_a_post_id", "\"{{.ID}}\" is not a message ID.", i18n.Data{"ID": postID}))
	}
	p, err := s.d.Posts.GetPost(postID)
	if err != nil || p == nil || p.ChannelId != channelID || p.DeleteAt != 0 {
		return nil, failure.New(failure.Invalid, i18n.M("connect.journal.not_here", "Message {{.ID}} is not in this conversation.", i18n.Data{"ID": postID}))
	}
	if p.Type != "" {
		return nil, failure.New(failure.Invalid, i18n.M("connect.journal.system_message", "Message {{.ID}} is a system message: pick people's messages.", i18n.Data{"ID": postID}))
	}
	return p, nil
}

// record resolves what the user typed to a record they may see, as its card would.
func (s *Service) record(ctx context.Context, userID, channelID, text string) (records.Entry, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return records.Entry{}, failure.New(failure.Invalid, i18n.M("connect.journal.name_record", "Name the record: a number such as INC0010001, or its link."))
	}
	key, ok := s.d.Records.RecordKey(text)
	if !ok {
		return records.Entry{}, failure.New(failure.Invalid, i18n.M("connect.journal.not_a_record", "\"{{.Text}}\" is not a record number or record link Connect knows.", i18n.Data{"Text": text}))
	}
	entry := s.d.Records.Describe(ctx, channelID, userID, []servicenow.RecordKey{key})[0]
	switch entry.Status {
	case records.Found:
		return entry, nil
	case records.Missing:
		return entry, failure.New(failure.NotFound, i18n.Text(entry.Problem+"."))
	case records.Restricted:
		return entry, failure.New(failure.Forbidden, i18n.M("connect.journal.restricted", "This conversation includes people who may not see record details: save it from a staff-only conversation."))
	}
	problem := i18n.Text(entry.Problem) // in the caller's language already
	if entry.Problem == "" {
		problem = i18n.M("connect.servicenow.unreachable", "ServiceNow could not be reached")
	}
	return entry, failure.New(failure.Unavailable, i18n.M("connect.journal.not_found_yet", "Connect could not find {{.Number}}: {{.Problem}}. Try again.", i18n.Data{"Number": entry.Number, "Problem": problem}))
}

func (s *Service) saveTo(ctx context.Context, userID, channelID, recordText, element string, posts []*model.Post) (Saved, error) {
	entry, err := s.record(ctx, userID, channelID, recordText)
	if err != nil {
		return Saved{}, err
	}
	answer := Saved{Number: entry.Number, Card: workspace.CardOf(entry), Link: entry.URL}
	id, fresh, err := s.claim(entry.SysID, posts)
	if err != nil {
		return Saved{}, err
	}
	answer.Saved, answer.Already = len(fresh), len(posts)-len(fresh)
	if len(fresh) == 0 {
		return answer, nil
	}
	payload, err := json.Marshal(excerpt{
		Table: entry.Table, SysID: entry.SysID, Number: entry.Number, Element: element,
		Text: s.excerptText(userID, fresh), PostIDs: idsOf(fresh),
	})
	if err != nil {
		return Saved{}, err
	}
	if _, err := s.d.Outbox.Enqueue(outbox.Write{ID: id, Kind: SaveWrite, UserID: userID, ChannelID: channelID, Payload: payload}); err != nil {
		s.release(entry.SysID, id, idsOf(fresh))
		return Saved{}, errors.Wrap(err, "failed to queue the excerpt")
	}
	answer.Queued = !s.settled(ctx, id)
	return answer, nil
}

// claim marks the messages not yet saved to the record as saved by a new write, under the
// record's lock, and returns that write's ID and those messages.
func (s *Service) claim(sysID string, posts []*model.Post) (string, []*model.Post, error) {
	unlock, err := s.lock(sysID)
	if err != nil {
		return "", nil, err
	}
	defer unlock()
	saved, err := s.savedTo(sysID)
	if err != nil {
		return "", nil, err
	}
	var fresh []*model.Post
	for _, p := range posts {
		if _, ok := saved[p.Id]; !ok {
			fresh = append(fresh, p)
		}
	}
	if len(fresh) == 0 {
		return "", nil, nil
	}
	id := writeID(sysID, idsOf(fresh))
	for _, p := range fresh {
		saved[p.Id] = id
	}
	return id, fresh, s.storeSaved(sysID, saved)
}

// release forgets the messages of a write that will not be written, so they can be saved again.
func (s *Service) release(sysID, id string, postIDs []string) {
	unlock, err := s.lock(sysID)
	if err != nil {
		s.d.Log.Warn("Failed to release messages of a failed save", "error", err.Error())
		return
	}
	defer unlock()
	saved, err := s.savedTo(sysID)
	if err == nil {
		for _, postID := range postIDs {
			if saved[postID] == id {
				delete(saved, postID)
			}
		}
		err = s.storeSaved(sysID, saved)
	}
	if err != nil {
		s.d.Log.Warn("Failed to release messages of a failed save", "error", err.Error())
	}
}

func (s *Service) lock(sysID string) (func(), error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	unlock, err := s.d.Lock(ctx, savedPrefix+sysID)
	return unlock, errors.Wrap(err, "failed to lock the record's saved messages")
}

// savedTo is which messages were saved to a record: post ID → the write that saved it.
func (s *Service) savedTo(sysID string) (map[string]string, error) {
	raw, err := s.d.KV.Get(savedPrefix + sysID)
	saved := map[string]string{}
	if err != nil {
		return nil, errors.Wrap(err, "failed to read the record's saved messages")
	}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &saved); err != nil {
			return nil, errors.Wrap(err, "failed to decode the record's saved messages")
		}
	}
	return saved, nil
}

func (s *Service) storeSaved(sysID string, saved map[string]string) error {
	raw, err := json.Marshal(saved)
	if err != nil {
		return err
	}
	return errors.Wrap(s.d.KV.Set(savedPrefix+sysID, raw), "failed to remember the record's saved messages")
}

// settled waits a little for the first attempt: true when the write was done (or ended).
func (s *Service) settled(ctx context.Context, id string) bool {
	deadline := time.NewTimer(settleWait)
	defer deadline.Stop()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		if done, err := s.d.Outbox.Done(id); err == nil && done {
			return true
		}
		if pending, err := s.d.Outbox.Pending(id); err == nil && !pending {
			return true
		}
		select {
		case <-tick.C:
		case <-deadline.C:
			return false
		case <-ctx.Done():
			return false
		}
	}
}

// write is the outbox handler of SaveWrite.
func (s *Service) write(ctx context.Context, w outbox.Write) error {
	var e excerpt
	if err := json.Unmarshal(w.Payload, &e); err != nil {
		return outbox.MarkPermanent(errors.Wrap(err, "unreadable excerpt"))
	}
	upstream := s.d.Upstream()
	if upstream == nil {
		return errors.New("ServiceNow is not configured")
	}
	return upstream.AddJournal(ctx, e.Table, e.SysID, e.Element, e.Text)
}

// failed forgets the messages of a save that failed for good, so they can be saved again, and
// says what happened.
func (s *Service) failed(w outbox.Write, err error) i18n.Message {
	var e excerpt
	if json.Unmarshal(w.Payload, &e) != nil {
		return i18n.M("connect.journal.failed_unknown", "Connect could not save messages to a ServiceNow record: {{.Problem}}", i18n.Data{"Problem": err.Error()})
	}
	s.release(e.SysID, w.ID, e.PostIDs)
	return i18n.Plural("connect.journal.failed",
		"Connect could not save {{.Count}} message to {{.Number}}, and stopped trying: {{.Problem}}. You can save it again.",
		"Connect could not save {{.Count}} messages to {{.Number}}, and stopped trying: {{.Problem}}. You can save them again.",
		len(e.PostIDs), i18n.Data{"Number": e.Number, "Problem": err.Error()})
}

// excerptText is the journal entry: a header saying who saved it, then each message.
func (s *Service) excerptText(userID string, posts []*model.Post) string {
	var b strings.Builder
	b.WriteString(s.name(userID) + " via Connect: conversation excerpt")
	names := map[string]string{}
	for _, p := range posts {
		author, ok := names[p.UserId]
		if !ok {
			author = s.name(p.UserId)
			names[p.UserId] = author
		}
		b.WriteString("\n" + Line(time.UnixMilli(p.CreateAt), author, p.Message, s.d.Files.FileNames(p)))
	}
	return b.String()
}

// Line is one message of an excerpt: "[2026-12-06 10:42 UTC] Bob Baker: text (files: a.png)".
func Line(at time.Time, author, message string, files []string) string {
	text := strings.TrimSpace(message)
	if len(files) > 0 {
		text = strings.TrimSpace(text + " (files: " + strings.Join(files, ", ") + ")")
	}
	return fmt.Sprintf("[%s] %s: %s", at.UTC().Format("2006-01-02 15:04 UTC"), author, text)
}

func (s *Service) name(userID string) string {
	user, err := s.d.Users.User(userID)
	if err != nil || user == nil {
		return "Someone"
	}
	if name := strings.TrimSpace(user.GetFullName()); name != "" {
		return name
	}
	return user.Username
}

func idsOf(posts []*model.Post) []string {
	ids := make([]string, len(posts))
	for i, p := range posts {
		ids[i] = p.Id
	}
	return ids
}

// writeID is the same for the same messages saved to the same record.
func writeID(sysID string, postIDs []string) string {
	sorted := slices.Clone(postIDs)
	slices.Sort(sorted)
	sum := sha256.Sum256([]byte(strings.Join(sorted, ",")))
	return SaveWrite + "_" + sysID + "_" + hex.EncodeToString(sum[:16])
}
