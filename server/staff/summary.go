package staff

import (
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// Members lists the active members of a team or user group, for the staff summary. found is
// false when there is no such team or group.
type Members interface {
	TeamMembers(teamName string) (users []*model.User, found bool, err error)
	GroupMembers(groupName string) (users []*model.User, found bool, err error)
}

// Summary is who is ITIL staff now and through which source, as the System Console shows it
// (the same sources and warnings /connect staff stats reports, with counts).
type Summary struct {
	// Total counts each staff member once, whatever the number of sources that make them staff.
	Total  int          `json:"total"`
	Mode   string       `json:"mode"`
	Teams  []TeamCount  `json:"teams"`
	Groups []GroupCount `json:"groups"`
	Roles  RoleCount    `json:"roles"`
	// Warnings are settings that weaken the staff-only promise (open or missing staff teams),
	// in English until the answer is written in its reader's language (WarningMessages).
	Warnings        []string       `json:"warnings,omitempty"`
	WarningMessages []i18n.Message `json:"-"`
}

// TeamCount is one staff team.
type TeamCount struct {
	Name  string `json:"name"`
	Staff int    `json:"staff"`
	// Open: anyone with an account can join the team, and so become staff.
	Open    bool `json:"open"`
	Missing bool `json:"missing"`
}

// GroupCount is one staff user group.
type GroupCount struct {
	Name    string `json:"name"`
	Staff   int    `json:"staff"`
	Missing bool   `json:"missing"`
}

// RoleCount is the ServiceNow roles source.
type RoleCount struct {
	Roles []string `json:"roles"`
	// Staff are Mattermost users whose trusted address holds a staff role.
	Staff int `json:"staff"`
	// Unverified are users whose address holds a role but is not verified, so it does not count.
	Unverified int `json:"unverified"`
	// Holders is how many role holders the last sync read.
	Holders     int       `json:"holders"`
	LastSuccess time.Time `json:"last_success"`
	LastError   string    `json:"last_error,omitempty"`
}

// Summary counts the staff by source. It reads every member of each staff team and group and
// the active users (for the role holders), so it is for an admin's page, not for hot paths.
func (s *Service) Summary(members Members) (Summary, error) {
	cfg := s.config()
	summary := Summary{Mode: string(cfg.Enforcement), Teams: []TeamCount{}, Groups: []GroupCount{}, WarningMessages: s.teamWarnings(cfg.StaffTeams)}
	for _, warning := range summary.WarningMessages {
		summary.Warnings = append(summary.Warnings, warning.English())
	}
	staffIDs := map[string]bool{}
	count := func(users []*model.User) int {
		n := 0
		for _, user := range users {
			if s.canBeStaff(user) {
				staffIDs[user.Id] = true
				n++
			}
		}
		return n
	}
	for _, name := range cfg.StaffTeams {
		users, found, err := members.TeamMembers(name)
		if err != nil {
			return Summary{}, err
		}
		team := TeamCount{Name: name, Staff: count(users), Missing: !found}
		if found {
			team.Open = s.teamIsOpen(name)
		}
		summary.Teams = append(summary.Teams, team)
	}
	for _, name := range cfg.StaffGroups {
		users, found, err := members.GroupMembers(name)
		if err != nil {
			return Summary{}, err
		}
		summary.Groups = append(summary.Groups, GroupCount{Name: name, Staff: count(users), Missing: !found})
	}
	roles, err := s.roleCount(cfg.StaffRoles, staffIDs)
	if err != nil {
		return Summary{}, err
	}
	summary.Roles, summary.Total = roles, len(staffIDs)
	return summary, nil
}

// roleCount counts the active users whose address holds a staff role, adding the trusted ones
// to staffIDs.
func (s *Service) roleCount(roles []string, staffIDs map[string]bool) (RoleCount, error) {
	sync := s.SyncStatus()
	count := RoleCount{Roles: roles, Holders: sync.Holders, LastSuccess: sync.LastSuccess, LastError: sync.LastError}
	if count.Roles == nil {
		count.Roles = []string{}
	}
	if len(roles) == 0 {
		return count, nil
	}
	users, err := s.people.list()
	if err != nil {
		return RoleCount{}, err
	}
	set := s.Roles()
	for _, user := range users {
		if !s.canBeStaff(user) || set.RoleOf(user.Email) == "" {
			continue
		}
		if !AddressIsTrusted(user) {
			count.Unverified++
			continue
		}
		staffIDs[user.Id] = true
		count.Staff++
	}
	return count, nil
}

// canBeStaff: bots, guests, deactivated accounts and Connect's own bot never count.
func (s *Service) canBeStaff(user *model.User) bool {
	return user.Id != s.botID && !user.IsBot && !user.IsGuest() && user.DeleteAt == 0
}

func (s *Service) teamIsOpen(name string) bool {
	team, err := s.dir.Team(name)
	return err == nil && (team.AllowOpenInvite || team.Type == model.TeamOpen)
}
