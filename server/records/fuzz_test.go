package records

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
)

func FuzzFind(f *testing.F) {
	url := testInstance + "/incident.do?sys_id=" + testSysID
	for _, seed := range []string{
		"", "INC0010001", "see INC0010001, CHG0010002 and SCTASK0010003.",
		"`INC0010001` ``x`` ```\nINC0010001\n```\n~~~\nPRB0010001",
		"[INC0010001](https://jira.example.com/browse/INC0010001) <https://x.y/INC0010001>",
		"[x](" + url + ") " + url + " <" + url + ">",
		testInstance + "/nav_to.do?uri=incident.do%3Fsys_id%3D" + testSysID,
		testInstance + "/now/nav/ui/classic/params/target/incident.do%3Fsysparm_query%3Dnumber%3DINC0010001",
		testInstance + "/kb_view.do?sysparm_article=KB0010001 " + testInstance + "/now/sow/record/incident/" + testSysID,
		"    INC0010001\n\n- a\n\n    INC0010002\n> ```\n",
		"@INC0010001 ~INC0010002 ~~INC0010003~~ éINC0010004 “INC0010005”",
	} {
		f.Add(seed, int8(5))
	}
	r, err := NewRecognizer(config.DefaultPrefixes(), 7, testInstance)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, message string, limit int8) {
		got := r.Find(message, int(limit))
		if len(got) > max(0, int(limit)) {
			t.Fatalf("%d mentions, max %d", len(got), limit)
		}
		seen := map[string]bool{}
		previousEnd := 0
		for _, m := range got {
			if m.Start < previousEnd || m.End <= m.Start || m.End > len(message) || message[m.Start:m.End] != m.Text {
				t.Fatalf("bad offsets %d..%d for %q after %d", m.Start, m.End, m.Text, previousEnd)
			}
			previousEnd = m.End
			if problem := keyProblem(m); problem != "" {
				t.Fatalf("%+v: %s", m, problem)
			}
			id := m.Key.Table + "/" + m.Key.Number + "/" + m.Key.SysID
			if seen[id] {
				t.Fatalf("duplicate %s", id)
			}
			seen[id] = true
		}
		mentions, links := r.Scan(message, int(limit), 10)
		if !reflect.DeepEqual(mentions, got) {
			t.Fatalf("Scan found %v, Find %v", mentions, got)
		}
		if len(links) > 10 {
			t.Fatalf("%d links, max 10", len(links))
		}
		for i, link := range links {
			if !isWebLink(link) || slices.Contains(links[:i], link) || !strings.Contains(message, link) {
				t.Fatalf("bad link %q in %q", link, links)
			}
		}
	})
}

func keyProblem(m Mention) string {
	k := m.Key
	switch {
	case !config.IsTableName(k.Table):
		return "invalid table"
	case (k.Number == "") == (k.SysID == ""):
		return "needs exactly one of number and sys_id"
	case k.SysID != "" && (!isSysID(k.SysID) || strings.ToLower(k.SysID) != k.SysID):
		return "sys_id is not 32 lowercase hex digits"
	case k.Number != "" && !isRecordNumber(k.Number):
		return "number is not an uppercase prefix and digits"
	case k.Number != "" && !strings.Contains(m.Text, "://") && m.Text != k.Number:
		return "a bare number's text is the number"
	}
	return ""
}
