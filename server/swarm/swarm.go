// Package swarm owns bringing in a record's people ("swarming", issue 24 item 1): the record's
// assignee and the members of its assignment group who are staff in Mattermost join the record's
// conversation (the one following uses) and follow the record. People are matched to Mattermost
// users by a trusted email address, as ServiceNow roles are (staff.AddressIsTrusted). The asker
// first sees a plan (who will be added, who is in already, who will not be and why) and chooses;
// applying builds the plan again, so nobody the plan refuses is ever added, whatever was asked.
package swarm

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/follow"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
	"github.com/connectchat/mattermost-plugin-connect/server/workspace"
)

// Role is why a person is on the plan.
type Role string

const (
	Assignee    Role = "assignee"
	GroupMember Role = "group member"
)

// Status is what applying the plan does for a person.
type Status string

const (
	// Add: staff, not in the conversation yet; ticked by default.
	Add Status = "add"
	// Already: in the record conversation already.
	Already Status = "already"
	// Unavailable: cannot be added; Reason says why.
	Unavailable Status = "unavailable"
)

// The reasons someone cannot be added.
const (
	NoAccount   = "no Mattermost account"
	NotStaff    = "not staff"
	Deactivated = "deactivated"
	inAlready   = "already in the conversation"
)

// Person is one of the record's people as the plan shows them.
type Person struct {
	UserID      string `json:"user_id"` // "" without a (trusted) Mattermost account
	Username    string `json:"username"`
	DisplayName string `json:"display_name"`
	Email       string `json:"email"`
	Role        Role   `json:"role"`
	Status      Status `json:"status"`
	Reason      string `json:"reason"`
}

// Record is the record the plan is about: its card (as the workspace shows cards) and what
// names it.
type Record struct {
	workspace.Card
	Table           string `json:"table"`
	SysID           string `json:"sys_id"`
	Number          string `json:"number"`
	URL             string `json:"url"`
	AssignmentGroup string `json:"assignment_group"`
}

// Plan is who bringing in the team adds; GET /api/v1/swarm/{table}/{sys_id}.
type Plan struct {
	Record Record `json:"record"`
	// ConversationID is the record conversation; "" until someone follows the record.
	ConversationID string   `json:"conversation_id"`
	People         []Person `json:"people"`
}

// Result is what applying a plan did; POST /api/v1/swarm/{table}/{sys_id}.
type Result struct {
	ConversationID string `json:"conversation_id"`
	// Added are the user ids who joined the conversation now (the asker too, if they were not in it).
	Added []string `json:"added"`
	// Already are the asked user ids who were in it already.
	Already []string `json:"already"`
	// Refused are the asked user ids the plan does not allow (not staff, deactivated, not the record's).
	Refused []string `json:"refused"`
}

// Upstream is ServiceNow as bringing in people reads it.
type Upstream interface {
	RecordPeople(ctx context.Context, key servicenow.RecordKey) (servicenow.RecordPeople, bool, error)
}

// Users finds Mattermost accounts.
type Users interface {
	User(userID string) (*model.User, error)
	// UserByEmail is the account with this email; nil (and no error) when there is none.
	UserByEmail(email string) (*model.User, error)
}

// Staff says who is ITIL staff.
type Staff interface {
	Verdict(userID string) (staff.Verdict, error)
}

// Following is the record conversations and their followers.
type Following interface {
	Follow(userID string, key servicenow.RecordKey) (follow.Follow, error)
	ConversationOf(ref follow.Ref) (string, error)
	AddFollowers(ref follow.Ref, userIDs []string) error
	CheckTable(table string) error
}

// Conversations adds people to a conversation on someone's behalf.
type Conversations interface {
	AddMembers(callerID, channelID string, userIDs []string) (conversations.Conversation, error)
}

// Members lists a channel's members.
type Members interface {
	MemberIDs(channelID string) ([]string, error)
}

