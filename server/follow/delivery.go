package follow

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

const (
	// maxClockSkew refuses signatures older (or newer) than this: a captured request cannot
	// be replayed later, and one replayed sooner is caught by replayPrefix.
	maxClockSkew = 5 * time.Minute
	replayPrefix = "follow_seen_sig_"
)

var (
	// ErrTimestamp: the signature's timestamp is not Unix seconds.
	ErrTimestamp = errors.New("the timestamp must be Unix seconds")
	// ErrSignatureEncoding: the signature is neither base64 nor hex.
	ErrSignatureEncoding = errors.New("the signature must be base64 or hex")
)

// Event is what ServiceNow's business rule sends: the record's current fields (when the record
// changed) and its new journal entries (when a comment or work note was added).
type Event struct {
	EventID          string         `json:"event_id"`
	Table            string         `json:"table"`
	SysID            string         `json:"sys_id"`
	Number           string         `json:"number"`
	ShortDescription string         `json:"short_description"`
	State            string         `json:"state"`
	Priority         string         `json:"priority"`
	AssignedTo       string         `json:"assigned_to"`
	AssignmentGroup  string         `json:"assignment_group"`
	UpdatedOn        string         `json:"sys_updated_on"`
	Journal          []EventJournal `json:"journal"`
}

// EventJournal is one comment or work note in an Event.
type EventJournal struct {
	SysID     string `json:"sys_id"`
	Element   string `json:"element"`
	Value     string `json:"value"`
	CreatedBy string `json:"created_by"`
	CreatedOn string `json:"created_on"`
}

// VerifySignature checks a webhook event: a fresh timestamp (Unix seconds), an HMAC-SHA256
// signature over "<timestamp>.<body>" with the webhook secret (base64 or hex, optionally
// "sha256="), and that the same signature was not used before.
func (s *Service) VerifySignature(stamp, signature string, body []byte) error {
	secret := s.d.Config().WebhookSecret
	if secret == "" {
		return errors.New("no webhook secret is set in the System Console")
	}
	seconds, err := strconv.ParseInt(stamp, 10, 64)
	if err != nil {
		return ErrTimestamp
	}
	if skew := s.d.Now().Sub(time.Unix(seconds, 0)); skew > maxClockSkew || skew < -maxClockSkew {
		return errors.New("the timestamp is more than 5 minutes off")
	}
	given, ok := decodeSignature(signature)
	if !ok {
		return ErrSignatureEncoding
	}
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(stamp + "."))
	mac.Write(body)
	if !hmac.Equal(given, mac.Sum(nil)) {
		return errors.New("the signature does not match")
	}
	fresh, err := s.d.KV.CompareAndSetWithExpiry(replayPrefix+hex.EncodeToString(given), nil, []byte(stamp), 2*maxClockSkew)
	if err != nil {
		return errors.Wrap(err, "could not check for a replay")
	}
	if !fresh {
		return errors.New("this request was already received")
	}
	return nil
}

func decodeSignature(text string) ([]byte, bool) {
	text = strings.TrimPrefix(strings.TrimSpace(text), "sha256=")
	if raw, err := hex.DecodeString(text); err == nil && len(raw) == sha256.Size {
		return raw, true
	}
	if raw, err := base64.StdEncoding.DecodeString(text); err == nil && len(raw) == sha256.Size {
		return raw, true
	}
	return nil, false
}

// Delivery is what became of a webhook event.
type Delivery string

const (
	// Delivered: the event's updates are posted.
	Delivered Delivery = "delivered"
	// Duplicate: every update in the event was posted before.
	Duplicate Delivery = "duplicate"
	// Ignored: nobody follows the event's record.
	Ignored Delivery = "ignored"
)

// Receive posts a verified webhook event's updates to its record conversation.
func (s *Service) Receive(event Event) (Delivery, error) {
	ref := Ref{Table: event.Table, SysID: event.SysID}
	if !ref.valid() {
		return "", invalid(i18n.M("connect.follow.event_invalid", "The event needs a table name and a 32-character sys_id."))
	}
	posted, followed, err := s.deliver(ref, event.followed(), event.entries())
	s.stats.webhook(err)
	switch {
	case err != nil:
		return "", errors.Wrapf(err, "failed to deliver an event about %s %s", ref.Table, ref.SysID)
	case !followed:
		return Ignored, nil
	case posted == 0:
		return Duplicate, nil
	}
	return Delivered, nil
}

func (e Event) followed() *servicenow.Followed {
	if e.UpdatedOn == "" {
		return nil // a journal-only event
	}
	return &servicenow.Followed{
		Table: e.Table, SysID: e.SysID, Number: e.Number, ShortDescription: e.ShortDescription,
		State: e.State, Priority: e.Priority, AssignedTo: e.AssignedTo, AssignmentGroup: e.AssignmentGroup, UpdatedOn: e.UpdatedOn,
	}
}

func (e Event) entries() []servicenow.JournalEntry {
	entries := make([]servicenow.JournalEntry, 0, len(e.Journal))
	for _, j := range e.Journal {
		if j.SysID != "" && (j.Element == "comments" || j.Element == "work_notes") {
			entries = append(entries, servicenow.JournalEntry{SysID: j.SysID, RecordID: e.SysID, Element: j.Element, Value: j.Value, CreatedBy: j.CreatedBy, CreatedOn: j.CreatedOn})
		}
	}
	return entries
}

