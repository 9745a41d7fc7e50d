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

	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// Two-way (an admin setting): a staff member's message in a record conversation is written to
// the record as a work note or comment, "Alice Archer via Connect: …". It is queued in the KV
// store first and retried by the polling job until ServiceNow takes it, and it is not posted
// back as an update when ServiceNow's journal brings it in.
const (
	queuePrefix  = "follow_out_"
	wrotePrefix  = "follow_wrote_"
	wroteTTL     = 30 * 24 * time.Hour
	writeTimeout = 15 * time.Second
	// retryAfter leaves a fresh message to its first attempt before the polling job retries it.
	retryAfter = time.Minute
)

// queued is a message waiting to be written to its record.
type queued struct {
	Ref       Ref    `json:"ref"`
	PostID    string `json:"post_id"`
	UserID    string `json:"user_id"`
	ChannelID string `json:"channel_id"`
	Text      string `json:"text"`
	Queued    int64  `json:"queued"`
	Told      bool   `json:"told"`
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
	if !ok || !s.d.Config().FollowTwoWay {
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

func (s *Service) writeBack(ref Ref, post *model.Post) {
	q := queued{Ref: ref, PostID: post.Id, UserID: post.UserId, ChannelID: post.ChannelId,
		Text: fmt.Sprintf("%s via Connect: %s", s.authorName(post.UserId), post.Message), Queued: s.d.Now().UnixMilli()}
	if err := s.saveQueued(q); err != nil {
		s.d.Log.Warn("Failed to queue a message for its record", "post_id", post.Id, "error", err.Error())
	}
	s.tryWrite(q)
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

// RetryWrites writes the queued messages whose first attempt failed.
func (s *Service) RetryWrites() {
	keys, err := s.d.KV.KeysWithPrefix(queuePrefix)
	if err != nil {
		s.d.Log.Warn("Failed to read the messages queued for ServiceNow", "error", err.Error())
		return
	}
	for _, key := range keys {
		raw, err := s.d.KV.Get(key)
		var q queued
		if err != nil || len(raw) == 0 || json.Unmarshal(raw, &q) != nil {
			continue
		}
		if s.d.Now().Sub(time.UnixMilli(q.Queued)) >= retryAfter {
			s.tryWrite(q)
		}
	}
}

func (s *Service) tryWrite(q queued) {
	err := s.write(q)
	if err == nil {
		if err := s.d.KV.Delete(queuePrefix + q.PostID); err != nil {
			s.d.Log.Warn("Failed to clear a written message", "post_id", q.PostID, "error", err.Error())
		}
		return
	}
	s.d.Log.Warn("Failed to write a message to its record", "post_id", q.PostID, "error", err.Error())
	if !q.Told {
		s.d.Ephemeral(q.UserID, q.ChannelID, "Connect could not write your message to the record in ServiceNow yet. It keeps trying until ServiceNow takes it; nothing is lost.")
		q.Told = true
		_ = s.saveQueued(q)
	}
}

func (s *Service) write(q queued) error {
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
	ctx, cancel := context.WithTimeout(context.Background(), writeTimeout)
	defer cancel()
	return upstream.AddJournal(ctx, q.Ref.Table, q.Ref.SysID, modeOf(r), q.Text)
}

func (s *Service) saveQueued(q queued) error {
	raw, err := json.Marshal(q)
	if err != nil {
		return err
	}
	return s.d.KV.Set(queuePrefix+q.PostID, raw)
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
