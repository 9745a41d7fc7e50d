package servicenow

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

func TestRoleHolders(t *testing.T) {
	tests := []struct {
		name  string
		roles []string
		setup func(*standin.Server)
		want  []RoleHolder
	}{
		{
			name:  "seeded itil holders; inactive frank and external dave left out",
			roles: []string{"itil"},
			want: []RoleHolder{
				{"alice", "alice@connect.example.com", "itil"},
				{"bob", "bob@connect.example.com", "itil"},
				{"carol", "carol@connect.example.com", "itil"},
			},
		},
		{
			name:  "several roles",
			roles: []string{"snc_external", "itil"},
			setup: func(s *standin.Server) { s.SetRoleHolders("itil", standin.SampleITILUsers()[0]) },
			want: []RoleHolder{
				{"alice", "alice@connect.example.com", "itil"},
				{"dave", "dave@connect.example.com", "snc_external"},
			},
		},
		{
			name:  "emails lower-cased; no email, no entry",
			roles: []string{"itil_admin"},
			setup: func(s *standin.Server) {
				s.SetRoleHolders("itil_admin",
					standin.User{UserName: "erin", Email: " Erin.Admin@Connect.Example.com ", Active: true},
					standin.User{UserName: "svc.monitor", Active: true},
				)
			},
			want: []RoleHolder{{"erin", "erin.admin@connect.example.com", "itil_admin"}},
		},
		{name: "unknown role", roles: []string{"no_such_role"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := startStandIn(t)
			if tt.setup != nil {
				tt.setup(s)
			}
			c := newTestClient(t, s, AuthBasic)
			got, err := c.RoleHolders(context.Background(), tt.roles)
			require.NoError(t, err)
			assert.ElementsMatch(t, tt.want, got)
			require.Len(t, s.Requests(), 1)
			params := s.Requests()[0].Params
			assert.Equal(t, "user.user_name,user.email,role.name", params.Get("sysparm_fields"))
			assert.Equal(t, "false", params.Get("sysparm_display_value"))
		})
	}
}

func TestRoleHoldersPagination(t *testing.T) {
	for _, holders := range []int{2500, 2000} {
		t.Run(fmt.Sprint(holders), func(t *testing.T) {
			s := startStandIn(t)
			users := make([]standin.User, holders)
			for i := range users {
				users[i] = standin.User{UserName: fmt.Sprintf("user%04d", i), Email: fmt.Sprintf("user%04d@connect.example.com", i), Active: true}
			}
			s.SetRoleHolders("itil", users...)
			c := newTestClient(t, s, AuthBasic)
			got, err := c.RoleHolders(context.Background(), []string{"itil"})
			require.NoError(t, err)
			assert.Len(t, got, holders)

			var offsets []string
			for _, r := range s.Requests() {
				assert.Equal(t, "1000", r.Params.Get("sysparm_limit"))
				assert.Equal(t, "role.nameINitil^user.active=true^ORDERBYsys_id", r.Params.Get("sysparm_query"))
				offsets = append(offsets, r.Params.Get("sysparm_offset"))
			}
			assert.Equal(t, []string{"0", "1000", "2000"}, offsets, "until a short page")
		})
	}
}

func TestRoleHoldersErrors(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic)
	_, err := c.RoleHolders(context.Background(), []string{"itil", "itil^ORuser.active=false"})
	requireKind(t, err, KindInvalid)
	assert.Contains(t, err.Error(), `"itil^ORuser.active=false"`)

	got, err := c.RoleHolders(context.Background(), nil)
	require.NoError(t, err)
	assert.Empty(t, got)
	assert.Empty(t, s.Requests())

	s.SetFault(standin.Fault{Status: http.StatusForbidden})
	_, err = c.RoleHolders(context.Background(), []string{"itil"})
	requireKind(t, err, KindForbidden)
}

func TestCheck(t *testing.T) {
	for _, mode := range []AuthMode{AuthBasic, AuthOAuth} {
		t.Run(string(mode), func(t *testing.T) {
			s := startStandIn(t)
			c := newTestClient(t, s, mode)
			report, err := c.Check(context.Background())
			require.NoError(t, err)
			assert.Equal(t, s.URL(), report.InstanceURL)
			assert.Equal(t, mode, report.AuthMode)
			assert.Equal(t, 22, report.TaskCount, "every seeded record but the two articles")
			assert.Equal(t, standin.SampleIncident, report.SampleNumber)
			assert.Equal(t, "incident", report.SampleTable)
			assert.Positive(t, report.Latency)
		})
	}
}

func TestCheckReportsFailureOnce(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic)
	s.SetFault(standin.Fault{Status: http.StatusServiceUnavailable})
	report, err := c.Check(context.Background())
	requireKind(t, err, KindUnavailable)
	assert.Equal(t, -1, report.TaskCount)
	assert.Len(t, s.Requests(), 1, "one attempt: the admin wants the answer now")
}
