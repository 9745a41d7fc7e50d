package standin

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		name    string
		query   string
		groups  [][]Condition
		orderBy []string
		ignored []string
	}{
		{name: "empty", query: ""},
		{
			name:   "equals",
			query:  "active=true",
			groups: [][]Condition{{{"active", "=", "true"}}},
		},
		{
			name:   "IN list",
			query:  "numberININC0010001,INC0010002",
			groups: [][]Condition{{{"number", "IN", "INC0010001,INC0010002"}}},
		},
		{
			name:   "OR joins the condition before it",
			query:  "numberININC0010001^ORsys_idINabc^active=true",
			groups: [][]Condition{{{"number", "IN", "INC0010001"}, {"sys_id", "IN", "abc"}}, {{"active", "=", "true"}}},
		},
		{
			name:   "dot-walked fields",
			query:  "role.nameINitil,admin^user.active=true",
			groups: [][]Condition{{{"role.name", "IN", "itil,admin"}}, {{"user.active", "=", "true"}}},
		},
		{
			name:    "ORDERBY is not an OR",
			query:   "short_descriptionLIKEmail^ORDERBYnumber^ORDERBYDESCsys_updated_on",
			groups:  [][]Condition{{{"short_description", "LIKE", "mail"}}},
			orderBy: []string{"number", "-sys_updated_on"},
		},
		{
			name:   "operators",
			query:  "numberSTARTSWITHINC^stateNOT IN6,7^priority!=5^short_descriptionNOTLIKEtest^assigned_toISEMPTY^priority<=3",
			groups: [][]Condition{{{"number", "STARTSWITH", "INC"}}, {{"state", "NOT IN", "6,7"}}, {{"priority", "!=", "5"}}, {{"short_description", "NOTLIKE", "test"}}, {{"assigned_to", "ISEMPTY", ""}}, {{"priority", "<=", "3"}}},
		},
		{
			name:    "invalid parts are ignored",
			query:   "numberININC0010001^garbage^=x^ORbogus^EQ",
			groups:  [][]Condition{{{"number", "IN", "INC0010001"}}},
			ignored: []string{"garbage", "=x", "ORbogus"},
		},
		{
			name:    "OR after an ignored part starts its own group",
			query:   "garbage^ORnumber=INC0010001",
			groups:  [][]Condition{{{"number", "=", "INC0010001"}}},
			ignored: []string{"garbage"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := ParseQuery(tt.query)
			assert.Equal(t, tt.groups, q.Groups)
			assert.Equal(t, tt.orderBy, q.OrderBy)
			assert.Equal(t, tt.ignored, q.Ignored)
		})
	}
}

func TestQueryMatches(t *testing.T) {
	record := map[string]string{
		"number": "INC0010001", "state": "2", "short_description": "Email server is down",
		"assigned_to": "", "user.active": "true",
	}
	field := func(name string) (string, bool) {
		v, ok := record[name]
		return v, ok
	}
	tests := []struct {
		query string
		want  bool
	}{
		{"", true},
		{"number=INC0010001", true},
		{"number=inc0010001", true},
		{"numberININC0010002,INC0010001", true},
		{"numberININC0010002", false},
		{"numberININC0010002^ORstate=2", true},
		{"numberININC0010002^state=2", false},
		{"numberSTARTSWITHINC", true},
		{"short_descriptionLIKESERVER", true},
		{"short_descriptionNOTLIKEserver", false},
		{"stateNOT IN6,7", true},
		{"state>1^state<3", true},
		{"state>=3", false},
		{"assigned_toISEMPTY", true},
		{"assigned_toISNOTEMPTY", false},
		{"user.active=true", true},
		{"no_such_field=x", true},
		{"no_such_field=x^ORnumber=INC0010002", false},
		{"no_such_field=x^number=INC0010001", true},
		{"garbage^number=INC0010001", true},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			assert.Equal(t, tt.want, ParseQuery(tt.query).Matches(field))
		})
	}
}
