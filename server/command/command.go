// Package command owns the /connect slash command: its definition, autocomplete and dispatch.
package command

import (
	"fmt"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/failure"
)

// Trigger is the slash command word.
const Trigger = "connect"

// Deps is what the subcommands act on.
type Deps struct {
	// WorkspaceURL is read on every use, so a changed Site URL applies at once.
	WorkspaceURL func() string
	// WorkspaceRoute is the workspace inside the web app for a team ("" when it has none).
	WorkspaceRoute func(teamID string) string
	IsAdmin        func(userID string) bool
	Staff          StaffAdmin
	Records        RecordLinker
	Bell           Bell
	Digest         Digest
	Follows        Follows
	// Swarm brings in a record's people; nil leaves /connect swarm out.
	Swarm Swarm
	// Journal saves messages to records; nil leaves /connect save out.
	Journal Journal
	IsStaff func(userID string) bool
	// Log records the failures the subcommands answer with a generic message.
	Log Log
	// Creator creates records from conversations; nil leaves /connect create out.
	Creator Creator
}

// Log is where /connect writes a failure the caller cannot act on: once, with the subcommand
// and the caller.
type Log interface {
	Error(message string, keyValuePairs ...any)
}

// Handler answers /connect.
type Handler struct {
	deps        Deps
	subcommands []subcommand
}

type subcommand struct {
	name         string
	hint         string
	help         string
	adminOnly    bool
	autocomplete *model.AutocompleteData
	execute      func(args *model.CommandArgs, words []string) *model.CommandResponse
}

// NewHandler builds the /connect handler.
func NewHandler(deps Deps) *Handler {
	h := &Handler{deps: deps}
	h.subcommands = []subcommand{
		{name: "help", help: "Show what /connect can do", execute: h.help},
		{name: "open", help: "Open the Connect Workspace", execute: h.open},
		h.recordCommand(),
	}
	if deps.Follows != nil {
		h.subcommands = append(h.subcommands, h.followCommands()...)
	}
	if deps.Swarm != nil {
		h.subcommands = append(h.subcommands, h.swarmCommand())
	}
	if deps.Creator != nil {
		h.subcommands = append(h.subcommands, h.createCommand())
	}
	if deps.Journal != nil {
		h.subcommands = append(h.subcommands, h.saveCommand())
	}
	h.subcommands = append(h.subcommands, h.notifyCommand(), h.digestCommand(), h.staffCommand())
	return h
}

// Definition is what Mattermost registers, with autocomplete for every subcommand.
func (h *Handler) Definition() *model.Command {
	autocomplete := model.NewAutocompleteData(Trigger, "[command]", "Connect Chat: staff conversations and ServiceNow records")
	for _, sub := range h.subcommands {
		if sub.autocomplete != nil {
			autocomplete.AddCommand(sub.autocomplete)
			continue
		}
		autocomplete.AddCommand(model.NewAutocompleteData(sub.name, sub.hint, sub.help))
	}
	return &model.Command{
		Trigger:          Trigger,
		DisplayName:      "Connect Chat",
		Description:      "Connect Chat: staff conversations and ServiceNow records",
		AutoComplete:     true,
		AutoCompleteDesc: "Available commands: " + strings.Join(h.names(), ", "),
		AutoCompleteHint: "[command]",
		AutocompleteData: autocomplete,
	}
}

// Execute runs one /connect invocation and always answers the caller privately.
func (h *Handler) Execute(args *model.CommandArgs) *model.CommandResponse {
	words := strings.Fields(args.Command)
	if len(words) < 2 {
		return h.help(args, nil)
	}
	name := strings.ToLower(words[1])
	for _, sub := range h.subcommands {
		if sub.name != name {
			continue
		}
		if sub.adminOnly && !h.deps.IsAdmin(args.UserId) {
			return ephemeral(fmt.Sprintf("Only system admins can use `/connect %s`.", sub.name))
		}
		return sub.execute(args, words[2:])
	}
	return ephemeral(fmt.Sprintf("Unknown command `%s`. Type `/connect help` to see what /connect can do.", words[1]))
}

func (h *Handler) help(*model.CommandArgs, []string) *model.CommandResponse {
	var b strings.Builder
	b.WriteString("#### Connect Chat\n")
	for _, sub := range h.subcommands {
		usage := strings.TrimSpace("/connect " + sub.name + " " + sub.hint)
		fmt.Fprintf(&b, "- `%s`: %s\n", usage, sub.help)
	}
	return ephemeral(b.String())
}

// open takes the web app to the workspace's route in the current team (clients that cannot go
// there show the link to the standalone page).
func (h *Handler) open(args *model.CommandArgs, _ []string) *model.CommandResponse {
	resp := ephemeral(fmt.Sprintf("[Open the Connect Workspace](%s) (or in its own window: %s)", h.deps.WorkspaceRoute(args.TeamId), h.deps.WorkspaceURL()))
	resp.GotoLocation = h.deps.WorkspaceRoute(args.TeamId)
	if resp.GotoLocation == "" {
		resp.GotoLocation = h.deps.WorkspaceURL()
		resp.Text = fmt.Sprintf("[Open the Connect Workspace](%s)", h.deps.WorkspaceURL())
	}
	return resp
}

func (h *Handler) names() []string {
	names := make([]string, 0, len(h.subcommands))
	for _, sub := range h.subcommands {
		names = append(names, sub.name)
	}
	return names
}

func ephemeral(text string) *model.CommandResponse {
	return &model.CommandResponse{ResponseType: model.CommandResponseTypeEphemeral, Text: text}
}

// failed answers err: a failure's own sentence (notFound instead, when given, for a
// conversation the caller does not have here), or generic, logging the internal error.
func (h *Handler) failed(args *model.CommandArgs, err error, notFound, generic string) *model.CommandResponse {
	known, ok := failure.As(err)
	switch {
	case ok && known.Kind == failure.NotFound && notFound != "":
		return ephemeral(notFound)
	case ok:
		return ephemeral(sentence(known.Message))
	}
	if h.deps.Log != nil {
		h.deps.Log.Error("A /connect command failed", "command", subcommandOf(args), "user_id", args.UserId, "error", err.Error())
	}
	return ephemeral(generic)
}

// subcommandOf is the first two words of a command; the rest may be anything the caller typed.
func subcommandOf(args *model.CommandArgs) string {
	words := strings.Fields(args.Command)
	return strings.Join(words[:min(len(words), 2)], " ")
}

// Starting answers /connect before the command's services exist.
func Starting() *model.CommandResponse {
	return ephemeral("Connect Chat is starting. Please try again in a moment.")
}
