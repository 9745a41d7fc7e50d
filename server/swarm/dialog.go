package swarm

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
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
		return Plan{}, failure.New(failure.Invalid, i18n.M("connect.swarm.no_trigger", "Mattermost did not send what opening a dialog needs; update your app or use the Connect web app."))
	}
	if s.d.Dialogs == nil {
		return Plan{}, failure.New(failure.Unavailable, i18n.M("connect.swarm.no_dialogs", "Dialogs are not available here."))
	}
	request := model.OpenDialogRequest{TriggerId: triggerID, URL: s.d.PluginPath + DialogPath, Dialog: Dialog(plan, s.d.Languages.User(askerID))}
	if err := s.d.Dialogs.OpenDialog(request); err != nil {
		return Plan{}, fmt.Errorf("failed to open the swarm dialog: %w", err)
	}
	return plan, nil
}

// Dialog is the plan as an interactive dialog, in l's language (its asker's): whom it adds,
// ticked, and the rest in its text.
func Dialog(plan Plan, l *i18n.Localizer) model.Dialog {
	d := model.Dialog{
		CallbackId:       DialogCallback,
		Title:            l.Text(i18n.M("connect.swarm.dialog_title", "Bring in the team")),
		IntroductionText: clip(Describe(plan, false, l), maxIntroduction),
		SubmitLabel:      l.Text(i18n.M("connect.swarm.dialog_submit", "Bring in")),
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
			Placeholder: clip(l.Text(i18n.M("connect.swarm.dialog_add", "Add @{{.Username}} ({{.Role}})", i18n.Data{"Username": p.Username, "Role": roleText(p.Role)})), maxPlaceholder),
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
// with the reason, in l's language. ServiceNow's text goes in literally.
func Describe(plan Plan, list bool, l *i18n.Localizer) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** · %s", markdown.Literal(plan.Record.Number), markdown.Literal(markdown.OneLine(plan.Record.ShortDescription)))
	if plan.Record.AssignmentGroup != "" {
		b.WriteString(" " + l.Text(i18n.M("connect.swarm.assignment_group", "(assignment group: {{.Group}})", i18n.Data{"Group": markdown.Literal(plan.Record.AssignmentGroup)})))
	}
	b.WriteString("\n")
	var add, already, unavailable []string
	for _, p := range plan.People {
		who := personText(p, l)
		switch p.Status {
		case Add:
			add = append(add, who)
		case Already:
			already = append(already, who)
		default:
			unavailable = append(unavailable, who+": "+l.Text(reasonText(p.Reason)))
		}
	}
	line := func(msg i18n.Message) { b.WriteString(l.Text(msg) + "\n") }
	switch {
	case len(plan.People) == 0:
		line(i18n.M("connect.swarm.nobody", "The record has no assignee and no assignment group members."))
	case len(add) == 0:
		line(i18n.M("connect.swarm.nobody_new", "Nobody new can be added."))
	case list:
		line(i18n.M("connect.swarm.will_add", "Will be added (untick in the dialog to leave someone out): {{.People}}", i18n.Data{"People": strings.Join(add, ", ")}))
	}
	if len(already) > 0 {
		line(i18n.M("connect.swarm.already", "Already in the conversation: {{.People}}", i18n.Data{"People": strings.Join(already, ", ")}))
	}
	if len(unavailable) > 0 {
		line(i18n.M("connect.swarm.not_added", "Not added: {{.People}}", i18n.Data{"People": strings.Join(unavailable, "; ")}))
	}
	return b.String()
}

func personText(p Person, l *i18n.Localizer) string {
	who := "@" + p.Username
	if p.Username == "" {
		who = markdown.Literal(p.DisplayName)
	}
	return who + " (" + l.Text(roleText(p.Role)) + ")"
}

// roleText is a role in words.
func roleText(role Role) i18n.Message {
	if role == Assignee {
		return i18n.M("connect.swarm.role_assignee", "assignee")
	}
	return i18n.M("connect.swarm.role_group_member", "group member")
}

// reasonText is why someone cannot be added, in words (Person.Reason is its English code).
func reasonText(reason string) i18n.Message {
	switch reason {
	case NoAccount:
		return i18n.M("connect.swarm.reason_no_account", "no Mattermost account")
	case NotStaff:
		return i18n.M("connect.swarm.reason_not_staff", "not staff")
	case Deactivated:
		return i18n.M("connect.swarm.reason_deactivated", "deactivated")
	case inAlready:
		return i18n.M("connect.swarm.reason_already", "already in the conversation")
	}
	return i18n.Text(reason)
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
func Summary(result Result) i18n.Message {
	brought := i18n.Plural("connect.swarm.brought_in", "Brought in {{.Count}} person to the record conversation", "Brought in {{.Count}} people to the record conversation", len(result.Added))
	if len(result.Added) == 0 {
		brought = i18n.M("connect.swarm.brought_in_nobody", "Nobody new was brought in to the record conversation")
	}
	already, refused := i18n.Text(""), i18n.Text("")
	if n := len(result.Already); n > 0 {
		already = i18n.Plural("connect.swarm.summary_already", "; {{.Count}} already there", "; {{.Count}} already there", n)
	}
	if n := len(result.Refused); n > 0 {
		refused = i18n.Plural("connect.swarm.summary_refused", "; {{.Count}} not added (not staff, deactivated or not the record's)", "; {{.Count}} not added (not staff, deactivated or not the record's)", n)
	}
	return i18n.M("connect.swarm.summary", "{{.Brought}}{{.Already}}{{.Refused}}.", i18n.Data{"Brought": brought, "Already": already, "Refused": refused})
}
