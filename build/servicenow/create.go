package standin

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/pkg/errors"
)

// Record creation as the Table API documents it: POST /api/now/table/{table} with a JSON
// object of field values answers 201 with {"result": {...}}, the new record rendered as a GET
// would (sysparm_display_value, sysparm_fields, sysparm_exclude_reference_link), its sys_id
// generated and its number the table's prefix and next number. work_notes and comments in the
// body become the record's first journal entries, written by the calling user. A mandatory
// field left empty (a data policy) is refused with 403, as an instance does:
// {"error":{"message":"Operation Failed","detail":"Data Policy Exception: \n\tThe following
// fields are mandatory: Caller\n"},"status":"failure"}, and nothing is created.
// (ServiceNow's REST status list: 403 is "not permitted for the user ... caused by ACL failures,
// or business rule or data policy constraints"; the detail names the fields by label. The
// client also reads the other wording instances use, "<Label> is mandatory".)

// DefaultMandatory are the fields each table requires of a new record unless
// SetMandatory says otherwise.
var DefaultMandatory = map[string][]string{"incident": {"short_description", "caller_id"}}

// fieldLabels are the labels a data policy names fields by, as a stock instance shows them.
var fieldLabels = map[string]string{
	"short_description": "Short description", "caller_id": "Caller", "description": "Description",
	"assigned_to": "Assigned to", "assignment_group": "Assignment group", "priority": "Priority",
	"state": "State", "category": "Category", "urgency": "Urgency", "impact": "Impact",
}

// createPrefixes number new records per table (the defaults of Number Maintenance).
var createPrefixes = map[string]string{
	"incident": "INC", "problem": "PRB", "problem_task": "PTASK", "change_request": "CHG",
	"change_task": "CTASK", "sc_request": "REQ", "sc_req_item": "RITM", "sc_task": "SCTASK",
	"task": "TASK", "kb_knowledge": "KB", "sn_customerservice_case": "CS",
}

// createdFields are the fields a new record keeps besides the task fields; other fields in
// the body are ignored, as ServiceNow ignores fields a table does not have.
var createdFields = []string{"caller_id", "description", "category", "urgency", "impact", "correlation_id", "correlation_display", "sys_created_on", "sys_created_by"}

// SetMandatory makes fields mandatory for new records of table (none: nothing is).
func (s *Server) SetMandatory(table string, fields ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mandatoryFields()[table] = append([]string(nil), fields...)
}

func (s *Server) mandatoryFields() map[string][]string {
	if s.mandatory == nil {
		s.mandatory = map[string][]string{}
		for table, fields := range DefaultMandatory {
			s.mandatory[table] = append([]string(nil), fields...)
		}
	}
	return s.mandatory
}

// Created is a record made through the Table API, as tests read it back.
type Created struct {
	Table            string
	SysID            string
	Number           string
	ShortDescription string
	CallerID         string // the caller's sys_user sys_id
	Caller           string // the caller's name
	CreatedBy        string
}

// CreatedRecords lists the records made through POST, oldest first.
func (s *Server) CreatedRecords() []Created {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Created
	for _, name := range s.createdOrder {
		t := s.data.tables[name.table]
		r, ok := t.get(name.sysID)
		if !ok {
			continue
		}
		out = append(out, Created{
			Table: name.table, SysID: r.sysID(), Number: r["number"].Value, ShortDescription: r["short_description"].Value,
			CallerID: r["caller_id"].Value, Caller: r["caller_id"].Display, CreatedBy: r["sys_created_by"].Value,
		})
	}
	return out
}

type createdRef struct{ table, sysID string }

