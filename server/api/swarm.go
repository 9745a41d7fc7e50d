package api

import (
	"net/http"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
	"github.com/connectchat/mattermost-plugin-connect/server/swarm"
)

// Swarm is bringing in a record's people as the routes use it.
type Swarm interface {
	Plan(askerID string, key servicenow.RecordKey) (swarm.Plan, error)
	Apply(askerID string, key servicenow.RecordKey, userIDs []string) (swarm.Result, error)
	OpenDialog(askerID, triggerID string, key servicenow.RecordKey) (swarm.Plan, error)
	// Tell shows userID a message in channelID that only they see.
	Tell(userID, channelID string, message i18n.Message)
}

// SwarmActionPath is the card's "Bring in the team" button's integration.
const SwarmActionPath = "/api/v1/actions/swarm"

// registerSwarm adds bringing in a record's people (staff only): the plan, applying it, the
// interactive dialog's submission and the card's button that opens the dialog. Mattermost calls
// the last two as the user who submitted or clicked.
func registerSwarm(mux *http.ServeMux, s Swarm, dir StaffDirectory) {
	if s == nil {
		return
	}
	mux.Handle("GET /api/v1/swarm/{table}/{sys_id}", requireUser(staffOnly(dir, func(w http.ResponseWriter, r *http.Request) {
		plan, err := s.Plan(userID(r), pathRecord(r))
		respond(w, r, http.StatusOK, plan, err)
	})))
	mux.Handle("POST /api/v1/swarm/{table}/{sys_id}", requireUser(staffOnly(dir, func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			UserIDs []string `json:"user_ids"`
		}
		if !readJSON(w, r, &req) {
			return
		}
		if len(req.UserIDs) > maxSwarmPeople {
			writeError(w, r, http.StatusBadRequest, i18n.M("connect.api.swarm_too_many", "Choose at most 500 people."))
			return
		}
		result, err := s.Apply(userID(r), pathRecord(r), req.UserIDs)
		respond(w, r, http.StatusOK, result, err)
	})))
	mux.Handle("POST "+swarm.DialogPath, requireUser(swarmDialogSubmit(s, dir)))
	mux.Handle("POST "+SwarmActionPath, requireUser(swarmAction(s, dir)))
}

const maxSwarmPeople = 500

// pathRecord is the record a swarm route names: {table}/{sys_id}, both checked by the service.
func pathRecord(r *http.Request) servicenow.RecordKey {
	return servicenow.RecordKey{Table: r.PathValue("table"), SysID: r.PathValue("sys_id")}
}

// swarmDialogSubmit applies the dialog's choice; an error goes back into the dialog.
func swarmDialogSubmit(s Swarm, dir StaffDirectory) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req model.SubmitDialogRequest
		if !readJSON(w, r, &req) {
			return
		}
		answer := func(text string) { writeJSON(w, http.StatusOK, model.SubmitDialogResponse{Error: text}) }
		sayAnswer := func(msg i18n.Message) { answer(say(r, msg)) }
		if req.Cancelled {
			writeJSON(w, http.StatusOK, model.SubmitDialogResponse{})
			return
		}
		if message, ok := staffCheck(r, dir); !ok {
			sayAnswer(message)
			return
		}
		table, sysID, ok := swarm.ParseDialogState(req.State)
		if req.CallbackId != swarm.DialogCallback || !ok {
			sayAnswer(i18n.M("connect.api.swarm_dialog_not_a_record", "This dialog does not name a record Connect can bring people into."))
			return
		}
		result, err := s.Apply(userID(r), servicenow.RecordKey{Table: table, SysID: sysID}, swarm.Chosen(req.Submission))
		if text, failed := failureText(r, err, i18n.M("connect.api.swarm_failed", "Connect could not bring in the team. Please try again.")); failed {
			answer(text)
			return
		}
		if req.ChannelId != "" {
			s.Tell(userID(r), req.ChannelId, swarm.Summary(result))
		}
		writeJSON(w, http.StatusOK, model.SubmitDialogResponse{})
	}
}

// swarmAction answers the card's "Bring in the team" button by opening the dialog.
func swarmAction(s Swarm, dir StaffDirectory) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req model.PostActionIntegrationRequest
		if !readJSON(w, r, &req) {
			return
		}
		answer := func(text string) {
			writeJSON(w, http.StatusOK, model.PostActionIntegrationResponse{EphemeralText: text})
		}
		sayAnswer := func(msg i18n.Message) { answer(say(r, msg)) }
		if message, ok := staffCheck(r, dir); !ok {
			sayAnswer(message)
			return
		}
		table, _ := req.Context["table"].(string)
		sysID, _ := req.Context["sys_id"].(string)
		if !servicenow.ValidTable(table) || !servicenow.ValidSysID(sysID) {
			sayAnswer(i18n.M("connect.api.swarm_card_not_a_record", "This card does not name a record Connect can bring people into."))
			return
		}
		_, err := s.OpenDialog(userID(r), req.TriggerId, servicenow.RecordKey{Table: table, SysID: sysID})
		if text, failed := failureText(r, err, i18n.M("connect.api.swarm_dialog_failed", "Connect could not open the dialog. Please try again.")); failed {
			answer(text)
			return
		}
		writeJSON(w, http.StatusOK, model.PostActionIntegrationResponse{})
	}
}

// staffCheck is the staff rule for the routes Mattermost calls for a user: a sentence when
// the caller is not staff.
func staffCheck(r *http.Request, dir StaffDirectory) (i18n.Message, bool) {
	verdict, err := dir.Verdict(userID(r))
	if err != nil {
		logInternal(r, err)
		return i18n.M("connect.api.who_are_you", "Connect could not check who you are. Please try again."), false
	}
	if verdict.Kind != staff.Staff {
		return i18n.M("connect.api.swarm_staff_only", "Only ITIL staff can bring in a record's people."), false
	}
	return i18n.Message{}, true
}