// Posts is where the bot tells the conversation who was brought in.
type Posts interface {
	CreatePost(post *model.Post) error
}

// Deps is what bringing in people needs.
type Deps struct {
	Upstream      func() Upstream // nil while ServiceNow is not configured
	Users         Users
	Staff         Staff
	Follow        Following
	Conversations Conversations
	Members       Members
	Posts         Posts
	// Dialogs opens the plan on Mattermost's own clients; nil leaves dialogs out.
	Dialogs Dialogs
	// Ephemeral tells one user something in a channel, privately, in their language.
	Ephemeral func(userID, channelID string, message i18n.Message)
	// PluginPath is where Mattermost serves the plugin's routes: /plugins/<plugin id>.
	PluginPath string
	BotID      string
	// Languages: the dialog is in its asker's language, the note of who was brought in in the
	// server's default (nil: English).
	Languages *i18n.Languages
}

// Service brings in a record's people.
type Service struct{ d Deps }

// NewService builds the service.
func NewService(d Deps) *Service { return &Service{d: d} }

// lookupTimeout bounds reading the record and its group from ServiceNow.
const lookupTimeout = 15 * time.Second

// Plan reads the record's people and says, for each, what bringing them in would do.
func (s *Service) Plan(askerID string, key servicenow.RecordKey) (Plan, error) {
	plan, _, err := s.plan(askerID, key)
	return plan, err
}

// plan is Plan with the conversation's members as they were.
func (s *Service) plan(askerID string, key servicenow.RecordKey) (plan Plan, members map[string]bool, err error) {
	if err := s.requireStaff(askerID); err != nil {
		return Plan{}, nil, err
	}
	if err := key.Validate(); err != nil {
		return Plan{}, nil, failure.New(failure.Invalid, i18n.M("connect.swarm.name_a_record", "Name a record by its table and sys_id (32 lower-case hex digits) or its number: {{.Problem}}.", i18n.Data{"Problem": err.Error()}))
	}
	if key.Table != "" {
		if err := s.d.Follow.CheckTable(key.Table); err != nil {
			return Plan{}, nil, err
		}
	}
	var upstream Upstream
	if s.d.Upstream != nil {
		upstream = s.d.Upstream()
	}
	if upstream == nil {
		return Plan{}, nil, failure.New(failure.Unavailable, i18n.M("connect.swarm.not_configured", "ServiceNow is not configured, so a record's people cannot be brought in."))
	}
	ctx, cancel := context.WithTimeout(context.Background(), lookupTimeout)
	defer cancel()
	found, ok, err := upstream.RecordPeople(ctx, key)
	switch {
	case err != nil:
		return Plan{}, nil, upstreamError(err)
	case !ok:
		return Plan{}, nil, failure.New(failure.NotFound, i18n.M("connect.swarm.no_record", "ServiceNow has no record {{.Record}} that Connect can read.", i18n.Data{"Record": describeKey(key)}))
	}
	if err := s.d.Follow.CheckTable(found.Record.Table); err != nil {
		return Plan{}, nil, err
	}
	plan = Plan{Record: recordOf(found), People: []Person{}}
	if plan.ConversationID, err = s.d.Follow.ConversationOf(follow.Ref{Table: plan.Record.Table, SysID: plan.Record.SysID}); err != nil {
		return Plan{}, nil, err
	}
	members = map[string]bool{}
	if plan.ConversationID != "" {
		ids, err := s.d.Members.MemberIDs(plan.ConversationID)
		if err != nil {
			return Plan{}, nil, err
		}
		for _, id := range ids {
			members[id] = true
		}
	}
	// Each ServiceNow user once (the assignee is often in the group too), and each account once.
	seenUsers, seenAccounts := map[string]bool{}, map[string]bool{}
	add := func(p servicenow.Person, role Role) error {
		if seenUsers[p.SysID] {
			return nil
		}
		seenUsers[p.SysID] = true
		person, err := s.judge(p, role, members)
		if err != nil {
			return err
		}
		if person.UserID != "" {
			if seenAccounts[person.UserID] {
				return nil
			}
			seenAccounts[person.UserID] = true
		}
		plan.People = append(plan.People, person)
		return nil
	}
	if found.Assignee != nil {
		if err := add(*found.Assignee, Assignee); err != nil {
			return Plan{}, nil, err
		}
	}
	for _, m := range found.Members {
		if err := add(m, GroupMember); err != nil {
			return Plan{}, nil, err
		}
	}
	return plan, members, nil
}