func (s *Server) handleCreate(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("table")
	var values map[string]any
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&values); err != nil {
		writeError(w, http.StatusBadRequest, "Exception while reading request", "The payload is not valid JSON.")
		return
	}
	fields := map[string]string{}
	for field, value := range values {
		switch v := value.(type) {
		case string:
			fields[field] = v
		case nil:
		default:
			fields[field] = fmt.Sprint(v)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.data.tables[name]; !ok || name == journalTable {
		writeError(w, http.StatusBadRequest, "Invalid table "+name, "")
		return
	}
	if missing := s.missingMandatory(name, fields); len(missing) > 0 {
		writeError(w, http.StatusForbidden, "Operation Failed",
			"Data Policy Exception: \n\tThe following fields are mandatory: "+strings.Join(missing, ", ")+"\n")
		return
	}
	user, _, _ := r.BasicAuth()
	record, err := s.data.create(name, fields, user)
	if err != nil {
		writeError(w, http.StatusBadRequest, "Operation Failed", err.Error())
		return
	}
	s.createdOrder = append(s.createdOrder, createdRef{table: name, sysID: record.sysID()})
	w.Header().Set("Location", s.url+tablePath+name+"/"+record.sysID())
	writeJSON(w, http.StatusCreated, map[string]any{"result": s.data.render(record, newView(s.url, r.URL.Query()))})
}

// missingMandatory names, by label, the mandatory fields the new record would leave empty.
func (s *Server) missingMandatory(table string, fields map[string]string) []string {
	var missing []string
	for _, field := range s.mandatoryFields()[table] {
		if strings.TrimSpace(fields[field]) == "" {
			missing = append(missing, labelOr(fieldLabels, field))
		}
	}
	return missing
}

// create stores a new record with the next number of the table's prefix.
func (s *store) create(table string, fields map[string]string, user string) (row, error) {
	number := s.nextNumber(table)
	now := Now()
	sysID := SampleSysID(table, number+"/created")
	rec := s.recordRow(table, Record{SysID: sysID, Number: number, ShortDescription: fields["short_description"],
		State: orDefault(fields["state"], "1"), Priority: orDefault(fields["priority"], "4"), UpdatedOn: now})
	if who := fields["assigned_to"]; who != "" {
		rec["assigned_to"] = s.userRef(who)
	}
	if group := fields["assignment_group"]; group != "" {
		rec["assignment_group"] = s.assignmentGroup(group)
	}
	rec["caller_id"] = cell{Ref: "sys_user"}
	if caller := fields["caller_id"]; caller != "" {
		ref := s.userRef(caller)
		if ref.Value == caller && !s.hasUser(caller) {
			return nil, errors.Errorf("Invalid reference: caller_id %s is not a sys_user", caller)
		}
		rec["caller_id"] = ref
	}
	for _, field := range createdFields {
		if value, ok := fields[field]; ok && field != "caller_id" {
			rec[field] = plain(value)
		}
	}
	rec["sys_created_on"], rec["sys_created_by"] = plain(now), plain(user)
	s.tableFor(table).put(rec)
	for _, element := range []string{"work_notes", "comments"} {
		if text := fields[element]; strings.TrimSpace(text) != "" {
			s.addJournal(table, rec, Journal{Element: element, Value: text, CreatedBy: user, CreatedOn: now})
		}
	}
	return rec, nil
}

func (s *store) hasUser(sysID string) bool {
	_, ok := s.tables["sys_user"].get(sysID)
	return ok
}

var trailingDigits = regexp.MustCompile(`^([A-Z]+)([0-9]+)$`)

// nextNumber is the table's prefix and one more than the highest number it has (7 digits,
// from 0010001 when it has none).
func (s *store) nextNumber(table string) string {
	prefix := orDefault(createPrefixes[table], "TASK")
	highest, width := 10000, 7
	for _, t := range s.tables {
		for _, r := range t.rows {
			m := trailingDigits.FindStringSubmatch(r["number"].Value)
			if m == nil || m[1] != prefix {
				continue
			}
			if n, err := strconv.Atoi(m[2]); err == nil && n > highest && n < 10000000 {
				highest, width = n, len(m[2])
			}
		}
	}
	return fmt.Sprintf("%s%0*d", prefix, width, highest+1)
}

// assignmentGroup is the reference a create's assignment_group names: a group's sys_id, or
// (as the Table API also takes) its name.
func (s *store) assignmentGroup(value string) cell {
	if group, ok := s.tables["sys_user_group"].get(value); ok {
		return cell{Ref: "sys_user_group", Value: value, Display: group["name"].Value}
	}
	return s.groupRef(value)
}
