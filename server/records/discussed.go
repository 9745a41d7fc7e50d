package records

import (
	"encoding/json"
	"sort"
	"sync"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"
	"golang.org/x/sync/errgroup"

	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// The mention index says, per record, which Connect conversations mentioned it and when they
// last did: "also discussed in". One KV key per record (records_in_<table>/<number or
// sys_id>) holds at most MaxDiscussions conversations, the most recent mentions first. Posts
// add to it as they are made or edited; the workspace adds a conversation's older posts when
// it reads them. Nothing is taken out when a mention is edited away or its post deleted.
const (
	discussedKeyPrefix = "records_in_"
	// MaxDiscussions bounds each record's list: the conversations that mentioned it most recently.
	MaxDiscussions = 200
	// discussedTTL lets the key of a record nobody mentions any more go away by itself; every
	// change to the key renews it.
	discussedTTL = 365 * 24 * time.Hour
	// discussedAttempts bounds the compare-and-set retries of one change.
	discussedAttempts = 8
	// discussedGranularity is how much later a conversation's new mention of a record must be
	// to be stored: busy conversations then write once per record in that time, not per post.
	discussedGranularity = int64(10 * time.Minute / time.Millisecond)
	// maxMentionsPerMessage bounds the records one message adds to the index and to the workspace.
	maxMentionsPerMessage = 100
	discussedWorkers      = 8
)

// Discussion is one conversation that mentioned a record, and when it last did (ms).
type Discussion struct {
	ChannelID string `json:"c"`
	At        int64  `json:"t"`
}

var errDiscussedBusy = errors.New("the record's mention index kept changing; try again")

// discussedKey is the index key of a record. Table names, numbers and sys_ids are checked by
// the recognizer (at most 80, 22 and 32 characters), so it stays within the KV key limit;
// numbers start with capitals, sys_ids are lower-case hex, so the two never collide.
func discussedKey(key servicenow.RecordKey) string {
	id := key.Number
	if id == "" {
		id = key.SysID
	}
	return discussedKeyPrefix + key.Table + "/" + id
}

// withDiscussion is list (most recent first) saying that channelID mentioned the record at
// the later of at and the time list has for it, at most MaxDiscussions entries. changed is
// false when list already says as much (to within discussedGranularity), or when the mention
// is older than every one of a full list.
func withDiscussion(list []Discussion, channelID string, at int64) (updated []Discussion, changed bool) {
	updated = make([]Discussion, 0, min(len(list)+1, MaxDiscussions))
	for _, d := range list {
		if d.ChannelID != channelID {
			updated = append(updated, d)
			continue
		}
		if d.At > at-discussedGranularity {
			return list, false
		}
	}
	updated = append(updated, Discussion{ChannelID: channelID, At: at})
	sortDiscussions(updated)
	if len(updated) > MaxDiscussions {
		if updated[MaxDiscussions].ChannelID == channelID {
			return list, false
		}
		updated = updated[:MaxDiscussions]
	}
	return updated, true
}

// sortDiscussions puts the most recent mentions first (ties by channel id, for a stable order).
func sortDiscussions(list []Discussion) {
	sort.Slice(list, func(i, j int) bool {
		if list[i].At != list[j].At {
			return list[i].At > list[j].At
		}
		return list[i].ChannelID < list[j].ChannelID
	})
}

// decodeDiscussions reads a stored list; a value that does not decode counts as empty and is
// replaced by the next change.
func decodeDiscussions(stored []byte) []Discussion {
	var list []Discussion
	if stored == nil || json.Unmarshal(stored, &list) != nil {
		return nil
	}
	return list
}

// discussed is the mention index over the KV store.
type discussed struct {
	kv KV

	// noted remembers when this server last stored each conversation's mention of each record,
	// so posts within discussedGranularity of it skip the KV round trip (the index would not
	// change). Emptied when it grows past maxNotedMemo.
	mu    sync.Mutex
	noted map[notedKey]int64
}

type notedKey struct {
	record    servicenow.RecordKey
	channelID string
}

const maxNotedMemo = 10_000

func (d *discussed) notedRecently(key servicenow.RecordKey, channelID string, at int64) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	last, ok := d.noted[notedKey{key, channelID}]
	return ok && last > at-discussedGranularity
}

