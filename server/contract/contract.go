// Package contract is the one list of what the server sends the web app: every websocket
// event's payload type and the body type of every REST route the web app reads. The web app's
// types are generated from it (go run ./build/cmd/wiregen writes
// webapp/src/types/wire.generated.ts), and the fixtures under webapp/tests/contract, written
// from the server's real output by its packages' tests (go test -update), are checked against
// it here and fed to the web app's own code by its tests.
package contract

import (
	"reflect"
	"slices"
	"strings"

	"github.com/connectchat/mattermost-plugin-connect/server/api"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/creation"
	"github.com/connectchat/mattermost-plugin-connect/server/digest"
	"github.com/connectchat/mattermost-plugin-connect/server/follow"
	"github.com/connectchat/mattermost-plugin-connect/server/journal"
	"github.com/connectchat/mattermost-plugin-connect/server/notify"
	"github.com/connectchat/mattermost-plugin-connect/server/receipts"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
	"github.com/connectchat/mattermost-plugin-connect/server/search"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
	"github.com/connectchat/mattermost-plugin-connect/server/swarm"
	"github.com/connectchat/mattermost-plugin-connect/server/wire"
	"github.com/connectchat/mattermost-plugin-connect/server/workspace"
)

// Events are the payloads of every websocket event the server publishes; an event may have
// more than one (digest_changed).
var Events = []wire.Event{
	conversations.Updated{},
	conversations.Closed{},
	conversations.UnreadTotals{},
	notify.Changed{},
	digest.SettingsChanged{},
	digest.ConversationChanged{},
	follow.Changed{},
}

// Route is one of the plugin's REST routes the web app calls, and what it answers.
type Route struct {
	// Pattern is the route as server/api registers it.
	Pattern string
	// Body is a value of the type of the answer; nil for 204 No Content.
	Body any
}

// Routes are the REST routes the web app calls.
var Routes = []Route{
	{"GET /api/v1/conversations", conversations.List{}},
	{"GET /api/v1/conversations/search", api.ConversationSearch{}},
	{"GET /api/v1/conversations/{id}", conversations.Conversation{}},
	{"POST /api/v1/conversations", conversations.Conversation{}},
	{"POST /api/v1/conversations/{id}/members", conversations.Conversation{}},
	{"DELETE /api/v1/conversations/{id}/members/{user_id}", conversations.Conversation{}},
	{"PATCH /api/v1/conversations/{id}", conversations.Conversation{}},
	{"POST /api/v1/conversations/{id}/close", nil},
	{"POST /api/v1/conversations/{id}/open", conversations.Conversation{}},
	{"POST /api/v1/posts/{post_id}/cards/refresh", api.CardsRefreshed{}},
	{"GET /api/v1/staff", staff.Page{}},
	{"GET /api/v1/conversations/{id}/files", workspace.FilePage{}},
	{"GET /api/v1/conversations/{id}/records", workspace.RecordsAndLinks{}},
	{"GET /api/v1/conversations/{id}/notifications", notify.Preferences{}},
	{"PUT /api/v1/conversations/{id}/notifications", notify.Preferences{}},
	{"GET /api/v1/digest", digest.View{}},
	{"PUT /api/v1/digest", digest.View{}},
	{"GET /api/v1/conversations/{id}/digest", digest.ConversationView{}},
	{"PUT /api/v1/conversations/{id}/digest", digest.ConversationView{}},
	{"GET /api/v1/follows", api.FollowList{}},
	{"POST /api/v1/follows", follow.Follow{}},
	{"DELETE /api/v1/follows/{table}/{sys_id}", nil},
	{"GET /api/v1/swarm/{table}/{sys_id}", swarm.Plan{}},
	{"POST /api/v1/swarm/{table}/{sys_id}", swarm.Result{}},
	{"GET /api/v1/records/creatable", creation.Creatable{}},
	{"POST /api/v1/conversations/{id}/records", creation.Created{}},
	{"POST /api/v1/conversations/{id}/saved", journal.Saved{}},
	{"GET /api/v1/conversations/{id}/journal", follow.JournalKind{}},
	{"PUT /api/v1/conversations/{id}/journal", follow.JournalKind{}},
	{"GET /api/v1/conversations/{id}/seen", receipts.Seen{}},
	{"GET /api/v1/receipts", receipts.Setting{}},
	{"PUT /api/v1/receipts", receipts.Setting{}},
	{"GET /api/v1/search", search.Results{}},
}

