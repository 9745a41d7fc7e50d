package console

import (
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/staff"
)

// StaffSummary counts the staff by source and flags the staff teams anyone can join.
func (s *Service) StaffSummary() (staff.Summary, error) {
	summary, err := s.roster.Summary(s.members)
	return summary, errors.Wrap(err, "failed to count the staff")
}
