package follow

import (
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// ConversationOf is the record conversation of ref; "" when nobody follows the record yet.
func (s *Service) ConversationOf(ref Ref) (string, error) {
	if !ref.valid() {
		return "", invalid(notATableAndSysID(ref))
	}
	r, err := s.load(ref)
	if err != nil || r == nil {
		return "", err
	}
	return r.ChannelID, nil
}

// CheckTable refuses a table whose records the admin does not let anyone follow.
func (s *Service) CheckTable(table string) error { return s.checkTable(table) }

// AddFollowers makes the staff among userIDs followers of ref, once each; someone brought into
// its record conversation by another (bringing in a record's people) follows it from then on.
// Anyone who is not staff is refused.
func (s *Service) AddFollowers(ref Ref, userIDs []string) error {
	for _, id := range userIDs {
		if !s.d.IsStaff(id) {
			return forbidden(i18n.M("connect.api.follow_staff_only", "Only ITIL staff can follow ServiceNow records."))
		}
	}
	unlock, err := s.lock(ref)
	if err != nil {
		return err
	}
	defer unlock()
	r, err := s.load(ref)
	if err != nil {
		return err
	}
	if r == nil || r.ChannelID == "" {
		return failure.New(failure.NotFound, i18n.M("connect.follow.no_conversation", "That record has no record conversation yet."))
	}
	var added []string
	for _, id := range userIDs {
		if r.addFollower(id) {
			added = append(added, id)
		}
	}
	if len(added) == 0 {
		return nil
	}
	if err := s.save(r); err != nil {
		return err
	}
	for _, id := range added {
		s.changed(id, r.follow(), true)
	}
	return nil
}

// notATableAndSysID answers a reference that names no record.
func notATableAndSysID(ref Ref) i18n.Message {
	return i18n.M("connect.follow.not_a_reference", "\"{{.Table}}\" / \"{{.SysID}}\" is not a ServiceNow table and sys_id.", i18n.Data{"Table": ref.Table, "SysID": ref.SysID})
}
