package staff

import (
	"sync"
	"time"

	"github.com/pkg/errors"
)

// Audience decides where ServiceNow record details may go: into posts by staff, in channels
// whose human members are all staff. Bots and deactivated accounts read nothing, so they do
// not count.
type Audience struct {
	roster   *Roster
	guard    *Guard
	channels Channels
	now      func() time.Time

	mu     sync.Mutex
	byRoom map[string]cachedAudience
}

type cachedAudience struct {
	allStaff bool
	expires  time.Time
}

// audienceTTL bounds how long a channel's answer is reused; joins and leaves on this server
// forget it at once (Forget), and verdicts themselves live as long.
const audienceTTL = verdictTTL

// NewAudience builds the audience rule over roster and guard.
func NewAudience(roster *Roster, guard *Guard, channels Channels) *Audience {
	return &Audience{roster: roster, guard: guard, channels: channels, now: time.Now, byRoom: map[string]cachedAudience{}}
}

// MaySeeDetails reports whether a post by authorID in channelID may carry record details.
func (a *Audience) MaySeeDetails(channelID, authorID string) (bool, error) {
	author, err := a.roster.Verdict(authorID)
	if err != nil || !mayPostDetails(author) {
		return false, err
	}
	if cached, ok := a.cached(channelID); ok {
		return cached, nil
	}
	allStaff, err := a.allStaff(channelID)
	if err != nil {
		return false, err
	}
	a.remember(channelID, allStaff)
	return allStaff, nil
}

// CachedMaySeeDetails is MaySeeDetails from what is already known, for the posting path;
// known is false when it would have to ask Mattermost.
func (a *Audience) CachedMaySeeDetails(channelID, authorID string) (allowed, known bool) {
	author, ok := a.roster.cached(authorID)
	if !ok {
		return false, false
	}
	if !mayPostDetails(author) {
		return false, true
	}
	if allStaff, ok := a.cached(channelID); ok {
		return allStaff, true
	}
	return a.fromCachedMembers(channelID)
}

// fromCachedMembers answers for a conversation whose members and their verdicts are all
// cached (the staff check just before a post reads them), without asking Mattermost.
func (a *Audience) fromCachedMembers(channelID string) (allStaff, known bool) {
	members, ok := a.guard.cachedMembers(channelID)
	if !ok || len(members) == 0 {
		return false, false
	}
	allStaff = true
	for _, id := range members {
		v, ok := a.roster.cached(id)
		if !ok {
			return false, false
		}
		allStaff = allStaff && !v.IsHumanOutsider()
	}
	a.remember(channelID, allStaff)
	return allStaff, true
}

// IsStaff reports whether userID is ITIL staff.
func (a *Audience) IsStaff(userID string) (bool, error) {
	v, err := a.roster.Verdict(userID)
	return err == nil && v.Kind == Staff, err
}

// Forget drops a channel's answer: someone joined or left it.
func (a *Audience) Forget(channelID string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	delete(a.byRoom, channelID)
}

func mayPostDetails(author Verdict) bool { return author.Kind == Staff || author.Kind == ConnectBot }

func (a *Audience) allStaff(channelID string) (bool, error) {
	members, err := a.members(channelID)
	if err != nil {
		return false, err
	}
	for _, id := range members {
		v, err := a.roster.Verdict(id)
		if err != nil {
			return false, err
		}
		if v.IsHumanOutsider() {
			return false, nil
		}
	}
	return true, nil
}

// members are a conversation's (cached by the guard) or any other channel's (read whole).
func (a *Audience) members(channelID string) ([]string, error) {
	members, err := a.guard.conversationMembers(channelID)
	if err != nil || len(members) > 0 {
		return members, err
	}
	members, err = a.channels.MemberIDs(channelID)
	return members, errors.Wrapf(err, "failed to read the members of %s", channelID)
}

func (a *Audience) cached(channelID string) (allStaff, ok bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	entry, found := a.byRoom[channelID]
	return entry.allStaff, found && a.now().Before(entry.expires)
}

func (a *Audience) remember(channelID string, allStaff bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.byRoom) >= maxCachedChannels {
		a.byRoom = map[string]cachedAudience{}
	}
	a.byRoom[channelID] = cachedAudience{allStaff: allStaff, expires: a.now().Add(audienceTTL)}
}
