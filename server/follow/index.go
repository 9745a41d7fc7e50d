package follow

import (
	"strings"

	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
)

// RecordOf is the record of a record conversation, for the conversation list; nil for others.
func (s *Service) RecordOf(channelID string) *conversations.RecordRef {
	s.indexMu.RLock()
	ref, ok := s.byChannel[channelID]
	s.indexMu.RUnlock()
	if !ok {
		return nil
	}
	// The link follows the ServiceNow settings in force now: the index is built at start,
	// before the settings reach the client (an upgrade or restart showed no link).
	if upstream := s.upstream(); upstream != nil {
		ref.URL = upstream.RecordURL(ref.Table, ref.SysID)
	}
	return &ref
}

// indexed puts r's conversation in this server's index and tells the other servers, which
// read the record in turn (OnIndexChanged).
func (s *Service) indexed(r *record) {
	if s.remember(r) {
		s.tellOtherServers(ClusterEvent, r.Table+"/"+r.SysID)
	}
}

func (s *Service) tellOtherServers(event, data string) {
	if s.d.Broadcast == nil {
		return // a single server (tests)
	}
	if err := s.d.Broadcast(event, data); err != nil {
		s.d.Log.Warn("Failed to tell the other servers of a change", "event", event, "error", err.Error())
	}
}

// remember puts r's conversation in this server's index; it reports whether that changed it.
func (s *Service) remember(r *record) bool {
	ref := conversations.RecordRef{Table: r.Table, SysID: r.SysID, Number: r.Number, ShortDescription: r.ShortDescription}
	s.indexMu.Lock()
	defer s.indexMu.Unlock()
	known, had := s.byChannel[r.ChannelID]
	s.byChannel[r.ChannelID] = ref
	return !had || known != ref
}

// OnIndexChanged reads the record another server started or renamed a conversation for
// (data is "<table>/<sys_id>").
func (s *Service) OnIndexChanged(data []byte) {
	table, sysID, _ := strings.Cut(string(data), "/")
	ref := Ref{Table: table, SysID: sysID}
	if !ref.valid() {
		return
	}
	r, err := s.load(ref)
	if err != nil {
		s.d.Log.Warn("Failed to index a record conversation", "error", err.Error())
		return
	}
	if r != nil && r.ChannelID != "" {
		s.remember(r)
	}
}

// Reindex reads every record conversation into the index, at start.
func (s *Service) Reindex() {
	refs, err := s.all()
	if err != nil {
		s.d.Log.Warn("Failed to index the record conversations", "error", err.Error())
		return
	}
	for _, ref := range refs {
		r, err := s.load(ref)
		if err != nil {
			s.d.Log.Warn("Failed to index a record conversation", "error", err.Error())
			continue
		}
		if r != nil && r.ChannelID != "" {
			s.remember(r)
		}
	}
}
