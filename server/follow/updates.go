package follow

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/failure"
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
		if changes := describeChanges(r.Last, snapshotOf(*found)); changes != "" || found.ShortDescription != r.ShortDescription {
			if changes != "" {
				out.messages = append(out.messages, fmt.Sprintf("**%s** updated: %s", r.Number, changes))
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
			out.messages = append(out.messages, describeEntry(entry))
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

// describeChanges is "State: New → In Progress · Assigned to: (nobody) → Beth Anglin".
func describeChanges(before, after snapshot) string {
	var parts []string
	for _, f := range []struct{ label, was, now string }{
		{"State", before.State, after.State},
		{"Priority", before.Priority, after.Priority},
		{"Assigned to", before.AssignedTo, after.AssignedTo},
		{"Assignment group", before.AssignmentGroup, after.AssignmentGroup},
	} {
		if f.was != f.now {
			parts = append(parts, fmt.Sprintf("%s: %s → %s", f.label, orNobody(f.was), orNobody(f.now)))
		}
	}
	return strings.Join(parts, " · ")
}

// orNobody is a field's value from ServiceNow, literal in the message, or "(none)".
func orNobody(value string) string {
	if value == "" {
		return "(none)"
	}
	return markdown.Literal(value)
}

// describeEntry is a comment or work note as plain text: markdown in it is shown, not applied.
func describeEntry(entry servicenow.JournalEntry) string {
	kind := "Comment"
	if entry.Element == "work_notes" {
		kind = "Work note"
	}
	when := entry.CreatedOn
	if at, err := time.Parse(servicenow.TimeLayout, entry.CreatedOn); err == nil {
		when = at.UTC().Format("Jan 2 15:04 UTC")
	}
	return fmt.Sprintf("**%s** by %s, %s:\n%s", kind, markdown.Literal(entry.CreatedBy), when, quote(markdown.LiteralLines(entry.Value)))
}

func quote(text string) string {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	for i, line := range lines {
		lines[i] = "> " + line
	}
	return strings.Join(lines, "\n")
}

// summary is the pinned first post of a record conversation.
func (s *Service) summary(f servicenow.Followed) string {
	link := f.Number
	if upstream := s.upstream(); upstream != nil {
		link = fmt.Sprintf("[%s](%s)", f.Number, upstream.RecordURL(f.Table, f.SysID))
	}
	return fmt.Sprintf("This conversation follows %s: %s\nState: %s · Priority: %s · Assigned to: %s · Assignment group: %s\nIts followers are its members; updates from ServiceNow appear here.",
		link, markdown.Literal(f.ShortDescription), orNobody(f.State), orNobody(f.Priority), orNobody(f.AssignedTo), orNobody(f.AssignmentGroup))
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

func invalid(format string, args ...any) error {
	return failure.Newf(failure.Invalid, format, args...)
}

func forbidden(message string) error {
	return failure.New(failure.Forbidden, message)
}

func upstreamError(err error) error {
	text := "ServiceNow could not be reached"
	var upstream *servicenow.Error
	if errors.As(err, &upstream) {
		text = upstream.UserText()
	}
	return failure.New(failure.Unavailable, text+"; try again in a moment.")
}

func describeKey(key servicenow.RecordKey) string {
	if key.Number != "" {
		return key.Number
	}
	return key.Table + " " + key.SysID
}
