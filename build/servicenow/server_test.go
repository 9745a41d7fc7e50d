package standin

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func startServer(t *testing.T, opts Options) *Server {
	t.Helper()
	s, err := Start(opts)
	require.NoError(t, err)
	t.Cleanup(s.Close)
	return s
}

type answer struct {
	status int
	header http.Header
	body   map[string]any
	raw    string
}

// get calls the stand-in with basic auth (auth "basic"), a bearer token, or none ("").
func get(t *testing.T, s *Server, path string, params url.Values, auth string) answer {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.URL()+path+"?"+params.Encode(), nil)
	require.NoError(t, err)
	switch {
	case auth == "basic":
		req.SetBasicAuth(s.Options().Username, s.Options().Password)
	case auth != "":
		req.Header.Set("Authorization", "Bearer "+auth)
	}
	return send(t, req)
}

func send(t *testing.T, req *http.Request) answer {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	a := answer{status: resp.StatusCode, header: resp.Header, raw: string(raw)}
	_ = json.Unmarshal(raw, &a.body)
	return a
}

func results(t *testing.T, a answer) []any {
	t.Helper()
	require.Equal(t, http.StatusOK, a.status, a.raw)
	list, ok := a.body["result"].([]any)
	require.True(t, ok, a.raw)
	return list
}

func TestTaskTableReturnsEveryTaskClass(t *testing.T) {
	s := startServer(t, Options{})
	a := get(t, s, "/api/now/table/task", url.Values{
		"sysparm_query":  {"numberIN" + SampleIncident + "," + SampleProblem + "," + SampleCatalogTask + "," + SampleArticle},
		"sysparm_fields": {"number,sys_class_name"},
	}, "basic")
	list := results(t, a)
	assert.Equal(t, "3", a.header.Get("X-Total-Count"))
	assert.Equal(t, []any{
		map[string]any{"number": SampleIncident, "sys_class_name": "incident"},
		map[string]any{"number": SampleProblem, "sys_class_name": "problem"},
		map[string]any{"number": SampleCatalogTask, "sys_class_name": "sc_task"},
	}, list, "kb_knowledge does not extend task")
}

func TestDisplayValueShapes(t *testing.T) {
	s := startServer(t, Options{})
	beth := SampleSysID("sys_user", "beth.anglin")
	link := s.URL() + "/api/now/table/sys_user/" + beth
	tests := []struct {
		display, exclude string
		state, assigned  any
	}{
		{"false", "", "2", map[string]any{"link": link, "value": beth}},
		{"false", "true", "2", beth},
		{"true", "", "In Progress", map[string]any{"display_value": "Beth Anglin", "link": link}},
		{"true", "true", "In Progress", "Beth Anglin"},
		{"all", "", map[string]any{"display_value": "In Progress", "value": "2"},
			map[string]any{"display_value": "Beth Anglin", "value": beth, "link": link}},
		{"all", "true", map[string]any{"display_value": "In Progress", "value": "2"},
			map[string]any{"display_value": "Beth Anglin", "value": beth}},
	}
	for _, tt := range tests {
		t.Run(tt.display+"/exclude="+tt.exclude, func(t *testing.T) {
			list := results(t, get(t, s, "/api/now/table/incident", url.Values{
				"sysparm_query":                  {"number=" + SampleIncident},
				"sysparm_fields":                 {"state,assigned_to,no_such_field"},
				"sysparm_display_value":          {tt.display},
				"sysparm_exclude_reference_link": {tt.exclude},
			}, "basic"))
			require.Len(t, list, 1)
			assert.Equal(t, map[string]any{"state": tt.state, "assigned_to": tt.assigned}, list[0])
		})
	}
}

func TestEmptyReferenceIsEmptyString(t *testing.T) {
	s := startServer(t, Options{})
	list := results(t, get(t, s, "/api/now/table/incident", url.Values{
		"sysparm_query": {"number=" + SampleIncident2}, "sysparm_fields": {"assigned_to,priority"},
		"sysparm_display_value": {"true"},
	}, "basic"))
	assert.Equal(t, []any{map[string]any{"assigned_to": "", "priority": "3 - Moderate"}}, list)
}

func TestSingleRecord(t *testing.T) {
	s := startServer(t, Options{})
	sysID := SampleSysID("incident", HostileIncident)
	a := get(t, s, "/api/now/table/task/"+sysID, url.Values{"sysparm_fields": {"number,short_description"}}, "basic")
	require.Equal(t, http.StatusOK, a.status, a.raw)
	assert.Equal(t, map[string]any{"number": HostileIncident, "short_description": HostileDescription}, a.body["result"])

	missing := get(t, s, "/api/now/table/incident/"+strings.Repeat("0", 32), nil, "basic")
	assert.Equal(t, http.StatusNotFound, missing.status)
	assert.Equal(t, "failure", missing.body["status"])
}

