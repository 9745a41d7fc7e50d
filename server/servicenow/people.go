package servicenow

import (
	"context"
	"net/url"
	"strconv"
	"strings"
)

// Person is a ServiceNow user a record names: its assignee or a member of its assignment group.
type Person struct {
	SysID    string
	UserName string
	Name     string
	Email    string // lower-cased; "" when ServiceNow has none
	Active   bool
}

// RecordPeople is a record with the people it names: its assignee (nil when unassigned) and
// the members of its assignment group (none without a group).
type RecordPeople struct {
	Record          Record
	AssignmentGroup string // display value
	Assignee        *Person
	Members         []Person
}

const (
	peopleRecordFields = taskFields + ",assignment_group,assigned_to.user_name,assigned_to.name,assigned_to.email,assigned_to.active"
	groupMemberFields  = "user,user.user_name,user.name,user.email,user.active"
	// maxGroupMembers bounds one assignment group's members read for a record.
	maxGroupMembers = 500
)

// RecordPeople reads a record, by number or sys_id, with its assignee, then the members of its
// assignment group: one Table API query each. ok is false when ServiceNow returns no record.
func (c *Client) RecordPeople(ctx context.Context, key RecordKey) (people RecordPeople, ok bool, err error) {
	if err := key.Validate(); err != nil {
		return RecordPeople{}, false, err
	}
	var numbers, sysIDs []string
	if key.SysID != "" {
		sysIDs = []string{key.SysID}
	} else {
		numbers = []string{key.Number}
	}
	query, err := buildRecordQuery(numbers, sysIDs)
	if err != nil {
		return RecordPeople{}, false, err
	}
	rows, err := c.list(ctx, apiRequest{path: tablePath(queryTable(key.Table)), query: displayQuery(query, peopleRecordFields, 1)})
	if err != nil || len(rows) == 0 {
		return RecordPeople{}, false, err
	}
	row := rows[0]
	people = RecordPeople{Record: c.toRecord(key.Table, row), AssignmentGroup: row["assignment_group"].Display}
	if id := row["assigned_to"].Value; id != "" {
		people.Assignee = &Person{
			SysID: id, UserName: row["assigned_to.user_name"].Value, Name: row["assigned_to"].Display,
			Email: normalEmail(row["assigned_to.email"].Value), Active: row["assigned_to.active"].Value == "true",
		}
	}
	if group := row["assignment_group"].Value; group != "" {
		if people.Members, err = c.groupMembers(ctx, group); err != nil {
			return RecordPeople{}, false, err
		}
	}
	return people, true, nil
}

// groupMembers lists the users of one sys_user_group (sys_user_grmember, user dot-walked).
func (c *Client) groupMembers(ctx context.Context, groupID string) ([]Person, error) {
	query, err := buildGroupMemberQuery(groupID)
	if err != nil {
		return nil, err
	}
	params := url.Values{
		"sysparm_query":                  {query},
		"sysparm_fields":                 {groupMemberFields},
		"sysparm_display_value":          {"all"},
		"sysparm_exclude_reference_link": {"true"},
		"sysparm_no_count":               {"true"},
		"sysparm_limit":                  {strconv.Itoa(maxGroupMembers)},
	}
	rows, err := c.list(ctx, apiRequest{path: tablePath("sys_user_grmember"), query: params})
	if err != nil {
		return nil, err
	}
	members := make([]Person, 0, len(rows))
	seen := map[string]bool{}
	for _, row := range rows {
		id := row["user"].Value
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		members = append(members, Person{
			SysID: id, UserName: row["user.user_name"].Value, Name: row["user.name"].text(),
			Email: normalEmail(row["user.email"].Value), Active: row["user.active"].Value == "true",
		})
	}
	return members, nil
}

func normalEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }
