package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// ConversationService is the conversations domain as the routes use it.
type ConversationService interface {
	List(userID string) (conversations.List, error)
	Search(userID, term string) ([]conversations.Conversation, error)
	Get(userID, channelID string) (conversations.Conversation, error)
	Create(userID string, req conversations.CreateRequest) (c conversations.Conversation, created bool, err error)
	AddMembers(userID, channelID string, userIDs []string) (conversations.Conversation, error)
	RemoveMember(userID, channelID, memberID string) (conversations.Conversation, error)
	Rename(userID, channelID, name string) (conversations.Conversation, error)
	Close(userID, channelID string) error
	Open(userID, channelID string) (conversations.Conversation, error)
}

// maxBodyBytes bounds request bodies.
const maxBodyBytes = 64 << 10

// registerConversations adds the conversation routes; every one is for staff only.
func registerConversations(mux *http.ServeMux, svc ConversationService, dir StaffDirectory) {
	routes := map[string]func(ConversationService, http.ResponseWriter, *http.Request){
		"GET /api/v1/conversations":                           listConversations,
		"GET /api/v1/conversations/search":                    searchConversations,
		"GET /api/v1/conversations/{id}":                      getConversation,
		"POST /api/v1/conversations":                          createConversation,
		"POST /api/v1/conversations/{id}/members":             addMembers,
		"DELETE /api/v1/conversations/{id}/members/{user_id}": removeMember,
		"PATCH /api/v1/conversations/{id}":                    renameConversation,
		"POST /api/v1/conversations/{id}/close":               closeConversation,
		"POST /api/v1/conversations/{id}/open":                openConversation,
	}
	for pattern, handle := range routes {
		mux.Handle(pattern, requireUser(staffOnly(dir, func(w http.ResponseWriter, r *http.Request) { handle(svc, w, r) })))
	}
}

func staffOnly(dir StaffDirectory, next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if requireStaff(w, r, dir) {
			next(w, r)
		}
	}
}

func listConversations(svc ConversationService, w http.ResponseWriter, r *http.Request) {
	list, err := svc.List(userID(r))
	respond(w, r, http.StatusOK, list, err)
}

func searchConversations(svc ConversationService, w http.ResponseWriter, r *http.Request) {
	term := strings.TrimSpace(r.URL.Query().Get("q"))
	if n := utf8.RuneCountInString(term); n < 1 || n > maxQueryLength {
		writeError(w, r, http.StatusBadRequest, i18n.M("connect.api.conversation_search_length", "Type 1 to 64 characters to search conversations."))
		return
	}
	found, err := svc.Search(userID(r), term)
	respond(w, r, http.StatusOK, ConversationSearch{Conversations: found}, err)
}

func getConversation(svc ConversationService, w http.ResponseWriter, r *http.Request) {
	c, err := svc.Get(userID(r), r.PathValue("id"))
	respond(w, r, http.StatusOK, c, err)
}

func createConversation(svc ConversationService, w http.ResponseWriter, r *http.Request) {
	var req conversations.CreateRequest
	if !readJSON(w, r, &req) {
		return
	}
	c, created, err := svc.Create(userID(r), req)
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	respond(w, r, status, c, err)
}

func addMembers(svc ConversationService, w http.ResponseWriter, r *http.Request) {
	var req struct {
		UserIDs []string `json:"user_ids"`
	}
	if !readJSON(w, r, &req) {
		return
	}
	c, err := svc.AddMembers(userID(r), r.PathValue("id"), req.UserIDs)
	respond(w, r, http.StatusOK, c, err)
}

func removeMember(svc ConversationService, w http.ResponseWriter, r *http.Request) {
	c, err := svc.RemoveMember(userID(r), r.PathValue("id"), r.PathValue("user_id"))
	respond(w, r, http.StatusOK, c, err)
}

func renameConversation(svc ConversationService, w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name *string `json:"name"`
	}
	if !readJSON(w, r, &req) {
		return
	}
	if req.Name == nil {
		writeError(w, r, http.StatusBadRequest, i18n.M("connect.api.rename_body", `Send the new name as {"name": "..."}; an empty name goes back to the member names.`))
		return
	}
	c, err := svc.Rename(userID(r), r.PathValue("id"), *req.Name)
	respond(w, r, http.StatusOK, c, err)
}

func closeConversation(svc ConversationService, w http.ResponseWriter, r *http.Request) {
	if err := svc.Close(userID(r), r.PathValue("id")); err != nil {
		writeFailure(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func openConversation(svc ConversationService, w http.ResponseWriter, r *http.Request) {
	c, err := svc.Open(userID(r), r.PathValue("id"))
	respond(w, r, http.StatusOK, c, err)
}

// readJSON decodes a body of at most maxBodyBytes into out, answering 413 or 400 when it cannot.
func readJSON(w http.ResponseWriter, r *http.Request, out any) bool {
	decoder := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	err := decoder.Decode(out)
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		writeError(w, r, http.StatusRequestEntityTooLarge, i18n.M("connect.api.body_too_large", "The request is too large (at most 64 KiB)."))
	case err != nil:
		writeError(w, r, http.StatusBadRequest, i18n.M("connect.api.body_not_json", "The request body is not valid JSON for this request."))
	case decoder.Decode(&json.RawMessage{}) != io.EOF:
		writeError(w, r, http.StatusBadRequest, i18n.M("connect.api.body_not_one_object", "The request body must be one JSON object, with nothing after it."))
	default:
		return true
	}
	return false
}
