// Package creation owns creating a ServiceNow record from a Connect conversation: the tables
// the admin allows, the short description, the caller (a member of the conversation, matched
// to a ServiceNow user by a trusted email address), the conversation's messages as the new
// record's first work note, and the card posted back in the conversation. One POST creates
// the record with its work note, so nothing is half-created; a request id makes a retried
// request answer the record it already created.
package creation

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/markdown"
	"github.com/connectchat/mattermost-plugin-connect/server/outbox"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
)

// Upstream is the ServiceNow client as creation uses it.
type Upstream interface {
	CreateRecord(ctx context.Context, table string, fields map[string]string) (*servicenow.Record, error)
	RecordByCorrelation(ctx context.Context, table, id string) (*servicenow.Record, error)
	UserByEmail(ctx context.Context, email string) (servicenow.User, error)
}

// Conversations reads one of the caller's conversations (a failure NotFound for any other channel).
type Conversations interface {
	Get(userID, channelID string) (conversations.Conversation, error)
}

// Users reads Mattermost accounts.
type Users interface {
	User(userID string) (*model.User, error)
}

// Posts reads a conversation's messages and posts the new record's card.
type Posts interface {
	GetPost(postID string) (*model.Post, error)
	ChannelPosts(channelID string, page, perPage int) ([]*model.Post, error)
	// PostsAfter lists a channel's posts created after since (Unix ms), oldest first.
	PostsAfter(channelID string, since int64) ([]*model.Post, error)
	CreatePost(post *model.Post) error
}

// Staff tells who is ITIL staff.
type Staff interface {
	Verdict(userID string) (staff.Verdict, error)
}

// KV keeps the answers to request ids, shared by every server.
type KV interface {
	Get(key string) ([]byte, error)
	CompareAndSetWithExpiry(key string, oldValue, newValue []byte, ttl time.Duration) (bool, error)
	Delete(key string) error
}

// Outbox is the durable write queue that creates the record later while ServiceNow cannot
// take it at once.
type Outbox interface {
	Handle(kind string, h outbox.Handler, failedMessage func(w outbox.Write, err error) i18n.Message)
	Enqueue(w outbox.Write) (queued bool, err error)
	Pending(id string) (bool, error)
}

// WriteKind is the outbox's name for creating a record.
const WriteKind = "create_record"

// Logger records what an admin may need to know.
type Logger interface {
	Warn(message string, keyValuePairs ...any)
}

// Deps are the service's collaborators.
type Deps struct {
	// Upstream is the ServiceNow client, nil while ServiceNow is not configured.
	Upstream      func() Upstream
	Conversations Conversations
	Users         Users
	Posts         Posts
	Staff         Staff
	KV            KV
	// Outbox queues a creation ServiceNow could not take; nil answers such a failure at once.
	Outbox Outbox
	Log    Logger
	Config func() *config.Config
	BotID  string
	// Languages: the card's post is in the server's default language (nil: English).
	Languages *i18n.Languages
}

// Service creates records from conversations.
type Service struct {
	d Deps
}

// NewService builds the service.
func NewService(d Deps) *Service {
	s := &Service{d: d}
	if d.Outbox != nil {
		d.Outbox.Handle(WriteKind, s.runQueued, failedMessage)
	}
	return s
}

// Limits of a request.
const (
	// MaxShortDescription is ServiceNow's stock length of short_description.
	MaxShortDescription = 160
	// RecentMessages is how many of the conversation's newest messages the work note carries
	// when the user picked none.
	RecentMessages = 20
	// MaxPickedMessages bounds the messages one request may pick.
	MaxPickedMessages = 200
	maxRequestID      = 64
	// requestTTL is how long a request id keeps answering with its record.
	requestTTL = 24 * time.Hour
	// pendingTTL frees a request id whose server stopped while creating its record; the
	// correlation id then finds the record if it was made.
	pendingTTL = 2 * createTimeout
	// createTimeout bounds the ServiceNow calls of one creation.
	createTimeout = 20 * time.Second
	requestPrefix = "create_req_"
)

