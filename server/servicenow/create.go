package servicenow

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// Creating records: POST /api/now/table/{table} with the field values as a JSON object, as
// the Table API documents it; ServiceNow answers 201 with {"result": {...}}, the new record.

// createdFields are read back from a new record: what a card shows, and its caller.
const createdFields = taskFields + ",caller_id"

// MissingFieldsError is ServiceNow refusing a new record because a data policy or a
// mandatory field wants a value the request left out. Error() names the fields by their labels.
type MissingFieldsError struct {
	Table  string
	Fields []string // labels, as ServiceNow named them: "Caller", "Short description"
	cause  *Error
}

func (e *MissingFieldsError) Error() string {
	return "ServiceNow requires " + joinWords(e.Fields) + " for a new " + strings.ReplaceAll(e.Table, "_", " ")
}

// Unwrap gives ServiceNow's own refusal.
func (e *MissingFieldsError) Unwrap() error {
	if e.cause == nil {
		return nil
	}
	return e.cause
}

// joinWords writes "A", "A and B", "A, B and C".
func joinWords(words []string) string {
	switch len(words) {
	case 0:
		return "more fields"
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

var (
	fieldNamePattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,79}$`)
	// A mandatory-field refusal's detail, e.g. "Data Policy Exception: \n\tThe following fields
	// are mandatory: Caller, Short description\n", or "... Caller is mandatory".
	followingMandatory = regexp.MustCompile(`(?i)fields? (?:are|is) mandatory:\s*([^\n]+)`)
	isMandatory        = regexp.MustCompile(`(?im)^\s*(?:data policy exception:\s*)?([A-Za-z][A-Za-z0-9 _-]{0,60}?) is mandatory`)
)

// MissingFields reads the fields a mandatory-field refusal names; nil for any other error.
func MissingFields(e *Error) []string {
	if e == nil || (e.Kind != KindForbidden && e.Kind != KindBadRequest) {
		return nil
	}
	text := e.Message + "\n" + e.Detail
	if !strings.Contains(strings.ToLower(text), "mandatory") {
		return nil
	}
	var fields []string
	if m := followingMandatory.FindStringSubmatch(text); m != nil {
		for _, f := range strings.Split(m[1], ",") {
			if f = strings.TrimSpace(f); f != "" {
				fields = append(fields, f)
			}
		}
		return fields
	}
	for _, m := range isMandatory.FindAllStringSubmatch(text, -1) {
		fields = append(fields, strings.TrimSpace(m[1]))
	}
	if len(fields) == 0 {
		return []string{"more fields"}
	}
	return fields
}

// CreateRecord creates a record in table with fields (field name → value; work_notes and
// comments become its first journal entries) and returns it as a card shows it. It is sent
// once, not retried: a retried POST could create two records, so the caller decides. A
// mandatory field left out comes back as a *MissingFieldsError.
func (c *Client) CreateRecord(ctx context.Context, table string, fields map[string]string) (*Record, error) {
	if !ValidTable(table) || table == "task" {
		return nil, invalid(table, "not a table Connect creates records in")
	}
	for name := range fields {
		if !fieldNamePattern.MatchString(name) {
			return nil, invalid(name, "not a field name")
		}
	}
	body, err := json.Marshal(fields)
	if err != nil {
		return nil, err
	}
	trial, err := c.breaker.allow(c.now())
	if err != nil {
		c.failures.Add(1)
		return nil, err
	}
	resp, err := c.send(ctx, apiRequest{
		path: tablePath(table), method: http.MethodPost, body: body,
		query: url.Values{
			"sysparm_fields":                 {createdFields},
			"sysparm_display_value":          {"all"},
			"sysparm_exclude_reference_link": {"true"},
		},
	}, 1)
	c.breaker.record(c.now(), breakerOutcome(ctx, err), trial)
	if err != nil {
		c.failures.Add(1)
		if e, ok := asError(err); ok {
			if missing := MissingFields(e); missing != nil {
				return nil, &MissingFieldsError{Table: table, Fields: missing, cause: e}
			}
		}
		return nil, err
	}
	row, err := decodeOne(resp.body)
	if err != nil {
		return nil, err
	}
	record := c.toRecord(table, row)
	if !ValidSysID(record.SysID) || record.Number == "" {
		return nil, &Error{Kind: KindBadResponse, Detail: "the new record has no sys_id or number"}
	}
	return &record, nil
}

func decodeOne(body []byte) (map[string]field, error) {
	var one struct {
		Result map[string]field `json:"result"`
	}
	if err := json.Unmarshal(body, &one); err != nil {
		return nil, &Error{Kind: KindBadResponse, cause: err}
	}
	if one.Result == nil {
		return nil, &Error{Kind: KindBadResponse, Detail: `no "result" record`}
	}
	return one.Result, nil
}

// correlationPattern admits the correlation ids Connect puts into a query.
var correlationPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_.:-]{0,99}$`)

// RecordByCorrelation finds the record of table whose correlation_id (a task field meant for
// integrations) is id: the record an earlier attempt created, when its answer was lost.
func (c *Client) RecordByCorrelation(ctx context.Context, table, id string) (*Record, error) {
	switch {
	case !ValidTable(table) || table == "task":
		return nil, invalid(table, "not a table Connect creates records in")
	case !correlationPattern.MatchString(id):
		return nil, invalid(id, "not a correlation id")
	}
	rows, err := c.list(ctx, apiRequest{path: tablePath(table), query: url.Values{
		"sysparm_query":                  {"correlation_id=" + id},
		"sysparm_fields":                 {createdFields},
		"sysparm_display_value":          {"all"},
		"sysparm_exclude_reference_link": {"true"},
		"sysparm_no_count":               {"true"},
		"sysparm_limit":                  {"1"},
	}})
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	record := c.toRecord(table, rows[0])
	return &record, nil
}

// User is a ServiceNow user (sys_user).
type User struct {
	SysID string
	Name  string
	Email string
}

// emailPattern admits the addresses Connect puts into a query: no "^", ",", "=" or spaces.
var emailPattern = regexp.MustCompile(`^[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9.-]{1,255}$`)

// ErrNoUser is UserByEmail finding no active user with the address, or more than one.
var ErrNoUser = errors.New("no single active ServiceNow user has this email address")

// UserByEmail finds the one active sys_user with email (compared without case).
func (c *Client) UserByEmail(ctx context.Context, email string) (User, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if !emailPattern.MatchString(email) {
		return User{}, invalid(email, "not an email address Connect looks up")
	}
	params := url.Values{
		"sysparm_query":         {"email=" + email + "^active=true"},
		"sysparm_fields":        {"sys_id,name,email"},
		"sysparm_display_value": {"false"},
		"sysparm_no_count":      {"true"},
		"sysparm_limit":         {"2"},
	}
	rows, err := c.list(ctx, apiRequest{path: tablePath("sys_user"), query: params})
	if err != nil {
		return User{}, err
	}
	if len(rows) != 1 || !ValidSysID(rows[0]["sys_id"].Value) {
		return User{}, ErrNoUser
	}
	return User{SysID: rows[0]["sys_id"].Value, Name: rows[0]["name"].Value, Email: rows[0]["email"].Value}, nil
}
