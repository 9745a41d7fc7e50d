package follow

import (
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
)

// RecordOf is the record of a record conversation, for the conversation list; nil for others.
func (s *Service) RecordOf(channelID string) *conversations.RecordRef {
	s.indexMu.RLock()
	defer s.indexMu.RUnlock()
	if ref, ok := s.index[channelID]; ok {
		return &ref
	}
	return nil
}

// IsRecordConversation reports whether channelID is a record conversation (two-way's cheap test).
func (s *Service) IsRecordConversation(channelID string) bool {
	s.indexMu.RLock()
	defer s.indexMu.RUnlock()
	_, ok := s.index[channelID]
	return ok
}

func (s *Service) indexed(r *record) {
	ref := conversations.RecordRef{Table: r.Table, SysID: r.SysID, Number: r.Number, ShortDescription: r.ShortDescription}
	if upstream := s.upstream(); upstream != nil {
		ref.URL = upstream.RecordURL(r.Table, r.SysID)
	}
	s.indexMu.Lock()
	known, had := s.index[r.ChannelID]
	s.index[r.ChannelID] = ref
	s.indexMu.Unlock()
	if (!had || known != ref) && s.d.Broadcast != nil {
		if err := s.d.Broadcast(ClusterEvent, r.ChannelID); err != nil {
			s.d.Log.Warn("Failed to tell the cluster about a record conversation", "error", err.Error())
		}
	}
}

// Reindex reads every record conversation into the index: at start, and when another server
// tells this one something changed.
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
			s.indexed(r)
		}
	}
}
