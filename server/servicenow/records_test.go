package servicenow

import (
	"context"
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

func TestRecordsBatchesTaskTablesIntoOneRequest(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic)
	changeID := standin.SampleSysID("change_request", standin.SampleChange)
	keys := []RecordKey{
		sampleKey("incident", standin.SampleIncident),
		sampleKey("problem", standin.SampleProblem),
		{Table: "change_request", SysID: changeID},
		sampleKey("sc_task", standin.SampleCatalogTask),
		sampleKey("kb_knowledge", standin.SampleArticle),
		sampleKey("", standin.SampleTask),
	}
	found, err := c.Records(context.Background(), keys)
	require.NoError(t, err)
	assert.Len(t, found, len(keys))

	reqs := s.Requests()
	require.Len(t, reqs, 2, "task tables together, kb_knowledge on its own")
	task, kb := reqs[0], reqs[1]
	assert.Equal(t, "/api/now/table/task", task.Path)
	assert.Equal(t, url.Values{
		"sysparm_query": {"numberIN" + standin.SampleIncident + "," + standin.SampleProblem + "," +
			standin.SampleCatalogTask + "," + standin.SampleTask + "^ORsys_idIN" + changeID},
		"sysparm_fields":                 {"sys_id,number,short_description,state,priority,assigned_to,sys_updated_on,sys_class_name"},
		"sysparm_display_value":          {"all"},
		"sysparm_exclude_reference_link": {"true"},
		"sysparm_no_count":               {"true"},
		"sysparm_limit":                  {"10"},
	}, task.Params)
	assert.Empty(t, task.Query.Ignored)
	assert.Equal(t, "/api/now/table/kb_knowledge", kb.Path)
	assert.Equal(t, "numberIN"+standin.SampleArticle, kb.Params.Get("sysparm_query"))
	assert.Equal(t, "sys_id,number,short_description,workflow_state,sys_updated_on,sys_class_name", kb.Params.Get("sysparm_fields"))
}

func TestRecordsMapsDisplayValues(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic)
	incidentID := standin.SampleSysID("incident", standin.SampleIncident)
	caseID := standin.SampleSysID("sn_customerservice_case", standin.SampleCase)
	tests := []struct {
		name string
		key  RecordKey
		want Record
	}{
		{
			name: "incident by number",
			key:  sampleKey("incident", standin.SampleIncident),
			want: Record{
				Table: "incident", SysID: incidentID, Number: standin.SampleIncident,
				ShortDescription: "Email server is down for the Finance floor", State: "In Progress",
				Priority: "2 - High", AssignedTo: "Beth Anglin", UpdatedOn: "2026-11-20 09:14:03", UpdatedAt: time.Date(2026, 11, 20, 9, 14, 3, 0, time.UTC),
				URL: s.URL() + "/incident.do?sys_id=" + incidentID,
			},
		},
		{
			name: "case by sys_id, table from sys_class_name",
			key:  RecordKey{Table: "task", SysID: caseID},
			want: Record{
				Table: "sn_customerservice_case", SysID: caseID, Number: standin.SampleCase,
				ShortDescription: "Customer cannot download invoices", State: "Open", Priority: "2 - High",
				AssignedTo: "Luke Wilson", UpdatedOn: "2026-11-19 10:20:30", UpdatedAt: time.Date(2026, 11, 19, 10, 20, 30, 0, time.UTC),
				URL: s.URL() + "/sn_customerservice_case.do?sys_id=" + caseID,
			},
		},
		{
			name: "unassigned",
			key:  sampleKey("incident", standin.SampleIncident2),
			want: Record{
				Table: "incident", SysID: standin.SampleSysID("incident", standin.SampleIncident2),
				Number: standin.SampleIncident2, ShortDescription: "VPN disconnects every 10 minutes",
				State: "New", Priority: "3 - Moderate", UpdatedOn: "2026-11-19 16:42:10", UpdatedAt: time.Date(2026, 11, 19, 16, 42, 10, 0, time.UTC),
				URL: s.URL() + "/incident.do?sys_id=" + standin.SampleSysID("incident", standin.SampleIncident2),
			},
		},
		{
			name: "article: workflow state, article link",
			key:  sampleKey("kb_knowledge", standin.SampleArticle),
			want: Record{
				Table: "kb_knowledge", SysID: standin.SampleSysID("kb_knowledge", standin.SampleArticle),
				Number: standin.SampleArticle, ShortDescription: "How to connect to the VPN from home",
				State: "Published", UpdatedOn: "2026-10-02 12:00:00", UpdatedAt: time.Date(2026, 10, 2, 12, 0, 0, 0, time.UTC),
				URL: s.URL() + "/kb_view.do?sysparm_article=" + standin.SampleArticle,
			},
		},
		{
			name: "hostile text comes back verbatim; escaping is the renderer's job",
			key:  sampleKey("incident", standin.HostileIncident),
			want: Record{
				Table: "incident", SysID: standin.SampleSysID("incident", standin.HostileIncident),
				Number: standin.HostileIncident, ShortDescription: standin.HostileDescription,
				State: "On Hold", Priority: "4 - Low", AssignedTo: "David Loo", UpdatedOn: "2026-11-18 08:00:00", UpdatedAt: time.Date(2026, 11, 18, 8, 0, 0, 0, time.UTC),
				URL: s.URL() + "/incident.do?sys_id=" + standin.SampleSysID("incident", standin.HostileIncident),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found, err := c.Records(context.Background(), []RecordKey{tt.key})
			require.NoError(t, err)
			assert.Equal(t, map[RecordKey]Record{tt.key: tt.want}, found)
		})
	}
}

