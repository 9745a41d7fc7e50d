package platform

import (
	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"
)

// TeamMembers returns the active members of the team named teamName; found is false when there
// is no such team.
func (u *Users) TeamMembers(teamName string) (users []*model.User, found bool, err error) {
	teamID, err := u.TeamID(teamName)
	if errors.Is(err, ErrNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	users, err = allPages(pageSize, func(page, perPage int) ([]*model.User, error) {
		return u.client.User.List(&model.UserGetOptions{InTeamId: teamID, Active: true, Page: page, PerPage: perPage})
	})
	return users, true, err
}

// GroupMembers returns the active members of the user group named groupName; found is false
// when there is no such group (or it was deleted).
func (u *Users) GroupMembers(groupName string) (users []*model.User, found bool, err error) {
	group, appErr := u.api.GetGroupByName(groupName)
	if appErr != nil {
		if appErr.StatusCode == 404 {
			return nil, false, nil
		}
		return nil, false, appErr
	}
	if group.DeleteAt != 0 {
		return nil, false, nil
	}
	users, err = allPages(pageSize, func(page, perPage int) ([]*model.User, error) {
		return u.client.User.List(&model.UserGetOptions{InGroupId: group.Id, Active: true, Page: page, PerPage: perPage})
	})
	return users, true, err
}