// judge matches one ServiceNow person to a Mattermost account by a trusted address and says
// whether they can be brought in.
func (s *Service) judge(p servicenow.Person, role Role, members map[string]bool) (Person, error) {
	person := Person{DisplayName: p.Name, Email: p.Email, Role: role, Status: Unavailable}
	if person.DisplayName == "" {
		person.DisplayName = p.UserName
	}
	if !p.Active {
		person.Reason = Deactivated
		return person, nil
	}
	if p.Email == "" {
		person.Reason = NoAccount
		return person, nil
	}
	user, err := s.d.Users.UserByEmail(p.Email)
	if err != nil {
		return Person{}, fmt.Errorf("failed to find the Mattermost account of %s: %w", p.Email, err)
	}
	// Only an address Mattermost verified (or SSO/LDAP vouches for) is someone's: the rule the
	// ServiceNow roles follow.
	if user == nil || !strings.EqualFold(user.Email, p.Email) || !staff.AddressIsTrusted(user) {
		person.Reason = NoAccount
		return person, nil
	}
	person.UserID, person.Username, person.DisplayName = user.Id, user.Username, displayName(user, p.Name)
	if user.DeleteAt != 0 {
		person.Reason = Deactivated
		return person, nil
	}
	verdict, err := s.d.Staff.Verdict(user.Id)
	if err != nil {
		return Person{}, fmt.Errorf("failed to check whether %s is staff: %w", user.Id, err)
	}
	switch {
	case verdict.Kind == staff.Inactive:
		person.Reason = Deactivated
	case verdict.Kind != staff.Staff:
		person.Reason = NotStaff
	case members[user.Id]:
		person.Status, person.Reason = Already, inAlready
	default:
		person.Status = Add
	}
	return person, nil
}

// Apply brings in the chosen people: it builds the plan again, adds those of userIDs it allows
// and the asker to the record conversation (started if needed, as following does), makes each
// a follower and tells the conversation who was brought in and by whom.
func (s *Service) Apply(askerID string, key servicenow.RecordKey, userIDs []string) (Result, error) {
	plan, before, err := s.plan(askerID, key)
	if err != nil {
		return Result{}, err
	}
	result := Result{Added: []string{}, Already: []string{}, Refused: []string{}}
	byID := map[string]Person{}
	for _, p := range plan.People {
		if p.UserID != "" {
			byID[p.UserID] = p
		}
	}
	var chosen []string
	for _, id := range dedupe(userIDs) {
		if id == askerID {
			continue
		}
		switch p, ok := byID[id]; {
		case ok && p.Status == Add:
			chosen = append(chosen, id)
		case ok && p.Status == Already:
			result.Already = append(result.Already, id)
		default:
			result.Refused = append(result.Refused, id)
		}
	}
	ref := follow.Ref{Table: plan.Record.Table, SysID: plan.Record.SysID}
	followed, err := s.d.Follow.Follow(askerID, servicenow.RecordKey{Table: ref.Table, SysID: ref.SysID})
	if err != nil {
		return Result{}, err
	}
	result.ConversationID = followed.ConversationID
	members, err := s.d.Members.MemberIDs(followed.ConversationID)
	if err != nil {
		return Result{}, err
	}
	if !before[askerID] {
		result.Added = append(result.Added, askerID)
	}
	var newcomers []string
	for _, id := range chosen {
		if slices.Contains(members, id) {
			result.Already = append(result.Already, id)
			continue
		}
		newcomers = append(newcomers, id)
	}
	if len(newcomers) > 0 {
		if _, err := s.d.Conversations.AddMembers(askerID, followed.ConversationID, newcomers); err != nil {
			return Result{}, err
		}
		result.Added = append(result.Added, newcomers...)
	}
	if err := s.d.Follow.AddFollowers(ref, append(append([]string{askerID}, newcomers...), result.Already...)); err != nil {
		return Result{}, err
	}
	if len(newcomers) > 0 {
		s.announce(askerID, followed, plan, newcomers)
	}
	return result, nil
}

