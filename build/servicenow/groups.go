package standin

// Groups: sys_user_group (name, manager, email, active) and sys_user_grmember (group, user),
// as the Table API serves them: the record's assignment_group and a member's group and user
// are reference fields ({"link":…,"value":<sys_id>}, display values per sysparm_display_value),
// and sysparm_fields may dot-walk them (user.email).

// The seeded swarm sample: an incident whose assignee and assignment group bring in people of
// every kind. The integration tests create the Mattermost side: SwarmStaff and the assignee are
// staff, SwarmCustomer is not, SwarmNoAccount has no account, SwarmDeactivated is deactivated.
const (
	SampleSwarmIncident = "INC0010003"
	SampleSwarmGroup    = "Major Incident Team"
)

// Group is a sys_user_group record as PutGroup takes it.
type Group struct {
	Name    string
	Manager string // a user name; empty for none
	Email   string
	Active  bool
}

var (
	swarmAssignee    = User{UserName: "nina.patel", Name: "Nina Patel", Email: "nina.patel@connect.example.com", Active: true}
	swarmStaff       = []User{{UserName: "omar.haddad", Name: "Omar Haddad", Email: "omar.haddad@connect.example.com", Active: true}, {UserName: "pia.larsen", Name: "Pia Larsen", Email: "pia.larsen@connect.example.com", Active: true}}
	swarmCustomer    = User{UserName: "rosa.customer", Name: "Rosa Quintero", Email: "rosa.quintero@customer.example.com", Active: true}
	swarmNoAccount   = User{UserName: "sam.noaccount", Name: "Sam Okafor", Email: "sam.okafor@connect.example.com", Active: true}
	swarmDeactivated = User{UserName: "tess.gone", Name: "Tess Ward", Email: "tess.ward@connect.example.com", Active: true}
)

// SwarmAssignee is the seeded swarm incident's assignee .
func SwarmAssignee() User { return swarmAssignee }

// SwarmStaff are the two staff members of the seeded assignment group.
func SwarmStaff() []User { return append([]User(nil), swarmStaff...) }

// SwarmCustomer is the seeded group's member who is a customer, not staff.
func SwarmCustomer() User { return swarmCustomer }

// SwarmNoAccount is the seeded group's member who has no Mattermost account.
func SwarmNoAccount() User { return swarmNoAccount }

// SwarmDeactivated is the seeded group's member whose Mattermost account is deactivated.
func SwarmDeactivated() User { return swarmDeactivated }

var (
	groupFields  = []string{"sys_id", "name", "manager", "email", "active"}
	memberFields = []string{"sys_id", "group", "user"}
)

// PutGroup adds (or replaces) a group with exactly these members, creating the users as
// needed, and returns its sys_id. A record names it by name in Record.AssignmentGroup.
func (s *Server) PutGroup(g Group, members ...User) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.data.putGroup(g, members...)
}

// PutUser adds (or replaces) a sys_user, e.g. an assignee in no group; it returns its sys_id.
func (s *Server) PutUser(u User) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.data.putUser(u).Value
}

// GroupSysID is the sys_id of the group with this name.
func GroupSysID(name string) string { return SampleSysID("sys_user_group", name) }

func (s *store) addGroupTables() {
	s.tables["sys_user_group"] = newTable("sys_user_group", groupFields)
	s.tables["sys_user_grmember"] = newTable("sys_user_grmember", memberFields)
}

func (s *store) putGroup(g Group, members ...User) string {
	id := GroupSysID(g.Name)
	manager := cell{Ref: "sys_user"}
	if g.Manager != "" {
		manager = s.userRef(g.Manager)
	}
	s.tables["sys_user_group"].put(row{
		"sys_id":  plain(id),
		"name":    plain(g.Name),
		"manager": manager,
		"email":   plain(g.Email),
		"active":  plain(boolText(g.Active)),
	})
	groupRef := cell{Ref: "sys_user_group", Value: id, Display: g.Name}
	s.tables["sys_user_grmember"].removeWhere(func(r row) bool { return r["group"].Value == id })
	for _, u := range members {
		userRef := s.putUser(u)
		s.tables["sys_user_grmember"].put(row{
			"sys_id": plain(SampleSysID("sys_user_grmember", id+userRef.Value)),
			"group":  groupRef,
			"user":   userRef,
		})
	}
	return id
}

// groupRef is the assignment_group reference to the group named name, created (without
// members) when there is none yet; empty for no group.
func (s *store) groupRef(name string) cell {
	if name == "" {
		return cell{Ref: "sys_user_group"}
	}
	id := GroupSysID(name)
	if _, ok := s.tables["sys_user_group"].get(id); !ok {
		s.putGroup(Group{Name: name, Active: true})
	}
	return cell{Ref: "sys_user_group", Value: id, Display: name}
}

// seedGroups seeds the swarm sample: the group and its incident. Who is staff is Mattermost's
// side (teams, groups), so no role is granted here and the role holders stay as they were.
func (s *store) seedGroups() {
	s.putUser(swarmAssignee)
	s.putGroup(Group{Name: SampleSwarmGroup, Manager: swarmAssignee.UserName, Email: "major-incident@connect.example.com", Active: true},
		swarmStaff[0], swarmStaff[1], swarmCustomer, swarmNoAccount, swarmDeactivated)
	s.putRecord("incident", Record{Number: SampleSwarmIncident, ShortDescription: "Payroll portal unreachable for all staff",
		State: "2", Priority: "1", AssignedTo: swarmAssignee.UserName, AssignmentGroup: SampleSwarmGroup, UpdatedOn: "2026-11-20 10:02:11"})
}
