package records

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

const (
	testInstance = "https://acme.service-now.com"
	testSysID    = "0123456789abcdef0123456789abcdef"
)

// found is a Mention without offsets, which mentionsIn checks separately.
type found struct {
	Text string
	Key  servicenow.RecordKey
}

func number(table, n string) servicenow.RecordKey {
	return servicenow.RecordKey{Table: table, Number: n}
}

func sysID(table, id string) servicenow.RecordKey {
	return servicenow.RecordKey{Table: table, SysID: id}
}

func newTestRecognizer(t testing.TB) *Recognizer {
	t.Helper()
	r, err := NewRecognizer(config.DefaultPrefixes(), 7, testInstance)
	require.NoError(t, err)
	return r
}

func mentionsIn(t *testing.T, r *Recognizer, message string) []found {
	t.Helper()
	var got []found
	for _, m := range r.Find(message, 100) {
		require.Equal(t, message[m.Start:m.End], m.Text, "offsets of %q", m.Text)
		got = append(got, found{m.Text, m.Key})
	}
	return got
}

type findCase struct {
	name    string
	message string
	want    []found
}

func runFindCases(t *testing.T, r *Recognizer, tests []findCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, mentionsIn(t, r, tt.message))
		})
	}
}

func TestNewRecognizerRejects(t *testing.T) {
	tests := []struct {
		name     string
		prefixes config.PrefixMap
		digits   int
		instance string
		want     string
	}{
		{"too few digits", config.DefaultPrefixes(), 3, "", "between 4 and 12, not 3"},
		{"too many digits", config.DefaultPrefixes(), 13, "", "between 4 and 12, not 13"},
		{"bad prefix", config.PrefixMap{"inc": "incident"}, 7, "", `prefix "inc"`},
		{"bad table", config.PrefixMap{"INC": "Incident"}, 7, "", `table "Incident"`},
		{"not a URL", config.DefaultPrefixes(), 7, "://acme", "is not a URL"},
		{"no scheme", config.DefaultPrefixes(), 7, "acme.service-now.com", "must look like https://"},
		{"ftp", config.DefaultPrefixes(), 7, "ftp://acme.service-now.com", "must look like https://"},
		{"query", config.DefaultPrefixes(), 7, "https://acme.service-now.com/?x=1", "must look like https://"},
		{"user info", config.DefaultPrefixes(), 7, "https://admin@acme.service-now.com", "must look like https://"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewRecognizer(tt.prefixes, tt.digits, tt.instance)
			require.Error(t, err)
			assert.Nil(t, r)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestNewRecognizerCopiesPrefixes(t *testing.T) {
	prefixes := config.DefaultPrefixes()
	r, err := NewRecognizer(prefixes, 7, "")
	require.NoError(t, err)
	prefixes["INC"] = "changed"
	assert.Equal(t, []found{{"INC0010001", number("incident", "INC0010001")}}, mentionsIn(t, r, "INC0010001"))
}

func TestFindEveryDefaultPrefix(t *testing.T) {
	r := newTestRecognizer(t)
	for prefix, table := range config.DefaultPrefixes() {
		t.Run(prefix, func(t *testing.T) {
			n := prefix + "0010001"
			assert.Equal(t, []found{{n, number(table, n)}}, mentionsIn(t, r, "Please look at "+n+" today"))
		})
	}
}

func TestFindLongestPrefix(t *testing.T) {
	r, err := NewRecognizer(config.PrefixMap{"SC": "sc_x", "SCTASK": "sc_task", "TASK": "task", "CTASK": "change_task", "PTASK": "problem_task"}, 7, "")
	require.NoError(t, err)
	runFindCases(t, r, []findCase{
		{"SCTASK", "SCTASK0010001", []found{{"SCTASK0010001", number("sc_task", "SCTASK0010001")}}},
		{"CTASK", "CTASK0010001", []found{{"CTASK0010001", number("change_task", "CTASK0010001")}}},
		{"PTASK", "PTASK0010001", []found{{"PTASK0010001", number("problem_task", "PTASK0010001")}}},
		{"TASK", "TASK0010001", []found{{"TASK0010001", number("task", "TASK0010001")}}},
		{"SC", "SC0010001", []found{{"SC0010001", number("sc_x", "SC0010001")}}},
		{"unmapped letters before a prefix", "XTASK0010001", nil},
	})
}

func TestFindCustomPrefixesAndDigits(t *testing.T) {
	prefixes, err := config.ParsePrefixes("SIR=sn_si_incident\nHR=sn_hr_core_case")
	require.NoError(t, err)
	r, err := NewRecognizer(prefixes, 5, "")
	require.NoError(t, err)
	runFindCases(t, r, []findCase{
		{"custom prefixes", "SIR12345 and HR00042", []found{
			{"SIR12345", number("sn_si_incident", "SIR12345")},
			{"HR00042", number("sn_hr_core_case", "HR00042")},
		}},
		{"default prefixes are not mapped", "INC12345", nil},
		{"seven digits with width five", "SIR1234567", nil},
		{"four digits with width five", "SIR1234", nil},
	})

	wide, err := NewRecognizer(config.PrefixMap{"INC": "incident"}, 12, "")
	require.NoError(t, err)
	runFindCases(t, wide, []findCase{
		{"twelve digits", "INC000000000001", []found{{"INC000000000001", number("incident", "INC000000000001")}}},
		{"seven digits", "INC0010001", nil},
	})
}

func TestFindBoundaries(t *testing.T) {
	r := newTestRecognizer(t)
	inc := func(text string) []found { return []found{{text, number("incident", text)}} }
	runFindCases(t, r, []findCase{
		{"alone", "INC0010001", inc("INC0010001")},
		{"in parentheses", "(INC0010001)", inc("INC0010001")},
		{"before a comma", "INC0010001, please", inc("INC0010001")},
		{"end of sentence", "Look at INC0010001.", inc("INC0010001")},
		{"hashtag style", "#INC0010001", inc("INC0010001")},
		{"heading", "# INC0010001 outage", inc("INC0010001")},
		{"quoted", `"INC0010001"`, inc("INC0010001")},
		{"smart quotes", "“INC0010001”", inc("INC0010001")},
		{"brackets without link", "[INC0010001] printer", inc("INC0010001")},
		{"bold", "**INC0010001**", inc("INC0010001")},
		{"strikethrough", "~~INC0010001~~", inc("INC0010001")},
		{"colon", "ticket:INC0010001", inc("INC0010001")},
		{"slash list", "INC0010001/INC0010002", []found{
			{"INC0010001", number("incident", "INC0010001")}, {"INC0010002", number("incident", "INC0010002")}}},
		{"hyphen", "INC0010001-fix", inc("INC0010001")},
		{"line start after newline", "see\nINC0010001", inc("INC0010001")},
		{"block quote", "> INC0010001", inc("INC0010001")},
		{"list item", "- INC0010001\n- foo", inc("INC0010001")},
		{"lowercase", "inc0010001", nil},
		{"mixed case", "Inc0010001", nil},
		{"letter before", "XINC0010001", nil},
		{"word before", "fooINC0010001", nil},
		{"digit before", "1INC0010001", nil},
		{"underscore before", "_INC0010001", nil},
		{"underscore after", "INC0010001_", nil},
		{"italic with underscores", "_INC0010001_", nil},
		{"italic with stars", "*INC0010001*", inc("INC0010001")},
		{"too many digits", "INC00100012", nil},
		{"too few digits", "INC001000", nil},
		{"letters after", "INC0010001abc", nil},
		{"non-ASCII letter before", "éINC0010001", nil},
		{"non-ASCII letter after", "INC0010001é", nil},
		{"user mention", "@INC0010001", nil},
		{"channel mention", "~INC0010001", nil},
		{"e-mail address", "INC0010001@acme.com", nil},
		{"no prefix", "0010001", nil},
		{"space inside", "INC 0010001", nil},
	})
}

func TestFindMaxAndDedupe(t *testing.T) {
	r := newTestRecognizer(t)
	message := "INC0010001 CHG0010001 INC0010001 PRB0010001"
	assert.Nil(t, r.Find(message, 0))
	assert.Nil(t, r.Find(message, -1))

	got := r.Find(message, 2)
	require.Len(t, got, 2)
	assert.Equal(t, "INC0010001", got[0].Text)
	assert.Equal(t, "CHG0010001", got[1].Text)

	got = r.Find(message, 10)
	require.Len(t, got, 3)
	assert.Equal(t, []int{0, 11, 33}, []int{got[0].Start, got[1].Start, got[2].Start}, "first occurrence wins")
	assert.Equal(t, "PRB0010001", got[2].Text)
}

func TestFindDedupesManyMentions(t *testing.T) {
	r := newTestRecognizer(t)
	var b strings.Builder
	for round := 0; round < 2; round++ {
		for i := 0; i < 40; i++ {
			b.WriteString("INC00100" + string(rune('0'+i/10)) + string(rune('0'+i%10)) + " ")
		}
	}
	got := r.Find(b.String(), 1000)
	require.Len(t, got, 40)
	assert.Equal(t, "INC0010039", got[39].Text)
}

func TestFindNothing(t *testing.T) {
	r := newTestRecognizer(t)
	for _, message := range []string{"", "hello", "call me at 555 0100", "TASK", "A1", strings.Repeat("x", 1000)} {
		assert.Nil(t, r.Find(message, 10), message)
	}
}

func TestFindAfterPathologicalInput(t *testing.T) {
	r := newTestRecognizer(t)
	for name, noise := range map[string]string{
		"open brackets":       strings.Repeat("[", 5000),
		"nested brackets":     strings.Repeat("[", 2000) + strings.Repeat("]", 2000),
		"open destinations":   strings.Repeat("[a](", 2000),
		"growing tick runs":   strings.Repeat("`x``y```z", 500),
		"unclosed angles":     strings.Repeat("<a", 3000),
		"closing parentheses": "http://example.com/" + strings.Repeat(")", 5000),
	} {
		t.Run(name, func(t *testing.T) {
			got := mentionsIn(t, r, noise+" \n\nINC0010001")
			assert.Equal(t, []found{{"INC0010001", number("incident", "INC0010001")}}, got)
		})
	}
}
