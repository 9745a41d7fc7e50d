package staff

import (
	"fmt"
	"strings"
	"sync"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"
)

// Channels is what the guard reads about channels from Mattermost.
type Channels interface {
	Channel(channelID string) (*model.Channel, error)
	MemberIDs(channelID string) ([]string, error)
}

// Guard decides whether a message may go into a channel. A direct or group message with
// at least one staff member and at least one human non-staff member is a mixed
// conversation; team channels are never Connect conversations.
type Guard struct {
	roster   *Roster
	channels Channels

	mu      sync.RWMutex
	members map[string][]string // DM/GM channel id → member ids; nil slice = not a DM/GM
}

// maxCachedChannels bounds the channel cache; past it the cache starts over.
const maxCachedChannels = 50_000

// NewGuard builds a guard over roster.
func NewGuard(roster *Roster, channels Channels) *Guard {
	return &Guard{roster: roster, channels: channels, members: map[string][]string{}}
}

// Outsiders returns the human non-staff members of channelID when it is a mixed
// conversation, and nothing otherwise.
func (g *Guard) Outsiders(channelID string) ([]Verdict, error) {
	members, err := g.conversationMembers(channelID)
	if err != nil || len(members) < 2 {
		return nil, err
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

// conversationMembers returns a DM's or GM's members, or nil for any other channel.
// DM and GM membership never changes, so the answer is cached for good.
func (g *Guard) conversationMembers(channelID string) ([]string, error) {
	g.mu.RLock()
	members, ok := g.members[channelID]
	g.mu.RUnlock()
	if ok {
		return members, nil
	}
	members, err := g.lookUpMembers(channelID)
	if err != nil {
		return nil, err
	}
	g.mu.Lock()
	if len(g.members) >= maxCachedChannels {
		g.members = map[string][]string{}
	}
	g.members[channelID] = members
	g.mu.Unlock()
	return members, nil
}

func (g *Guard) lookUpMembers(channelID string) ([]string, error) {
	channel, err := g.channels.Channel(channelID)
	if err != nil {
		return nil, errors.Wrapf(err, "failed to read channel %s", channelID)
	}
	switch channel.Type {
	case model.ChannelTypeDirect:
		ids := strings.Split(channel.Name, "__")
		if len(ids) != 2 || ids[0] == ids[1] {
			return []string{}, nil
		}
		return ids, nil
	case model.ChannelTypeGroup:
		ids, err := g.channels.MemberIDs(channelID)
		return ids, errors.Wrapf(err, "failed to read the members of %s", channelID)
	default:
		return []string{}, nil
	}
}

// CachedChannels is how many channels the guard remembers (for stats).
func (g *Guard) CachedChannels() int {
	g.mu.RLock()
	defer g.mu.RUnlock()
	return len(g.members)
}

// Refusal is the reason a mixed conversation gets, naming its non-staff members.
func Refusal(outsiders []Verdict) string {
	names := make([]string, 0, len(outsiders))
	for _, v := range outsiders {
		names = append(names, "@"+v.Username)
	}
	verb := "is"
	if len(names) > 1 {
		verb = "are"
	}
	return fmt.Sprintf("%s %s not ITIL staff: Connect conversations are for staff only.", joinNames(names), verb)
}

func joinNames(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
