package follow

import (
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// JournalProp is the post prop of a message in a record conversation that says which journal
// field of the record two-way writes it to: servicenow.WorkNotes or servicenow.Comments.
// Connect's composer sets it per message; a message without it (from Mattermost's own
// clients) gets its author's remembered choice for the conversation.
const JournalProp = "connect_journal"

// kindPrefix keys each user's remembered journal field per record conversation.
const kindPrefix = "follow_kind_"

// KindClusterEvent tells the other servers that a user's journal field for a record
// conversation changed (data: its KV key), so that they read it again.
const KindClusterEvent = "follow_kind_changed"

// Every server keeps the remembered journal fields it read, so that a message posted from
// Mattermost's own clients (without the field) costs no KV read.
const (
	kindsTTL       = 10 * time.Minute
	maxCachedKinds = 100_000
)

// JournalKind is a user's journal field for a record conversation's messages.
type JournalKind struct {
	// Kind is work_notes (visible to staff in ServiceNow) or comments (visible to the caller).
	Kind string `json:"kind"`
}

func kindKey(channelID, userID string) string { return kindPrefix + channelID + "_" + userID }

// Kind is the journal field userID's messages in a record conversation go to.
func (s *Service) Kind(userID, channelID string) (JournalKind, error) {
	if err := s.checkRecordConversation(userID, channelID); err != nil {
		return JournalKind{}, err
	}
	return JournalKind{Kind: s.rememberedKind(userID, channelID)}, nil
}

// SetKind remembers the journal field userID's messages in a record conversation go to.
func (s *Service) SetKind(userID, channelID, kind string) (JournalKind, error) {
	if kind != servicenow.WorkNotes && kind != servicenow.Comments {
		return JournalKind{}, invalid(i18n.M("connect.journal.kind", "kind must be work_notes or comments, not \"{{.Kind}}\".", i18n.Data{"Kind": kind}))
	}
	if err := s.checkRecordConversation(userID, channelID); err != nil {
		return JournalKind{}, err
	}
	key := kindKey(channelID, userID)
	if err := s.d.KV.Set(key, []byte(kind)); err != nil {
		return JournalKind{}, errors.Wrap(err, "failed to remember the journal field")
	}
	s.kinds.Forget(key)
	s.tellOtherServers(KindClusterEvent, key)
	return JournalKind{Kind: kind}, nil
}

func (s *Service) checkRecordConversation(userID, channelID string) error {
	if !s.d.IsStaff(userID) {
		return forbidden(i18n.M("connect.follow.write_staff_only", "Only ITIL staff can write to ServiceNow records."))
	}
	if _, err := s.d.Conversations.Get(userID, channelID); err != nil {
		return err
	}
	if _, ok := s.recordOfChannel(channelID); !ok {
		return invalid(i18n.M("connect.follow.not_record_conversation", "This is not a record conversation: only a followed record's conversation writes to the record."))
	}
	return nil
}

// OnKindChanged forgets the journal field choice another server changed (data: its key).
func (s *Service) OnKindChanged(data []byte) { s.kinds.Forget(string(data)) }

// rememberedKind is userID's choice for the conversation, work notes unless they chose comments.
func (s *Service) rememberedKind(userID, channelID string) string {
	key := kindKey(channelID, userID)
	kind, err := s.kinds.Get(key, func() (string, error) {
		raw, err := s.d.KV.Get(key)
		if err == nil && string(raw) == servicenow.Comments {
			return servicenow.Comments, nil
		}
		return servicenow.WorkNotes, err
	})
	if err != nil {
		s.d.Log.Warn("Failed to read a journal field choice", "error", err.Error())
	}
	return kind
}

// FillJournalKind is MessageWillBePosted's part for record conversations: a person's message
// there carries the journal field it is written to while two-way is on (its own valid choice,
// or its author's remembered one). It changes post in place (the hook's own copy) and reports
// whether it did: every post outside a record conversation costs one map lookup and nothing else.
func (s *Service) FillJournalKind(post *model.Post) bool {
	if _, ok := s.recordOfChannel(post.ChannelId); !ok {
		return false
	}
	kind, _ := post.GetProp(JournalProp).(string)
	writes := s.d.Config().FollowTwoWay && post.Type == "" && post.UserId != s.d.BotID && post.GetProp(model.PostPropsFromBot) != "true"
	switch {
	case !writes && post.GetProp(JournalProp) == nil:
		return false
	case !writes:
		post.DelProp(JournalProp) // nothing goes to the record: no label
		return true
	case kind == servicenow.WorkNotes || kind == servicenow.Comments:
		return false
	}
	post.AddProp(JournalProp, s.rememberedKind(post.UserId, post.ChannelId))
	return true
}

// journalOf is the journal field of a posted message (work notes when it has none).
func journalOf(post *model.Post) string {
	if kind, _ := post.GetProp(JournalProp).(string); kind == servicenow.Comments {
		return servicenow.Comments
	}
	return servicenow.WorkNotes
}
