package standin

import (
	"strconv"
	"strings"
)

// Condition is one field test of an encoded query, e.g. numberININC0010001,INC0010002.
type Condition struct {
	Field    string
	Operator string
	Value    string
}

// Query is a parsed encoded query. Every group must match; a group matches when any of its
// conditions does: "^" starts a new group, "^OR" adds a condition to the group before it.
type Query struct {
	Groups  [][]Condition
	OrderBy []string // field names; a descending one is prefixed with "-"
	Ignored []string // parts ServiceNow would ignore (invalid, or not supported here)
}

// Longest first, so that NOT IN is not read as an unknown operator and ISNOTEMPTY not as IS...
var operators = []string{
	"NOT IN", "NOTLIKE", "STARTSWITH", "ENDSWITH", "ISNOTEMPTY", "ISEMPTY",
	"LIKE", "IN", "!=", ">=", "<=", "=", ">", "<",
}

// ParseQuery reads an encoded query the way ServiceNow does: parts it cannot read are
// ignored, not rejected.
func ParseQuery(encoded string) Query {
	var q Query
	lastGroup := -1
	for _, part := range strings.Split(encoded, "^") {
		lastGroup = q.add(part, lastGroup)
	}
	return q
}

// add files one "^"-separated part and returns the group a following ^OR part joins (-1: none).
func (q *Query) add(part string, lastGroup int) int {
	switch {
	case part == "" || part == "EQ":
		return lastGroup
	case strings.HasPrefix(part, "ORDERBYDESC"):
		q.OrderBy = append(q.OrderBy, "-"+strings.TrimPrefix(part, "ORDERBYDESC"))
		return -1
	case strings.HasPrefix(part, "ORDERBY"):
		q.OrderBy = append(q.OrderBy, strings.TrimPrefix(part, "ORDERBY"))
		return -1
	case strings.HasPrefix(part, "OR") && lastGroup >= 0:
		if c, ok := parseCondition(strings.TrimPrefix(part, "OR")); ok {
			q.Groups[lastGroup] = append(q.Groups[lastGroup], c)
			return lastGroup
		}
	default:
		if c, ok := parseCondition(strings.TrimPrefix(part, "OR")); ok {
			q.Groups = append(q.Groups, []Condition{c})
			return len(q.Groups) - 1
		}
	}
	q.Ignored = append(q.Ignored, part)
	return -1
}

// parseCondition splits "fieldOPvalue": field names are lower case, operators are upper
// case or symbols, so the field ends where the operator starts.
func parseCondition(s string) (Condition, bool) {
	end := strings.IndexFunc(s, func(r rune) bool { return !isFieldRune(r) })
	if end <= 0 {
		return Condition{}, false
	}
	rest := s[end:]
	for _, op := range operators {
		if strings.HasPrefix(rest, op) {
			return Condition{Field: s[:end], Operator: op, Value: rest[len(op):]}, true
		}
	}
	return Condition{}, false
}

func isFieldRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '.'
}

// Matches reports whether a record matches. field returns a field's value and whether the
// table has that field: conditions on unknown fields are ignored, as ServiceNow does.
func (q Query) Matches(field func(name string) (string, bool)) bool {
	for _, group := range q.Groups {
		if !groupMatches(group, field) {
			return false
		}
	}
	return true
}

func groupMatches(group []Condition, field func(string) (string, bool)) bool {
	known := false
	for _, c := range group {
		value, ok := field(c.Field)
		if !ok {
			continue
		}
		known = true
		if c.Matches(value) {
			return true
		}
	}
	return !known
}

// Matches tests one field value. Text comparisons ignore case, as on most instances.
func (c Condition) Matches(value string) bool {
	v, want := strings.ToLower(value), strings.ToLower(c.Value)
	switch c.Operator {
	case "=":
		return v == want
	case "!=":
		return v != want
	case "IN":
		return inList(v, want)
	case "NOT IN":
		return !inList(v, want)
	case "LIKE":
		return strings.Contains(v, want)
	case "NOTLIKE":
		return !strings.Contains(v, want)
	case "STARTSWITH":
		return strings.HasPrefix(v, want)
	case "ENDSWITH":
		return strings.HasSuffix(v, want)
	case "ISEMPTY":
		return v == ""
	case "ISNOTEMPTY":
		return v != ""
	default:
		return compares(c.Operator, v, want)
	}
}

func inList(value, list string) bool {
	for _, item := range strings.Split(list, ",") {
		if item != "" && item == value {
			return true
		}
	}
	return false
}

// compares handles <, >, <= and >=: numerically when both sides are numbers, else as text
// (which orders "2026-11-20 09:14:03" date-times correctly).
func compares(op, value, want string) bool {
	order := strings.Compare(value, want)
	a, errA := strconv.ParseFloat(value, 64)
	b, errB := strconv.ParseFloat(want, 64)
	if errA == nil && errB == nil {
		order = compareFloats(a, b)
	}
	switch op {
	case ">":
		return order > 0
	case "<":
		return order < 0
	case ">=":
		return order >= 0
	case "<=":
		return order <= 0
	}
	return false
}

func compareFloats(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
