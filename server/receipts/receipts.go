// Package receipts owns read receipts ("Seen 10:42", "Seen by Bob and Carol"): who has seen a
// conversation how far, read from what Mattermost itself records when someone views a channel in
// any client (the channel member's last_viewed_at), and the switches that turn them off.
//
// Mattermost gives a plugin no hook and no event for a view (channel_viewed and
// multiple_channels_viewed go to the viewer's own clients only), so the web app asks (GET
// /api/v1/conversations/{id}/seen) while a message of its own is unseen. Receipts write nothing
// on a view: the only writes are a person's own switch.
package receipts

import (
	"encoding/json"
	"slices"
	"sync"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

const (
	// offKey holds the ids of everyone who turned their receipts off (a sorted JSON list), so one
	// read tells the switches of every member of any conversation.
	offKey = "receipts_off"
	// fresh is how long a server reuses what it read: every window of a conversation asking
	// within it costs one read of the members, and everyone's switches one read of offKey.
	fresh = 2 * time.Second
	// maxChannels bounds the remembered conversations; past it the memory starts over.
	maxChannels = 10_000
	// casAttempts bounds the retries when someone else changes the switches at the same time.
	casAttempts = 20
)

// Reader is one other member and how far they have seen the conversation: every message
// created at or before LastViewedAt.
type Reader struct {
	UserID       string `json:"user_id"`
	LastViewedAt int64  `json:"last_viewed_at"`
}

// Seen is how far the other members have seen one conversation, as its caller may know it.
type Seen struct {
	// Enabled is false when receipts are off for the caller (the System Console or their own
	// switch); Readers is then empty.
	Enabled bool `json:"enabled"`
	// Readers are the other members whose receipts are on.
	Readers []Reader `json:"readers"`
}

// Setting is the caller's own switch and the System Console's.
type Setting struct {
	// Enabled is the caller's switch: off, they neither show nor see receipts.
	Enabled bool `json:"enabled"`
	// Allowed is the System Console's switch: off, nobody has receipts.
	Allowed bool `json:"allowed"`
}

// Members reads every member of a channel with their last_viewed_at.
type Members interface {
	Members(channelID string) ([]*model.ChannelMember, error)
}

// KV keeps the switches.
type KV interface {
	Get(key string) ([]byte, error)
	CompareAndSet(key string, oldValue, newValue []byte) (bool, error)
}

// Deps are the service's collaborators.
type Deps struct {
	Members Members
	KV      KV
	// IsConversation tells a Connect conversation by its shape (cached by conversations).
	IsConversation func(channelID string) bool
	Config         func() *config.Config
	BotID          string
	Now            func() time.Time
}

// Service answers receipts and keeps the switches.
type Service struct {
	d Deps

	mu       sync.Mutex
	channels map[string]*channelEntry
	off      offEntry
}

type channelEntry struct {
	mu      sync.Mutex
	members []*model.ChannelMember
	readAt  time.Time
}

type offEntry struct {
	mu     sync.Mutex
	ids    []string
	readAt time.Time
}

// NewService returns the receipts service.
func NewService(d Deps) *Service {
	if d.Now == nil {
		d.Now = time.Now
	}
	return &Service{d: d, channels: map[string]*channelEntry{}}
}

var errNoSuchConversation = failure.New(failure.NotFound, i18n.M("connect.conversations.not_found", "No such conversation."))

// Seen answers how far the other members of one of the caller's conversations have seen it.
func (s *Service) Seen(callerID, channelID string) (Seen, error) {
	if !model.IsValidId(channelID) || !s.d.IsConversation(channelID) {
		return Seen{}, errNoSuchConversation
	}
	members, err := s.members(channelID)
	if err != nil {
		return Seen{}, err
	}
	if !slices.ContainsFunc(members, func(m *model.ChannelMember) bool { return m.UserId == callerID }) {
		return Seen{}, errNoSuchConversation
	}
	if !s.d.Config().ReadReceipts {
		return Seen{Readers: []Reader{}}, nil
	}
	off, err := s.offIDs()
	if err != nil {
		return Seen{}, err
	}
	if slices.Contains(off, callerID) {
		return Seen{Readers: []Reader{}}, nil
	}
	readers := make([]Reader, 0, len(members))
	for _, m := range members {
		if m.UserId == callerID || m.UserId == s.d.BotID || slices.Contains(off, m.UserId) {
			continue
		}
		readers = append(readers, Reader{UserID: m.UserId, LastViewedAt: m.LastViewedAt})
	}
	return Seen{Enabled: true, Readers: readers}, nil
}

// Setting answers the caller's switch and the System Console's.
func (s *Service) Setting(userID string) (Setting, error) {
	off, err := s.offIDs()
	if err != nil {
		return Setting{}, err
	}
	return Setting{Enabled: !slices.Contains(off, userID), Allowed: s.d.Config().ReadReceipts}, nil
}

// SetEnabled turns the caller's receipts on or off.
func (s *Service) SetEnabled(userID string, enabled bool) (Setting, error) {
	for range casAttempts {
		raw, err := s.d.KV.Get(offKey)
		if err != nil {
			return Setting{}, errors.Wrap(err, "failed to read the read receipt switches")
		}
		ids, err := parseIDs(raw)
		if err != nil {
			return Setting{}, err
		}
		var changed []string
		switch {
		case enabled && slices.Contains(ids, userID):
			changed = slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return id == userID })
		case !enabled && !slices.Contains(ids, userID):
			changed = append(slices.Clone(ids), userID)
			slices.Sort(changed)
		default:
			s.forgetOff()
			return Setting{Enabled: enabled, Allowed: s.d.Config().ReadReceipts}, nil
		}
		next, err := json.Marshal(changed)
		if err != nil {
			return Setting{}, errors.Wrap(err, "failed to encode the read receipt switches")
		}
		ok, err := s.d.KV.CompareAndSet(offKey, raw, next)
		if err != nil {
			return Setting{}, errors.Wrap(err, "failed to save the read receipt switches")
		}
		if ok {
			s.forgetOff()
			return Setting{Enabled: enabled, Allowed: s.d.Config().ReadReceipts}, nil
		}
	}
	return Setting{}, failure.New(failure.Conflict, i18n.M("connect.receipts.conflict", "Your read receipts could not be changed just now. Please try again."))
}

