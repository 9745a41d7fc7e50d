package servicenow

import (
	"context"
	"net/url"
	"strconv"
	"time"
)

// CheckReport is what Check found.
type CheckReport struct {
	InstanceURL  string
	AuthMode     AuthMode
	TaskCount    int    // records in the task table the credentials can see; -1 when not reported
	SampleNumber string // one of them, e.g. INC0010001; "" when none
	SampleTable  string // its table, e.g. incident
	Latency      time.Duration
}

// Check proves the instance answers and accepts the credentials by reading one task. It
// makes a single attempt and bypasses the circuit breaker: it is for an admin testing the
// settings, who wants ServiceNow's answer now.
func (c *Client) Check(ctx context.Context) (CheckReport, error) {
	report := CheckReport{InstanceURL: c.base, AuthMode: c.cfg.AuthMode, TaskCount: -1}
	params := url.Values{"sysparm_limit": {"1"}, "sysparm_fields": {"number,sys_class_name"}}
	start := time.Now()
	resp, err := c.send(ctx, apiRequest{path: tablePath("task"), query: params}, 1)
	report.Latency = time.Since(start)
	if err != nil {
		c.failures.Add(1)
		return report, err
	}
	rows, err := decodeList(resp.body)
	if err != nil {
		c.failures.Add(1)
		return report, err
	}
	if n, err := strconv.Atoi(resp.header.Get("X-Total-Count")); err == nil {
		report.TaskCount = n
	}
	if len(rows) > 0 {
		report.SampleNumber, report.SampleTable = rows[0]["number"].Value, rows[0]["sys_class_name"].Value
	}
	return report, nil
}
