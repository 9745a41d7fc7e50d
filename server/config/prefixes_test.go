package config

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultPrefixes(t *testing.T) {
	assert.Equal(t, PrefixMap{
		"INC": "incident", "PRB": "problem", "PTASK": "problem_task", "CHG": "change_request",
		"CTASK": "change_task", "REQ": "sc_request", "RITM": "sc_req_item", "SCTASK": "sc_task",
		"TASK": "task", "KB": "kb_knowledge", "CS": "sn_customerservice_case",
	}, DefaultPrefixes())
}

var longTable = "t" + strings.Repeat("_", 79)

func TestParsePrefixesAccepts(t *testing.T) {
	tests := []struct {
		name string
		text string
		want PrefixMap
	}{
		{"empty", "", PrefixMap{}},
		{"blank lines only", "\n  \n\t\n", PrefixMap{}},
		{"one per line", "INC=incident\nPRB=problem", PrefixMap{"INC": "incident", "PRB": "problem"}},
		{"comma separated", "INC=incident, PRB=problem,", PrefixMap{"INC": "incident", "PRB": "problem"}},
		{"mixed with blank lines and CRLF", "INC = incident\r\n\r\nSIR=sn_si_incident, HR=sn_hr_core_case\r\n",
			PrefixMap{"INC": "incident", "SIR": "sn_si_incident", "HR": "sn_hr_core_case"}},
		{"two prefixes for one table", "INC=incident\nIM=incident", PrefixMap{"INC": "incident", "IM": "incident"}},
		{"longest prefix and table", "ABCDEFGHIJ=" + longTable, PrefixMap{"ABCDEFGHIJ": longTable}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePrefixes(tt.text)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParsePrefixesRejects(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string
	}{
		{"lowercase prefix, uppercase table", "INC=incident\nPRB=problem\ninc=Incident",
			`line 3: "inc=Incident": prefix "inc" must be 2 to 10 uppercase letters A-Z`},
		{"no equals sign", "INC incident", `line 1: "INC incident": expected PREFIX=table`},
		{"one-letter prefix", "I=incident", `line 1: "I=incident": prefix "I" must be 2 to 10 uppercase letters A-Z`},
		{"prefix too long", "ABCDEFGHIJK=incident", `line 1: "ABCDEFGHIJK=incident": prefix "ABCDEFGHIJK"`},
		{"digit in prefix", "INC1=incident", `prefix "INC1"`},
		{"empty table", "INC=", `line 1: "INC=": table "" must be lowercase letters, digits and underscores`},
		{"table starting with a digit", "\n\nINC=1incident", `line 3: "INC=1incident": table "1incident"`},
		{"table with a dot", "INC=sys.incident", `table "sys.incident"`},
		{"table too long", "INC=" + longTable + "x", `at most 80 characters`},
		{"second equals sign", "INC=incident=x", `table "incident=x"`},
		{"duplicate on another line", "INC=incident\nPRB=problem\nINC=problem",
			`line 3: "INC=problem": prefix INC is already defined on line 1`},
		{"duplicate on the same line", "INC=incident, INC=incident",
			`line 1: "INC=incident": prefix INC is already defined on line 1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePrefixes(tt.text)
			require.Error(t, err)
			assert.Nil(t, got)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