func parseIDs(raw []byte) ([]string, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	var ids []string
	if err := json.Unmarshal(raw, &ids); err != nil {
		return nil, errors.Wrap(err, "failed to decode the read receipt switches")
	}
	return ids, nil
}

// members reads a conversation's members once per fresh interval, however many ask.
func (s *Service) members(channelID string) ([]*model.ChannelMember, error) {
	s.mu.Lock()
	entry, ok := s.channels[channelID]
	if !ok {
		if len(s.channels) >= maxChannels {
			s.channels = map[string]*channelEntry{}
		}
		entry = &channelEntry{}
		s.channels[channelID] = entry
	}
	s.mu.Unlock()

	entry.mu.Lock()
	defer entry.mu.Unlock()
	now := s.d.Now()
	if entry.members != nil && now.Sub(entry.readAt) < fresh {
		return entry.members, nil
	}
	members, err := s.d.Members.Members(channelID)
	if err != nil {
		return nil, errors.Wrapf(err, "failed to read the members of %s", channelID)
	}
	entry.members, entry.readAt = members, now
	return members, nil
}

// offIDs reads the switches once per fresh interval on this server; a change made here applies
// at once, one made on another server within the interval.
func (s *Service) offIDs() ([]string, error) {
	s.off.mu.Lock()
	defer s.off.mu.Unlock()
	now := s.d.Now()
	if !s.off.readAt.IsZero() && now.Sub(s.off.readAt) < fresh {
		return s.off.ids, nil
	}
	raw, err := s.d.KV.Get(offKey)
	if err != nil {
		return nil, errors.Wrap(err, "failed to read the read receipt switches")
	}
	ids, err := parseIDs(raw)
	if err != nil {
		return nil, err
	}
	s.off.ids, s.off.readAt = ids, now
	return ids, nil
}

func (s *Service) forgetOff() {
	s.off.mu.Lock()
	defer s.off.mu.Unlock()
	s.off.readAt = time.Time{}
}
