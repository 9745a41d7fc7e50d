package standin

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// cell is one field of a stored row. Ref names the referenced table for reference fields.
type cell struct {
	Value   string
	Display string
	Ref     string
}

func plain(value string) cell { return cell{Value: value, Display: value} }

type row map[string]cell

func (r row) sysID() string { return r["sys_id"].Value }

// table keeps rows in insertion order, which is the order lists come back in.
type table struct {
	name   string
	fields []string
	rows   []row
	index  map[string]int
}

func newTable(name string, fields []string) *table {
	return &table{name: name, fields: fields, index: map[string]int{}}
}

func (t *table) put(r row) {
	if i, ok := t.index[r.sysID()]; ok {
		t.rows[i] = r
		return
	}
	t.index[r.sysID()] = len(t.rows)
	t.rows = append(t.rows, r)
}

func (t *table) get(sysID string) (row, bool) {
	i, ok := t.index[sysID]
	if !ok {
		return nil, false
	}
	return t.rows[i], true
}

func (t *table) removeWhere(drop func(row) bool) {
	kept := t.rows[:0]
	t.index = map[string]int{}
	for _, r := range t.rows {
		if !drop(r) {
			t.index[r.sysID()] = len(kept)
			kept = append(kept, r)
		}
	}
	t.rows = kept
}

func (t *table) hasField(name string) bool {
	for _, f := range t.fields {
		if f == name {
			return true
		}
	}
	return false
}

var (
	taskFields = []string{"sys_id", "number", "short_description", "state", "priority",
		"assigned_to", "assignment_group", "sys_updated_on", "sys_class_name"}
	articleFields = []string{"sys_id", "number", "short_description", "workflow_state",
		"sys_updated_on", "sys_class_name"}
	userFields     = []string{"sys_id", "user_name", "name", "email", "active"}
	roleFields     = []string{"sys_id", "name"}
	roleUserFields = []string{"sys_id", "user", "role"}
)

// TaskTables are the tables that extend task: a query on task returns their records.
var TaskTables = []string{"incident", "problem", "problem_task", "change_request", "change_task",
	"sc_request", "sc_req_item", "sc_task", "task", "sn_customerservice_case"}

// store is the stand-in's database. Its methods expect the server's lock to be held.
type store struct {
	tables map[string]*table
}

func newStore() *store {
	s := &store{tables: map[string]*table{}}
	for _, name := range TaskTables {
		s.tables[name] = newTable(name, taskFields)
	}
	s.tables["kb_knowledge"] = newTable("kb_knowledge", articleFields)
	s.tables["sys_user"] = newTable("sys_user", userFields)
	s.tables["sys_user_role"] = newTable("sys_user_role", roleFields)
	s.tables["sys_user_has_role"] = newTable("sys_user_has_role", roleUserFields)
	s.tables[journalTable] = newTable(journalTable, journalFields)
	s.addGroupTables()
	return s
}

// tableFor returns a table, creating an admin-style custom table with task fields if needed.
func (s *store) tableFor(name string) *table {
	if t, ok := s.tables[name]; ok {
		return t
	}
	t := newTable(name, taskFields)
	s.tables[name] = t
	return t
}

// rows lists what a query on the table sees: the task table sees every task-extending table.
func (s *store) rows(name string) []row {
	if name != "task" {
		return s.tables[name].rows
	}
	var all []row
	for _, t := range TaskTables {
		all = append(all, s.tables[t].rows...)
	}
	return all
}

// field reads a field, dot-walking references (user.email); ok is false when the table has
// no such field.
func (s *store) field(r row, name string) (cell, bool) {
	head, rest, walks := strings.Cut(name, ".")
	c, ok := r[head]
	if !ok || !walks {
		return c, ok
	}
	target, known := s.tables[c.Ref]
	if c.Ref == "" || !known {
		return cell{}, false
	}
	next, found := target.get(c.Value)
	if !found {
		return cell{}, target.hasField(strings.Split(rest, ".")[0])
	}
	return s.field(next, rest)
}

// SampleSysID is the sys_id the stand-in gives a record put without one: 32 hex digits
// derived from the table and number, so tests can predict it.
func SampleSysID(table, number string) string {
	sum := sha256.Sum256([]byte(table + "/" + number))
	return hex.EncodeToString(sum[:16])
}
