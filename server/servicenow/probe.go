package servicenow

import (
	"context"
	"net/url"
	"strconv"
)

// Problem is why the settings give no client (an unusable instance URL, say); "" otherwise.
func (h *Holder) Problem() string {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return h.problem
}

// CheckRoles proves the credentials can read who holds roles (sys_user_has_role), as the role
// sync does, and counts the holders. Like Check, it makes a single attempt and bypasses the
// circuit breaker: an admin testing the settings wants ServiceNow's answer now.
func (c *Client) CheckRoles(ctx context.Context, roles []string) (holders int, err error) {
	query, err := buildRoleQuery(roles)
	if err != nil {
		return -1, err
	}
	params := url.Values{"sysparm_query": {query}, "sysparm_fields": {"sys_id"}, "sysparm_limit": {"1"}}
	resp, err := c.send(ctx, apiRequest{path: tablePath("sys_user_has_role"), query: params}, 1)
	if err != nil {
		c.failures.Add(1)
		return -1, err
	}
	if _, err := decodeList(resp.body); err != nil {
		c.failures.Add(1)
		return -1, err
	}
	if n, convErr := strconv.Atoi(resp.header.Get("X-Total-Count")); convErr == nil {
		return n, nil
	}
	return -1, nil
}
