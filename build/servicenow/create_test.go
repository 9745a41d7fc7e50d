package standin

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func post(t *testing.T, s *Server, path string, params url.Values, body string) answer {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, s.URL()+path+"?"+params.Encode(), strings.NewReader(body))
	require.NoError(t, err)
	req.SetBasicAuth(s.Options().Username, s.Options().Password)
	req.Header.Set("Content-Type", "application/json")
	return send(t, req)
}

func TestCreateAnswersTheNewRecordWithTheNextNumber(t *testing.T) {
	s := startServer(t, Options{})
	callerID := s.PutUser(User{UserName: "ana.ruiz", Name: "Ana Ruiz", Email: "ana@connect.example.com", Active: true})
	params := url.Values{"sysparm_display_value": {"all"}, "sysparm_fields": {"sys_id,number,short_description,caller_id,state"}}
	a := post(t, s, "/api/now/table/incident", params,
		`{"short_description":"Printer on fire","caller_id":"`+callerID+`","work_notes":"Alice via Connect\nfirst"}`)
	require.Equal(t, http.StatusCreated, a.status, a.raw)
	result := a.body["result"].(map[string]any)
	assert.Len(t, result, 5, "sysparm_fields limits the fields")
	assert.Equal(t, map[string]any{"display_value": "INC0010667", "value": "INC0010667"}, result["number"], "after the highest seeded INC0010666")
	assert.Equal(t, "Ana Ruiz", result["caller_id"].(map[string]any)["display_value"])
	assert.Equal(t, "New", result["state"].(map[string]any)["display_value"])
	sysID := result["sys_id"].(map[string]any)["value"].(string)
	assert.Regexp(t, `^[0-9a-f]{32}$`, sysID)

	again := get(t, s, "/api/now/table/incident/"+sysID, nil, "basic")
	require.Equal(t, http.StatusOK, again.status, again.raw)
	journal := s.JournalOf("INC0010667")
	require.Len(t, journal, 1)
	assert.Equal(t, "work_notes", journal[0].Element)
	assert.Equal(t, DefaultUsername, journal[0].CreatedBy)
	created := s.CreatedRecords()
	require.Len(t, created, 1)
	assert.Equal(t, "Ana Ruiz", created[0].Caller)

	next := post(t, s, "/api/now/table/incident", nil, `{"short_description":"Second","caller_id":"`+callerID+`"}`)
	require.Equal(t, http.StatusCreated, next.status, next.raw)
	assert.Equal(t, "INC0010668", next.body["result"].(map[string]any)["number"])
}

func TestCreateRefusesAMissingMandatoryFieldAndCreatesNothing(t *testing.T) {
	s := startServer(t, Options{})
	a := post(t, s, "/api/now/table/incident", nil, `{"short_description":"No caller"}`)
	require.Equal(t, http.StatusForbidden, a.status, a.raw)
	errBody := a.body["error"].(map[string]any)
	assert.Equal(t, "Operation Failed", errBody["message"])
	assert.Contains(t, errBody["detail"], "Data Policy Exception")
	assert.Contains(t, errBody["detail"], "The following fields are mandatory: Caller")
	assert.Equal(t, "failure", a.body["status"])
	assert.Empty(t, s.CreatedRecords())

	s.SetMandatory("incident", "short_description")
	ok := post(t, s, "/api/now/table/incident", nil, `{"short_description":"No caller"}`)
	assert.Equal(t, http.StatusCreated, ok.status, ok.raw)
	s.SetMandatory("problem", "short_description", "assignment_group")
	both := post(t, s, "/api/now/table/problem", nil, `{}`)
	assert.Contains(t, both.body["error"].(map[string]any)["detail"], "mandatory: Short description, Assignment group")
}

func TestCreateRefusesUnknownTablesAndCallers(t *testing.T) {
	s := startServer(t, Options{})
	assert.Equal(t, http.StatusBadRequest, post(t, s, "/api/now/table/nope", nil, `{}`).status)
	assert.Equal(t, http.StatusBadRequest, post(t, s, "/api/now/table/incident", nil, `{"short_description":"x","caller_id":"0123456789abcdef0123456789abcdef"}`).status)
	assert.Equal(t, http.StatusBadRequest, post(t, s, "/api/now/table/incident", nil, `not json`).status)
	assert.Empty(t, s.CreatedRecords())
}
