package records

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

func TestFindRecordURLs(t *testing.T) {
	r := newTestRecognizer(t)
	const base = testInstance
	byID := sysID("incident", testSysID)
	inc := number("incident", "INC0010001")
	tests := []struct {
		name string
		url  string
		want servicenow.RecordKey
	}{
		{"form", base + "/incident.do?sys_id=" + testSysID, byID},
		{"form with extra params before and after", base + "/incident.do?sysparm_view=ess&sys_id=" + testSysID + "&sysparm_record_target=incident", byID},
		{"form with &amp;", base + "/incident.do?sysparm_view=ess&amp;sys_id=" + testSysID, byID},
		{"uppercase sys_id", base + "/incident.do?sys_id=" + strings.ToUpper(testSysID), byID},
		{"fragment", base + "/incident.do?sys_id=" + testSysID + "#section", byID},
		{"other table", base + "/sc_req_item.do?sys_id=" + testSysID, sysID("sc_req_item", testSysID)},
		{"http and host case", "HTTP://ACME.Service-Now.COM/incident.do?sys_id=" + testSysID, byID},
		{"default port", "https://acme.service-now.com:443/incident.do?sys_id=" + testSysID, byID},
		{"double slash", base + "//incident.do?sys_id=" + testSysID, byID},
		{"nav_to", base + "/nav_to.do?uri=incident.do?sys_id=" + testSysID, byID},
		{"nav_to with slash", base + "/nav_to.do?uri=/incident.do?sys_id=" + testSysID, byID},
		{"nav_to encoded", base + "/nav_to.do?uri=incident.do%3Fsys_id%3D" + testSysID, byID},
		{"nav_to encoded slash", base + "/nav_to.do?uri=%2Fincident.do%3Fsys_id%3D" + testSysID + "%26sysparm_view%3Dess", byID},
		{"nav_to number", base + "/nav_to.do?uri=incident.do%3Fsysparm_query%3Dnumber%3DINC0010001", inc},
		{"next experience", base + "/now/nav/ui/classic/params/target/incident.do%3Fsys_id%3D" + testSysID, byID},
		{"next experience with extra params", base + "/now/nav/ui/classic/params/target/incident.do%3Fsysparm_view%3Dess%26sys_id%3D" + testSysID, byID},
		{"next experience wrapping nav_to", base + "/now/nav/ui/classic/params/target/nav_to.do%3Furi%3Dincident.do%253Fsys_id%253D" + testSysID, byID},
		{"number query", base + "/incident.do?sysparm_query=number=INC0010001", inc},
		{"number query encoded", base + "/incident.do?sysparm_query=number%3DINC0010001&sysparm_view=ess", inc},
		{"number query on task", base + "/task.do?sysparm_query=number=INC0010001", number("task", "INC0010001")},
		{"sys_id query", base + "/incident.do?sysparm_query=sys_id%3D" + testSysID, byID},
		{"knowledge article", base + "/kb_view.do?sysparm_article=KB0010001", number("kb_knowledge", "KB0010001")},
		{"knowledge by sys_id", base + "/kb_view.do?sys_kb_id=" + testSysID, sysID("kb_knowledge", testSysID)},
		{"service operations workspace", base + "/now/sow/record/incident/" + testSysID, byID},
		{"agent workspace", base + "/now/workspace/agent/record/incident/" + testSysID + "/params/selected-tab-index/1", byID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			message := "see " + tt.url + " please"
			assert.Equal(t, []found{{tt.url, tt.want}}, mentionsIn(t, r, message))
		})
	}
}

func TestRecordLinksNameOnlyKnownTables(t *testing.T) {
	base := "https://acme.service-now.com"
	for _, link := range []string{
		base + "/sys_user.do?sys_id=" + testSysID,
		base + "/u_thing.do?sysparm_query=number=THG0000001",
		base + "/now/sow/record/sys_user_has_role/" + testSysID,
	} {
		assert.Empty(t, mentionsIn(t, newTestRecognizer(t), "see "+link), "a table no prefix maps: "+link)
	}

	r, err := NewRecognizer(config.DefaultPrefixes(), 7, testInstance, "u_thing")
	require.NoError(t, err)
	link := base + "/u_thing.do?sysparm_query=number=THG0000001"
	assert.Equal(t, []found{{link, number("u_thing", "THG0000001")}}, mentionsIn(t, r, "see "+link), "a table the admin listed")

	_, err = NewRecognizer(config.DefaultPrefixes(), 7, testInstance, "Users; DROP")
	assert.ErrorContains(t, err, "is not a ServiceNow table name")
}

