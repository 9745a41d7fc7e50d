package follow

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/outbox"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// Two-way (an admin setting): a staff member's message in a record conversation is written to
// the record as the work note or comment its JournalProp says, "Alice Archer via Connect: …";
// an edit of a message already written adds "Alice Archer via Connect (edited): …" (ServiceNow
// cannot edit a journal entry) and a deletion adds nothing; a file shared there is attached to
// the record (when the admin lets files go). Each goes through the outbox (queued durably,
// retried, written once), and a journal entry Connect wrote is not posted back as an update
// when ServiceNow's journal brings it in.
const (
	wrotePrefix = "follow_wrote_"
	wroteTTL    = 30 * 24 * time.Hour
	// TwoWayWrite is the outbox kind of a message (or an edit) written to its record.
	TwoWayWrite = "follow_twoway"
	// AttachWrite is the outbox kind of a file attached to its record.
	AttachWrite = "follow_attach"
)

// Outbox is the durable write queue every write to ServiceNow goes through.
type Outbox interface {
	Handle(kind string, h outbox.Handler, failedMessage func(w outbox.Write, err error) i18n.Message)
	Enqueue(w outbox.Write) (bool, error)
	Done(id string) (bool, error)
	Pending(id string) (bool, error)
}

// Files reads the files shared in record conversations, to attach them.
type Files interface {
	Info(fileID string) (*model.FileInfo, error)
	Content(fileID string) ([]byte, error)
}

// twoWay is a message waiting to be written to its record: the payload of a TwoWayWrite.
type twoWay struct {
	Ref     Ref    `json:"ref"`
	PostID  string `json:"post_id"`
	Element string `json:"element"`
	Text    string `json:"text"`
}

// attachment is a file waiting to be attached to its record: the payload of an AttachWrite.
type attachment struct {
	Ref    Ref    `json:"ref"`
	PostID string `json:"post_id"`
	FileID string `json:"file_id"`
}

// wroteKey remembers a text Connect wrote to a record, so it is not echoed back.
func wroteKey(sysID, text string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(text)))
	return wrotePrefix + sysID + "_" + hex.EncodeToString(sum[:12])
}

func (s *Service) wroteItself(sysID, text string) bool {
	raw, err := s.d.KV.Get(wroteKey(sysID, text))
	return err == nil && len(raw) > 0
}

func messageWriteID(postID string) string { return TwoWayWrite + "_" + postID }

// writesBack tells whether post is a person's message in a record conversation that two-way
// writes to the record; every other post costs one map lookup.
func (s *Service) writesBack(post *model.Post) (Ref, bool) {
	ref, ok := s.recordOfChannel(post.ChannelId)
	if !ok || s.d.Outbox == nil || !s.d.Config().FollowTwoWay {
		return Ref{}, false
	}
	if post.UserId == s.d.BotID || post.Type != "" || post.GetProp(model.PostPropsFromBot) == "true" {
		return Ref{}, false
	}
	return ref, true
}

// MessageHasBeenPosted writes a staff member's message in a record conversation to its record,
// and attaches its files.
func (s *Service) MessageHasBeenPosted(post *model.Post) {
	ref, ok := s.writesBack(post)
	if !ok || (strings.TrimSpace(post.Message) == "" && len(post.FileIds) == 0) {
		return
	}
	go func() {
		if s.d.IsStaff(post.UserId) {
			s.writeBack(ref, post)
		}
	}()
}

// MessageHasBeenUpdated adds "(edited)" with the new text to the record when a message already
// written (or queued) there changed.
func (s *Service) MessageHasBeenUpdated(newPost, oldPost *model.Post) {
	ref, ok := s.writesBack(newPost)
	if !ok || newPost.Message == oldPost.Message || strings.TrimSpace(newPost.Message) == "" {
		return
	}
	go func() {
		if !s.d.IsStaff(newPost.UserId) || !s.wentToRecord(newPost.Id) {
			return
		}
		text := fmt.Sprintf("%s via Connect (edited): %s", s.authorName(newPost.UserId), newPost.Message)
		id := messageWriteID(newPost.Id) + "_edit_" + strconv.FormatInt(newPost.EditAt, 10)
		s.enqueue(id, TwoWayWrite, newPost, twoWay{Ref: ref, PostID: newPost.Id, Element: journalOf(newPost), Text: text})
	}()
}

func (s *Service) wentToRecord(postID string) bool {
	done, err := s.d.Outbox.Done(messageWriteID(postID))
	if err == nil && done {
		return true
	}
	pending, err := s.d.Outbox.Pending(messageWriteID(postID))
	return err == nil && pending
}