// Request is what the user asks for.
type Request struct {
	// RequestID is chosen by the client; the same id from the same user answers the record it
	// already created instead of creating another.
	RequestID        string `json:"request_id"`
	Table            string `json:"table"`
	ShortDescription string `json:"short_description"`
	// CallerID is the Mattermost user id of the caller, a member of the conversation; empty
	// means the asker.
	CallerID string `json:"caller_id"`
	// PostIDs are the messages for the work note, or FromPostID and every later message;
	// neither means the conversation's newest RecentMessages, unless IncludeRecent is false.
	PostIDs       []string `json:"post_ids"`
	FromPostID    string   `json:"from_post_id,omitempty"`
	IncludeRecent *bool    `json:"include_recent,omitempty"`
}

// Created answers a creation: the new record's card and its link, or, while ServiceNow cannot
// be reached, that the creation is queued (its card is posted in the conversation once done).
type Created struct {
	Card   *Card  `json:"card,omitempty"`
	Link   string `json:"link,omitempty"`
	Queued bool   `json:"queued,omitempty"`
}

// Card is the new record as its card shows it, with what following it needs (table, sys_id).
type Card struct {
	Table            string `json:"table"`
	SysID            string `json:"sys_id"`
	Number           string `json:"number"`
	ShortDescription string `json:"short_description"`
	State            string `json:"state"`
	Priority         string `json:"priority"`
	AssignedTo       string `json:"assigned_to"`
	Caller           string `json:"caller"`
	URL              string `json:"url"`
	// PostID is the conversation's post that shows the card ("" when it could not be posted).
	PostID string `json:"post_id"`
}

// Table is one table records can be created in.
type Table struct {
	Name  string `json:"name"`
	Label string `json:"label"`
}

// Creatable lists the tables the caller can create records in.
type Creatable struct {
	Tables []Table `json:"tables"`
}

// Failures the caller can act on.
var (
	errOff        = failure.New(failure.Forbidden, i18n.M("connect.creation.off", "Creating ServiceNow records through Connect is turned off. A system admin can turn it on in the System Console (Plugins > Connect Chat)."))
	errNotStaff   = failure.New(failure.Forbidden, i18n.M("connect.creation.staff_only", "Only ITIL staff can create ServiceNow records with Connect."))
	errNoInstance = failure.New(failure.Unavailable, i18n.M("connect.records.setup_missing_sentence", "ServiceNow is not configured yet: a system admin sets it up in the System Console (Plugins > Connect Chat)."))
	errInProgress = failure.New(failure.Conflict, i18n.M("connect.creation.in_progress", "This record is being created already; its card appears in the conversation when it is done."))
)

// Tables lists the tables the caller may create records in; a failure for anyone who may not.
func (s *Service) Tables(userID string) (Creatable, error) {
	cfg := s.d.Config()
	if err := s.mayCreate(cfg, userID); err != nil {
		return Creatable{}, err
	}
	l := s.d.Languages.Recent(userID)
	tables := make([]Table, 0, len(cfg.CreateTables))
	for _, name := range cfg.CreateTables {
		if cfg.IsRecordTable(name) {
			tables = append(tables, Table{Name: name, Label: TableLabel(name, l)})
		}
	}
	return Creatable{Tables: tables}, nil
}

func (s *Service) mayCreate(cfg *config.Config, userID string) error {
	verdict, err := s.d.Staff.Verdict(userID)
	switch {
	case err != nil:
		return fmt.Errorf("failed to check whether %s is staff: %w", userID, err)
	case verdict.Kind != staff.Staff:
		return errNotStaff
	case !cfg.CreateRecords:
		return errOff
	}
	return nil
}

// Create creates the record userID asks for from the conversation channelID, posts its card
// there as the Connect bot, and answers the card.
func (s *Service) Create(ctx context.Context, userID, channelID string, req Request) (Created, error) {
	plan, err := s.Prepare(ctx, userID, channelID, req)
	if err != nil {
		return Created{}, err
	}
	return s.Run(ctx, plan)
}

// Plan is a checked creation: everything ServiceNow is sent, and where the card goes.
type Plan struct {
	RequestID string            `json:"request_id"`
	UserID    string            `json:"user_id"`
	ChannelID string            `json:"channel_id"`
	Table     string            `json:"table"`
	Fields    map[string]string `json:"fields"`
	Asker     string            `json:"asker"`
	// Caller is the caller's name; CallerEmail their trusted address, which finds their
	// ServiceNow user when the record is created.
	Caller      string `json:"caller"`
	CallerEmail string `json:"caller_email"`
}

