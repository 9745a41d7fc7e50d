package records

import (
	"context"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// ErrStaffOnly is /connect record's answer to anyone who is not ITIL staff.
var ErrStaffOnly = failure.New(failure.Forbidden, i18n.M("connect.records.staff_only", "Only ITIL staff can link ServiceNow records with /connect record"))

// ErrNotConfigured is the answer while ServiceNow has no instance URL and credentials.
var ErrNotConfigured = failure.New(failure.Unavailable, i18n.M("connect.records.setup_missing", "ServiceNow is not configured yet: a system admin sets it up in the System Console (Plugins > Connect Chat)"))

// Link posts userID's message naming the records in words into channelID, once every one
// of them was found in ServiceNow; the message gets its cards like any other.
func (s *Service) Link(ctx context.Context, userID, channelID string, words []string) error {
	staff, err := s.audience.IsStaff(userID)
	if err != nil {
		return errors.Wrap(err, "failed to check whether the caller is ITIL staff")
	}
	if !staff {
		return ErrStaffOnly
	}
	setup := s.current.Load()
	if setup == nil {
		return ErrNotConfigured
	}
	if len(words) == 0 {
		return failure.New(failure.Invalid, i18n.M("connect.records.name_one", "Name at least one record: `/connect record INC0010001` or a link to the record"))
	}
	if len(words) > setup.maxCards {
		return failure.New(failure.Invalid, i18n.M("connect.records.too_many", "One message shows at most {{.Max}} records; name fewer", i18n.Data{"Max": setup.maxCards}))
	}
	keys, err := setup.recognizeEach(words)
	if err != nil {
		return err
	}
	found, err := setup.lookup.Get(ctx, keys)
	if err != nil {
		return failure.New(failure.Unavailable, readable(err))
	}
	for i, word := range words {
		if _, ok := found[keys[i]]; !ok {
			return failure.New(failure.NotFound, i18n.M("connect.records.word_not_found", "{{.Problem}} ({{.Word}})",
				i18n.Data{"Problem": notFound(Card{Table: keys[i].Table, Number: keys[i].Number}), "Word": word}))
		}
	}
	// Knowing who may see details now lets the post carry them from the start.
	if _, err := s.audience.MaySeeDetails(channelID, userID); err != nil {
		s.log.Warn("Failed to check who may see record details", "channel_id", channelID, "error", err.Error())
	}
	if err := s.posts.CreatePost(&model.Post{UserId: userID, ChannelId: channelID, Message: strings.Join(words, " ")}); err != nil {
		// Mattermost's answer, which carries a refusal of Connect's own post hook (already in
		// the caller's language): the caller reads it as it is.
		return failure.New(failure.Invalid, i18n.Text(err.Error()))
	}
	return nil
}

func (s *setup) recognizeEach(words []string) ([]servicenow.RecordKey, error) {
	keys := make([]servicenow.RecordKey, len(words))
	for i, word := range words {
		mentions := s.recognizer.Find(word, 1)
		if len(mentions) == 0 {
			return nil, failure.New(failure.Invalid, i18n.M("connect.records.not_a_record", "\"{{.Word}}\" is not a record number or a link to a record in {{.Instance}}",
				i18n.Data{"Word": word, "Instance": s.instanceURL}))
		}
		keys[i] = mentions[0].Key
	}
	return keys, nil
}