// writeBack queues the message and its files in the outbox, which writes each once.
func (s *Service) writeBack(ref Ref, post *model.Post) {
	if strings.TrimSpace(post.Message) != "" {
		text := fmt.Sprintf("%s via Connect: %s", s.authorName(post.UserId), post.Message)
		s.enqueue(messageWriteID(post.Id), TwoWayWrite, post, twoWay{Ref: ref, PostID: post.Id, Element: journalOf(post), Text: text})
	}
	if !s.d.Config().AttachFiles || s.d.Files == nil {
		return
	}
	for _, fileID := range post.FileIds {
		s.enqueue(AttachWrite+"_"+fileID, AttachWrite, post, attachment{Ref: ref, PostID: post.Id, FileID: fileID})
	}
}

func (s *Service) enqueue(id, kind string, post *model.Post, payload any) {
	raw, err := json.Marshal(payload)
	if err == nil {
		_, err = s.d.Outbox.Enqueue(outbox.Write{ID: id, Kind: kind, UserID: post.UserId, ChannelID: post.ChannelId, Payload: raw})
	}
	if err != nil {
		s.d.Log.Warn("Failed to queue a write to a followed record", "post_id", post.Id, "kind", kind, "error", err.Error())
	}
}

func (s *Service) authorName(userID string) string {
	user, err := s.d.Users.User(userID)
	if err != nil {
		return "Someone"
	}
	if name := strings.TrimSpace(user.GetFullName()); name != "" {
		return name
	}
	return user.Username
}

// writeTwoWay is the outbox handler of TwoWayWrite.
func (s *Service) writeTwoWay(ctx context.Context, w outbox.Write) error {
	var q twoWay
	if err := json.Unmarshal(w.Payload, &q); err != nil {
		return outbox.MarkPermanent(errors.Wrap(err, "unreadable two-way write"))
	}
	r, upstream, err := s.writeTarget(q.Ref)
	if err != nil || r == nil {
		return err
	}
	if err := s.d.KV.SetWithExpiry(wroteKey(q.Ref.SysID, q.Text), []byte(q.PostID), wroteTTL); err != nil {
		return errors.Wrap(err, "failed to remember a written message")
	}
	element := q.Element
	if element != servicenow.Comments {
		element = servicenow.WorkNotes
	}
	return upstream.AddJournal(ctx, q.Ref.Table, q.Ref.SysID, element, q.Text)
}

// attachFile is the outbox handler of AttachWrite.
func (s *Service) attachFile(ctx context.Context, w outbox.Write) error {
	var a attachment
	if err := json.Unmarshal(w.Payload, &a); err != nil {
		return outbox.MarkPermanent(errors.Wrap(err, "unreadable attachment write"))
	}
	r, upstream, err := s.writeTarget(a.Ref)
	if err != nil || r == nil {
		return err
	}
	info, err := s.d.Files.Info(a.FileID)
	if err != nil {
		return errors.Wrap(err, "failed to read the file's info")
	}
	if info.DeleteAt != 0 {
		return nil // deleted before it went: nothing to attach
	}
	content, err := s.d.Files.Content(a.FileID)
	if err != nil {
		return errors.Wrap(err, "failed to read the file")
	}
	return upstream.AddAttachment(ctx, a.Ref.Table, a.Ref.SysID, info.Name, info.MimeType, content)
}

// writeTarget is the followed record a write goes to (nil when it is no longer followed
// here: nothing to write to) and ServiceNow.
func (s *Service) writeTarget(ref Ref) (*record, Upstream, error) {
	r, err := s.load(ref)
	if err != nil || r == nil {
		return nil, nil, err
	}
	upstream := s.upstream()
	if upstream == nil {
		return nil, nil, errors.New("ServiceNow is not configured")
	}
	return r, upstream, nil
}

func twoWayFailed(_ outbox.Write, err error) i18n.Message {
	return i18n.M("connect.follow.two_way_failed", "Connect could not write your message to the record in ServiceNow, and stopped trying: {{.Problem}}", i18n.Data{"Problem": err.Error()})
}

func (s *Service) attachFailed(w outbox.Write, err error) i18n.Message {
	var a attachment
	if json.Unmarshal(w.Payload, &a) == nil && s.d.Files != nil {
		if info, infoErr := s.d.Files.Info(a.FileID); infoErr == nil {
			return i18n.M("connect.follow.attach_failed", "Connect could not attach {{.Name}} to the record in ServiceNow: {{.Problem}}. The file stays in this conversation.",
				i18n.Data{"Name": info.Name, "Problem": err.Error()})
		}
	}
	return i18n.M("connect.follow.attach_failed_unnamed", "Connect could not attach your file to the record in ServiceNow: {{.Problem}}. The file stays in this conversation.", i18n.Data{"Problem": err.Error()})
}