// Prepare checks a request and reads what the record is made of: the caller (found in
// ServiceNow when the record is created) and the messages for the work note. Nothing is sent
// to ServiceNow yet.
func (s *Service) Prepare(ctx context.Context, userID, channelID string, req Request) (Plan, error) {
	cfg := s.d.Config()
	if err := s.mayCreate(cfg, userID); err != nil {
		return Plan{}, err
	}
	conversation, err := s.d.Conversations.Get(userID, channelID)
	if err != nil {
		return Plan{}, err
	}
	table, err := allowedTable(cfg, req.Table)
	if err != nil {
		return Plan{}, err
	}
	description, err := shortDescription(req.ShortDescription)
	if err != nil {
		return Plan{}, err
	}
	if len(req.RequestID) > maxRequestID || strings.ContainsAny(req.RequestID, " \t\n") {
		return Plan{}, failure.New(failure.Invalid, i18n.M("connect.creation.request_id", "request_id must be at most {{.Max}} characters without spaces.", i18n.Data{"Max": maxRequestID}))
	}
	if s.upstream() == nil {
		return Plan{}, errNoInstance
	}
	caller, err := s.caller(conversation, userID, req.CallerID)
	if err != nil {
		return Plan{}, err
	}
	lines, err := s.lines(channelID, req)
	if err != nil {
		return Plan{}, err
	}
	asker := s.name(userID)
	requestID := req.RequestID
	if requestID == "" {
		requestID = model.NewId()
	}
	return Plan{
		RequestID: requestID, UserID: userID, ChannelID: channelID, Table: table, Asker: asker,
		Caller: displayName(caller), CallerEmail: strings.ToLower(caller.Email),
		Fields: map[string]string{
			"short_description":  description,
			servicenow.WorkNotes: WorkNote(asker, lines),
		},
	}, nil
}

