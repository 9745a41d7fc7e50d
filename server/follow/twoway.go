package follow

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/outbox"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// Two-way (an admin setting): a staff member's message in a record conversation is written to
// the record as a work note or comment, "Alice Archer via Connect: …". It goes through the
// outbox (queued durably, retried, written once), and it is not posted back as an update when
// ServiceNow's journal brings it in.
const (
	wrotePrefix = "follow_wrote_"
	wroteTTL    = 30 * 24 * time.Hour
	// TwoWayWrite is the outbox kind of a message written to its record.
	TwoWayWrite = "follow_twoway"
)

// Outbox is the durable write queue every write to ServiceNow goes through.
type Outbox interface {
	Handle(kind string, h outbox.Handler, failedMessage func(w outbox.Write, err error) string)
	Enqueue(w outbox.Write) (bool, error)
}

// twoWay is a message waiting to be written to its record: the payload of a TwoWayWrite.
type twoWay struct {
	Ref    Ref    `json:"ref"`
	PostID string `json:"post_id"`
	Text   string `json:"text"`
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

// MessageHasBeenPosted writes a staff member's message in a record conversation to its record.
// Every other post costs one map lookup.
func (s *Service) MessageHasBeenPosted(post *model.Post) {
	ref, ok := s.recordOfChannel(post.ChannelId)
	if !ok || s.d.Outbox == nil || !s.d.Config().FollowTwoWay {
		return
	}
	if post.UserId == s.d.BotID || post.Type != "" || strings.TrimSpace(post.Message) == "" || post.GetProp(model.PostPropsFromBot) == "true" {
		return
	}
	if !s.d.IsStaff(post.UserId) {
		return
	}
	go s.writeBack(ref, post)
}

// writeBack queues the message in the outbox, which writes it once.
func (s *Service) writeBack(ref Ref, post *model.Post) {
	payload, err := json.Marshal(twoWay{Ref: ref, PostID: post.Id, Text: fmt.Sprintf("%s via Connect: %s", s.authorName(post.UserId), post.Message)})
	if err == nil {
		_, err = s.d.Outbox.Enqueue(outbox.Write{ID: TwoWayWrite + "_" + post.Id, Kind: TwoWayWrite, UserID: post.UserId, ChannelID: post.ChannelId, Payload: payload})
	}
	if err != nil {
		s.d.Log.Warn("Failed to queue a message for its record", "post_id", post.Id, "error", err.Error())
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
	r, err := s.load(q.Ref)
	if err != nil {
		return err
	}
	if r == nil {
		return nil // no longer followed here: nothing to write to
	}
	upstream := s.upstream()
	if upstream == nil {
		return errors.New("ServiceNow is not configured")
	}
	if err := s.d.KV.SetWithExpiry(wroteKey(q.Ref.SysID, q.Text), []byte(q.PostID), wroteTTL); err != nil {
		return errors.Wrap(err, "failed to remember a written message")
	}
	return upstream.AddJournal(ctx, q.Ref.Table, q.Ref.SysID, modeOf(r), q.Text)
}

func twoWayFailed(_ outbox.Write, err error) string {
	return "Connect could not write your message to the record in ServiceNow, and stopped trying: " + err.Error()
}

func modeOf(r *record) string {
	if r.Mode == servicenow.Comments {
		return servicenow.Comments
	}
	return servicenow.WorkNotes
}

// SetMode chooses whether a record conversation's messages become work notes or comments.
func (s *Service) SetMode(userID, channelID, mode string) error {
	if mode != servicenow.WorkNotes && mode != servicenow.Comments {
		return invalid("Choose work_notes or comments.")
	}
	ref, ok := s.recordOfChannel(channelID)
	if !ok {
		return invalid("This is not a record conversation: type it in one.")
	}
	unlock, err := s.lock(ref)
	if err != nil {
		return err
	}
	defer unlock()
	r, err := s.load(ref)
	if err != nil || r == nil {
		return err
	}
	if !r.follows(userID) {
		return forbidden("Only the record's followers can change this.")
	}
	r.Mode = mode
	return s.save(r)
}
