package servicenow

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

const (
	roleHolderFields = "user.user_name,user.email,role.name"
	maxRolePages     = 100
)

// RoleHolders lists the active users holding any of the roles, one entry per user and
// role, reading sys_user_has_role page by page; no roles, no holders. Users without an email are left out;
// emails are lower-cased.
func (c *Client) RoleHolders(ctx context.Context, roles []string) ([]RoleHolder, error) {
	if len(roles) == 0 {
		return nil, nil
	}
	query, err := buildRoleQuery(roles)
	if err != nil {
		return nil, err
	}
	var holders []RoleHolder
	seen := map[RoleHolder]bool{}
	for page := 0; page < maxRolePages; page++ {
		rows, err := c.roleHolderPage(ctx, query, page*c.pageSize)
		if err != nil {
			return nil, err
		}
		holders = appendHolders(holders, seen, rows)
		if len(rows) < c.pageSize {
			return holders, nil
		}
	}
	return holders, fmt.Errorf("ServiceNow lists more than %d role holders; Connect read only that many", maxRolePages*c.pageSize)
}

func (c *Client) roleHolderPage(ctx context.Context, query string, offset int) ([]map[string]field, error) {
	params := url.Values{
		"sysparm_query":         {query},
		"sysparm_fields":        {roleHolderFields},
		"sysparm_display_value": {"false"},
		"sysparm_limit":         {strconv.Itoa(c.pageSize)},
		"sysparm_offset":        {strconv.Itoa(offset)},
	}
	return c.list(ctx, apiRequest{path: tablePath("sys_user_has_role"), query: params})
}

// appendHolders skips users without an email and repeats (a role can be granted twice,
// directly and through a group).
func appendHolders(holders []RoleHolder, seen map[RoleHolder]bool, rows []map[string]field) []RoleHolder {
	for _, row := range rows {
		h := RoleHolder{
			UserName: row["user.user_name"].Value,
			Email:    strings.ToLower(strings.TrimSpace(row["user.email"].Value)),
			Role:     row["role.name"].Value,
		}
		if h.Email == "" || seen[h] {
			continue
		}
		seen[h] = true
		holders = append(holders, h)
	}
	return holders
}
