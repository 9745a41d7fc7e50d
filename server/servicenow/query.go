package servicenow

import (
	"regexp"
	"strings"
)

// An encoded query has no escaping worth trusting, so only values made of these characters
// ever go into one: no "^", ",", "=", spaces or operators can slip through.
var (
	numberPattern = regexp.MustCompile(`^[A-Z]{2,10}[0-9]{4,12}$`)
	sysIDPattern  = regexp.MustCompile(`^[0-9a-f]{32}$`)
	tablePattern  = regexp.MustCompile(`^[a-z][a-z0-9_]{0,79}$`)
	rolePattern   = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,100}$`)
)

// ValidNumber reports whether s looks like a record number Connect will look up: a
// prefix of 2-10 capital letters and 4-12 digits, e.g. INC0010001.
func ValidNumber(s string) bool { return numberPattern.MatchString(s) }

// ValidSysID reports whether s is a sys_id: 32 lower-case hex digits.
func ValidSysID(s string) bool { return sysIDPattern.MatchString(s) }

// ValidTable reports whether s is a table name Connect will query.
func ValidTable(s string) bool { return tablePattern.MatchString(s) }

// ValidRole reports whether s is a role name Connect will query.
func ValidRole(s string) bool { return rolePattern.MatchString(s) }

// buildRecordQuery matches records by number or sys_id:
// numberIN<a>,<b>^ORsys_idIN<x>,<y>. Every value is checked; duplicates are dropped.
func buildRecordQuery(numbers, sysIDs []string) (string, error) {
	if len(numbers) == 0 && len(sysIDs) == 0 {
		return "", invalid("", "no record number or sys_id to look up")
	}
	if err := checkAll(numbers, ValidNumber, "record number"); err != nil {
		return "", err
	}
	if err := checkAll(sysIDs, ValidSysID, "sys_id"); err != nil {
		return "", err
	}
	var parts []string
	if len(numbers) > 0 {
		parts = append(parts, "numberIN"+joinUnique(numbers))
	}
	if len(sysIDs) > 0 {
		parts = append(parts, "sys_idIN"+joinUnique(sysIDs))
	}
	return strings.Join(parts, "^OR"), nil
}

// buildRoleQuery finds active users holding any of the roles, in a stable order for paging.
func buildRoleQuery(roles []string) (string, error) {
	if len(roles) == 0 {
		return "", invalid("", "no role to look up")
	}
	if err := checkAll(roles, ValidRole, "role name"); err != nil {
		return "", err
	}
	return "role.nameIN" + joinUnique(roles) + "^user.active=true^ORDERBYsys_id", nil
}

// buildGroupMemberQuery finds the members of one group: group=<sys_id>, in a stable order.
func buildGroupMemberQuery(groupID string) (string, error) {
	if err := checkAll([]string{groupID}, ValidSysID, "group sys_id"); err != nil {
		return "", err
	}
	return "group=" + groupID + "^ORDERBYsys_id", nil
}

func checkAll(values []string, valid func(string) bool, noun string) error {
	for _, v := range values {
		switch {
		case v == "":
			return invalid("", "empty "+noun)
		case !valid(v):
			return invalid(v, "not a "+noun)
		}
	}
	return nil
}

func joinUnique(values []string) string {
	seen := make(map[string]bool, len(values))
	unique := make([]string, 0, len(values))
	for _, v := range values {
		if !seen[v] {
			seen[v] = true
			unique = append(unique, v)
		}
	}
	return strings.Join(unique, ",")
}