func TestRoleHoldersDotWalked(t *testing.T) {
	s := startServer(t, Options{})
	list := results(t, get(t, s, "/api/now/table/sys_user_has_role", url.Values{
		"sysparm_query":  {"role.nameIN" + SampleRole + "^user.active=true^ORDERBYsys_id"},
		"sysparm_fields": {"user.user_name,user.email,role.name"},
	}, "basic"))
	var emails []any
	for _, item := range list {
		emails = append(emails, item.(map[string]any)["user.email"])
	}
	assert.Equal(t, []any{"alice@connect.example.com", "bob@connect.example.com", "carol@connect.example.com"}, emails)

	require.True(t, s.SetUserActive("frank", true))
	s.SetRoleHolders(SampleExternalRole)
	all := results(t, get(t, s, "/api/now/table/sys_user_has_role", url.Values{
		"sysparm_query": {"role.nameIN" + SampleRole + "," + SampleExternalRole + "^user.active=true"},
	}, "basic"))
	assert.Len(t, all, 4, "frank is active again; nobody holds snc_external any more")
}

func TestPaging(t *testing.T) {
	s := startServer(t, Options{})
	params := url.Values{"sysparm_query": {"numberSTARTSWITHINC"}, "sysparm_fields": {"number"}, "sysparm_limit": {"2"}}
	first := get(t, s, "/api/now/table/incident", params, "basic")
	assert.Len(t, results(t, first), 2)
	assert.Equal(t, "4", first.header.Get("X-Total-Count"))
	assert.Equal(t, map[string]string{"first": "0", "next": "2", "last": "2"}, linkOffsets(t, first.header.Get("Link")))

	params.Set("sysparm_offset", "2")
	params.Set("sysparm_no_count", "true")
	second := get(t, s, "/api/now/table/incident", params, "basic")
	assert.Equal(t, []any{map[string]any{"number": HostileIncident}, map[string]any{"number": SampleSwarmIncident}}, results(t, second))
	assert.Empty(t, second.header.Get("X-Total-Count"))
}

// linkOffsets maps each Link rel to the sysparm_offset of its URL.
func linkOffsets(t *testing.T, header string) map[string]string {
	t.Helper()
	offsets := map[string]string{}
	for _, link := range strings.Split(header, ",<") {
		target, rel, ok := strings.Cut(strings.TrimPrefix(link, "<"), ">;rel=")
		require.True(t, ok, header)
		u, err := url.Parse(target)
		require.NoError(t, err)
		offsets[strings.Trim(rel, `"`)] = u.Query().Get("sysparm_offset")
	}
	return offsets
}

func TestAuthentication(t *testing.T) {
	s := startServer(t, Options{})
	for _, auth := range []string{"", "not-a-token"} {
		a := get(t, s, "/api/now/table/incident", nil, auth)
		assert.Equal(t, http.StatusUnauthorized, a.status)
		assert.Equal(t, map[string]any{
			"error":  map[string]any{"message": "User Not Authenticated", "detail": "Required to provide Auth information"},
			"status": "failure",
		}, a.body)
	}
	req, _ := http.NewRequest(http.MethodGet, s.URL()+"/api/now/table/incident", nil)
	req.SetBasicAuth(DefaultUsername, "wrong")
	assert.Equal(t, http.StatusUnauthorized, send(t, req).status)
}

func tokenRequest(t *testing.T, s *Server, form url.Values) answer {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, s.URL()+"/oauth_token.do", strings.NewReader(form.Encode()))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return send(t, req)
}

func TestOAuthClientCredentials(t *testing.T) {
	s := startServer(t, Options{TokenTTL: time.Minute})
	good := url.Values{"grant_type": {"client_credentials"}, "client_id": {DefaultClientID}, "client_secret": {DefaultClientSecret}}
	a := tokenRequest(t, s, good)
	require.Equal(t, http.StatusOK, a.status, a.raw)
	assert.Equal(t, "Bearer", a.body["token_type"])
	assert.Equal(t, float64(60), a.body["expires_in"])
	token := a.body["access_token"].(string)
	assert.Equal(t, http.StatusOK, get(t, s, "/api/now/table/incident", nil, token).status)

	s.ExpireTokens()
	assert.Equal(t, http.StatusUnauthorized, get(t, s, "/api/now/table/incident", nil, token).status)

	bad := url.Values{"grant_type": {"client_credentials"}, "client_id": {DefaultClientID}, "client_secret": {"wrong"}}
	assert.Equal(t, http.StatusUnauthorized, tokenRequest(t, s, bad).status)
	assert.Equal(t, 1, s.TokensIssued())
}

