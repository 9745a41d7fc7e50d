package api

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/pkg/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
)

type fakeStaff struct{}

func (fakeStaff) Verdict(userID string) (staff.Verdict, error) {
	switch userID {
	case "broken":
		return staff.Verdict{}, errors.New("store down")
	case "customer":
		return staff.Verdict{UserID: userID, Kind: staff.NonStaff}, nil
	}
	return staff.Verdict{UserID: userID, Kind: staff.Staff}, nil
}

func (fakeStaff) AccessRule(*i18n.Localizer) string {
	return "Access comes with the ServiceNow role “itil”."
}

func (fakeStaff) Search(term, excludeID string, page, perPage int) (staff.Page, error) {
	people := []staff.Person{{ID: "u1", Username: term + "-one"}, {ID: "u2", Username: term + "-two"}}
	start, end := min(page*perPage, 2), min(page*perPage+perPage, 2)
	return staff.Page{People: people[start:end], HasMore: end < 2}, nil
}

func TestStaffSearchPagesThroughStaff(t *testing.T) {
	router := newTestRouter(t, "")
	rec := serve(router, http.MethodGet, "/api/v1/staff?q=ann&page=1&per_page=1", "user1")
	require.Equal(t, http.StatusOK, rec.Code)
	var page staff.Page
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &page))
	assert.Equal(t, staff.Page{People: []staff.Person{{ID: "u2", Username: "ann-two"}}}, page)
}

func TestStaffSearchRefusals(t *testing.T) {
	router := newTestRouter(t, "")
	cases := []struct {
		path, user string
		status     int
		message    string
	}{
		{"/api/v1/staff?q=a", "", http.StatusUnauthorized, "logged in"},
		{"/api/v1/staff?q=a", "customer", http.StatusForbidden, "Connect Chat is for ITIL staff only."},
		{"/api/v1/staff?q=a", "broken", http.StatusInternalServerError, "could not check who you are"},
		{"/api/v1/staff?page=x", "user1", http.StatusBadRequest, "page must be a number"},
		{"/api/v1/staff?per_page=500", "user1", http.StatusBadRequest, "per_page must be a number from 1 to 100"},
		{"/api/v1/staff?q=" + strings.Repeat("a", 65), "user1", http.StatusBadRequest, "too long"},
	}
	for _, c := range cases {
		rec := serve(router, http.MethodGet, c.path, c.user)
		assert.Equal(t, c.status, rec.Code, c.path)
		assert.Contains(t, decodeError(t, rec), c.message, c.path)
	}
}

func TestNotStaffAnswerSaysWhoToAsk(t *testing.T) {
	rec := serve(newTestRouter(t, ""), http.MethodGet, "/api/v1/conversations", "customer")

	require.Equal(t, http.StatusForbidden, rec.Code)
	var body struct{ Error, ID, Help string }
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &body))
	assert.Equal(t, "connect.not_staff", body.ID)
	assert.Equal(t, "Access comes with the ServiceNow role “itil”.", body.Help)
}
