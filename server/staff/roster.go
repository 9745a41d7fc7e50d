// Package staff owns who counts as ITIL staff (teams, groups, ServiceNow roles) and the
// rule that Connect conversations are for staff only.
package staff

import (
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// Directory is what the roster reads from Mattermost.
type Directory interface {
	User(userID string) (*model.User, error)
	UserByUsername(username string) (*model.User, error)
	InTeam(teamName, userID string) (bool, error)
	// Team returns the team named name; an error when there is none.
	Team(name string) (*model.Team, error)
	GroupNames(userID string) ([]string, error)
	People
}

// Kind is how Connect treats a Mattermost account.
type Kind int

const (
	NonStaff Kind = iota
	Staff
	// Bot is another integration's bot: neither staff nor non-staff.
	Bot
	// ConnectBot is the plugin's own bot, which may post anywhere.
	ConnectBot
	// Inactive is a deactivated account: neither staff nor an outsider, since it cannot post.
	Inactive
)

// Verdict says whether a user is staff, and why.
type Verdict struct {
	UserID   string
	Username string
	Kind     Kind
	// Reason completes "@username …" (admins read it in /connect staff check).
	Reason i18n.Message
}

// IsHumanOutsider reports a person who may not take part in Connect conversations.
func (v Verdict) IsHumanOutsider() bool { return v.Kind == NonStaff }

// verdictTTL bounds how long a verdict is reused. Team joins and leaves, deactivation and
// configuration changes invalidate at once; group membership has no hook, so it relies on this.
const verdictTTL = 10 * time.Second

// Roster decides who is staff and caches the answer per user.
type Roster struct {
	dir    Directory
	people *peopleIndex
	botID  string
	config func() *config.Config
	roles  atomic.Pointer[RoleSet]
	now    func() time.Time

	mu       sync.Mutex
	verdicts map[string]cachedVerdict
}

type cachedVerdict struct {
	verdict Verdict
	expires time.Time
}

// NewRoster builds a roster. botID is the plugin's own bot.
func NewRoster(dir Directory, botID string, cfg func() *config.Config) *Roster {
	r := &Roster{dir: dir, people: newPeopleIndex(dir), botID: botID, config: cfg, now: time.Now, verdicts: map[string]cachedVerdict{}}
	r.roles.Store(&RoleSet{})
	return r
}

// Verdict returns the (possibly cached) verdict for userID.
func (r *Roster) Verdict(userID string) (Verdict, error) {
	if verdict, ok := r.cached(userID); ok {
		return verdict, nil
	}
	user, err := r.dir.User(userID)
	if err != nil {
		return Verdict{}, errors.Wrapf(err, "failed to read user %s", userID)
	}
	return r.judgeAndRemember(user)
}

// verdictFor is Verdict for a user already read from Mattermost.
func (r *Roster) verdictFor(user *model.User) (Verdict, error) {
	if verdict, ok := r.cached(user.Id); ok {
		return verdict, nil
	}
	return r.judgeAndRemember(user)
}

func (r *Roster) cached(userID string) (Verdict, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	cached, ok := r.verdicts[userID]
	return cached.verdict, ok && r.now().Before(cached.expires)
}

func (r *Roster) judgeAndRemember(user *model.User) (Verdict, error) {
	verdict, err := r.judge(user)
	if err != nil {
		return Verdict{}, err
	}
	r.mu.Lock()
	r.verdicts[user.Id] = cachedVerdict{verdict: verdict, expires: r.now().Add(verdictTTL)}
	r.mu.Unlock()
	return verdict, nil
}

// Forget drops one user's cached verdict; Forget("") drops them all.
func (r *Roster) Forget(userID string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if userID == "" {
		r.verdicts = map[string]cachedVerdict{}
		return
	}
	delete(r.verdicts, userID)
}

// CachedVerdicts is how many verdicts are cached (for stats).
func (r *Roster) CachedVerdicts() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.verdicts)
}

// SetRoles installs the ServiceNow role holders and drops cached verdicts.
func (r *Roster) SetRoles(roles *RoleSet) {
	r.roles.Store(roles)
	r.Forget("")
}

// Roles is the role set in use.
func (r *Roster) Roles() *RoleSet { return r.roles.Load() }

