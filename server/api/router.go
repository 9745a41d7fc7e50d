// Package api owns the plugin's HTTP surface under /plugins/<id>: routes, authentication and JSON errors.
package api

import (
	"encoding/json"
	"net/http"
	"path/filepath"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// Config is what the routes need from the plugin.
type Config struct {
	PluginID   string
	Version    string
	BundlePath string
	// SiteURL is read on every request so a changed Site URL applies at once.
	SiteURL func() string
	IsAdmin func(userID string) bool
	// AdminHealth is the detail only system admins see in the health answer.
	AdminHealth func() map[string]any
	Staff       StaffDirectory
	Cards       CardRefresher
	// Conversations serves the conversation routes (staff only).
	Conversations ConversationService
	// Tools serves the workspace tools pane's routes about one conversation (staff only).
	Tools WorkspaceTools
	// Notifications serves the bell's routes about one conversation (staff only).
	Notifications NotificationPreferences
	// Digest serves the email digest's routes; nil leaves them out.
	Digest Digest
	// Search finds messages in the caller's Connect conversations; nil leaves its route out.
	Search MessageSearch
	// Follows serves following records; nil leaves its routes out.
	Follows     Follows
	RecordNames RecordNames
	// Swarm serves bringing in a record's people; nil leaves its routes out.
	Swarm Swarm
	// Receipts serves read receipts (staff only); nil leaves their routes out.
	Receipts Receipts
	// Creator creates records from conversations; nil leaves its routes out.
	Creator Creator
	// Log records the failures the routes answer with a 500.
	Log Log
	// Webhook receives ServiceNow's signed record events; nil leaves its route out.
	Webhook Webhook
	// Journal saves conversations to records; nil leaves its routes out.
	Journal Journal
	// Languages says each answer in its reader's language (nil: English).
	Languages *i18n.Languages
	// Admin serves the System Console page (system admins only); nil leaves its routes out.
	Admin AdminConsole
}

// NewRouter returns the handler for every plugin route. Each route authenticates: Mattermost
// sets Mattermost-User-Id only for requests carrying a valid session, and signed routes verify
// their caller's signature instead.
func NewRouter(cfg Config) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /api/v1/health", requireUser(health(cfg)))
	mux.Handle("GET /api/v1/staff", requireUser(searchStaff(cfg.Staff)))
	mux.Handle("POST /api/v1/posts/{post_id}/cards/refresh", requireUser(refreshCards(cfg.Cards)))
	registerConversations(mux, cfg.Conversations, cfg.Staff)
	registerTools(mux, cfg.Tools, cfg.Staff)
	registerNotifications(mux, cfg.Notifications, cfg.Staff)
	registerDigest(mux, cfg.Digest, cfg.Staff)
	registerFollows(mux, cfg.Follows, cfg.RecordNames, cfg.Staff)
	registerSwarm(mux, cfg.Swarm, cfg.Staff)
	registerCreate(mux, cfg.Creator, cfg.Staff)
	registerJournal(mux, cfg.Journal, cfg.Staff)
	registerReceipts(mux, cfg.Receipts, cfg.Staff)
	registerSearch(mux, cfg.Search, cfg.Staff)
	registerAdmin(mux, cfg.Admin, cfg.IsAdmin)
	mux.Handle("GET /workspace", workspacePage(cfg))
	mux.Handle("GET /static/workspace.js", requireUser(bundleFile(cfg, "webapp", "dist", "workspace.js")))
	mux.Handle("GET /static/emoji.json", requireUser(bundleFile(cfg, "webapp", "dist", "emoji.json")))
	mux.Handle("GET /assets/connect.svg", requireUser(bundleFile(cfg, "assets", "connect.svg")))
	registerWebhook(mux, cfg.Webhook)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, http.StatusNotFound, i18n.M("connect.api.not_found", "Not found."))
	})
	return withEdge(cfg.Log, cfg.Languages, mux)
}

// Starting answers a request that arrived before the routes exist, while the plugin starts
// (in English: the caller's language is not known yet).
func Starting(w http.ResponseWriter, r *http.Request) {
	writeError(w, r, http.StatusServiceUnavailable, i18n.M("connect.api.starting", "Connect Chat is starting. Please try again in a moment."))
}

// userID is the authenticated caller; empty for anonymous requests.
func userID(r *http.Request) string {
	return r.Header.Get("Mattermost-User-Id")
}

func requireUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if userID(r) == "" {
			writeError(w, r, http.StatusUnauthorized, i18n.M("connect.api.not_logged_in", "You must be logged in to Mattermost to use Connect Chat."))
			return
		}
		next.ServeHTTP(w, r)
	})
}

func health(cfg Config) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body := map[string]any{
			"status":  "ok",
			"plugin":  cfg.PluginID,
			"version": cfg.Version,
		}
		if cfg.IsAdmin(userID(r)) {
			for key, value := range cfg.AdminHealth() {
				body[key] = value
			}
		}
		writeJSON(w, http.StatusOK, body)
	}
}

func bundleFile(cfg Config, parts ...string) http.HandlerFunc {
	path := filepath.Join(append([]string{cfg.BundlePath}, parts...)...)
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeFile(w, r, path)
	}
}

// writeError answers status with message in the caller's language.
func writeError(w http.ResponseWriter, r *http.Request, status int, message i18n.Message) {
	writeJSON(w, status, ErrorBody{Error: say(r, message)})
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}
