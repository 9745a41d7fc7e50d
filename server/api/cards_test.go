package api

import (
	"context"
	"net/http"
	"testing"

	"github.com/pkg/errors"
	"github.com/stretchr/testify/assert"

	"github.com/connectchat/mattermost-plugin-connect/server/records"
)

type fakeCards struct{}

func (fakeCards) RefreshFor(_ context.Context, userID, postID string) (bool, error) {
	switch {
	case userID == "outsider":
		return false, records.ErrNoSuchPost
	case postID == "down":
		return false, errors.New("ServiceNow did not answer within 5s")
	}
	return postID == "changed", nil
}

func TestRefreshCards(t *testing.T) {
	router := newTestRouter(t, "")
	cases := []struct {
		user, post string
		status     int
		body       string
	}{
		{"user1", "changed", http.StatusOK, `{"changed":true}`},
		{"user1", "same", http.StatusOK, `{"changed":false}`},
		{"user1", "down", http.StatusBadGateway, `{"error":"ServiceNow did not answer within 5s"}`},
		{"outsider", "changed", http.StatusNotFound, `{"error":"No such post."}`},
		{"", "changed", http.StatusUnauthorized, `{"error":"You must be logged in to Mattermost to use Connect Chat."}`},
	}
	for _, c := range cases {
		rec := serve(router, http.MethodPost, "/api/v1/posts/"+c.post+"/cards/refresh", c.user)
		assert.Equal(t, c.status, rec.Code, c.user+" "+c.post)
		assert.JSONEq(t, c.body, rec.Body.String(), c.user+" "+c.post)
	}
}