func (r *Roster) judge(user *model.User) (Verdict, error) {
	v := Verdict{UserID: user.Id, Username: user.Username}
	switch {
	case user.Id == r.botID:
		v.Kind, v.Reason = ConnectBot, i18n.M("connect.staff.reason_connect_bot", "is the Connect bot")
	case user.IsBot:
		v.Kind, v.Reason = Bot, i18n.M("connect.staff.reason_bot", "is a bot, so Connect leaves its conversations alone")
	case user.DeleteAt != 0:
		v.Kind, v.Reason = Inactive, i18n.M("connect.staff.reason_deactivated", "is deactivated")
	case user.IsGuest():
		v.Kind, v.Reason = NonStaff, i18n.M("connect.staff.reason_guest", "is a guest")
	default:
		reason, err := r.staffSource(user)
		if err != nil {
			return Verdict{}, err
		}
		v.Kind, v.Reason = NonStaff, r.notStaffReason(user)
		if !reason.IsZero() {
			v.Kind, v.Reason = Staff, reason
		}
	}
	return v, nil
}

// staffSource names the first source that makes user staff, or a zero message when none does.
func (r *Roster) staffSource(user *model.User) (i18n.Message, error) {
	cfg := r.config()
	for _, team := range cfg.StaffTeams {
		in, err := r.dir.InTeam(team, user.Id)
		if err != nil {
			return i18n.Message{}, err
		}
		if in {
			return i18n.M("connect.staff.reason_team", "is a member of the staff team {{.Team}}", i18n.Data{"Team": team}), nil
		}
	}
	if group, err := r.staffGroup(user.Id, cfg.StaffGroups); err != nil || group != "" {
		return groupReason(group), err
	}
	if role := r.Roles().RoleOf(user.Email); role != "" && AddressIsTrusted(user) {
		return i18n.M("connect.staff.reason_role", "holds the ServiceNow role {{.Role}} (as {{.Email}})", i18n.Data{"Role": role, "Email": strings.ToLower(user.Email)}), nil
	}
	return i18n.Message{}, nil
}

// AddressIsTrusted reports whether user's email is theirs: Mattermost verified it (a changed
// address is unverified until confirmed), or it comes from SSO or LDAP.
func AddressIsTrusted(user *model.User) bool {
	return user.EmailVerified || user.AuthService != ""
}

func (r *Roster) staffGroup(userID string, staffGroups []string) (string, error) {
	if len(staffGroups) == 0 {
		return "", nil
	}
	names, err := r.dir.GroupNames(userID)
	if err != nil {
		return "", err
	}
	for _, name := range names {
		for _, staffGroup := range staffGroups {
			if strings.EqualFold(name, staffGroup) {
				return staffGroup, nil
			}
		}
	}
	return "", nil
}

func groupReason(group string) i18n.Message {
	if group == "" {
		return i18n.Message{}
	}
	return i18n.M("connect.staff.reason_group", "is a member of the staff group @{{.Group}}", i18n.Data{"Group": group})
}

func (r *Roster) notStaffReason(user *model.User) i18n.Message {
	cfg := r.config()
	if role := r.Roles().RoleOf(user.Email); role != "" {
		return i18n.M("connect.staff.reason_unverified_role", "holds the ServiceNow role {{.Role}} as {{.Email}}, but Mattermost has not verified that address, so the role does not count until they confirm it",
			i18n.Data{"Role": role, "Email": strings.ToLower(user.Email)})
	}
	return i18n.M("connect.staff.reason_none", "is in no staff team ({{.Teams}}), no staff group ({{.Groups}}) and holds no ServiceNow staff role ({{.Roles}})",
		i18n.Data{"Teams": listOrNone(cfg.StaffTeams), "Groups": listOrNone(cfg.StaffGroups), "Roles": listOrNone(cfg.StaffRoles)})
}

func listOrNone(items []string) any {
	if len(items) == 0 {
		return i18n.M("connect.staff.none_configured", "none configured")
	}
	return strings.Join(items, ", ")
}

// Stats is what admins see of the staff machinery.
type Stats struct {
	Mode           string     `json:"mode"`
	Teams          []string   `json:"teams"`
	Groups         []string   `json:"groups"`
	Roles          []string   `json:"roles"`
	Sync           SyncStatus `json:"sync"`
	CachedVerdicts int        `json:"cached_verdicts"`
	CachedChannels int        `json:"cached_channels"`
	// Warnings are settings that weaken the staff-only promise, in an admin's words (English,
	// in the health endpoint); WarningMessages are the same for /connect staff stats to say in
	// the admin's language.
	Warnings        []string       `json:"warnings,omitempty"`
	WarningMessages []i18n.Message `json:"-"`
}
