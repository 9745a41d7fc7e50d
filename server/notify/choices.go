package notify

import (
	"encoding/json"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"
)

// The bell's email choice is Connect's own: per user, one KV document maps each conversation
// whose email they chose in the bell to its level. Every server reads a user's document once
// into memory and is told to read it again when the bell changes it (ClusterEvent), so the
// email hook, which Mattermost runs for every notification email on the server, decides
// without a plugin API call. (The channel member's email prop, which Mattermost reads, is
// written alongside; Mattermost has no "mention" value, no hook when its own dialog changes
// the prop, and no way to hand the prop to the hook.)
const (
	// ClusterEvent tells the other servers that a user's email choices changed (data: user id).
	ClusterEvent        = "notify_email_choices"
	emailChoicesPrefix  = "notify_emails_"
	legacyMentionPrefix = "notify_email_mention_"
	// casAttempts bounds the retries when another server changes the same document at once.
	casAttempts = 20
	// maxCachedUsers bounds the memory of choices; past it the cache starts over.
	maxCachedUsers = 100_000
	// choicesTTL bounds how long a server trusts what it read, should it miss an event (its
	// plugin was restarting when another server sent it).
	choicesTTL = 10 * time.Minute
)

// emailChoices maps a conversation to the email level its member chose in the bell.
type emailChoices map[string]Level

func emailChoicesKey(userID string) string { return emailChoicesPrefix + userID }

// legacyMentionKey marked "email only for @mentions" before the choices had a document.
func legacyMentionKey(userID, channelID string) string {
	return legacyMentionPrefix + userID + "_" + channelID
}

// emailChoice is userID's bell email choice for channelID; ok is false when they never made one.
func (s *Service) emailChoice(userID, channelID string) (level Level, ok bool, err error) {
	choices, err := s.choices.Get(userID, func() (emailChoices, error) {
		choices, _, err := s.readChoices(userID)
		return choices, err
	})
	if err != nil {
		return "", false, err
	}
	level, ok = choices[channelID]
	return level, ok, nil
}

// OnClusterEvent forgets the choices of the user another server changed (data: user id).
func (s *Service) OnClusterEvent(data []byte) { s.choices.Forget(string(data)) }

// storeEmailChoice records userID's choice for channelID, here and for every other server.
func (s *Service) storeEmailChoice(userID, channelID string, level Level) error {
	for range casAttempts {
		choices, raw, err := s.readChoices(userID)
		if err != nil {
			return err
		}
		changed := emailChoices{channelID: level}
		for id, l := range choices {
			if id != channelID {
				changed[id] = l
			}
		}
		encoded, err := json.Marshal(changed)
		if err != nil {
			return errors.Wrap(err, "failed to encode the email choices")
		}
		stored, err := s.d.KV.CompareAndSet(emailChoicesKey(userID), raw, encoded)
		if err != nil {
			return errors.Wrap(err, "failed to store the email choice")
		}
		if stored {
			s.choicesChanged(userID)
			return nil
		}
	}
	return errors.New("failed to store the email choice: it kept changing")
}

func (s *Service) choicesChanged(userID string) {
	s.choices.Forget(userID)
	if err := s.d.Broadcast(ClusterEvent, userID); err != nil {
		s.d.Log.Warn("Failed to tell the other servers about an email choice", "error", err.Error())
	}
}

// readChoices reads userID's document as stored (raw, nil when there is none). A user without
// one may have chosen before choices had documents: their choices are read from what was
// stored then.
func (s *Service) readChoices(userID string) (emailChoices, []byte, error) {
	raw, err := s.d.KV.Get(emailChoicesKey(userID))
	if err != nil {
		return nil, nil, errors.Wrap(err, "failed to read the email choices")
	}
	if len(raw) == 0 {
		choices, err := s.legacyChoices(userID)
		return choices, nil, err
	}
	choices := emailChoices{}
	return choices, raw, errors.Wrap(json.Unmarshal(raw, &choices), "failed to decode the email choices")
}

// legacyChoices are the choices the bell stored only in channel members' email props (and an
// "@mentions" mark per conversation); they are saved as a document once, so a user's
// memberships are read this way at most once.
func (s *Service) legacyChoices(userID string) (emailChoices, error) {
	memberships, err := s.d.Members.MembershipsOf(userID)
	if err != nil {
		return nil, errors.Wrap(err, "failed to read the memberships for the email choices")
	}
	choices := emailChoices{}
	for _, m := range memberships {
		level, err := s.legacyLevel(m)
		if err != nil {
			return nil, err
		}
		if level != "" {
			choices[m.ChannelId] = level
		}
	}
	return choices, s.saveLegacy(userID, choices)
}

func (s *Service) legacyLevel(m *model.ChannelMember) (Level, error) {
	switch m.NotifyProps[model.EmailNotifyProp] {
	case "false":
		if s.d.Conversations.IsConversation(m.ChannelId) {
			return None, nil
		}
	case "true":
		if !s.d.Conversations.IsConversation(m.ChannelId) {
			return "", nil
		}
		mark, err := s.d.KV.Get(legacyMentionKey(m.UserId, m.ChannelId))
		if err != nil {
			return "", errors.Wrap(err, "failed to read an email choice")
		}
		if len(mark) > 0 {
			return Mention, nil
		}
		return All, nil
	}
	return "", nil
}

// saveLegacy stores legacy choices as the user's document unless one appeared meanwhile.
func (s *Service) saveLegacy(userID string, choices emailChoices) error {
	encoded, err := json.Marshal(choices)
	if err != nil {
		return errors.Wrap(err, "failed to encode the email choices")
	}
	_, err = s.d.KV.CompareAndSet(emailChoicesKey(userID), nil, encoded)
	return errors.Wrap(err, "failed to store the email choices")
}
