package conversations

import (
	"encoding/json"

	"github.com/pkg/errors"
)

// closedSet maps the channel ids a user closed to when they closed them (ms). A post
// after that time reopens the conversation, so new posts never need to write here.
type closedSet map[string]int64

func closedKey(userID string) string { return "closed-" + userID }

func generatedNameKey(channelID string) string { return "group-name-" + channelID }

func (s *Service) closedOf(userID string) (closedSet, error) {
	data, err := s.kv.Get(closedKey(userID))
	if err != nil {
		return nil, errors.Wrap(err, "failed to read the closed conversations")
	}
	return decodeClosed(data)
}

func decodeClosed(data []byte) (closedSet, error) {
	set := closedSet{}
	if len(data) == 0 {
		return set, nil
	}
	return set, errors.Wrap(json.Unmarshal(data, &set), "failed to decode the closed conversations")
}

// closeFor marks channelID closed for userID as of at.
func (s *Service) closeFor(userID, channelID string, at int64) error {
	return s.changeClosed(userID, func(set closedSet) bool {
		set[channelID] = at
		return true
	})
}

// reopenFor removes channelID from userID's closed conversations.
func (s *Service) reopenFor(userID, channelID string) error {
	return s.changeClosed(userID, func(set closedSet) bool {
		_, found := set[channelID]
		delete(set, channelID)
		return found
	})
}

// maxClosedRetries bounds how often a concurrent change (another tab, another server) is retried.
const maxClosedRetries = 5

// changeClosed applies change atomically to userID's stored set; change returns false when
// it changed nothing. An emptied set is deleted.
func (s *Service) changeClosed(userID string, change func(closedSet) bool) error {
	key := closedKey(userID)
	for range maxClosedRetries {
		old, err := s.kv.Get(key)
		if err != nil {
			return errors.Wrap(err, "failed to read the closed conversations")
		}
		set, err := decodeClosed(old)
		if err != nil {
			return err
		}
		if !change(set) {
			return nil
		}
		var value []byte
		if len(set) > 0 {
			value, _ = json.Marshal(set)
		}
		saved, err := s.kv.CompareAndSet(key, old, value)
		if err != nil {
			return errors.Wrap(err, "failed to save the closed conversations")
		}
		if saved {
			return nil
		}
	}
	return errors.New("the closed conversations kept changing while saving them")
}

// pruneClosed drops entries that no longer hide anything: conversations reopened by a
// newer post, and conversations the user is no longer in. It runs in the background;
// an entry changed since it was read is left alone.
func (s *Service) pruneClosed(userID string, closed closedSet, sources []source) {
	stale := staleEntries(closed, sources)
	if len(stale) == 0 {
		return
	}
	go func() {
		err := s.changeClosed(userID, func(set closedSet) bool {
			changed := false
			for id, at := range stale {
				if set[id] == at {
					delete(set, id)
					changed = true
				}
			}
			return changed
		})
		if err != nil {
			s.log.Warn("Failed to tidy the closed conversations", "user_id", userID, "error", err.Error())
		}
	}()
}

func staleEntries(closed closedSet, sources []source) closedSet {
	stale := closedSet{}
	for id, at := range closed {
		stale[id] = at
	}
	for _, src := range sources {
		if at, ok := stale[src.channel.Id]; ok && !isOpen(at, src.channel.LastPostAt) {
			delete(stale, src.channel.Id)
		}
	}
	return stale
}
