// Package command owns the /connect slash command: its definition, autocomplete and dispatch.
package command

import (
	"strings"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
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
	// Languages answers each caller in their language, and registers the autocomplete in the
	// server's default language (nil: English).
	Languages *i18n.Languages
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
	name      string
	hint      i18n.Message
	help      i18n.Message
	adminOnly bool
	// autocomplete is the subcommand's autocomplete in l's language; nil: name, hint and help.
	autocomplete func(l *i18n.Localizer) *model.AutocompleteData
	execute      func(args *call, words []string) *model.CommandResponse
}

// call is one /connect invocation and the caller's language.
type call struct {
	*model.CommandArgs
	l *i18n.Localizer
}

// say answers the caller privately, in their language.
func (c *call) say(msg i18n.Message) *model.CommandResponse { return ephemeral(c.l.Text(msg)) }

// NewHandler builds the /connect handler.
func NewHandler(deps Deps) *Handler {
	h := &Handler{deps: deps}
	h.subcommands = []subcommand{
		{name: "help", help: i18n.M("connect.command.help.help", "Show what /connect can do"), execute: h.help},
		{name: "open", help: i18n.M("connect.command.open.help", "Open the Connect Workspace"), execute: h.open},
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

// Definition is what Mattermost registers, with autocomplete for every subcommand. Mattermost
// keeps one definition per server for every user, so it is in the server's default language
// (the help and every answer are in each caller's own).
func (h *Handler) Definition() *model.Command {
	l := h.deps.Languages.Server()
	description := l.Text(i18n.M("connect.command.description", "Connect Chat: staff conversations and ServiceNow records"))
	autocomplete := model.NewAutocompleteData(Trigger, l.Text(i18n.M("connect.command.hint", "[command]")), description)
	for _, sub := range h.subcommands {
		if sub.autocomplete != nil {
			autocomplete.AddCommand(sub.autocomplete(l))
			continue
		}
		autocomplete.AddCommand(model.NewAutocompleteData(sub.name, textOf(l, sub.hint), l.Text(sub.help)))
	}
	return &model.Command{
		Trigger:          Trigger,
		DisplayName:      "Connect Chat",
		Description:      description,
		AutoComplete:     true,
		AutoCompleteDesc: l.Text(i18n.M("connect.command.available", "Available commands: {{.Names}}", i18n.Data{"Names": strings.Join(h.names(), ", ")})),
		AutoCompleteHint: l.Text(i18n.M("connect.command.hint", "[command]")),
		AutocompleteData: autocomplete,
	}
}

// textOf is msg in l's language; "" for no message.
func textOf(l *i18n.Localizer, msg i18n.Message) string {
	if msg.IsZero() {
		return ""
	}
	return l.Text(msg)
}

// Execute runs one /connect invocation and always answers the caller privately, in their
// language.
func (h *Handler) Execute(args *model.CommandArgs) *model.CommandResponse {
	c := &call{CommandArgs: args, l: h.deps.Languages.User(args.UserId)}
	words := strings.Fields(args.Command)
	if len(words) < 2 {
		return h.help(c, nil)
	}
	name := strings.ToLower(words[1])
	for _, sub := range h.subcommands {
		if sub.name != name {
			continue
		}
		if sub.adminOnly && !h.deps.IsAdmin(args.UserId) {
			return c.say(i18n.M("connect.command.admins_only", "Only system admins can use `/connect {{.Command}}`.", i18n.Data{"Command": sub.name}))
		}
		return sub.execute(c, words[2:])
	}
	return c.say(i18n.M("connect.command.unknown", "Unknown command `{{.Command}}`. Type `/connect help` to see what /connect can do.", i18n.Data{"Command": words[1]}))
}

func (h *Handler) help(c *call, _ []string) *model.CommandResponse {
	var b strings.Builder
	b.WriteString("#### Connect Chat\n")
	for _, sub := range h.subcommands {
		usage := strings.TrimSpace("/connect " + sub.name + " " + textOf(c.l, sub.hint))
		b.WriteString(c.l.Text(i18n.M("connect.command.help.line", "- `{{.Usage}}`: {{.Help}}", i18n.Data{"Usage": usage, "Help": sub.help})) + "\n")
	}
	return ephemeral(b.String())
}

// open takes the web app to the workspace's route in the current team (clients that cannot go
// there show the link to the standalone page).
func (h *Handler) open(c *call, _ []string) *model.CommandResponse {
	route, standalone := h.deps.WorkspaceRoute(c.TeamId), h.deps.WorkspaceURL()
	resp := c.say(i18n.M("connect.command.open.links", "[Open the Connect Workspace]({{.Route}}) (or in its own window: {{.Standalone}})",
		i18n.Data{"Route": route, "Standalone": standalone}))
	resp.GotoLocation = route
	if resp.GotoLocation == "" {
		resp.GotoLocation = standalone
		resp.Text = c.l.Text(i18n.M("connect.command.open.link", "[Open the Connect Workspace]({{.Standalone}})", i18n.Data{"Standalone": standalone}))
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
func (h *Handler) failed(c *call, err error, notFound, generic i18n.Message) *model.CommandResponse {
	known, ok := failure.As(err)
	switch {
	case ok && known.Kind == failure.NotFound && !notFound.IsZero():
		return c.say(notFound)
	case ok:
		return ephemeral(sentence(known.In(c.l)))
	}
	if h.deps.Log != nil {
		h.deps.Log.Error("A /connect command failed", "command", subcommandOf(c.CommandArgs), "user_id", c.UserId, "error", err.Error())
	}
	return c.say(generic)
}

// subcommandOf is the first two words of a command; the rest may be anything the caller typed.
func subcommandOf(args *model.CommandArgs) string {
	words := strings.Fields(args.Command)
	return strings.Join(words[:min(len(words), 2)], " ")
}

// Starting answers /connect before the command's services exist (in English: the caller's
// language is not known yet).
func Starting() *model.CommandResponse {
	return ephemeral(i18n.English().Text(i18n.M("connect.command.starting", "Connect Chat is starting. Please try again in a moment.")))
}