// Refusals are the bodies of the routes' error answers.
var Refusals = []any{api.ErrorBody{}, api.NotStaffBody{}}

// Names are the web app's names for the wire types whose Go name alone would not say what
// they are there; the others keep their Go name.
var Names = map[reflect.Type]string{
	reflect.TypeFor[search.Results]():             "MessageSearchResults",
	reflect.TypeFor[search.Group]():               "MessageSearchGroup",
	reflect.TypeFor[search.Match]():               "MessageSearchMatch",
	reflect.TypeFor[conversations.Kind]():         "ConversationKind",
	reflect.TypeFor[conversations.RecordRef]():    "FollowedRecord",
	reflect.TypeFor[conversations.List]():         "ConversationList",
	reflect.TypeFor[conversations.Updated]():      "ConversationUpdated",
	reflect.TypeFor[conversations.Closed]():       "ConversationClosed",
	reflect.TypeFor[notify.Level]():               "NotificationLevel",
	reflect.TypeFor[notify.Preferences]():         "NotificationPreferences",
	reflect.TypeFor[notify.Changed]():             "NotificationsChanged",
	reflect.TypeFor[digest.View]():                "DigestSettings",
	reflect.TypeFor[digest.ConversationView]():    "ConversationDigest",
	reflect.TypeFor[digest.SettingsChanged]():     "DigestSettingsChanged",
	reflect.TypeFor[digest.ConversationChanged](): "DigestConversationChanged",
	reflect.TypeFor[follow.Changed]():             "FollowsChanged",
	reflect.TypeFor[staff.Person]():               "StaffPerson",
	reflect.TypeFor[staff.Page]():                 "StaffPage",
	reflect.TypeFor[workspace.File]():             "ConversationFile",
	reflect.TypeFor[workspace.FilePage]():         "ConversationFilePage",
	reflect.TypeFor[workspace.RecordsAndLinks]():  "ConversationRecords",
	reflect.TypeFor[workspace.Record]():           "ConversationRecord",
	reflect.TypeFor[workspace.Card]():             "RecordCardSummary",
	reflect.TypeFor[workspace.Place]():            "RecordConversationRef",
	reflect.TypeFor[workspace.Link]():             "SharedLink",
	reflect.TypeFor[records.Status]():             "RecordCardStatus",
	reflect.TypeFor[swarm.Plan]():                 "SwarmPlan",
	reflect.TypeFor[swarm.Person]():               "SwarmPerson",
	reflect.TypeFor[swarm.Record]():               "SwarmRecord",
	reflect.TypeFor[swarm.Result]():               "SwarmResult",
	reflect.TypeFor[swarm.Role]():                 "SwarmRole",
	reflect.TypeFor[swarm.Status]():               "SwarmStatus",
	reflect.TypeFor[creation.Creatable]():         "CreatableTables",
	reflect.TypeFor[creation.Table]():             "CreatableTable",
	reflect.TypeFor[creation.Created]():           "CreatedRecord",
	reflect.TypeFor[creation.Card]():              "CreatedRecordCard",
	reflect.TypeFor[journal.Saved]():              "SavedToRecord",
	reflect.TypeFor[receipts.Seen]():              "ConversationSeen",
	reflect.TypeFor[receipts.Reader]():            "SeenReader",
	reflect.TypeFor[receipts.Setting]():           "ReceiptSetting",
}

// Name is the web app's name for a wire type.
func Name(t reflect.Type) string {
	if name, ok := Names[t]; ok {
		return name
	}
	return t.Name()
}

// EventNames are the names of the events, each once, in the order of Events.
func EventNames() []string {
	var names []string
	for _, ev := range Events {
		if !slices.Contains(names, ev.EventName()) {
			names = append(names, ev.EventName())
		}
	}
	return names
}

// FixtureName is the file under webapp/tests/contract/rest/ of a route's answer:
// "GET /api/v1/conversations/{id}/files" is get_conversations_id_files.json.
func FixtureName(pattern string) string {
	method, path, _ := strings.Cut(pattern, " ")
	path = strings.TrimPrefix(path, "/api/v1/")
	path = strings.NewReplacer("{", "", "}", "", "/", "_").Replace(path)
	return strings.ToLower(method) + "_" + path + ".json"
}
