package servicenow

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Followed is a followed record as its updates describe it: display values, and the
// record's last update time as ServiceNow stores it (UTC, "2026-11-20 09:14:03").
type Followed struct {
	Table            string
	SysID            string
	Number           string
	ShortDescription string
	State            string
	Priority         string
	AssignedTo       string
	AssignmentGroup  string
	UpdatedOn        string
}

// JournalEntry is one comment or work note on a record (sys_journal_field).
type JournalEntry struct {
	SysID     string
	RecordID  string // the record's sys_id (element_id)
	Element   string // comments or work_notes
	Value     string
	CreatedBy string
	CreatedOn string // UTC, as ServiceNow stores it
}

const (
	followedFields = "sys_id,number,short_description,state,priority,assigned_to,assignment_group,sys_updated_on,sys_class_name"
	journalFields  = "sys_id,element_id,element,value,sys_created_by,sys_created_on"
	// TimeLayout is how ServiceNow writes date-times in queries and values.
	TimeLayout = "2006-01-02 15:04:05"
)

// FollowedRecord reads one record, by number or sys_id, with what its updates show.
func (c *Client) FollowedRecord(ctx context.Context, key RecordKey) (Followed, bool, error) {
	if err := key.Validate(); err != nil {
		return Followed{}, false, err
	}
	var numbers, sysIDs []string
	if key.Number != "" {
		numbers = []string{key.Number}
	} else {
		sysIDs = []string{key.SysID}
	}
	query, err := buildRecordQuery(numbers, sysIDs)
	if err != nil {
		return Followed{}, false, err
	}
	rows, err := c.list(ctx, apiRequest{path: tablePath(queryTable(key.Table)), query: followParams(query, 2)})
	if err != nil || len(rows) == 0 {
		return Followed{}, false, err
	}
	return toFollowed(key.Table, rows[0]), true, nil
}

// ChangedRecords reads the records among sysIDs (all on task tables) updated after since,
// in requests of at most 100 sys_ids: sys_idIN…^sys_updated_on>since.
func (c *Client) ChangedRecords(ctx context.Context, sysIDs []string, since time.Time) ([]Followed, error) {
	var changed []Followed
	for _, batch := range batches(sysIDs) {
		if err := checkAll(batch, ValidSysID, "sys_id"); err != nil {
			return changed, err
		}
		query := "sys_idIN" + joinUnique(batch) + "^sys_updated_on>" + since.UTC().Format(TimeLayout)
		rows, err := c.list(ctx, apiRequest{path: tablePath("task"), query: followParams(query, len(batch))})
		if err != nil {
			return changed, err
		}
		for _, row := range rows {
			changed = append(changed, toFollowed("", row))
		}
	}
	return changed, nil
}

// JournalSince reads the comments and work notes on recordIDs created after since, oldest
// first, in requests of at most 100 records.
func (c *Client) JournalSince(ctx context.Context, recordIDs []string, since time.Time) ([]JournalEntry, error) {
	var entries []JournalEntry
	for _, batch := range batches(recordIDs) {
		if err := checkAll(batch, ValidSysID, "sys_id"); err != nil {
			return entries, err
		}
		query := "element_idIN" + joinUnique(batch) + "^elementINcomments,work_notes^sys_created_on>" +
			since.UTC().Format(TimeLayout) + "^ORDERBYsys_created_on"
		params := url.Values{
			"sysparm_query":    {query},
			"sysparm_fields":   {journalFields},
			"sysparm_no_count": {"true"},
			"sysparm_limit":    {strconv.Itoa(journalLimit)},
		}
		rows, err := c.list(ctx, apiRequest{path: tablePath("sys_journal_field"), query: params})
		if err != nil {
			return entries, err
		}
		for _, row := range rows {
			entries = append(entries, JournalEntry{
				SysID: row["sys_id"].Value, RecordID: row["element_id"].Value, Element: row["element"].Value,
				Value: row["value"].Value, CreatedBy: row["sys_created_by"].Value, CreatedOn: row["sys_created_on"].Value,
			})
		}
	}
	return entries, nil
}

// Journal fields a message can be written to.
const (
	WorkNotes = "work_notes"
	Comments  = "comments"
)

// AddJournal writes text to a record as a work note or comment (a PATCH of that field). It is
// sent once, not retried: the caller queues and retries, and a retried PATCH could write twice.
func (c *Client) AddJournal(ctx context.Context, table, sysID, element, text string) error {
	switch {
	case !ValidTable(table):
		return invalid(table, "not a table name")
	case !ValidSysID(sysID):
		return invalid(sysID, "not a sys_id")
	case element != WorkNotes && element != Comments:
		return invalid(element, "not work_notes or comments")
	}
	body, err := json.Marshal(map[string]string{element: text})
	if err != nil {
		return err
	}
	trial, err := c.breaker.allow(c.now())
	if err != nil {
		c.failures.Add(1)
		return err
	}
	_, err = c.send(ctx, apiRequest{
		path: tablePath(table) + "/" + sysID, method: http.MethodPatch, body: body,
		query: url.Values{"sysparm_fields": {"sys_id"}},
	}, 1)
	c.breaker.record(c.now(), breakerOutcome(ctx, err), trial)
	if err != nil {
		c.failures.Add(1)
	}
	return err
}

// journalLimit bounds one poll's entries per batch; more wait for the next poll.
const journalLimit = 1000

func batches(ids []string) [][]string {
	var out [][]string
	for len(ids) > 0 {
		n := min(len(ids), maxKeysPerRequest)
		out = append(out, ids[:n])
		ids = ids[n:]
	}
	return out
}

func followParams(query string, limit int) url.Values {
	return displayQuery(query, followedFields, limit)
}

func toFollowed(queried string, row map[string]field) Followed {
	f := Followed{
		Table:            row["sys_class_name"].Value,
		SysID:            row["sys_id"].Value,
		Number:           row["number"].text(),
		ShortDescription: row["short_description"].text(),
		State:            row["state"].text(),
		Priority:         row["priority"].text(),
		AssignedTo:       row["assigned_to"].Display,
		AssignmentGroup:  row["assignment_group"].Display,
		UpdatedOn:        row["sys_updated_on"].Value,
	}
	if f.Table == "" {
		f.Table = strings.TrimSpace(queried)
	}
	return f
}
