package command

import (
	"context"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
)

// StaffAdmin is what /connect staff acts on.
type StaffAdmin interface {
	Explain(username string) (staff.Verdict, error)
	SyncRoles(ctx context.Context) (staff.SyncStatus, error)
	Stats() staff.Stats
}

const syncTimeout = 2 * time.Minute

// syncTimeFormat writes the sync's times in every language alike.
const syncTimeFormat = "2006-01-02 15:04 MST"

func (h *Handler) staffCommand() subcommand {
	autocomplete := func(l *i18n.Localizer) *model.AutocompleteData {
		data := model.NewAutocompleteData("staff", "check|sync|stats", l.Text(i18n.M("connect.command.staff.description", "Who counts as ITIL staff (admins)")))
		user := l.Text(i18n.M("connect.command.staff.user_hint", "@user"))
		check := model.NewAutocompleteData("check", user, l.Text(i18n.M("connect.command.staff.check", "Explain why a user is or is not ITIL staff")))
		check.AddTextArgument(l.Text(i18n.M("connect.command.staff.check_argument", "The user to check")), l.Text(i18n.M("connect.command.staff.username_hint", "@username")), "")
		data.AddCommand(check)
		data.AddCommand(model.NewAutocompleteData("sync", "", l.Text(i18n.M("connect.command.staff.sync", "Read the ServiceNow role holders now"))))
		data.AddCommand(model.NewAutocompleteData("stats", "", l.Text(i18n.M("connect.command.staff.stats", "Show the staff sources, the last sync and the caches"))))
		return data
	}
	return subcommand{
		name: "staff", hint: i18n.M("connect.command.staff.hint", "check @user | sync | stats"), help: i18n.M("connect.command.staff.help", "Who counts as ITIL staff (system admins only)"),
		adminOnly: true, autocomplete: autocomplete, execute: h.staff,
	}
}

func (h *Handler) staff(args *call, words []string) *model.CommandResponse {
	switch {
	case len(words) == 2 && strings.EqualFold(words[0], "check"):
		return h.staffCheck(args, words[1])
	case len(words) == 1 && strings.EqualFold(words[0], "sync"):
		return h.staffSync(args)
	case len(words) == 1 && strings.EqualFold(words[0], "stats"):
		return ephemeral(formatStats(h.deps.Staff.Stats(), args.l))
	}
	return args.say(i18n.M("connect.command.staff.usage", "Usage: `/connect staff check @user`, `/connect staff sync` or `/connect staff stats`."))
}

func (h *Handler) staffCheck(args *call, username string) *model.CommandResponse {
	verdict, err := h.deps.Staff.Explain(username)
	if err != nil {
		return args.say(i18n.M("connect.command.staff.check_failed", "Could not check {{.User}}: {{.Problem}}.", i18n.Data{"User": username, "Problem": err.Error()}))
	}
	data := i18n.Data{"Username": verdict.Username, "Reason": verdict.Reason}
	switch verdict.Kind {
	case staff.Staff:
		return args.say(i18n.M("connect.command.staff.is_staff", "@{{.Username}} is ITIL staff: @{{.Username}} {{.Reason}}.", data))
	case staff.Bot, staff.ConnectBot:
		return args.say(i18n.M("connect.command.staff.is_neither", "@{{.Username}} is neither staff nor non-staff: @{{.Username}} {{.Reason}}.", data))
	}
	return args.say(i18n.M("connect.command.staff.is_not_staff", "@{{.Username}} is not ITIL staff: @{{.Username}} {{.Reason}}.", data))
}

func (h *Handler) staffSync(args *call) *model.CommandResponse {
	ctx, cancel := context.WithTimeout(context.Background(), syncTimeout)
	defer cancel()
	status, err := h.deps.Staff.SyncRoles(ctx)
	if err != nil {
		return ephemeral(err.Error()) // ServiceNow's and the sync's own words, for the admin
	}
	return args.say(i18n.Plural("connect.command.staff.synced", "ServiceNow role sync done: {{.Count}} role holder.", "ServiceNow role sync done: {{.Count}} role holders.", status.Holders))
}

func formatStats(s staff.Stats, l *i18n.Localizer) string {
	none := l.Text(i18n.M("connect.command.staff.none", "none"))
	var b strings.Builder
	b.WriteString(l.Text(i18n.M("connect.command.staff.stats_title", "#### Connect staff")) + "\n")
	for _, line := range []i18n.Message{
		i18n.M("connect.command.staff.stats_mode", "Enforcement: {{.Mode}}", i18n.Data{"Mode": s.Mode}),
		i18n.M("connect.command.staff.stats_teams", "Staff teams: {{.Teams}}", i18n.Data{"Teams": orNone(s.Teams, none)}),
		i18n.M("connect.command.staff.stats_groups", "Staff groups: {{.Groups}}", i18n.Data{"Groups": orNone(s.Groups, none)}),
		i18n.Plural("connect.command.staff.stats_roles", "ServiceNow roles: {{.Roles}} ({{.Count}} holder)", "ServiceNow roles: {{.Roles}} ({{.Count}} holders)", s.Sync.Holders, i18n.Data{"Roles": orNone(s.Roles, none)}),
		i18n.M("connect.command.staff.stats_sync", "Last role sync: {{.Sync}}", i18n.Data{"Sync": describeSync(s.Sync)}),
		i18n.M("connect.command.staff.stats_cached", "Cached: {{.Verdicts}} verdicts, {{.Channels}} conversations", i18n.Data{"Verdicts": s.CachedVerdicts, "Channels": s.CachedChannels}),
	} {
		b.WriteString("- " + l.Text(line) + "\n")
	}
	for _, warning := range s.WarningMessages {
		b.WriteString("- :warning: " + l.Text(warning) + "\n")
	}
	return b.String()
}

func describeSync(s staff.SyncStatus) i18n.Message {
	if s.LastAttempt.IsZero() {
		return i18n.M("connect.command.staff.sync_never", "never")
	}
	data := i18n.Data{"Success": s.LastSuccess.UTC().Format(syncTimeFormat), "Attempt": s.LastAttempt.UTC().Format(syncTimeFormat), "Problem": s.LastError}
	switch {
	case s.LastSuccess.IsZero() && s.LastError == "":
		return i18n.M("connect.command.staff.sync_not_yet", "never succeeded")
	case s.LastSuccess.IsZero():
		return i18n.M("connect.command.staff.sync_never_succeeded", "never succeeded; the last attempt ({{.Attempt}}) failed: {{.Problem}}", data)
	case s.LastError == "":
		return i18n.M("connect.command.staff.sync_succeeded", "succeeded {{.Success}}", data)
	}
	return i18n.M("connect.command.staff.sync_failed_since", "succeeded {{.Success}}; the last attempt ({{.Attempt}}) failed: {{.Problem}}", data)
}

func orNone(items []string, none string) string {
	if len(items) == 0 {
		return none
	}
	return strings.Join(items, ", ")
}
