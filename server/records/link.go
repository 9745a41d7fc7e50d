package records

import (
	"context"
	"fmt"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// ErrStaffOnly is /connect record's answer to anyone who is not ITIL staff.
var ErrStaffOnly = errors.New("Only ITIL staff can link ServiceNow records with /connect record")

// ErrNotConfigured is the answer while ServiceNow has no instance URL and credentials.
var ErrNotConfigured = errors.New("ServiceNow is not configured yet: a system admin sets it up in the System Console (Plugins > Connect Chat)")

// Link posts userID's message naming the records in words into channelID, once every one
// of them was found in ServiceNow; the message gets its cards like any other.
func (s *Service) Link(ctx context.Context, userID, channelID string, words []string) error {
	staff, err := s.audience.IsStaff(userID)
	if err != nil {
		return errors.Wrap(err, "Connect could not check whether you are ITIL staff; try again")
	}
	if !staff {
		return ErrStaffOnly
	}
	setup := s.current.Load()
	if setup == nil {
		return ErrNotConfigured
	}
	if len(words) == 0 {
		return errors.New("Name at least one record: `/connect record INC0010001` or a link to the record")
	}
	if len(words) > setup.maxCards {
		return fmt.Errorf("One message shows at most %d records; name fewer", setup.maxCards) //nolint:staticcheck // ST1005: a sentence the user reads as it is
	}
	keys, err := setup.recognizeEach(words)
	if err != nil {
		return err
	}
	found, err := setup.lookup.Get(ctx, keys)
	if err != nil {
		return errors.New(readable(err))
	}
	for i, word := range words {
		if _, ok := found[keys[i]]; !ok {
			return errors.New(notFound(Card{Table: keys[i].Table, Number: keys[i].Number}) + " (" + word + ")")
		}
	}
	// Knowing who may see details now lets the post carry them from the start.
	if _, err := s.audience.MaySeeDetails(channelID, userID); err != nil {
		s.log.Warn("Failed to check who may see record details", "channel_id", channelID, "error", err.Error())
	}
	return s.posts.CreatePost(&model.Post{UserId: userID, ChannelId: channelID, Message: strings.Join(words, " ")})
}

func (s *setup) recognizeEach(words []string) ([]servicenow.RecordKey, error) {
	keys := make([]servicenow.RecordKey, len(words))
	for i, word := range words {
		mentions := s.recognizer.Find(word, 1)
		if len(mentions) == 0 {
			return nil, fmt.Errorf("%q is not a record number or a link to a record in %s", word, s.instanceURL)
		}
		keys[i] = mentions[0].Key
	}
	return keys, nil
}
