package rig

import (
	"context"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"
)

// PluginID is the plugin under test.
const PluginID = "connect-chat"

// Password is shared by every user the rig creates (they exist only on throwaway servers).
const Password = "Connect-demo-1"

// User is a Mattermost account the rig created.
type User struct {
	*model.User
	Password string
}

// Teams are the demo teams: everyone is in Support ("support"), only staff in ITIL ("itil").
type Teams struct {
	Support *model.Team
	ITIL    *model.Team
}

type demoUser struct{ username, first, last string }

var (
	demoAdmin     = demoUser{"sysadmin", "Sam", "Admin"}
	demoStaff     = []demoUser{{"alice", "Alice", "Archer"}, {"bob", "Bob", "Baker"}, {"carol", "Carol", "Chen"}}
	demoCustomers = []demoUser{{"dave", "Dave", "Dawson"}, {"erin", "Erin", "Evans"}}
)

// bootstrap makes the first user (who becomes system admin), the teams and the demo users,
// then installs and enables the plugin bundle.
func (s *Server) bootstrap(ctx context.Context, bundle string) error {
	anonymous := model.NewAPIv4Client(s.URL)
	var err error
	if s.Admin, err = createUser(ctx, anonymous, demoAdmin); err != nil {
		return err
	}
	admin, err := s.Login(ctx, s.Admin)
	if err != nil {
		return err
	}
	if s.Teams.Support, err = createTeam(ctx, admin, "support", "IT Support", model.TeamOpen); err != nil {
		return err
	}
	if s.Teams.ITIL, err = createTeam(ctx, admin, "itil", "ITIL Staff", model.TeamInvite); err != nil {
		return err
	}
	if s.Staff, err = createMembers(ctx, admin, demoStaff, s.Teams.Support, s.Teams.ITIL); err != nil {
		return err
	}
	if s.Customers, err = createMembers(ctx, admin, demoCustomers, s.Teams.Support); err != nil {
		return err
	}
	if err := addToTeams(ctx, admin, s.Admin, s.Teams.Support, s.Teams.ITIL); err != nil {
		return err
	}
	return s.installPlugin(ctx, admin, bundle)
}

// Login returns a client with a fresh session for u.
func (s *Server) Login(ctx context.Context, u User) (*model.Client4, error) {
	client := model.NewAPIv4Client(s.URL)
	if _, _, err := client.Login(ctx, u.Username, u.Password); err != nil {
		return nil, errors.Wrapf(err, "failed to log in as %s", u.Username)
	}
	return client, nil
}

// AdminClient returns a logged-in system admin client.
func (s *Server) AdminClient(ctx context.Context) (*model.Client4, error) {
	return s.Login(ctx, s.Admin)
}

func createMembers(ctx context.Context, admin *model.Client4, people []demoUser, teams ...*model.Team) ([]User, error) {
	users := make([]User, 0, len(people))
	for _, person := range people {
		user, err := createUser(ctx, admin, person)
		if err != nil {
			return nil, err
		}
		if err := addToTeams(ctx, admin, user, teams...); err != nil {
			return nil, err
		}
		users = append(users, user)
	}
	return users, nil
}

func createUser(ctx context.Context, client *model.Client4, person demoUser) (User, error) {
	created, _, err := client.CreateUser(ctx, &model.User{
		Username:  person.username,
		Email:     person.username + "@connect.example.com",
		Password:  Password,
		FirstName: person.first,
		LastName:  person.last,
		// An admin creating an account may vouch for its address; a signup never can.
		EmailVerified: true,
	})
	if err != nil {
		return User{}, errors.Wrapf(err, "failed to create user %s", person.username)
	}
	return User{User: created, Password: Password}, nil
}

// createTeam makes a team; an invite-only one (model.TeamInvite) is joined only when invited.
func createTeam(ctx context.Context, admin *model.Client4, name, displayName, teamType string) (*model.Team, error) {
	team, _, err := admin.CreateTeam(ctx, &model.Team{Name: name, DisplayName: displayName, Type: teamType, AllowOpenInvite: teamType == model.TeamOpen})
	return team, errors.Wrapf(err, "failed to create team %s", name)
}

func addToTeams(ctx context.Context, admin *model.Client4, user User, teams ...*model.Team) error {
	for _, team := range teams {
		if _, _, err := admin.AddTeamMember(ctx, team.Id, user.Id); err != nil {
			return errors.Wrapf(err, "failed to add %s to team %s", user.Username, team.Name)
		}
	}
	return nil
}

func (s *Server) installPlugin(ctx context.Context, admin *model.Client4, bundle string) error {
	if _, err := InstallBundle(ctx, admin, bundle); err != nil {
		return err
	}
	return errors.Wrapf(waitForPluginState(ctx, admin, PluginID, model.PluginStateRunning), "server log:\n%s", s.LogTail(20))
}

// SetPluginEnabled enables or disables the plugin and waits until it has (not) started.
func (s *Server) SetPluginEnabled(ctx context.Context, enabled bool) error {
	admin, err := s.AdminClient(ctx)
	if err != nil {
		return err
	}
	change, want := admin.DisablePlugin, model.PluginStateNotRunning
	if enabled {
		change, want = admin.EnablePlugin, model.PluginStateRunning
	}
	if _, err := change(ctx, PluginID); err != nil {
		return errors.Wrapf(err, "failed to set plugin enabled=%v", enabled)
	}
	return errors.Wrapf(waitForPluginState(ctx, admin, PluginID, want), "server log:\n%s", s.LogTail(20))
}

// NewUser creates a user with a unique username starting with prefix, in teams.
func (s *Server) NewUser(ctx context.Context, prefix string, teams ...*model.Team) (User, error) {
	admin, err := s.AdminClient(ctx)
	if err != nil {
		return User{}, err
	}
	name := prefix + "-" + strings.ToLower(model.NewId()[:8])
	user, err := createUser(ctx, admin, demoUser{username: name, first: strings.ToUpper(prefix[:1]) + prefix[1:], last: "Tester"})
	if err != nil {
		return User{}, err
	}
	return user, addToTeams(ctx, admin, user, teams...)
}
