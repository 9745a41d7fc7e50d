package api

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
)

// CardRefresher re-reads the records on a post's cards for a caller who can read the post;
// records.ErrNoSuchPost for anyone else.
type CardRefresher interface {
	RefreshFor(ctx context.Context, userID, postID string) (changed bool, err error)
}

const refreshTimeout = 10 * time.Second

// refreshCards answers POST /api/v1/posts/{post_id}/cards/refresh: the web app asks it for
// the cards it shows, so they reflect the records' current state within the cache TTL.
func refreshCards(cards CardRefresher) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), refreshTimeout)
		defer cancel()
		changed, err := cards.RefreshFor(ctx, userID(r), r.PathValue("post_id"))
		switch {
		case errors.Is(err, records.ErrNoSuchPost):
			writeError(w, r, http.StatusNotFound, i18n.M("connect.api.no_such_post", "No such post."))
		case err != nil && !changed:
			writeError(w, r, http.StatusBadGateway, i18n.Text(err.Error())) // ServiceNow's trouble, as the health endpoint says it
		default:
			writeJSON(w, http.StatusOK, CardsRefreshed{Changed: changed})
		}
	}
}
