package platform

import (
	"sync"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/mattermost/mattermost/server/public/pluginapi"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// usersPerCall bounds one GetUsersByIds call.
const usersPerCall = 500

// Users is Mattermost's users, teams and user groups.
type Users struct {
	api    plugin.API
	client *pluginapi.Client

	teamIDs sync.Map // team name → id; names of teams that do not exist are not cached
	// languages notes the language of every user read, so that messages to them need no read.
	languages *i18n.Languages
}

func (u *Users) User(userID string) (*model.User, error) {
	return u.remember(u.client.User.Get(userID))
}

func (u *Users) UserByUsername(username string) (*model.User, error) {
	return u.remember(u.client.User.GetByUsername(username))
}

func (u *Users) remember(user *model.User, err error) (*model.User, error) {
	if err == nil && user != nil {
		u.languages.Remember(user.Id, user.Locale)
	}
	return user, err
}

// UserByEmail is the account with this email, deactivated ones included; nil when there is none.
func (u *Users) UserByEmail(email string) (*model.User, error) {
	user, err := u.client.User.GetByEmail(email)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	return user, err
}

// Users returns the users with the given ids, in batches the API accepts.
func (u *Users) Users(userIDs []string) ([]*model.User, error) {
	users := make([]*model.User, 0, len(userIDs))
	for start := 0; start < len(userIDs); start += usersPerCall {
		batch, appErr := u.api.GetUsersByIds(userIDs[start:min(start+usersPerCall, len(userIDs))])
		if appErr != nil {
			return nil, appErr
		}
		for _, user := range batch {
			u.languages.Remember(user.Id, user.Locale)
		}
		users = append(users, batch...)
	}
	return users, nil
}

// ActiveUsers returns one page of the active users.
func (u *Users) ActiveUsers(page, perPage int) ([]*model.User, error) {
	return u.client.User.List(&model.UserGetOptions{Active: true, Page: page, PerPage: perPage})
}

// SystemAdmins returns every active system admin.
func (u *Users) SystemAdmins() ([]*model.User, error) {
	return allPages(pageSize, func(page, perPage int) ([]*model.User, error) {
		return u.client.User.List(&model.UserGetOptions{Role: model.SystemAdminRoleId, Active: true, Page: page, PerPage: perPage})
	})
}

// GroupNames returns the names of the user groups userID belongs to.
func (u *Users) GroupNames(userID string) ([]string, error) {
	groups, appErr := u.api.GetGroupsForUser(userID)
	if appErr != nil {
		return nil, appErr
	}
	names := make([]string, 0, len(groups))
	for _, g := range groups {
		if g.Name != nil && g.DeleteAt == 0 {
			names = append(names, *g.Name)
		}
	}
	return names, nil
}

// TeamID returns the id of the team named name; ErrNotFound when there is none. Team ids never
// change, so they are remembered.
func (u *Users) TeamID(name string) (string, error) {
	if id, ok := u.teamIDs.Load(name); ok {
		return id.(string), nil
	}
	team, err := u.client.Team.GetByName(name)
	if err != nil {
		return "", err
	}
	u.teamIDs.Store(name, team.Id)
	return team.Id, nil
}

// Team returns the team named name; ErrNotFound when there is none.
func (u *Users) Team(name string) (*model.Team, error) { return u.client.Team.GetByName(name) }

// TeamName is the name of the team with id teamID.
func (u *Users) TeamName(teamID string) (string, error) {
	team, err := u.client.Team.Get(teamID)
	if err != nil {
		return "", err
	}
	return team.Name, nil
}

// InTeam reports whether userID is a current member of the team named teamName; a team that
// does not exist has no members.
func (u *Users) InTeam(teamName, userID string) (bool, error) {
	teamID, err := u.TeamID(teamName)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	member, err := u.client.Team.GetMember(teamID, userID)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return member.DeleteAt == 0, nil
}

// JoinTeam makes userID a member of teamID unless they are one already.
func (u *Users) JoinTeam(teamID, userID string) error {
	member, err := u.client.Team.GetMember(teamID, userID)
	if err == nil && member.DeleteAt == 0 {
		return nil
	}
	if err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	_, err = u.client.Team.CreateMember(teamID, userID)
	return err
}

// Status is userID's presence: online, away, dnd or offline.
func (u *Users) Status(userID string) (string, error) {
	status, err := u.client.User.GetStatus(userID)
	if err != nil {
		return "", err
	}
	return status.Status, nil
}
