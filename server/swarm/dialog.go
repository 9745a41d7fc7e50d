package swarm

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/markdown"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// Mattermost's own clients have no checkboxes in a slash command's answer, so /connect swarm
// and the card's "Bring in the team" button open an interactive dialog: one bool element per
// person who can be added, ticked by default (the web app's
// components/interactive_dialog/interactive_dialog.tsx starts a bool at its default, "true",
// and submits true or false under the element's name; the server forwards the submission to
// the dialog's URL, a plugin route, as the user who submitted it).

// DialogPath is the plugin route the dialog submits to.
const DialogPath = "/api/v1/swarm/dialog"

// DialogCallback marks the dialog's submissions.
const DialogCallback = "connect_swarm"

// Dialogs opens interactive dialogs.
type Dialogs interface {
	OpenDialog(request model.OpenDialogRequest) error
}

// The limits Mattermost checks when it opens a dialog (model.Dialog.IsValid).
const (
	maxDialogElements = 200
	maxDisplayName    = model.DialogElementDisplayNameMaxLength
	maxPlaceholder    = model.DialogElementBoolMaxLength
	maxIntroduction   = 3000
)

// OpenDialog builds the plan and opens it as a dialog on the asker's client; the plan is also
// returned, for the answer that says who cannot be added and why.
func (s *Service) OpenDialog(askerID, triggerID string, key servicenow.RecordKey) (Plan, error) {
	plan, err := s.Plan(askerID, key)
	if err != nil {
		return Plan{}, err
	}
	if triggerID == "" {
		return Plan{}, failure.New(failure.Invalid, "Mattermost did not send what opening a dialog needs; update your app or use the Connect web app.")
	}
	if s.d.Dialogs == nil {
		return Plan{}, failure.New(failure.Unavailable, "Dialogs are not available here.")
	}
	request := model.OpenDialogRequest{TriggerId: triggerID, URL: s.d.PluginPath + DialogPath, Dialog: Dialog(plan)}
	if err := s.d.Dialogs.OpenDialog(request); err != nil {
		return Plan{}, fmt.Errorf("failed to open the swarm dialog: %w", err)
	}
	return plan, nil
}

// Dialog is the plan as an interactive dialog: whom it adds, ticked, and the rest in its text.
func Dialog(plan Plan) model.Dialog {
	d := model.Dialog{
		CallbackId:       DialogCallback,
		Title:            "Bring in the team",
		IntroductionText: clip(Describe(plan, false), maxIntroduction),
		SubmitLabel:      "Bring in",
		State:            DialogState(plan.Record.Table, plan.Record.SysID),
	}
	for _, p := range plan.People {
		if p.Status != Add || len(d.Elements) == maxDialogElements {
			continue
		}
		d.Elements = append(d.Elements, model.DialogElement{
			DisplayName: clip(p.DisplayName, maxDisplayName),
			Name:        p.UserID,
			Type:        "bool",
			Default:     "true",
			Optional:    true,
			Placeholder: clip(fmt.Sprintf("Add @%s (%s)", p.Username, p.Role), maxPlaceholder),
		})
	}
	return d
}

// DialogState carries the record in the dialog: "<table> <sys_id>".
func DialogState(table, sysID string) string { return table + " " + sysID }

// ParseDialogState reads DialogState back, checking both parts.
func ParseDialogState(state string) (table, sysID string, ok bool) {
	table, sysID, found := strings.Cut(state, " ")
	return table, sysID, found && servicenow.ValidTable(table) && servicenow.ValidSysID(sysID)
}

// Chosen are the user ids a dialog submission ticked.
func Chosen(submission map[string]any) []string {
	var ids []string
	for name, value := range submission {
		if ticked, ok := value.(bool); (ok && ticked) || value == "true" {
			ids = append(ids, name)
		}
	}
	return ids
}

// Describe is the plan in markdown: the record, who will be added (when list is set; the
// dialog shows them as its checkboxes instead), who is in already and who cannot be added,
// with the reason. ServiceNow's text goes in literally.
func Describe(plan Plan, list bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** · %s", markdown.Literal(plan.Record.Number), markdown.Literal(markdown.OneLine(plan.Record.ShortDescription)))
	if plan.Record.AssignmentGroup != "" {
		fmt.Fprintf(&b, " (assignment group: %s)", markdown.Literal(plan.Record.AssignmentGroup))
	}
	b.WriteString("\n")
	var add, already, unavailable []string
	for _, p := range plan.People {
		who := personText(p)
		switch p.Status {
		case Add:
			add = append(add, who)
		case Already:
			already = append(already, who)
		default:
			unavailable = append(unavailable, who+": "+p.Reason)
		}
	}
	switch {
	case len(plan.People) == 0:
		b.WriteString("The record has no assignee and no assignment group members.\n")
	case len(add) == 0:
		b.WriteString("Nobody new can be added.\n")
	case list:
		b.WriteString("Will be added (untick in the dialog to leave someone out): " + strings.Join(add, ", ") + "\n")
	}
	if len(already) > 0 {
		b.WriteString("Already in the conversation: " + strings.Join(already, ", ") + "\n")
	}
	if len(unavailable) > 0 {
		b.WriteString("Not added: " + strings.Join(unavailable, "; ") + "\n")
	}
	return b.String()
}

func personText(p Person) string {
	if p.Username != "" {
		return fmt.Sprintf("@%s (%s)", p.Username, p.Role)
	}
	return fmt.Sprintf("%s (%s)", markdown.Literal(p.DisplayName), p.Role)
}

func clip(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	for limit > 0 && !utf8.RuneStart(s[limit]) {
		limit--
	}
	return s[:limit]
}

// Summary tells the asker what applying did.
func Summary(result Result) string {
	var b strings.Builder
	switch len(result.Added) {
	case 0:
		b.WriteString("Nobody new was brought in")
	default:
		fmt.Fprintf(&b, "Brought in %d", len(result.Added))
		if len(result.Added) == 1 {
			b.WriteString(" person")
		} else {
			b.WriteString(" people")
		}
	}
	b.WriteString(" to the record conversation")
	if len(result.Already) > 0 {
		fmt.Fprintf(&b, "; %d already there", len(result.Already))
	}
	if len(result.Refused) > 0 {
		fmt.Fprintf(&b, "; %d not added (not staff, deactivated or not the record's)", len(result.Refused))
	}
	return b.String() + "."
}