func TestFindRejectsURLs(t *testing.T) {
	r := newTestRecognizer(t)
	const base = testInstance
	tests := []struct {
		name string
		url  string
	}{
		{"other host", "https://jira.example.com/incident.do?sys_id=" + testSysID},
		{"instance as subdomain of another host", "https://acme.service-now.com.evil.com/incident.do?sys_id=" + testSysID},
		{"instance as user info", "https://acme.service-now.com@evil.com/incident.do?sys_id=" + testSysID},
		{"instance in path", "https://evil.com/acme.service-now.com/incident.do?sys_id=" + testSysID},
		{"other port", "https://acme.service-now.com:8443/incident.do?sys_id=" + testSysID},
		{"other scheme", "ftp://acme.service-now.com/incident.do?sys_id=" + testSysID},
		{"short sys_id", base + "/incident.do?sys_id=" + testSysID[1:]},
		{"long sys_id", base + "/incident.do?sys_id=" + testSysID + "0"},
		{"non-hex sys_id", base + "/incident.do?sys_id=" + testSysID[1:] + "g"},
		{"new record form", base + "/incident.do?sys_id=-1&sysparm_query=number=INC0010001"},
		{"uppercase table", base + "/Incident.do?sys_id=" + testSysID},
		{"table with a dot", base + "/sys.incident.do?sys_id=" + testSysID},
		{"table in a folder", base + "/x/incident.do?sys_id=" + testSysID},
		{"list", base + "/incident_list.do?sysparm_query=number=INC0010001"},
		{"query with more conditions", base + "/incident.do?sysparm_query=number=INC0010001^active=true"},
		{"query on another field", base + "/incident.do?sysparm_query=short_description=INC0010001"},
		{"lowercase number", base + "/incident.do?sysparm_query=number=inc0010001"},
		{"no parameters", base + "/incident.do"},
		{"home page", base + "/"},
		{"nav_to without uri", base + "/nav_to.do?x=incident.do%3Fsys_id%3D" + testSysID},
		{"nav_to to a list", base + "/nav_to.do?uri=incident_list.do"},
		{"nested too deep", base + "/nav_to.do?uri=nav_to.do%3Furi%3Dnav_to.do%253Furi%253Dnav_to.do%25253Furi%25253Dincident.do%2525253Fsys_id%2525253D" + testSysID},
		{"bad escape", base + "/now/nav/ui/classic/params/target/incident.do%3Fsys_id%3D" + testSysID + "%zz"},
		{"workspace without sys_id", base + "/now/sow/record/incident/-1_uid_3"},
		{"workspace list", base + "/now/sow/list/params/table/incident"},
		{"knowledge without article", base + "/kb_view.do?sysparm_view=x"},
		{"knowledge with a bad number", base + "/kb_view.do?sysparm_article=KB12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Nil(t, mentionsIn(t, r, "see "+tt.url+" please"))
		})
	}
}

func TestFindURLPunctuation(t *testing.T) {
	r := newTestRecognizer(t)
	url := testInstance + "/incident.do?sys_id=" + testSysID
	key := sysID("incident", testSysID)
	for _, message := range []string{
		"(" + url + ")", url + ".", url + ",", "**" + url + "**", "\"" + url + "\"", "<p>" + url + "</p>", "→" + url + " ",
	} {
		t.Run(message, func(t *testing.T) {
			assert.Equal(t, []found{{url, key}}, mentionsIn(t, r, message))
		})
	}
}

func TestFindInstanceForms(t *testing.T) {
	url := "https://acme.service-now.com/incident.do?sys_id=" + testSysID
	for _, instance := range []string{"https://acme.service-now.com/", "http://ACME.service-now.com", " https://acme.service-now.com:443 "} {
		t.Run(instance, func(t *testing.T) {
			r, err := NewRecognizer(config.DefaultPrefixes(), 7, instance)
			require.NoError(t, err)
			assert.Equal(t, []found{{url, sysID("incident", testSysID)}}, mentionsIn(t, r, url))
		})
	}

	t.Run("under a path", func(t *testing.T) {
		r, err := NewRecognizer(config.DefaultPrefixes(), 7, "http://127.0.0.1:8080/sn/")
		require.NoError(t, err)
		inside := "http://127.0.0.1:8080/sn/incident.do?sys_id=" + testSysID
		assert.Equal(t, []found{{inside, sysID("incident", testSysID)}}, mentionsIn(t, r, inside))
		assert.Nil(t, mentionsIn(t, r, "http://127.0.0.1:8080/incident.do?sys_id="+testSysID))
		assert.Nil(t, mentionsIn(t, r, "http://127.0.0.1:8080/snx/incident.do?sys_id="+testSysID))
	})
}
