package servicenow

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	sysIDA = "0123456789abcdef0123456789abcdef"
	sysIDB = "fedcba9876543210fedcba9876543210"
)

func TestBuildRecordQuery(t *testing.T) {
	tests := []struct {
		name    string
		numbers []string
		sysIDs  []string
		want    string
		bad     string // the value the error must name
	}{
		{name: "numbers", numbers: []string{"INC0010001", "PRB0040001"}, want: "numberININC0010001,PRB0040001"},
		{name: "sys_ids", sysIDs: []string{sysIDA}, want: "sys_idIN" + sysIDA},
		{name: "both", numbers: []string{"INC0010001"}, sysIDs: []string{sysIDA, sysIDB}, want: "numberININC0010001^ORsys_idIN" + sysIDA + "," + sysIDB},
		{name: "duplicates dropped", numbers: []string{"INC0010001", "INC0010001"}, want: "numberININC0010001"},
		{name: "nothing", bad: "no record number or sys_id"},
		{name: "empty number", numbers: []string{"INC0010001", ""}, bad: "empty record number"},
		{name: "encoded-query injection", numbers: []string{"INC0010001^ORactive=true"}, bad: "INC0010001^ORactive=true"},
		{name: "comma", numbers: []string{"INC0010001,INC0010002"}, bad: "INC0010001,INC0010002"},
		{name: "lower case number", numbers: []string{"inc0010001"}, bad: "inc0010001"},
		{name: "too few digits", numbers: []string{"INC001"}, bad: "INC001"},
		{name: "space", numbers: []string{"INC 0010001"}, bad: "INC 0010001"},
		{name: "upper-case sys_id", sysIDs: []string{strings.ToUpper(sysIDA)}, bad: strings.ToUpper(sysIDA)},
		{name: "short sys_id", sysIDs: []string{sysIDA[:31]}, bad: sysIDA[:31]},
		{name: "sys_id with caret", sysIDs: []string{sysIDA[:31] + "^"}, bad: sysIDA[:31] + "^"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := buildRecordQuery(tt.numbers, tt.sysIDs)
			if tt.bad != "" {
				requireKind(t, err, KindInvalid)
				assert.Contains(t, err.Error(), tt.bad)
				assert.Empty(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestBuildRoleQuery(t *testing.T) {
	got, err := buildRoleQuery([]string{"itil", "sn_incident_read", "itil"})
	require.NoError(t, err)
	assert.Equal(t, "role.nameINitil,sn_incident_read^user.active=true^ORDERBYsys_id", got)

	for _, bad := range []string{"itil^ORuser.active=false", "a,b", strings.Repeat("r", 101), "itil role"} {
		_, err := buildRoleQuery([]string{"itil", bad})
		requireKind(t, err, KindInvalid)
		assert.Contains(t, err.Error(), fmt.Sprintf("%q", bad))
	}
	_, err = buildRoleQuery([]string{""})
	assert.EqualError(t, err, "Connect cannot ask ServiceNow: empty role name")
	_, err = buildRoleQuery(nil)
	requireKind(t, err, KindInvalid)
}

func TestRecordKeyValidate(t *testing.T) {
	tests := []struct {
		key RecordKey
		bad string
	}{
		{key: RecordKey{Number: "INC0010001"}},
		{key: RecordKey{Table: "incident", SysID: sysIDA}},
		{key: RecordKey{Table: "u_custom_table", Number: "FAC0000001", SysID: sysIDA}},
		{key: RecordKey{Table: "Incident", Number: "INC0010001"}, bad: "Incident"},
		{key: RecordKey{Table: "incident;drop", Number: "INC0010001"}, bad: "incident;drop"},
		{key: RecordKey{Table: "incident"}, bad: "needs a number or a sys_id"},
		{key: RecordKey{Number: "INC0010001^ORactive=true"}, bad: "INC0010001^ORactive=true"},
		{key: RecordKey{Number: "INC0010001", SysID: "nope"}, bad: "nope"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.key), func(t *testing.T) {
			err := tt.key.Validate()
			if tt.bad == "" {
				assert.NoError(t, err)
				return
			}
			requireKind(t, err, KindInvalid)
			assert.Contains(t, err.Error(), tt.bad)
		})
	}
}

var builtQueryShape = regexp.MustCompile(`^(numberIN[A-Z0-9]+(,[A-Z0-9]+)*)?(\^OR)?(sys_idIN[0-9a-f]{32}(,[0-9a-f]{32})*)?$`)

// FuzzBuildRecordQuery: whatever the input, a query that comes out holds only the fixed
// operators and valid, given tokens, each once; every rejected input names a bad value.
func FuzzBuildRecordQuery(f *testing.F) {
	f.Add("INC0010001\nPRB0040001", sysIDA)
	f.Add("INC0010001^ORactive=true", "")
	f.Add("", sysIDA+"\n"+sysIDB)
	f.Add("INC0010001,INC0010002", "x")
	f.Add("SCTASK000000000001\nKB0010001", strings.ToUpper(sysIDA))
	f.Fuzz(func(t *testing.T, numberList, sysIDList string) {
		numbers, sysIDs := splitNonEmpty(numberList), splitNonEmpty(sysIDList)
		query, err := buildRecordQuery(numbers, sysIDs)
		if err != nil {
			assertNamesInvalidInput(t, err, numbers, sysIDs)
			return
		}
		for _, n := range numbers {
			require.True(t, ValidNumber(n), "accepted number %q", n)
		}
		for _, id := range sysIDs {
			require.True(t, ValidSysID(id), "accepted sys_id %q", id)
		}
		require.Regexp(t, builtQueryShape, query)
		require.Equal(t, len(numbers) > 0 && len(sysIDs) > 0, strings.Contains(query, "^OR"))
		gotNumbers, gotSysIDs := tokensOf(query)
		require.ElementsMatch(t, unique(numbers), gotNumbers)
		require.ElementsMatch(t, unique(sysIDs), gotSysIDs)
	})
}

func assertNamesInvalidInput(t *testing.T, err error, numbers, sysIDs []string) {
	e := requireError(t, err, KindInvalid)
	if len(numbers) == 0 && len(sysIDs) == 0 {
		return
	}
	var bad []string
	for _, n := range numbers {
		if !ValidNumber(n) {
			bad = append(bad, n)
		}
	}
	for _, id := range sysIDs {
		if !ValidSysID(id) {
			bad = append(bad, id)
		}
	}
	require.NotEmpty(t, bad, "rejected valid input")
	require.Contains(t, bad, e.Value)
	if e.Value != "" {
		require.Contains(t, err.Error(), fmt.Sprintf("%q", e.Value))
	}
}

func splitNonEmpty(s string) []string {
	var out []string
	for _, part := range strings.Split(s, "\n") {
		if part != "" {
			out = append(out, part)
		}
	}
	return out
}

func tokensOf(query string) (numbers, sysIDs []string) {
	for _, part := range strings.Split(query, "^OR") {
		if list, ok := strings.CutPrefix(part, "numberIN"); ok {
			numbers = strings.Split(list, ",")
		}
		if list, ok := strings.CutPrefix(part, "sys_idIN"); ok {
			sysIDs = strings.Split(list, ",")
		}
	}
	return numbers, sysIDs
}

func unique(values []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range values {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}