// deliver applies one record's update; followed is false when nobody follows it.
func (s *Service) deliver(ref Ref, found *servicenow.Followed, entries []servicenow.JournalEntry) (posted int, followed bool, err error) {
	if r, err := s.load(ref); err != nil || r == nil || len(r.Followers) == 0 {
		return 0, false, err
	}
	out, err := s.record(ref, found, entries)
	if err != nil {
		return 0, true, err
	}
	s.publish(out)
	return len(out.messages), true, nil
}

// record does a delivery's bookkeeping under the record's lock.
func (s *Service) record(ref Ref, found *servicenow.Followed, entries []servicenow.JournalEntry) (pending, error) {
	unlock, err := s.lock(ref)
	if err != nil {
		return pending{}, err
	}
	defer unlock()
	r, err := s.load(ref)
	if err != nil || r == nil {
		return pending{}, err
	}
	out := s.apply(r, found, entries)
	if out.rename != "" {
		s.indexed(r)
	}
	return out, s.save(r)
}

// pollOverlap reads a little before the last poll: ServiceNow's times have whole seconds.
const pollOverlap = 5 * time.Second

// Poll reads the followed records changed since the last poll, and their new journal entries,
// and posts their updates; the cluster job runs it on one server at a time.
func (s *Service) Poll() {
	upstream := s.upstream()
	if upstream == nil {
		return
	}
	started := s.d.Now()
	err := s.poll(upstream, started)
	s.stats.polled(started, err)
	if err != nil {
		s.d.Log.Warn("Failed to poll the followed records", "error", err.Error())
	}
}

func (s *Service) poll(upstream Upstream, started time.Time) error {
	followed, err := s.followedIDs()
	if err != nil || len(followed) == 0 {
		return err
	}
	since, err := s.lastPoll(started)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	sysIDs := make([]string, 0, len(followed))
	for id := range followed {
		sysIDs = append(sysIDs, id)
	}
	changed, err := upstream.ChangedRecords(ctx, sysIDs, since.Add(-pollOverlap))
	if err != nil || len(changed) == 0 {
		return s.savePoll(started, err)
	}
	changedIDs := make([]string, 0, len(changed))
	for _, f := range changed {
		changedIDs = append(changedIDs, f.SysID)
	}
	entries, err := upstream.JournalSince(ctx, changedIDs, since.Add(-pollOverlap))
	if err != nil {
		return err
	}
	byRecord := map[string][]servicenow.JournalEntry{}
	for _, e := range entries {
		byRecord[e.RecordID] = append(byRecord[e.RecordID], e)
	}
	for i := range changed {
		f := &changed[i]
		if _, _, err := s.deliver(Ref{Table: followed[f.SysID], SysID: f.SysID}, f, byRecord[f.SysID]); err != nil {
			return err
		}
	}
	return s.savePoll(started, nil)
}

// followedIDs maps the sys_ids of records someone follows to their tables.
func (s *Service) followedIDs() (map[string]string, error) {
	refs, err := s.all()
	if err != nil {
		return nil, err
	}
	followed := make(map[string]string, len(refs))
	for _, ref := range refs {
		r, err := s.load(ref)
		if err != nil {
			return nil, err
		}
		if r != nil && len(r.Followers) > 0 {
			followed[ref.SysID] = ref.Table
		}
	}
	return followed, nil
}

func (s *Service) lastPoll(now time.Time) (time.Time, error) {
	raw, err := s.d.KV.Get(pollKey)
	if err != nil {
		return time.Time{}, errors.Wrap(err, "failed to read the last poll")
	}
	if ms, err := strconv.ParseInt(string(raw), 10, 64); err == nil {
		return time.UnixMilli(ms), nil
	}
	return now.Add(-s.d.Config().FollowPoll), nil
}

func (s *Service) savePoll(at time.Time, err error) error {
	if err != nil {
		return err
	}
	return errors.Wrap(s.d.KV.Set(pollKey, []byte(strconv.FormatInt(at.UnixMilli(), 10))), "failed to store the last poll")
}

type stats struct {
	mu          sync.Mutex
	lastPoll    time.Time
	lastWebhook time.Time
	lastError   string
}

func (st *stats) polled(at time.Time, err error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.lastPoll = at
	if err != nil {
		st.lastError = err.Error()
	}
}

func (st *stats) webhook(err error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.lastWebhook = time.Now()
	if err != nil {
		st.lastError = err.Error()
	}
}

// Stats is following's part of the admin health answer.
func (s *Service) Stats() map[string]any {
	s.indexMu.RLock()
	conversations := len(s.byChannel)
	s.indexMu.RUnlock()
	s.stats.mu.Lock()
	defer s.stats.mu.Unlock()
	health := map[string]any{
		"record_conversations": conversations,
		"poll_minutes":         s.d.Config().FollowPoll.Minutes(),
		"webhook_secret_set":   s.d.Config().WebhookSecret != "",
	}
	for key, at := range map[string]time.Time{"last_poll": s.stats.lastPoll, "last_webhook": s.stats.lastWebhook} {
		if !at.IsZero() {
			health[key] = at.UTC().Format(time.RFC3339)
		}
	}
	if s.stats.lastError != "" {
		health["last_error"] = s.stats.lastError
	}
	return health
}