func TestRecordsNotFoundIsAbsent(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic)
	present, missing := sampleKey("incident", standin.SampleIncident), sampleKey("incident", "INC0099999")
	found, err := c.Records(context.Background(), []RecordKey{present, missing})
	require.NoError(t, err)
	assert.Contains(t, found, present)
	assert.NotContains(t, found, missing)
	assert.Equal(t, "INC0099999 was not found in ServiceNow", NotFoundMessage(missing.Number).English())
}

func TestRecordsKeyedByCaller(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic)
	sysID := standin.SampleSysID("incident", standin.SampleIncident)
	byNumber := sampleKey("incident", standin.SampleIncident)
	bySysID := RecordKey{Table: "incident", SysID: sysID}
	byBoth := RecordKey{Table: "incident", Number: standin.SampleIncident, SysID: sysID}
	found, err := c.Records(context.Background(), []RecordKey{byNumber, bySysID, byBoth})
	require.NoError(t, err)
	require.Len(t, found, 3)
	assert.Equal(t, found[byNumber], found[bySysID])
	assert.Equal(t, found[byNumber], found[byBoth])
	assert.Len(t, s.Requests(), 1)
}

func TestRecordsCustomTableGetsItsOwnRequest(t *testing.T) {
	s := startStandIn(t)
	s.PutRecord("u_facilities_request", standin.Record{Number: "FAC0000001", ShortDescription: "Broken chair", State: "1", Priority: "4"})
	c := newTestClient(t, s, AuthBasic)
	key := sampleKey("u_facilities_request", "FAC0000001")
	found, err := c.Records(context.Background(), []RecordKey{key, sampleKey("incident", standin.SampleIncident)})
	require.NoError(t, err)
	assert.Equal(t, "Broken chair", found[key].ShortDescription)
	assert.Equal(t, "u_facilities_request", found[key].Table)
	paths := []string{}
	for _, r := range s.Requests() {
		paths = append(paths, r.Path)
	}
	assert.Equal(t, []string{"/api/now/table/u_facilities_request", "/api/now/table/task"}, paths)
}

func TestRecordsChunksLargeBatches(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic)
	var keys []RecordKey
	for i := range 250 {
		keys = append(keys, sampleKey("incident", fmt.Sprintf("INC%07d", 20000+i)))
	}
	found, err := c.Records(context.Background(), keys)
	require.NoError(t, err)
	assert.Empty(t, found)
	assert.Len(t, s.Requests(), 3)
}

func TestRecordsRefusesInvalidKeysWithoutCalling(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic)
	for _, key := range []RecordKey{
		sampleKey("incident", "INC0010001^ORactive=true"),
		sampleKey("incident^x", standin.SampleIncident),
		{Table: "incident", SysID: "../../etc/passwd"},
		{Table: "incident"},
	} {
		_, err := c.Records(context.Background(), []RecordKey{sampleKey("incident", standin.SampleIncident), key})
		requireKind(t, err, KindInvalid)
	}
	assert.Empty(t, s.Requests())

	found, err := c.Records(context.Background(), nil)
	require.NoError(t, err)
	assert.Empty(t, found)
	assert.Empty(t, s.Requests())
}

func TestRecordURL(t *testing.T) {
	c, err := New(Config{InstanceURL: "https://example.service-now.com/", Username: "u", Password: "p"})
	require.NoError(t, err)
	assert.Equal(t, "https://example.service-now.com/incident.do?sys_id="+sysIDA, c.RecordURL("incident", sysIDA))
	assert.Equal(t, "https://example.service-now.com/kb_view.do?sysparm_article=KB0010001", c.ArticleURL("KB0010001"))
	assert.Equal(t, "https://example.service-now.com/a%2Fb.do?sys_id=x%26y%3Dz", c.RecordURL("a/b", "x&y=z"))
}
