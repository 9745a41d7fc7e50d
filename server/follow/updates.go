package follow

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/markdown"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// UpdateProp marks the bot's update posts, with the record's number.
const UpdateProp = "connect_record_update"

func snapshotOf(f servicenow.Followed) snapshot {
	return snapshot{State: f.State, Priority: f.Priority, AssignedTo: f.AssignedTo, AssignmentGroup: f.AssignmentGroup, UpdatedOn: f.UpdatedOn}
}

// pending is what one delivery will post, decided under the record's lock and posted after it,
// so a busy record's updates queue only for the bookkeeping.
type pending struct {
	channelID, number string
	messages          []string
	rename            string // the conversation's new name, if the short description changed
	renameAs          string // a follower, in whose name the conversation is renamed
	summaryPostID     string // the pinned summary to rewrite as summary, when the record changed
	summary           string
	renamed           Follow // the record, for its followers' lists, when the short description changed
	followers         []string
}

// apply records what changed in a followed record since its last update, and each new journal
// entry once, and returns what to post. The caller holds the record's lock.
func (s *Service) apply(r *record, found *servicenow.Followed, entries []servicenow.JournalEntry) pending {
	out := pending{channelID: r.ChannelID, number: r.Number}
	if found != nil && found.UpdatedOn >= r.Last.UpdatedOn {
		l := s.d.Languages.Server() // the record conversation's members all read its updates
		if changes := describeChanges(r.Last, snapshotOf(*found), l); changes != "" || found.ShortDescription != r.ShortDescription {
			if changes != "" {
				out.messages = append(out.messages, l.Text(i18n.M("connect.follow.updated", "**{{.Number}}** updated: {{.Changes}}", i18n.Data{"Number": r.Number, "Changes": changes})))
			}
			out.summaryPostID, out.summary = r.SummaryPostID, s.summary(*found)
		}
		r.Last = snapshotOf(*found)
		if found.ShortDescription != "" && found.ShortDescription != r.ShortDescription && len(r.Followers) > 0 {
			r.ShortDescription = found.ShortDescription
			out.rename, out.renameAs = conversationName(r.Number, found.ShortDescription), r.Followers[0]
			out.renamed, out.followers = r.follow(), slices.Clone(r.Followers)
		}
	}
	for _, entry := range entries {
		if r.seen(entry.SysID) {
			continue
		}
		if !s.wroteItself(r.SysID, entry.Value) {
			out.messages = append(out.messages, describeEntry(entry, s.d.Languages.Server()))
		}
		r.markSeen(entry.SysID)
	}
	return out
}

// publish posts a delivery's updates, in order, and renames the conversation.
func (s *Service) publish(p pending) {
	for _, message := range p.messages {
		s.postMessage(p.channelID, p.number, message, false)
	}
	if p.summaryPostID != "" {
		s.rewrite(p.summaryPostID, p.summary)
	}
	if p.rename != "" {
		if _, err := s.d.Conversations.Rename(p.renameAs, p.channelID, p.rename); err != nil {
			s.d.Log.Warn("Failed to rename a record conversation", "channel_id", p.channelID, "error", err.Error())
		}
	}
	for _, id := range p.followers {
		s.changed(id, p.renamed, true)
	}
}

// The fields a record update names, as ServiceNow's own interface names them.
var (
	stateLabel           = i18n.M("connect.records.field_state", "State")
	priorityLabel        = i18n.M("connect.records.field_priority", "Priority")
	assignedToLabel      = i18n.M("connect.records.field_assigned_to", "Assigned to")
	assignmentGroupLabel = i18n.M("connect.follow.field_assignment_group", "Assignment group")
)

// describeChanges is "State: New → In Progress · Assigned to: (nobody) → Beth Anglin".
func describeChanges(before, after snapshot, l *i18n.Localizer) string {
	var parts []string
	for _, f := range []struct {
		label    i18n.Message
		was, now string
	}{
		{stateLabel, before.State, after.State},
		{priorityLabel, before.Priority, after.Priority},
		{assignedToLabel, before.AssignedTo, after.AssignedTo},
		{assignmentGroupLabel, before.AssignmentGroup, after.AssignmentGroup},
	} {
		if f.was != f.now {
			parts = append(parts, l.Text(f.label)+": "+orNobody(f.was, l)+" → "+orNobody(f.now, l))
		}
	}
	return strings.Join(parts, " · ")
}

