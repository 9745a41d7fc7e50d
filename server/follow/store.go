package follow

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// Ref names a followed record.
type Ref struct {
	Table string `json:"table"`
	SysID string `json:"sys_id"`
}

func (r Ref) valid() bool { return servicenow.ValidTable(r.Table) && servicenow.ValidSysID(r.SysID) }

// record is what Connect keeps about one followed record, under recordKey.
type record struct {
	Ref
	Number           string   `json:"number"`
	ShortDescription string   `json:"short_description"`
	ChannelID        string   `json:"channel_id"`
	Followers        []string `json:"followers"`
	// Last is the record as its last update showed it; changes are told against it.
	Last snapshot `json:"last"`
	// Seen are the journal entries already posted, newest last (at most maxSeen).
	Seen []string `json:"seen,omitempty"`
	// SummaryPostID is the pinned summary at the top of the conversation, kept current.
	SummaryPostID string `json:"summary_post_id,omitempty"`
}

type snapshot struct {
	State           string `json:"state"`
	Priority        string `json:"priority"`
	AssignedTo      string `json:"assigned_to"`
	AssignmentGroup string `json:"assignment_group"`
	UpdatedOn       string `json:"updated_on"`
}

const (
	recordPrefix = "follow_record_"
	pollKey      = "follow_poll_since"
	maxSeen      = 500
)

func recordKey(r Ref) string { return recordPrefix + r.Table + "_" + r.SysID }

func refOfKey(key string) (Ref, bool) {
	rest := strings.TrimPrefix(key, recordPrefix)
	cut := strings.LastIndex(rest, "_")
	if cut < 0 {
		return Ref{}, false
	}
	ref := Ref{Table: rest[:cut], SysID: rest[cut+1:]}
	return ref, ref.valid()
}

func (r *record) follows(userID string) bool { return slices.Contains(r.Followers, userID) }

func (r *record) addFollower(userID string) bool {
	if r.follows(userID) {
		return false
	}
	r.Followers = append(r.Followers, userID)
	return true
}

func (r *record) removeFollower(userID string) bool {
	before := len(r.Followers)
	r.Followers = slices.DeleteFunc(r.Followers, func(id string) bool { return id == userID })
	return len(r.Followers) != before
}

func (r *record) seen(entryID string) bool { return slices.Contains(r.Seen, entryID) }

func (r *record) markSeen(entryID string) {
	r.Seen = append(r.Seen, entryID)
	if extra := len(r.Seen) - maxSeen; extra > 0 {
		r.Seen = r.Seen[extra:]
	}
}

func (s *Service) load(ref Ref) (*record, error) {
	raw, err := s.d.KV.Get(recordKey(ref))
	if err != nil {
		return nil, errors.Wrap(err, "failed to read a followed record")
	}
	if len(raw) == 0 {
		return nil, nil
	}
	var r record
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, errors.Wrap(err, "failed to decode a followed record")
	}
	return &r, nil
}

func (s *Service) save(r *record) error {
	raw, err := json.Marshal(r)
	if err != nil {
		return errors.Wrap(err, "failed to encode a followed record")
	}
	return errors.Wrap(s.d.KV.Set(recordKey(r.Ref), raw), "failed to store a followed record")
}

// all lists every followed record's ref.
func (s *Service) all() ([]Ref, error) {
	keys, err := s.d.KV.KeysWithPrefix(recordPrefix)
	if err != nil {
		return nil, errors.Wrap(err, "failed to list the followed records")
	}
	refs := make([]Ref, 0, len(keys))
	for _, key := range keys {
		if ref, ok := refOfKey(key); ok {
			refs = append(refs, ref)
		}
	}
	return refs, nil
}
