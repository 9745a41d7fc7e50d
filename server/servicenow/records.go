package servicenow

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
)

// TaskTables extend task, so one query on the task table finds records of all of them.
var TaskTables = []string{
	"incident", "problem", "problem_task", "change_request", "change_task",
	"sc_request", "sc_req_item", "sc_task", "task", "sn_customerservice_case",
}

const (
	taskFields        = "sys_id,number,short_description,state,priority,assigned_to,sys_updated_on,sys_class_name"
	articleFields     = "sys_id,number,short_description,workflow_state,sys_updated_on,sys_class_name"
	maxKeysPerRequest = 100 // keeps the URL well under the usual 8 KB limits
)

// Validate checks that a key holds only values Connect will put in a query.
func (k RecordKey) Validate() error {
	switch {
	case k.Table != "" && !ValidTable(k.Table):
		return invalid(k.Table, "not a table name")
	case k.Number == "" && k.SysID == "":
		return invalid("", "a record key needs a number or a sys_id")
	case k.Number != "" && !ValidNumber(k.Number):
		return invalid(k.Number, "not a record number")
	case k.SysID != "" && !ValidSysID(k.SysID):
		return invalid(k.SysID, "not a sys_id")
	}
	return nil
}

func (k RecordKey) matches(r Record) bool {
	return k.Number != "" && strings.EqualFold(k.Number, r.Number) || k.SysID != "" && k.SysID == r.SysID
}

// Records looks records up by number or sys_id. Keys on task tables (or with no table) go
// in one request to the task table; other tables get one request each. A record ServiceNow
// does not return is absent from found: that is not an error. An invalid key fails the
// whole call before anything is sent. After a failed request, found holds what earlier
// requests returned.
func (c *Client) Records(ctx context.Context, keys []RecordKey) (found map[RecordKey]Record, err error) {
	groups, err := groupByQueryTable(keys)
	if err != nil {
		return nil, err
	}
	found = make(map[RecordKey]Record, len(keys))
	for _, g := range groups {
		if err := c.fetchGroup(ctx, g, found); err != nil {
			return found, err
		}
	}
	return found, nil
}

type keyGroup struct {
	table string
	keys  []RecordKey
}

// groupByQueryTable validates keys and groups them by the table to query, at most
// maxKeysPerRequest keys a group, keeping the callers' order.
func groupByQueryTable(keys []RecordKey) ([]keyGroup, error) {
	var groups []keyGroup
	open := map[string]int{}
	for _, k := range keys {
		if err := k.Validate(); err != nil {
			return nil, err
		}
		table := queryTable(k.Table)
		i, ok := open[table]
		if !ok || len(groups[i].keys) == maxKeysPerRequest {
			i = len(groups)
			open[table] = i
			groups = append(groups, keyGroup{table: table})
		}
		groups[i].keys = append(groups[i].keys, k)
	}
	return groups, nil
}

func queryTable(table string) string {
	if table == "" || isTaskTable(table) {
		return "task"
	}
	return table
}

func isTaskTable(table string) bool {
	for _, t := range TaskTables {
		if t == table {
			return true
		}
	}
	return false
}

func (c *Client) fetchGroup(ctx context.Context, g keyGroup, found map[RecordKey]Record) error {
	var numbers, sysIDs []string
	for _, k := range g.keys {
		if k.Number != "" {
			numbers = append(numbers, k.Number)
		}
		if k.SysID != "" {
			sysIDs = append(sysIDs, k.SysID)
		}
	}
	query, err := buildRecordQuery(numbers, sysIDs)
	if err != nil {
		return err
	}
	rows, err := c.list(ctx, apiRequest{path: tablePath(g.table), query: recordParams(g.table, query, len(g.keys))})
	if err != nil {
		return err
	}
	for _, row := range rows {
		record := c.toRecord(g.table, row)
		for _, k := range g.keys {
			if k.matches(record) {
				found[k] = record
			}
		}
	}
	return nil
}

func recordParams(table, query string, keys int) url.Values {
	fields := taskFields
	if table == "kb_knowledge" {
		fields = articleFields
	}
	// Room for a number that two tables share, which instances with custom prefixes allow.
	return displayQuery(query, fields, 2*keys)
}

// displayQuery is a Table API query for display and values of fields, without reference links.
func displayQuery(query, fields string, limit int) url.Values {
	return url.Values{
		"sysparm_query":                  {query},
		"sysparm_fields":                 {fields},
		"sysparm_display_value":          {"all"},
		"sysparm_exclude_reference_link": {"true"},
		"sysparm_no_count":               {"true"},
		"sysparm_limit":                  {strconv.Itoa(limit)},
	}
}

func (c *Client) toRecord(queried string, row map[string]field) Record {
	r := Record{
		Table:            row["sys_class_name"].Value,
		SysID:            row["sys_id"].Value,
		Number:           row["number"].text(),
		ShortDescription: row["short_description"].text(),
		State:            row["state"].text(),
		Priority:         row["priority"].text(),
		AssignedTo:       row["assigned_to"].Display,
		UpdatedOn:        row["sys_updated_on"].text(),
		UpdatedAt:        parseTableAPITime(row["sys_updated_on"].Value),
	}
	if r.Table == "" {
		r.Table = queried
	}
	if r.Table == "kb_knowledge" {
		r.State = row["workflow_state"].text()
	}
	r.URL = c.urlFor(r)
	return r
}

// field is one value of a Table API record: a plain string, or with display values
// {"display_value":..,"value":..} (references may add "link").
type field struct {
	Display string
	Value   string
}

func (f field) text() string {
	if f.Display != "" {
		return f.Display
	}
	return f.Value
}

func (f *field) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*f = field{}
		return nil
	}
	var s string
	if json.Unmarshal(b, &s) == nil {
		*f = field{Display: s, Value: s}
		return nil
	}
	var pair struct {
		Display *string `json:"display_value"`
		Value   *string `json:"value"`
	}
	if err := json.Unmarshal(b, &pair); err != nil {
		return err
	}
	*f = field{Display: deref(pair.Display), Value: deref(pair.Value)}
	return nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func decodeList(body []byte) ([]map[string]field, error) {
	var list struct {
		Result *[]map[string]field `json:"result"`
	}
	if err := json.Unmarshal(body, &list); err != nil {
		return nil, &Error{Kind: KindBadResponse, cause: err}
	}
	if list.Result == nil {
		return nil, &Error{Kind: KindBadResponse, Detail: `no "result" list`}
	}
	return *list.Result, nil
}
