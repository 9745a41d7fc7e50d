package api

import (
	"net/http"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/follow"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
)

// Follows is following records as the routes use it.
type Follows interface {
	List(userID string) ([]follow.Follow, error)
	Follow(userID string, key servicenow.RecordKey) (follow.Follow, error)
	Unfollow(userID string, ref follow.Ref) error
	Kind(userID, channelID string) (follow.JournalKind, error)
	SetKind(userID, channelID, kind string) (follow.JournalKind, error)
}

// RecordNames reads the record a number or record link names.
type RecordNames interface {
	RecordKey(text string) (servicenow.RecordKey, bool)
}

// registerFollows adds the follow routes (staff only), the cards' Follow button, which
// Mattermost calls as the user who clicked it, and the caller's journal field (work note or
// comment) for a record conversation's messages.
func registerFollows(mux *http.ServeMux, f Follows, names RecordNames, dir StaffDirectory) {
	if f == nil {
		return
	}
	mux.Handle("GET /api/v1/follows", requireUser(staffOnly(dir, func(w http.ResponseWriter, r *http.Request) {
		list, err := f.List(userID(r))
		respond(w, r, http.StatusOK, FollowList{Follows: list}, err)
	})))
	mux.Handle("POST /api/v1/follows", requireUser(staffOnly(dir, func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Record string `json:"record"`
			Table  string `json:"table"`
			SysID  string `json:"sys_id"`
		}
		if !readJSON(w, r, &req) {
			return
		}
		key, ok := followKey(names, req.Record, req.Table, req.SysID)
		if !ok {
			writeError(w, r, http.StatusBadRequest, i18n.M("connect.api.follow_body", `Send "record" (a record number or link, e.g. INC0010001) or "table" and "sys_id" (32 hex digits).`))
			return
		}
		followed, err := f.Follow(userID(r), key)
		respond(w, r, http.StatusOK, followed, err)
	})))
	mux.Handle("DELETE /api/v1/follows/{table}/{sys_id}", requireUser(staffOnly(dir, func(w http.ResponseWriter, r *http.Request) {
		err := f.Unfollow(userID(r), follow.Ref{Table: r.PathValue("table"), SysID: r.PathValue("sys_id")})
		if err != nil {
			writeFailure(w, r, err)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})))
	mux.Handle("POST /api/v1/actions/follow", requireUser(followAction(f, dir)))
	mux.Handle("GET /api/v1/conversations/{id}/journal", requireUser(staffOnly(dir, func(w http.ResponseWriter, r *http.Request) {
		kind, err := f.Kind(userID(r), r.PathValue("id"))
		respond(w, r, http.StatusOK, kind, err)
	})))
	mux.Handle("PUT /api/v1/conversations/{id}/journal", requireUser(staffOnly(dir, func(w http.ResponseWriter, r *http.Request) {
		var req follow.JournalKind
		if !readJSON(w, r, &req) {
			return
		}
		kind, err := f.SetKind(userID(r), r.PathValue("id"), req.Kind)
		respond(w, r, http.StatusOK, kind, err)
	})))
}

func followKey(names RecordNames, text, table, sysID string) (servicenow.RecordKey, bool) {
	if text != "" {
		return names.RecordKey(text)
	}
	key := servicenow.RecordKey{Table: table, SysID: sysID}
	return key, servicenow.ValidTable(table) && servicenow.ValidSysID(sysID)
}

// followAction answers a card's Follow button with a message only the clicker sees.
func followAction(f Follows, dir StaffDirectory) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req model.PostActionIntegrationRequest
		if !readJSON(w, r, &req) {
			return
		}
		answer := func(msg i18n.Message) {
			writeJSON(w, http.StatusOK, model.PostActionIntegrationResponse{EphemeralText: say(r, msg)})
		}
		verdict, err := dir.Verdict(userID(r))
		if err != nil {
			logInternal(r, err)
			answer(i18n.M("connect.api.who_are_you", "Connect could not check who you are. Please try again."))
			return
		}
		if verdict.Kind != staff.Staff {
			answer(i18n.M("connect.api.follow_staff_only", "Only ITIL staff can follow ServiceNow records."))
			return
		}
		table, _ := req.Context["table"].(string)
		sysID, _ := req.Context["sys_id"].(string)
		key, ok := followKey(nil, "", table, sysID)
		if !ok {
			answer(i18n.M("connect.api.follow_not_a_record", "This card does not name a record Connect can follow."))
			return
		}
		followed, err := f.Follow(userID(r), key)
		if known, ok := failure.As(err); ok {
			answer(known.Said)
			return
		}
		if err != nil {
			logInternal(r, err)
			answer(i18n.M("connect.api.follow_failed", "Connect could not follow the record. Please try again."))
			return
		}
		answer(i18n.M("connect.api.followed", "You follow {{.Number}}: its updates arrive in the record conversation \"{{.Number}} · {{.Description}}\".",
			i18n.Data{"Number": followed.Number, "Description": followed.ShortDescription}))
	}
}