// orNobody is a field's value from ServiceNow, literal in the message, or "(none)".
func orNobody(value string, l *i18n.Localizer) string {
	if value == "" {
		return l.Text(i18n.M("connect.follow.none", "(none)"))
	}
	return markdown.Literal(value)
}

// describeEntry is a comment or work note as plain text: markdown in it is shown, not applied.
func describeEntry(entry servicenow.JournalEntry, l *i18n.Localizer) string {
	when := entry.CreatedOn
	if at, err := time.Parse(servicenow.TimeLayout, entry.CreatedOn); err == nil {
		when = l.DayTime(at.UTC())
	}
	data := i18n.Data{"By": markdown.Literal(entry.CreatedBy), "When": when, "Text": quote(markdown.LiteralLines(entry.Value))}
	if entry.Element == "work_notes" {
		return l.Text(i18n.M("connect.follow.work_note", "**Work note** by {{.By}}, {{.When}}:\n{{.Text}}", data))
	}
	return l.Text(i18n.M("connect.follow.comment", "**Comment** by {{.By}}, {{.When}}:\n{{.Text}}", data))
}

func quote(text string) string {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	for i, line := range lines {
		lines[i] = "> " + line
	}
	return strings.Join(lines, "\n")
}

// summary is the pinned first post of a record conversation, in the server's default language.
func (s *Service) summary(f servicenow.Followed) string {
	l := s.d.Languages.Server()
	link := f.Number
	if upstream := s.upstream(); upstream != nil {
		link = fmt.Sprintf("[%s](%s)", f.Number, upstream.RecordURL(f.Table, f.SysID))
	}
	fields := strings.Join([]string{
		l.Text(stateLabel) + ": " + orNobody(f.State, l),
		l.Text(priorityLabel) + ": " + orNobody(f.Priority, l),
		l.Text(assignedToLabel) + ": " + orNobody(f.AssignedTo, l),
		l.Text(assignmentGroupLabel) + ": " + orNobody(f.AssignmentGroup, l),
	}, " · ")
	return l.Text(i18n.M("connect.follow.summary", "This conversation follows {{.Link}}: {{.Description}}\n{{.Fields}}\nIts followers are its members; updates from ServiceNow appear here.",
		i18n.Data{"Link": link, "Description": markdown.Literal(f.ShortDescription), "Fields": fields}))
}

// postAttempts retries a failed update post: the update is already recorded as told.
const postAttempts = 3

// postMessage posts as the bot and returns the post's id ("" when it failed).
func (s *Service) postMessage(channelID, number, message string, pinned bool) string {
	var err error
	for range postAttempts {
		post := &model.Post{UserId: s.d.BotID, ChannelId: channelID, Message: message, IsPinned: pinned}
		post.AddProp(UpdateProp, number)
		if err = s.d.Posts.CreatePost(post); err == nil {
			return post.Id
		}
	}
	s.d.Log.Warn("Failed to post a record update", "channel_id", channelID, "error", err.Error())
	return ""
}

// rewrite keeps the pinned summary at the top of a record conversation current.
func (s *Service) rewrite(postID, summary string) {
	post, err := s.d.Posts.GetPost(postID)
	if err == nil {
		post.Message = summary
		err = s.d.Posts.UpdatePost(post)
	}
	if err != nil {
		s.d.Log.Warn("Failed to update a record conversation's summary", "post_id", postID, "error", err.Error())
	}
}

func invalid(msg i18n.Message) error {
	return failure.New(failure.Invalid, msg)
}

func forbidden(msg i18n.Message) error {
	return failure.New(failure.Forbidden, msg)
}

func upstreamError(err error) error {
	text := i18n.M("connect.servicenow.unreachable", "ServiceNow could not be reached")
	var upstream *servicenow.Error
	if errors.As(err, &upstream) {
		text = upstream.UserText()
	}
	return failure.New(failure.Unavailable, i18n.M("connect.servicenow.try_again", "{{.Problem}}; try again in a moment.", i18n.Data{"Problem": text}))
}

func describeKey(key servicenow.RecordKey) string {
	if key.Number != "" {
		return key.Number
	}
	return key.Table + " " + key.SysID
}
