package standin

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSwarmIncidentNamesItsGroupByReference(t *testing.T) {
	s := startServer(t, Options{})
	groupID := GroupSysID(SampleSwarmGroup)
	list := results(t, get(t, s, "/api/now/table/incident", url.Values{
		"sysparm_query":  {"number=" + SampleSwarmIncident},
		"sysparm_fields": {"assigned_to,assigned_to.email,assignment_group"},
	}, "basic"))
	require.Len(t, list, 1)
	record := list[0].(map[string]any)
	assert.Equal(t, map[string]any{"link": s.URL() + "/api/now/table/sys_user_group/" + groupID, "value": groupID}, record["assignment_group"])
	assert.Equal(t, swarmAssignee.Email, record["assigned_to.email"])

	shown := results(t, get(t, s, "/api/now/table/incident", url.Values{
		"sysparm_query":         {"number=" + SampleSwarmIncident},
		"sysparm_fields":        {"assignment_group"},
		"sysparm_display_value": {"true"},
	}, "basic"))
	assert.Equal(t, SampleSwarmGroup, shown[0].(map[string]any)["assignment_group"].(map[string]any)["display_value"])
}

func TestGroupMembersDotWalked(t *testing.T) {
	s := startServer(t, Options{})
	list := results(t, get(t, s, "/api/now/table/sys_user_grmember", url.Values{
		"sysparm_query":  {"group=" + GroupSysID(SampleSwarmGroup)},
		"sysparm_fields": {"user,user.email,user.name,user.active"},
	}, "basic"))
	var emails []any
	for _, item := range list {
		emails = append(emails, item.(map[string]any)["user.email"])
	}
	assert.Equal(t, []any{swarmStaff[0].Email, swarmStaff[1].Email, swarmCustomer.Email, swarmNoAccount.Email, swarmDeactivated.Email}, emails)

	id := s.PutGroup(Group{Name: "Night shift", Active: true}, User{UserName: "zed", Email: "zed@connect.example.com", Active: false})
	list = results(t, get(t, s, "/api/now/table/sys_user_grmember", url.Values{
		"sysparm_query":  {"group=" + id},
		"sysparm_fields": {"user.name,user.active"},
	}, "basic"))
	assert.Equal(t, []any{map[string]any{"user.name": "zed", "user.active": "false"}}, list)

	one := get(t, s, "/api/now/table/sys_user_group/"+GroupSysID(SampleSwarmGroup), url.Values{"sysparm_fields": {"name,manager.name,active"}}, "basic")
	assert.Equal(t, map[string]any{"name": SampleSwarmGroup, "manager.name": swarmAssignee.Name, "active": "true"}, one.body["result"])
}
