package standin

import "strings"

// Record is a record as PutRecord takes it; every value is a plain string.
type Record struct {
	SysID            string // 32 hex digits; SampleSysID(table, Number) when empty
	Number           string
	ShortDescription string
	State            string // the value, e.g. "2"; for kb_knowledge the workflow_state, e.g. "published"
	StateDisplay     string // the label; the table's stock label for State when empty
	Priority         string // "1" to "5"; shown as "1 - Critical" ... "5 - Planning"
	AssignedTo       string // a sys_user sys_id, user name or display name, or any display text
	AssignmentGroup  string // the assignment group's name
	UpdatedOn        string // "2026-11-20 09:14:03"; defaultUpdatedOn when empty
}

// User is a sys_user record.
type User struct {
	UserName string
	Name     string // display name; UserName when empty
	Email    string
	Active   bool
}

const defaultUpdatedOn = "2026-11-20 09:14:03"

// PutRecord adds a record to a table, or replaces the one with the same sys_id. A table
// the stand-in does not know is created with task fields, like an admin-mapped custom table.
func (s *Server) PutRecord(table string, r Record) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.data.putRecord(table, r)
}

// DeleteRecord removes a record; it reports whether there was one.
func (s *Server) DeleteRecord(table, sysID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.data.tables[table]
	if !ok {
		return false
	}
	_, found := t.get(sysID)
	t.removeWhere(func(r row) bool { return r.sysID() == sysID })
	return found
}

// Find returns the table and sys_id of the record with this number.
func (s *Server) Find(number string) (table, sysID string, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for name, t := range s.data.tables {
		for _, r := range t.rows {
			if r["number"].Value == number {
				return name, r.sysID(), true
			}
		}
	}
	return "", "", false
}

// SetRoleHolders makes exactly these users hold the role, creating users and role as needed.
func (s *Server) SetRoleHolders(role string, users ...User) {
	s.mu.Lock()
	defer s.mu.Unlock()
	roleID := s.data.putRole(role)
	s.data.tables["sys_user_has_role"].removeWhere(func(r row) bool { return r["role"].Value == roleID })
	for _, u := range users {
		s.data.grant(role, u)
	}
}

// AddRoleHolder gives one more user the role.
func (s *Server) AddRoleHolder(role string, u User) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.data.grant(role, u)
}

// SetUserActive activates or deactivates a user; it reports whether the user exists.
func (s *Server) SetUserActive(userName string, active bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	users := s.data.tables["sys_user"]
	r, ok := users.get(SampleSysID("sys_user", userName))
	if !ok {
		return false
	}
	r["active"] = plain(boolText(active))
	return true
}

func (s *store) putRecord(table string, r Record) {
	if r.SysID == "" {
		r.SysID = SampleSysID(table, r.Number)
	}
	if r.UpdatedOn == "" {
		r.UpdatedOn = defaultUpdatedOn
	}
	s.tableFor(table).put(s.recordRow(table, r))
}

func (s *store) recordRow(table string, r Record) row {
	state := cell{Value: r.State, Display: r.StateDisplay}
	if state.Display == "" {
		state.Display = stateLabel(table, r.State)
	}
	out := row{
		"sys_id":            plain(r.SysID),
		"number":            plain(r.Number),
		"short_description": plain(r.ShortDescription),
		"sys_updated_on":    plain(r.UpdatedOn),
		"sys_class_name":    cell{Value: table, Display: labelOr(classLabels, table)},
	}
	if table == "kb_knowledge" {
		out["workflow_state"] = state
		return out
	}
	out["state"] = state
	out["correlation_id"] = plain("") // set by integrations that create records (create.go)
	out["priority"] = cell{Value: r.Priority, Display: labelOr(priorityLabels, r.Priority)}
	out["assigned_to"] = s.userRef(r.AssignedTo)
	out["assignment_group"] = s.groupRef(r.AssignmentGroup)
	return out
}

// userRef finds the user an AssignedTo names; text naming no user is kept as the display value.
func (s *store) userRef(who string) cell {
	ref := cell{Ref: "sys_user", Value: who, Display: who}
	if who == "" {
		return ref
	}
	for _, u := range s.tables["sys_user"].rows {
		if u.sysID() == who || strings.EqualFold(u["user_name"].Value, who) || u["name"].Value == who {
			return cell{Ref: "sys_user", Value: u.sysID(), Display: u["name"].Value}
		}
	}
	return ref
}

func (s *store) putUser(u User) cell {
	id := SampleSysID("sys_user", u.UserName)
	name := u.Name
	if name == "" {
		name = u.UserName
	}
	s.tables["sys_user"].put(row{
		"sys_id":    plain(id),
		"user_name": plain(u.UserName),
		"name":      plain(name),
		"email":     plain(u.Email),
		"active":    plain(boolText(u.Active)),
	})
	return cell{Ref: "sys_user", Value: id, Display: name}
}

func (s *store) putRole(name string) string {
	id := SampleSysID("sys_user_role", name)
	s.tables["sys_user_role"].put(row{"sys_id": plain(id), "name": plain(name)})
	return id
}

func (s *store) grant(role string, u User) {
	roleRef := cell{Ref: "sys_user_role", Value: s.putRole(role), Display: role}
	userRef := s.putUser(u)
	s.tables["sys_user_has_role"].put(row{
		"sys_id": plain(SampleSysID("sys_user_has_role", userRef.Value+roleRef.Value)),
		"user":   userRef,
		"role":   roleRef,
	})
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