// Run creates the planned record (once per request id) and posts its card.
func (s *Service) Run(ctx context.Context, plan Plan) (Created, error) {
	upstream := s.upstream()
	if upstream == nil {
		return Created{}, errNoInstance
	}
	release, done, err := s.claim(plan)
	if err != nil || done != nil {
		if done != nil {
			return *done, nil
		}
		return Created{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, createTimeout)
	defer cancel()
	record, err := s.create(ctx, upstream, plan)
	if err != nil {
		release(nil)
		if _, known := failure.As(err); known {
			return Created{}, err
		}
		return Created{}, createFailure(err)
	}
	card := cardOf(record, plan.Caller)
	card.PostID = s.postCard(plan, record)
	created := Created{Card: &card, Link: record.URL}
	release(&created)
	return created, nil
}

// create finds the caller's ServiceNow user and creates the record in one request, marked with
// the request's correlation id. A record an earlier attempt created (whose answer was lost to a
// timeout, say) is found by that id and not created again.
func (s *Service) create(ctx context.Context, upstream Upstream, plan Plan) (*servicenow.Record, error) {
	correlation := correlationID(plan)
	if earlier, err := upstream.RecordByCorrelation(ctx, plan.Table, correlation); err != nil || earlier != nil {
		return earlier, err
	}
	caller, err := upstream.UserByEmail(ctx, plan.CallerEmail)
	switch {
	case errors.Is(err, servicenow.ErrNoUser) || servicenow.KindOf(err) == servicenow.KindInvalid:
		return nil, failure.New(failure.Invalid, i18n.M("connect.creation.caller_unknown", "{{.Name}} cannot be the caller: ServiceNow has no single active user with the address {{.Email}}.", i18n.Data{"Name": plan.Caller, "Email": plan.CallerEmail}))
	case err != nil:
		return nil, err
	}
	fields := make(map[string]string, len(plan.Fields)+1)
	for name, value := range plan.Fields {
		fields[name] = value
	}
	fields["caller_id"] = caller.SysID
	fields["correlation_id"], fields["correlation_display"] = correlation, correlationDisplay
	return upstream.CreateRecord(ctx, plan.Table, fields)
}

// correlationDisplay names Connect as the integration that made a record (task.correlation_display).
const correlationDisplay = "Connect Chat"

// correlationID marks the record of one request: the same for every attempt at it, on every server.
func correlationID(plan Plan) string {
	sum := sha256.Sum256([]byte(writeID(plan)))
	return "connect-" + hex.EncodeToString(sum[:16])
}

// claim reserves the plan's request id so one request creates one record, across retries and
// servers; done is the answer of a request that already created its record. release stores
// the answer (nil: the attempt failed, and the id is free again).
func (s *Service) claim(plan Plan) (release func(*Created), done *Created, err error) {
	key := requestPrefix + plan.UserID + "_" + plan.RequestID
	pending := []byte(`{"pending":true}`)
	ok, err := s.d.KV.CompareAndSetWithExpiry(key, nil, pending, pendingTTL)
	if err != nil {
		return nil, nil, fmt.Errorf("failed to reserve request %s: %w", plan.RequestID, err)
	}
	if !ok {
		raw, err := s.d.KV.Get(key)
		if err != nil {
			return nil, nil, fmt.Errorf("failed to read request %s: %w", plan.RequestID, err)
		}
		var answer struct {
			Pending bool     `json:"pending"`
			Created *Created `json:"created"`
		}
		if json.Unmarshal(raw, &answer) == nil && answer.Created != nil {
			return nil, answer.Created, nil
		}
		return nil, nil, errInProgress
	}
	return func(created *Created) {
		if created == nil {
			if err := s.d.KV.Delete(key); err != nil {
				s.d.Log.Warn("Failed to free a record creation request", "request_id", plan.RequestID, "error", err.Error())
			}
			return
		}
		raw, _ := json.Marshal(map[string]any{"created": created})
		if _, err := s.d.KV.CompareAndSetWithExpiry(key, pending, raw, requestTTL); err != nil {
			s.d.Log.Warn("Failed to remember a created record", "request_id", plan.RequestID, "error", err.Error())
		}
	}, nil, nil
}

// Permanent reports an error that trying again cannot mend (a refused field, a bad request).
func Permanent(err error) bool {
	known, ok := failure.As(err)
	return ok && known.Kind != failure.Unavailable
}

// createFailure explains a failed creation: a missing mandatory field names it; ServiceNow
// down or slow is Unavailable (worth trying again); any other refusal says what ServiceNow said.
func createFailure(err error) error {
	var missing *servicenow.MissingFieldsError
	if errors.As(err, &missing) {
		return failure.New(failure.Invalid, i18n.Text(missing.Error()+".")) // ServiceNow's own field names
	}
	switch servicenow.KindOf(err) {
	case servicenow.KindUnavailable, servicenow.KindTimeout, servicenow.KindRateLimited, servicenow.KindBadResponse:
		return failure.New(failure.Unavailable, i18n.M("connect.creation.unreachable", "ServiceNow could not be reached, so the record was not created: {{.Problem}}.", i18n.Data{"Problem": err.Error()}))
	case servicenow.KindForbidden, servicenow.KindBadRequest, servicenow.KindNotFound, servicenow.KindInvalid, servicenow.KindUnauthorized:
		return failure.New(failure.Invalid, notCreated(err))
	case "":
		if errors.Is(err, context.DeadlineExceeded) {
			return failure.New(failure.Unavailable, i18n.M("connect.creation.timeout", "ServiceNow did not answer in time, so the record was not created."))
		}
		return err
	}
	return failure.New(failure.Unavailable, notCreated(err))
}

// notCreated says what ServiceNow said when it did not create a record (in its own words).
func notCreated(err error) i18n.Message {
	return i18n.M("connect.creation.refused", "ServiceNow did not create the record: {{.Problem}}.", i18n.Data{"Problem": err.Error()})
}

func cardOf(r *servicenow.Record, caller string) Card {
	return Card{Table: r.Table, SysID: r.SysID, Number: r.Number, ShortDescription: r.ShortDescription,
		State: r.State, Priority: r.Priority, AssignedTo: r.AssignedTo, Caller: caller, URL: r.URL}
}

// CreatedProp marks the Connect bot's post of a new record's card (value: the record number).
const CreatedProp = "connect_created_record"

// postCard posts the new record in the conversation as the Connect bot, naming its number so
// the post gets the record's card as every message naming a record does.
func (s *Service) postCard(plan Plan, record *servicenow.Record) string {
	post := &model.Post{
		UserId: s.d.BotID, ChannelId: plan.ChannelID,
		Message: s.d.Languages.Server().Text(i18n.M("connect.creation.posted", "{{.Asker}} created {{.Number}} from this conversation.",
			i18n.Data{"Asker": markdown.Literal(plan.Asker), "Number": record.Number})),
	}
	post.AddProp(CreatedProp, record.Number)
	if err := s.d.Posts.CreatePost(post); err != nil {
		s.d.Log.Warn("Failed to post a new record's card", "channel_id", plan.ChannelID, "number", record.Number, "error", err.Error())
		return ""
	}
	return post.Id
}

func (s *Service) upstream() Upstream {
	if s.d.Upstream == nil {
		return nil
	}
	return s.d.Upstream()
}

func allowedTable(cfg *config.Config, requested string) (string, error) {
	table := strings.ToLower(strings.TrimSpace(requested))
	if table == "" && len(cfg.CreateTables) == 1 {
		table = cfg.CreateTables[0]
	}
	if slices.Contains(cfg.CreateTables, table) && cfg.IsRecordTable(table) && servicenow.ValidTable(table) {
		return table, nil
	}
	return "", failure.New(failure.Invalid, i18n.M("connect.creation.table_not_allowed", "Records can be created in {{.Tables}} only; \"{{.Requested}}\" is not one of them.",
		i18n.Data{"Tables": creatableTables(cfg.CreateTables), "Requested": requested}))
}

// creatableTables names the tables records can be created in, as alternatives.
func creatableTables(tables []string) any {
	if len(tables) == 0 {
		return i18n.M("connect.creation.no_table", "no table")
	}
	return i18n.Or(tables)
}

// shortDescription is the text on one line, spaces collapsed; empty or too long is refused.
func shortDescription(text string) (string, error) {
	text = strings.Join(strings.Fields(text), " ")
	switch n := utf8.RuneCountInString(text); {
	case n == 0:
		return "", failure.New(failure.Invalid, i18n.M("connect.creation.no_description", "Give the record a short description."))
	case n > MaxShortDescription:
		return "", failure.New(failure.Invalid, i18n.M("connect.creation.description_long", "The short description is {{.Length}} characters; ServiceNow takes at most {{.Max}}.", i18n.Data{"Length": n, "Max": MaxShortDescription}))
	}
	return text, nil
}

// caller checks the caller (the asker when empty): a member of the conversation with an active
// account and a trusted email address, by which the record's creation finds their ServiceNow user.
func (s *Service) caller(c conversations.Conversation, askerID, callerID string) (*model.User, error) {
	if callerID == "" {
		callerID = askerID
	}
	member := slices.ContainsFunc(c.Members, func(m conversations.Member) bool { return m.ID == callerID })
	if !member {
		return nil, failure.New(failure.Invalid, i18n.M("connect.creation.caller_not_member", "The caller must be a member of this conversation."))
	}
	user, err := s.d.Users.User(callerID)
	if err != nil {
		return nil, fmt.Errorf("failed to read the caller %s: %w", callerID, err)
	}
	name := displayName(user)
	switch {
	case user.IsBot || user.DeleteAt != 0:
		return nil, failure.New(failure.Invalid, i18n.M("connect.creation.caller_inactive", "{{.Name}} cannot be the caller: only active people can.", i18n.Data{"Name": name}))
	case user.Email == "" || !staff.AddressIsTrusted(user):
		return nil, failure.New(failure.Invalid, i18n.M("connect.creation.caller_unverified", "{{.Name}} cannot be the caller: their email address is not verified, so Connect cannot match them to a ServiceNow user.", i18n.Data{"Name": name}))
	}
	return user, nil
}

// lines reads the messages for the work note: the picked ones (each must be in the
// conversation), or the newest RecentMessages; oldest first, system messages left out.
func (s *Service) lines(channelID string, req Request) ([]Line, error) {
	var posts []*model.Post
	switch {
	case len(req.PostIDs) > MaxPickedMessages:
		return nil, failure.New(failure.Invalid, i18n.M("connect.creation.too_many", "Pick at most {{.Max}} messages.", i18n.Data{"Max": MaxPickedMessages}))
	case req.FromPostID != "" && len(req.PostIDs) > 0:
		return nil, failure.New(failure.Invalid, i18n.M("connect.journal.both_picks", "Send post_ids or from_post_id, not both."))
	case req.FromPostID != "":
		from, err := s.fromHere(channelID, req.FromPostID)
		if err != nil {
			return nil, err
		}
		posts = from
	case len(req.PostIDs) > 0:
		seen := map[string]bool{}
		for _, id := range req.PostIDs {
			if seen[id] {
				continue
			}
			seen[id] = true
			post, err := s.picked(channelID, id)
			if err != nil {
				return nil, err
			}
			posts = append(posts, post)
		}
	case req.IncludeRecent == nil || *req.IncludeRecent:
		recent, err := s.recent(channelID)
		if err != nil {
			return nil, err
		}
		posts = recent
	}
	slices.SortStableFunc(posts, func(a, b *model.Post) int { return cmp.Compare(a.CreateAt, b.CreateAt) })
	names := map[string]string{}
	lines := make([]Line, 0, len(posts))
	for _, p := range posts {
		if _, ok := names[p.UserId]; !ok {
			names[p.UserId] = s.name(p.UserId)
		}
		lines = append(lines, Line{At: time.UnixMilli(p.CreateAt), Author: names[p.UserId], Text: p.Message, Files: len(p.FileIds)})
	}
	return lines, nil
}

func (s *Service) picked(channelID, postID string) (*model.Post, error) {
	notHere := failure.New(failure.Invalid, i18n.M("connect.creation.not_here", "Message \"{{.ID}}\" is not in this conversation.", i18n.Data{"ID": postID}))
	if !model.IsValidId(postID) {
		return nil, notHere
	}
	post, err := s.d.Posts.GetPost(postID)
	if err != nil || post == nil || post.ChannelId != channelID || post.DeleteAt != 0 || post.Type != "" {
		return nil, notHere
	}
	return post, nil
}

// fromHere is a picked message and every later one, the first MaxPickedMessages.
func (s *Service) fromHere(channelID, postID string) ([]*model.Post, error) {
	first, err := s.picked(channelID, postID)
	if err != nil {
		return nil, err
	}
	later, err := s.d.Posts.PostsAfter(channelID, first.CreateAt)
	if err != nil {
		return nil, fmt.Errorf("failed to read the messages of %s: %w", channelID, err)
	}
	posts := []*model.Post{first}
	for _, p := range later {
		if p.Type == "" && p.Id != first.Id && len(posts) < MaxPickedMessages {
			posts = append(posts, p)
		}
	}
	return posts, nil
}

func (s *Service) recent(channelID string) ([]*model.Post, error) {
	var posts []*model.Post
	for page := 0; page < 5 && len(posts) < RecentMessages; page++ {
		batch, err := s.d.Posts.ChannelPosts(channelID, page, RecentMessages*2)
		if err != nil {
			return nil, fmt.Errorf("failed to read the messages of %s: %w", channelID, err)
		}
		for _, p := range batch {
			if p.Type == "" && p.DeleteAt == 0 && len(posts) < RecentMessages {
				posts = append(posts, p)
			}
		}
		if len(batch) < RecentMessages*2 {
			break
		}
	}
	return posts, nil
}

func (s *Service) name(userID string) string {
	user, err := s.d.Users.User(userID)
	if err != nil {
		return "Someone"
	}
	return displayName(user)
}

func displayName(user *model.User) string {
	if name := strings.TrimSpace(user.GetFullName()); name != "" {
		return name
	}
	return user.Username
}

// tableLabels are the labels of ServiceNow's stock tables, as its own interface writes them.
var tableLabels = map[string]i18n.Message{
	"incident":                i18n.M("connect.creation.table.incident", "Incident"),
	"problem":                 i18n.M("connect.creation.table.problem", "Problem"),
	"problem_task":            i18n.M("connect.creation.table.problem_task", "Problem Task"),
	"change_request":          i18n.M("connect.creation.table.change_request", "Change Request"),
	"change_task":             i18n.M("connect.creation.table.change_task", "Change Task"),
	"sc_request":              i18n.M("connect.creation.table.sc_request", "Request"),
	"sc_req_item":             i18n.M("connect.creation.table.sc_req_item", "Requested Item"),
	"sc_task":                 i18n.M("connect.creation.table.sc_task", "Catalog Task"),
	"task":                    i18n.M("connect.creation.table.task", "Task"),
	"sn_customerservice_case": i18n.M("connect.creation.table.sn_customerservice_case", "Case"),
	"kb_knowledge":            i18n.M("connect.creation.table.kb_knowledge", "Knowledge"),
}

// TableLabel is a table's label in l's language: the stock one, or its name in words.
func TableLabel(table string, l *i18n.Localizer) string {
	if label, ok := tableLabels[table]; ok {
		return l.Text(label)
	}
	words := strings.Fields(strings.ReplaceAll(table, "_", " "))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// Submit creates the record as Create does, without letting a caller that goes away cut the
// write short. While ServiceNow cannot be reached (down, slow, rate limiting, the circuit
// open) the creation is queued in the outbox, which creates it once ServiceNow is back and
// posts its card in the conversation; the answer then says Queued. The request id (one is
// made up when the caller sent none) keeps a retried request from creating a second record.
// Refusals (a missing mandatory field, a caller ServiceNow does not know) are answered at
// once and never queued.
func (s *Service) Submit(ctx context.Context, userID, channelID string, req Request) (Created, error) {
	plan, err := s.Prepare(ctx, userID, channelID, req)
	if err != nil {
		return Created{}, err
	}
	id := writeID(plan)
	if s.d.Outbox != nil {
		if pending, err := s.d.Outbox.Pending(id); err == nil && pending {
			return Created{Queued: true}, nil
		}
	}
	created, err := s.Run(context.WithoutCancel(ctx), plan)
	if err == nil || s.d.Outbox == nil || !failure.Is(err, failure.Unavailable) || errors.Is(err, errNoInstance) {
		return created, err
	}
	payload, jsonErr := json.Marshal(plan)
	if jsonErr != nil {
		return Created{}, jsonErr
	}
	if _, queueErr := s.d.Outbox.Enqueue(outbox.Write{ID: id, Kind: WriteKind, UserID: userID, ChannelID: channelID, Payload: payload}); queueErr != nil {
		s.d.Log.Warn("Failed to queue a record creation", "channel_id", channelID, "error", queueErr.Error())
		return Created{}, err
	}
	return Created{Queued: true}, nil
}

// writeID is the outbox's idempotency key of a creation: one per user and request id.
func writeID(plan Plan) string { return WriteKind + ":" + plan.UserID + ":" + plan.RequestID }

// runQueued creates a queued record. Another server creating it at the same moment is worth
// waiting for (a transient error), unlike a refusal.
func (s *Service) runQueued(ctx context.Context, w outbox.Write) error {
	var plan Plan
	if err := json.Unmarshal(w.Payload, &plan); err != nil {
		return outbox.MarkPermanent(fmt.Errorf("unreadable record creation %s: %w", w.ID, err))
	}
	_, err := s.Run(ctx, plan)
	if errors.Is(err, errInProgress) {
		return errors.New("the record is being created by another request")
	}
	return err
}

// failedMessage tells the asker, once, that a queued creation finally failed.
func failedMessage(w outbox.Write, err error) i18n.Message {
	var plan Plan
	_ = json.Unmarshal(w.Payload, &plan)
	text := err.Error()
	if !strings.HasSuffix(text, ".") {
		text += "."
	}
	return i18n.M("connect.creation.failed_queued", "Connect could not create the {{.Table}} \"{{.Description}}\" in ServiceNow: {{.Problem}} Nothing was created; create it again with `/connect create` or Create record in the workspace.",
		i18n.Data{"Table": tableWord(plan.Table), "Description": plan.Fields["short_description"], "Problem": text})
}

// tableWord is a table's label inside a sentence ("the incident"), in its reader's language.
func tableWord(table string) any {
	if label, ok := tableLabels[table]; ok {
		return i18n.Lower{Message: label}
	}
	return strings.ToLower(TableLabel(table, i18n.English()))
}
