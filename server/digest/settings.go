package digest

import (
	"encoding/json"
	"slices"
	"time"

	"github.com/pkg/errors"
)

// Settings is one user's digest choice, kept in the KV store under settingsKey.
type Settings struct {
	Enabled         bool     `json:"enabled"`
	IntervalMinutes int      `json:"interval_minutes"`
	Excluded        []string `json:"excluded,omitempty"`
}

// Progress is how far one user's digests have gone, under progressKey: messages created up to
// Through (Unix ms) were in a digest, or unread by nobody's count when one was due; LastRun is
// when the last digest was due (sent, or found nothing to send). It is written only after the
// email went, so a crash before that sends the digest again and loses nothing.
type Progress struct {
	Through int64 `json:"through"`
	LastRun int64 `json:"last_run"`
}

const (
	settingsPrefix = "digest_user_"
	progressPrefix = "digest_progress_"
	claimPrefix    = "digest_claim_"
	secretKey      = "digest_secret"
)

func settingsKey(userID string) string { return settingsPrefix + userID }
func progressKey(userID string) string { return progressPrefix + userID }
func claimKey(userID string) string    { return claimPrefix + userID }

func (s Settings) excludes(channelID string) bool { return slices.Contains(s.Excluded, channelID) }

func (s *Settings) setIncluded(channelID string, included bool) {
	s.Excluded = slices.DeleteFunc(s.Excluded, func(id string) bool { return id == channelID })
	if !included {
		s.Excluded = append(s.Excluded, channelID)
	}
}

func (s Settings) interval() time.Duration { return time.Duration(s.IntervalMinutes) * time.Minute }

func readJSON[T any](kv KV, key string) (T, bool, error) {
	var value T
	raw, err := kv.Get(key)
	if err != nil {
		return value, false, errors.Wrapf(err, "failed to read %s", key)
	}
	if len(raw) == 0 {
		return value, false, nil
	}
	if err := json.Unmarshal(raw, &value); err != nil {
		return value, false, errors.Wrapf(err, "failed to decode %s", key)
	}
	return value, true, nil
}

func writeJSON(kv KV, key string, value any) error {
	raw, err := json.Marshal(value)
	if err != nil {
		return errors.Wrapf(err, "failed to encode %s", key)
	}
	return errors.Wrapf(kv.Set(key, raw), "failed to store %s", key)
}
