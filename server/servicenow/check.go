package servicenow

import (
	"context"
	"fmt"
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

// Summary says what the check found, for the admin who ran it.
func (r CheckReport) Summary() string {
	return fmt.Sprintf("Connected to %s (%s authentication) in %d ms: %s.",
		r.InstanceURL, r.AuthMode, r.Latency.Milliseconds(), r.findings())
}

func (r CheckReport) findings() string {
	switch {
	case r.TaskCount >= 0 && r.SampleNumber != "":
		return fmt.Sprintf("Connect can read %d task records, for example %s", r.TaskCount, r.SampleNumber)
	case r.SampleNumber != "":
		return "Connect can read task records, for example " + r.SampleNumber
	}
	return "the credentials work, but Connect sees no task records: check the integration user's roles (it needs read access to task and its child tables)"
}