func (d *discussed) remember(key servicenow.RecordKey, channelID string, at int64) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.noted == nil || len(d.noted) >= maxNotedMemo {
		d.noted = map[notedKey]int64{}
	}
	if at > d.noted[notedKey{key, channelID}] {
		d.noted[notedKey{key, channelID}] = at
	}
}

// rememberAll remembers every conversation a record's stored list names, not only the one
// being noted: the first mentions of a record in its other conversations then need no KV
// round trip either (after a restart, a busy record would otherwise cost one per conversation).
func (d *discussed) rememberAll(key servicenow.RecordKey, list []Discussion) {
	for _, entry := range list {
		d.remember(key, entry.ChannelID, entry.At)
	}
}

// note records that channelID mentioned key at at (ms) and returns the record's list as stored
// afterwards. Concurrent changes (other posts, other servers) are merged by compare-and-set.
func (d *discussed) note(key servicenow.RecordKey, channelID string, at int64) ([]Discussion, error) {
	k := discussedKey(key)
	for range discussedAttempts {
		stored, err := d.kv.Get(k)
		if err != nil {
			return nil, errors.Wrap(err, "failed to read the record's mention index")
		}
		list := decodeDiscussions(stored)
		d.rememberAll(key, list)
		updated, changed := withDiscussion(list, channelID, at)
		if !changed {
			d.remember(key, channelID, at)
			return list, nil
		}
		value, err := json.Marshal(updated)
		if err != nil {
			return nil, errors.Wrap(err, "failed to encode the record's mention index")
		}
		saved, err := d.kv.CompareAndSetWithExpiry(k, stored, value, discussedTTL)
		if err != nil {
			return nil, errors.Wrap(err, "failed to store the record's mention index")
		}
		if saved {
			d.remember(key, channelID, at)
			return updated, nil
		}
	}
	return nil, errDiscussedBusy
}

// index adds the records post mentions to the mention index when its channel is a Connect
// conversation. cards are the post's cards: when there are fewer than a message may carry,
// they are all its records and the message need not be read again.
func (s *Service) index(post *model.Post, cards []Card) {
	setup := s.current.Load()
	if setup == nil || s.isConversation == nil || post.Message == "" {
		return
	}
	keys := keysOf(cards)
	if len(cards) >= setup.maxCards {
		keys = keys[:0]
		for _, m := range setup.recognizer.Find(post.Message, maxMentionsPerMessage) {
			keys = append(keys, m.Key)
		}
	}
	if len(keys) == 0 || !s.isConversation(post.ChannelId) {
		return
	}
	for _, key := range keys {
		if s.discussed.notedRecently(key, post.ChannelId, post.CreateAt) {
			continue
		}
		if _, err := s.discussed.note(key, post.ChannelId, post.CreateAt); err != nil {
			s.log.Warn("Failed to note a record mention for \"also discussed in\"", "post_id", post.Id, "error", err.Error())
		}
	}
}

// Discussed notes in the mention index that channelID mentioned each record of latest, last
// at latest[key] (ms), and returns every conversation the index lists for each record,
// channelID included. A record whose index could not be read or changed is left out (and logged).
func (s *Service) Discussed(channelID string, latest map[servicenow.RecordKey]int64) map[servicenow.RecordKey][]Discussion {
	keys := make([]servicenow.RecordKey, 0, len(latest))
	for key := range latest {
		keys = append(keys, key)
	}
	lists := make([][]Discussion, len(keys))
	failures := make([]error, len(keys))
	var group errgroup.Group
	group.SetLimit(discussedWorkers)
	for i, key := range keys {
		group.Go(func() error {
			lists[i], failures[i] = s.discussed.note(key, channelID, latest[key])
			return nil
		})
	}
	_ = group.Wait()
	found := make(map[servicenow.RecordKey][]Discussion, len(keys))
	for i, key := range keys {
		if failures[i] != nil {
			s.log.Warn("Failed to read where a record is also discussed", "channel_id", channelID, "error", failures[i].Error())
			continue
		}
		found[key] = lists[i]
	}
	return found
}