// AnnouncementProp marks the bot's message saying who was brought in: {"by": id, "added": [ids]}.
const AnnouncementProp = "connect_swarm"

// announce posts, as the Connect bot, who was brought into the conversation and by whom.
func (s *Service) announce(askerID string, followed follow.Follow, plan Plan, newcomers []string) {
	asker := askerID
	if u, err := s.d.Users.User(askerID); err == nil {
		asker = displayName(u, u.Username)
	}
	names := make([]string, 0, len(newcomers))
	for _, p := range plan.People {
		if slices.Contains(newcomers, p.UserID) {
			names = append(names, "@"+p.Username)
		}
	}
	// the record conversation's members all read it: the server's default language
	message := s.d.Languages.Server().Text(i18n.M("connect.swarm.announcement", "{{.Asker}} brought in the team of {{.Number}}: {{.Names}}.",
		i18n.Data{"Asker": asker, "Number": followed.Number, "Names": strings.Join(names, ", ")}))
	_ = s.d.Posts.CreatePost(&model.Post{
		UserId: s.d.BotID, ChannelId: followed.ConversationID, Message: message,
		Props: model.StringInterface{"from_bot": "true", AnnouncementProp: map[string]any{"by": askerID, "added": newcomers}},
	})
}

// Tell shows userID a message from Connect in channelID that only they see.
func (s *Service) Tell(userID, channelID string, message i18n.Message) {
	if s.d.Ephemeral != nil {
		s.d.Ephemeral(userID, channelID, message)
	}
}

func (s *Service) requireStaff(userID string) error {
	verdict, err := s.d.Staff.Verdict(userID)
	if err != nil {
		return fmt.Errorf("failed to check who is asking: %w", err)
	}
	if verdict.Kind != staff.Staff {
		return failure.New(failure.Forbidden, i18n.M("connect.api.swarm_staff_only", "Only ITIL staff can bring in a record's people."))
	}
	return nil
}

func recordOf(found servicenow.RecordPeople) Record {
	r := found.Record
	return Record{
		Card: workspace.Card{
			Status: records.Found, ShortDescription: r.ShortDescription, State: r.State,
			Priority: r.Priority, AssignedTo: r.AssignedTo, Updated: r.UpdatedOn,
		},
		Table: r.Table, SysID: r.SysID, Number: r.Number, URL: r.URL, AssignmentGroup: found.AssignmentGroup,
	}
}

func displayName(u *model.User, fallback string) string {
	if name := strings.TrimSpace(u.FirstName + " " + u.LastName); name != "" {
		return name
	}
	if u.Username != "" {
		return u.Username
	}
	return fallback
}

func dedupe(ids []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		if id = strings.TrimSpace(id); id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

func describeKey(key servicenow.RecordKey) string {
	if key.Number != "" {
		return key.Number
	}
	return key.Table + " " + key.SysID
}

func upstreamError(err error) error {
	text := i18n.M("connect.servicenow.unreachable", "ServiceNow could not be reached")
	var upstream *servicenow.Error
	if errors.As(err, &upstream) {
		text = upstream.UserText()
	}
	return failure.New(failure.Unavailable, i18n.M("connect.servicenow.try_again", "{{.Problem}}; try again in a moment.", i18n.Data{"Problem": text}))
}
