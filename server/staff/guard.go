package staff

import (
	"slices"
	"sync"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/shape"
)

// Channels is what the guard reads about channels from Mattermost.
type Channels interface {
	Channel(channelID string) (*model.Channel, error)
	MemberIDs(channelID string) ([]string, error)
	UpdateChannel(channel *model.Channel) (*model.Channel, error)
}

// Guard decides whether a message may go into a channel. A conversation (a direct or group
// message, or a group Connect manages) with at least one staff member and at least one human
// non-staff member is a mixed conversation; team channels are never Connect conversations.
type Guard struct {
	roster   *Roster
	channels Channels
	now      func() time.Time

	mu      sync.RWMutex
	members map[string]cachedMembers
}

// cachedMembers are a channel's members; empty for channels that are not conversations.
// DM and GM membership never changes, so those never expire.
type cachedMembers struct {
	ids     []string
	expires time.Time
}

// managedGroupTTL bounds how long a managed group's members are reused: joins and leaves
// on this server forget them at once, those on other servers count within this time.
const managedGroupTTL = 10 * time.Second

// maxCachedChannels bounds the channel cache; past it the cache starts over.
const maxCachedChannels = 50_000

// NewGuard builds a guard over roster.
func NewGuard(roster *Roster, channels Channels) *Guard {
	return &Guard{roster: roster, channels: channels, now: time.Now, members: map[string]cachedMembers{}}
}

// Outsiders returns the human non-staff members of channelID when it is a mixed
// conversation, and nothing otherwise.
func (g *Guard) Outsiders(channelID string) ([]Verdict, error) {
	return g.outsiders(channelID, "")
}

// outsiders is Outsiders counting authorID as a member too: someone just added may post
// before the cached member list knows them.
func (g *Guard) outsiders(channelID, authorID string) ([]Verdict, error) {
	members, err := g.conversationMembers(channelID)
	if err != nil || len(members) < 2 {
		return nil, err
	}
	if authorID != "" && !slices.Contains(members, authorID) {
		members = append(slices.Clip(members), authorID)
	}
	var outsiders []Verdict
	hasStaff := false
	for _, id := range members {
		v, err := g.roster.Verdict(id)
		if err != nil {
			return nil, err
		}
		hasStaff = hasStaff || v.Kind == Staff
		if v.IsHumanOutsider() {
			outsiders = append(outsiders, v)
		}
	}
	if !hasStaff {
		return nil, nil
	}
	return outsiders, nil
}

// conversationMembers returns a conversation's members, or nothing for any other channel.
func (g *Guard) conversationMembers(channelID string) ([]string, error) {
	if ids, fresh := g.cachedMembers(channelID); fresh {
		return ids, nil
	}
	cached, err := g.lookUpMembers(channelID)
	if err != nil {
		return nil, err
	}
	g.mu.Lock()
	if len(g.members) >= maxCachedChannels {
		g.members = map[string]cachedMembers{}
	}
	g.members[channelID] = cached
	g.mu.Unlock()
	return cached.ids, nil
}

// cachedMembers returns a conversation's members when they are cached and fresh.
func (g *Guard) cachedMembers(channelID string) ([]string, bool) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	cached, ok := g.members[channelID]
	fresh := ok && (cached.expires.IsZero() || g.now().Before(cached.expires))
	return cached.ids, fresh
}

// ForgetChannel drops a channel's cached members (someone joined or left it).
func (g *Guard) ForgetChannel(channelID string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.members, channelID)
}

func (g *Guard) lookUpMembers(channelID string) (cachedMembers, error) {
	channel, err := g.channels.Channel(channelID)
	if err != nil {
		return cachedMembers{}, errors.Wrapf(err, "failed to read channel %s", channelID)
	}
	switch shape.Of(channel, g.roster.botID) {
	case shape.Direct:
		return cachedMembers{ids: shape.DirectMemberIDs(channel)}, nil
	case shape.GroupMessage:
		ids, err := g.channels.MemberIDs(channelID)
		return cachedMembers{ids: ids}, errors.Wrapf(err, "failed to read the members of %s", channelID)
	case shape.Managed:
		ids, err := g.channels.MemberIDs(channelID)
		return cachedMembers{ids: ids, expires: g.now().Add(managedGroupTTL)}, errors.Wrapf(err, "failed to read the members of %s", channelID)
	default:
		return cachedMembers{}, nil
	}
}

// CachedChannels is how many channels the guard remembers (for stats).
func (g *Guard) CachedChannels() int {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return len(g.members)
}

// Refusal is the reason a mixed conversation gets, naming its non-staff members.
func Refusal(outsiders []Verdict) i18n.Message {
	names := make(i18n.And, 0, len(outsiders))
	for _, v := range outsiders {
		names = append(names, "@"+v.Username)
	}
	return i18n.Plural("connect.staff.not_staff",
		"{{.Names}} is not ITIL staff: Connect conversations are for staff only.",
		"{{.Names}} are not ITIL staff: Connect conversations are for staff only.",
		len(names), i18n.Data{"Names": names})
}
