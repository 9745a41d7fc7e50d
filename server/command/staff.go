package command

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/staff"
)

// StaffAdmin is what /connect staff acts on.
type StaffAdmin interface {
	Explain(username string) (staff.Verdict, error)
	SyncRoles(ctx context.Context) (staff.SyncStatus, error)
	Stats() staff.Stats
}

const syncTimeout = 2 * time.Minute

func (h *Handler) staffCommand() subcommand {
	autocomplete := model.NewAutocompleteData("staff", "check|sync|stats", "Who counts as ITIL staff (admins)")
	check := model.NewAutocompleteData("check", "@user", "Explain why a user is or is not ITIL staff")
	check.AddTextArgument("The user to check", "@username", "")
	autocomplete.AddCommand(check)
	autocomplete.AddCommand(model.NewAutocompleteData("sync", "", "Read the ServiceNow role holders now"))
	autocomplete.AddCommand(model.NewAutocompleteData("stats", "", "Show the staff sources, the last sync and the caches"))
	return subcommand{
		name: "staff", hint: "check @user | sync | stats", help: "Who counts as ITIL staff (system admins only)",
		adminOnly: true, autocomplete: autocomplete, execute: h.staff,
	}
}

func (h *Handler) staff(_ *model.CommandArgs, words []string) *model.CommandResponse {
	switch {
	case len(words) == 2 && strings.EqualFold(words[0], "check"):
		return h.staffCheck(words[1])
	case len(words) == 1 && strings.EqualFold(words[0], "sync"):
		return h.staffSync()
	case len(words) == 1 && strings.EqualFold(words[0], "stats"):
		return ephemeral(formatStats(h.deps.Staff.Stats()))
	}
	return ephemeral("Usage: `/connect staff check @user`, `/connect staff sync` or `/connect staff stats`.")
}

func (h *Handler) staffCheck(username string) *model.CommandResponse {
	verdict, err := h.deps.Staff.Explain(username)
	if err != nil {
		return ephemeral(fmt.Sprintf("Could not check %s: %s.", username, err.Error()))
	}
	is := "is not ITIL staff"
	switch verdict.Kind {
	case staff.Staff:
		is = "is ITIL staff"
	case staff.Bot, staff.ConnectBot:
		is = "is neither staff nor non-staff"
	}
	return ephemeral(fmt.Sprintf("@%s %s: @%s %s.", verdict.Username, is, verdict.Username, verdict.Reason))
}

func (h *Handler) staffSync() *model.CommandResponse {
	ctx, cancel := context.WithTimeout(context.Background(), syncTimeout)
	defer cancel()
	status, err := h.deps.Staff.SyncRoles(ctx)
	if err != nil {
		return ephemeral(err.Error())
	}
	return ephemeral(fmt.Sprintf("ServiceNow role sync done: %d role holders.", status.Holders))
}

func formatStats(s staff.Stats) string {
	var b strings.Builder
	b.WriteString("#### Connect staff\n")
	fmt.Fprintf(&b, "- Enforcement: %s\n", s.Mode)
	fmt.Fprintf(&b, "- Staff teams: %s\n", orNone(s.Teams))
	fmt.Fprintf(&b, "- Staff groups: %s\n", orNone(s.Groups))
	fmt.Fprintf(&b, "- ServiceNow roles: %s (%d holders)\n", orNone(s.Roles), s.Sync.Holders)
	fmt.Fprintf(&b, "- Last role sync: %s\n", describeSync(s.Sync))
	fmt.Fprintf(&b, "- Cached: %d verdicts, %d conversations\n", s.CachedVerdicts, s.CachedChannels)
	for _, warning := range s.Warnings {
		fmt.Fprintf(&b, "- :warning: %s\n", warning)
	}
	return b.String()
}

func describeSync(s staff.SyncStatus) string {
	if s.LastAttempt.IsZero() {
		return "never"
	}
	text := "succeeded " + s.LastSuccess.UTC().Format(time.RFC1123)
	if s.LastSuccess.IsZero() {
		text = "never succeeded"
	}
	if s.LastError != "" {
		text += fmt.Sprintf("; the last attempt (%s) failed: %s", s.LastAttempt.UTC().Format(time.RFC1123), s.LastError)
	}
	return text
}

func orNone(items []string) string {
	if len(items) == 0 {
		return "none"
	}
	return strings.Join(items, ", ")
}
