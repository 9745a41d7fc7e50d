package records

import (
	"context"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// maxLinksPerMessage bounds the links one message adds to the workspace's list.
const maxLinksPerMessage = 100

// linksOnly finds links and no records: the recognition while ServiceNow is not configured.
var linksOnly = &Recognizer{}

// Scan returns the records message mentions, recognized as for cards (code and foreign links
// are not mentions), and the http(s) links in it that are not record links. Without
// ServiceNow settings there are no records, only links.
func (s *Service) Scan(message string) (mentions []servicenow.RecordKey, links []string) {
	recognizer := linksOnly
	if setup := s.current.Load(); setup != nil {
		recognizer = setup.recognizer
	}
	found, links := recognizer.Scan(message, maxMentionsPerMessage, maxLinksPerMessage)
	if len(found) > 0 {
		mentions = make([]servicenow.RecordKey, len(found))
		for i, m := range found {
			mentions[i] = m.Key
		}
	}
	return mentions, links
}

// Entry is what a record card knows about one record, for a viewer in a channel.
type Entry struct {
	Key servicenow.RecordKey
	// Number, Table and SysID are the record's own once it was found, else the key's.
	Number, Table, SysID string
	// URL opens the record in ServiceNow.
	URL    string
	Status Status
	// Problem says, in words, why there are no details (missing or unavailable).
	Problem string
	// Record holds the details, only when found and the audience rule lets them go to the viewer.
	Record *servicenow.Record
}

// Describe says what cards would show viewerID in channelID about each of keys: details only
// where the audience rule lets them go (as for a post by viewerID there), read through the
// record cache with one batched look-up of the records it lacks, whose failure (an outage, an
// open circuit, ctx ending) marks them unavailable. Nothing but the keys' validated numbers
// and sys_ids goes into the look-up.
func (s *Service) Describe(ctx context.Context, channelID, viewerID string, keys []servicenow.RecordKey) []Entry {
	setup := s.current.Load()
	instanceURL := ""
	if setup != nil {
		instanceURL = setup.instanceURL
	}
	l := s.languages.Recent(viewerID)
	entries := make([]Entry, len(keys))
	for i, key := range keys {
		card := cardFor(key, nil)
		entries[i] = Entry{Key: key, Number: key.Number, Table: key.Table, SysID: key.SysID, URL: card.link(instanceURL), Status: Pending}
	}
	if len(keys) == 0 {
		return entries
	}
	if setup == nil {
		return withStatus(entries, Unavailable, l.Text(i18n.M("connect.records.not_configured", "ServiceNow is not configured")))
	}
	allowed, err := s.audience.MaySeeDetails(channelID, viewerID)
	if err != nil {
		s.log.Warn("Failed to check who may see record details", "channel_id", channelID, "error", err.Error())
		return entries
	}
	if !allowed {
		return withStatus(entries, Restricted, "")
	}
	found, err := setup.lookup.Get(ctx, keys)
	for i, key := range keys {
		record, ok := found[key]
		switch {
		case ok:
			entries[i].Number, entries[i].Table, entries[i].SysID, entries[i].URL = record.Number, record.Table, record.SysID, record.URL
			entries[i].Status, entries[i].Record = Found, &record
		case err != nil:
			entries[i].Status, entries[i].Problem = Unavailable, l.Text(readable(err))
		default:
			entries[i].Status, entries[i].Problem = Missing, l.Text(notFound(Card{Table: key.Table, Number: key.Number}))
		}
	}
	return entries
}

func withStatus(entries []Entry, status Status, problem string) []Entry {
	for i := range entries {
		entries[i].Status, entries[i].Problem = status, problem
	}
	return entries
}