func TestFaults(t *testing.T) {
	s := startServer(t, Options{})
	s.SetFault(Fault{Status: http.StatusTooManyRequests, RetryAfter: 7, Times: 2})
	for range 2 {
		a := get(t, s, "/api/now/table/incident", nil, "basic")
		assert.Equal(t, http.StatusTooManyRequests, a.status)
		assert.Equal(t, "7", a.header.Get("Retry-After"))
		assert.NotEmpty(t, a.header.Get("X-RateLimit-Limit"))
		assert.NotEmpty(t, a.header.Get("X-RateLimit-Reset"))
		assert.NotEmpty(t, a.header.Get("X-RateLimit-Rule"))
		assert.Equal(t, "failure", a.body["status"])
	}
	assert.Equal(t, http.StatusOK, get(t, s, "/api/now/table/incident", nil, "basic").status, "Times ran out")

	s.SetFault(Fault{Malformed: true})
	a := get(t, s, "/api/now/table/incident", nil, "basic")
	assert.Equal(t, http.StatusOK, a.status)
	assert.False(t, json.Valid([]byte(a.raw)))
	s.ClearFault()

	s.SetFault(Fault{Status: http.StatusServiceUnavailable, Path: "/oauth_token.do"})
	assert.Equal(t, http.StatusOK, get(t, s, "/api/now/table/incident", nil, "basic").status, "only the token endpoint fails")
}

func TestLatencyFaultEndsWithTheRequest(t *testing.T) {
	s := startServer(t, Options{})
	s.SetFault(Fault{Latency: time.Minute})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.URL()+"/api/now/table/incident", nil)
	start := time.Now()
	_, err := http.DefaultClient.Do(req)
	require.Error(t, err)
	assert.Less(t, time.Since(start), 5*time.Second)
	require.Eventually(t, func() bool { return len(s.Requests()) == 1 }, time.Second, 10*time.Millisecond)
}

func TestRequestsLog(t *testing.T) {
	s := startServer(t, Options{})
	get(t, s, "/api/now/table/task", url.Values{"sysparm_query": {"numberININC0010001^ORsys_idINabc"}}, "basic")
	get(t, s, "/api/now/table/task", nil, "")
	reqs := s.Requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, "task", reqs[0].Table())
	assert.Equal(t, AuthBasic, reqs[0].Auth)
	assert.Equal(t, http.StatusOK, reqs[0].Status)
	assert.Equal(t, [][]Condition{{{"number", "IN", "INC0010001"}, {"sys_id", "IN", "abc"}}}, reqs[0].Query.Groups)
	assert.Equal(t, AuthNone, reqs[1].Auth)
	assert.Equal(t, http.StatusUnauthorized, reqs[1].Status)
	assert.NotContains(t, reqs[0].RawQuery+reqs[0].Path, DefaultPassword)

	s.ResetRequests()
	assert.Empty(t, s.Requests())
}

func TestPutRecordAndCustomTables(t *testing.T) {
	s := startServer(t, Options{})
	s.PutRecord("u_facilities_request", Record{Number: "FAC0000001", ShortDescription: "Broken chair", State: "1", AssignedTo: "Nobody Known"})
	list := results(t, get(t, s, "/api/now/table/u_facilities_request", url.Values{
		"sysparm_query": {"number=FAC0000001"}, "sysparm_display_value": {"true"}, "sysparm_exclude_reference_link": {"true"},
		"sysparm_fields": {"number,state,assigned_to,sys_class_name"},
	}, "basic"))
	assert.Equal(t, []any{map[string]any{"number": "FAC0000001", "state": "Open", "assigned_to": "Nobody Known", "sys_class_name": "u_facilities_request"}}, list)

	table, sysID, ok := s.Find("FAC0000001")
	require.True(t, ok)
	assert.Equal(t, "u_facilities_request", table)
	assert.Equal(t, SampleSysID(table, "FAC0000001"), sysID)
	assert.True(t, s.DeleteRecord(table, sysID))
	assert.Empty(t, results(t, get(t, s, "/api/now/table/u_facilities_request", nil, "basic")))

	unknown := get(t, s, "/api/now/table/u_never_created", nil, "basic")
	assert.Equal(t, http.StatusBadRequest, unknown.status)
}

func TestSeededSamples(t *testing.T) {
	s := startServer(t, Options{})
	samples := Samples()
	assert.Len(t, samples, 23)
	for _, sample := range samples {
		table, sysID, ok := s.Find(sample.Record.Number)
		require.True(t, ok, sample.Record.Number)
		assert.Equal(t, sample.Table, table)
		assert.Len(t, sysID, 32)
	}
	list := results(t, get(t, s, "/api/now/table/kb_knowledge", url.Values{
		"sysparm_fields": {"number,workflow_state"}, "sysparm_display_value": {"true"},
	}, "basic"))
	assert.Equal(t, []any{
		map[string]any{"number": SampleArticle, "workflow_state": "Published"},
		map[string]any{"number": SampleArticle2, "workflow_state": "Draft"},
	}, list)
}
