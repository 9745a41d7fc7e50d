package servicenow

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

func TestRecordPeopleReadsAssigneeAndGroupInTwoQueries(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic)
	_, sysID, ok := s.Find(standin.SampleSwarmIncident)
	require.True(t, ok)
	s.ResetRequests()

	people, found, err := c.RecordPeople(context.Background(), RecordKey{Table: "incident", SysID: sysID})
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, standin.SampleSwarmIncident, people.Record.Number)
	assert.Equal(t, "incident", people.Record.Table)
	assert.Equal(t, standin.SampleSwarmGroup, people.AssignmentGroup)
	require.NotNil(t, people.Assignee)
	assert.Equal(t, standin.SwarmAssignee().Email, people.Assignee.Email)
	assert.Equal(t, "Nina Patel", people.Assignee.Name)
	assert.True(t, people.Assignee.Active)
	var emails []string
	for _, m := range people.Members {
		emails = append(emails, m.Email)
		assert.True(t, ValidSysID(m.SysID))
	}
	assert.ElementsMatch(t, []string{
		standin.SwarmStaff()[0].Email, standin.SwarmStaff()[1].Email, standin.SwarmCustomer().Email,
		standin.SwarmNoAccount().Email, standin.SwarmDeactivated().Email,
	}, emails)

	requests := s.Requests()
	require.Len(t, requests, 2)
	assert.Equal(t, "/api/now/table/task", requests[0].Path)
	assert.Equal(t, "/api/now/table/sys_user_grmember", requests[1].Path)
	assert.Equal(t, "group="+standin.GroupSysID(standin.SampleSwarmGroup)+"^ORDERBYsys_id", requests[1].Params.Get("sysparm_query"))
}

func TestRecordPeopleWithoutGroupOrAssignee(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic)
	_, sysID, _ := s.Find(standin.SampleIncident2)
	s.ResetRequests()
	people, found, err := c.RecordPeople(context.Background(), RecordKey{Table: "incident", SysID: sysID})
	require.NoError(t, err)
	require.True(t, found)
	assert.Nil(t, people.Assignee)
	assert.Empty(t, people.Members)
	assert.Len(t, s.Requests(), 1, "no group, no member query")

	_, found, err = c.RecordPeople(context.Background(), RecordKey{Table: "incident", SysID: "0123456789abcdef0123456789abcdef"})
	require.NoError(t, err)
	assert.False(t, found)
}

func TestRecordPeopleRefusesUncheckedInput(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic)
	s.ResetRequests()
	for _, tc := range []struct{ table, sysID string }{
		{"incident", "abc^ORnumberISNOTEMPTY"},
		{"incident^x", "0123456789abcdef0123456789abcdef"},
		{"incident", ""},
	} {
		_, _, err := c.RecordPeople(context.Background(), RecordKey{Table: tc.table, SysID: tc.sysID})
		assert.Error(t, err, tc)
	}
	assert.Empty(t, s.Requests())

	byNumber, found, err := c.RecordPeople(context.Background(), RecordKey{Table: "incident", Number: standin.SampleSwarmIncident})
	require.NoError(t, err)
	require.True(t, found)
	assert.Len(t, byNumber.Members, 5)
	_, err = buildGroupMemberQuery("x^ORactive=true")
	assert.Error(t, err)
}
