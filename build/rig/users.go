package rig

import (
	"context"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
	"golang.org/x/sync/errgroup"
)

// newUsersAtOnce bounds how many users NewUsers creates concurrently.
const newUsersAtOnce = 4

// NewUsers creates count users with unique usernames starting with prefix, in teams, several at
// a time through one admin session (each login costs the server a password hash check).
func (s *Server) NewUsers(ctx context.Context, prefix string, count int, teams ...*model.Team) ([]User, error) {
	admin, err := s.AdminClient(ctx)
	if err != nil {
		return nil, err
	}
	users := make([]User, count)
	var group errgroup.Group
	group.SetLimit(newUsersAtOnce)
	for i := range users {
		group.Go(func() error {
			person := demoUser{username: prefix + "-" + strings.ToLower(model.NewId()[:8]), first: prefix, last: "Tester"}
			user, err := createUser(ctx, admin, person)
			users[i] = user
			if err != nil {
				return err
			}
			return addToTeams(ctx, admin, user, teams...)
		})
	}
	return users, group.Wait()
}
