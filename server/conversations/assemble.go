package conversations

import (
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/shape"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
)

// groupInfo is what the service remembers about a group's members.
type groupInfo struct {
	memberIDs []string
	// generated is the display name Connect stored on a managed group; "" once a user named it.
	generated string
	// expires is zero for DMs and GMs, whose members never change.
	expires time.Time
}

// groupInfoTTL bounds how stale a managed group's members can be on a server that missed
// a change; hooks and cluster events drop entries at once.
const groupInfoTTL = 10 * time.Minute

func (g groupInfo) fresh(now time.Time) bool { return g.expires.IsZero() || now.Before(g.expires) }

// postEntry is a channel's last post as of the channel's LastPostAt. A post that arrived through
// the posting hooks keeps what its preview is made of (pending) until a list needs it: making a
// preview is most of the work a post costs, and most are never read.
type postEntry struct {
	lastPostAt int64
	post       *LastPost
	pending    *model.Post
}

func (e postEntry) postID() string {
	if e.pending != nil {
		return e.pending.Id
	}
	if e.post != nil {
		return e.post.ID
	}
	return ""
}

// source is one conversation's raw material from Mattermost.
type source struct {
	channel    *model.Channel
	shape      shape.Shape
	membership *model.ChannelMember
}

// person is a member as the service needs them.
type person struct {
	member Member
	kind   staff.Kind
}

// loaded is one conversation with the channel behind it.
type loaded struct {
	conversation Conversation
	channel      *model.Channel
}

// everything returns all the user's conversations, closed ones too, most recent first.
// It makes a fixed number of bulk calls; members and last posts come from caches.
func (s *Service) everything(userID string) ([]Conversation, error) {
	var (
		channels    []*model.Channel
		memberships []*model.ChannelMember
		closed      closedSet
	)
	err := concurrently(
		func() (err error) {
			channels, err = s.channels.ChannelsOf(userID)
			return errors.Wrap(err, "failed to read the user's channels")
		},
		func() (err error) {
			memberships, err = s.channels.MembershipsOf(userID)
			return errors.Wrap(err, "failed to read the user's channel memberships")
		},
		func() (err error) { closed, err = s.closedOf(userID); return err },
	)
	if err != nil {
		return nil, err
	}
	sources := sourcesOf(channels, memberships, s.botID)
	list, err := s.assemble(userID, sources, closed)
	if err != nil {
		return nil, err
	}
	s.pruneClosed(userID, closed, sources)
	sortByActivity(list)
	return list, nil
}

// load returns one of the user's conversations; errNoSuchConversation when the user is not
// in it or it is not a Connect conversation.
func (s *Service) load(userID, channelID string) (loaded, error) {
	if !model.IsValidId(channelID) {
		return loaded{}, errNoSuchConversation
	}
	var (
		channel    *model.Channel
		membership *model.ChannelMember
		closed     closedSet
	)
	err := concurrently(
		func() (err error) { channel, err = s.channels.Channel(channelID); return err },
		func() (err error) { membership, err = s.channels.Membership(channelID, userID); return err },
		func() (err error) { closed, err = s.closedOf(userID); return err },
	)
	if errors.Is(err, ErrMissing) {
		return loaded{}, errNoSuchConversation
	}
	if err != nil {
		return loaded{}, errors.Wrapf(err, "failed to read conversation %s", channelID)
	}
	sh := shape.Of(channel, s.botID)
	if sh == shape.None {
		return loaded{}, errNoSuchConversation
	}
	list, err := s.assemble(userID, []source{{channel: channel, shape: sh, membership: membership}}, closed)
	if err != nil {
		return loaded{}, err
	}
	if len(list) == 0 {
		return loaded{}, errNoSuchConversation
	}
	return loaded{conversation: list[0], channel: channel}, nil
}

func sourcesOf(channels []*model.Channel, memberships []*model.ChannelMember, botID string) []source {
	byChannel := make(map[string]*model.ChannelMember, len(memberships))
	for _, m := range memberships {
		byChannel[m.ChannelId] = m
	}
	sources := make([]source, 0, len(channels))
	for _, ch := range channels {
		if sh := shape.Of(ch, botID); sh != shape.None {
			sources = append(sources, source{channel: ch, shape: sh, membership: byChannel[ch.Id]})
		}
	}
	return sources
}

// assemble turns sources into conversations as viewerID sees them, leaving out those with
// anyone who may not take part (bots, active non-staff).
func (s *Service) assemble(viewerID string, sources []source, closed closedSet) ([]Conversation, error) {
	var (
		infos     []groupInfo
		people    map[string]person
		lastPosts []*LastPost
	)
	err := concurrently(
		func() (err error) {
			if infos, err = s.groupInfos(sources); err != nil {
				return err
			}
			people, err = s.people(viewerID, infos)
			return err
		},
		func() error { lastPosts = s.lastPosts(sources); return nil },
	)
	if err != nil {
		return nil, err
	}
	strict := s.config().Enforcement == config.ModeEnforce
	list := make([]Conversation, 0, len(sources))
	for i, src := range sources {
		if welcome(infos[i].memberIDs, people, viewerID, strict) {
			c := build(viewerID, src, infos[i], people, lastPosts[i], closed)
			c.Record = s.recordOf(c.ID)
			list = append(list, c)
		}
	}
	return list, nil
}

func build(viewerID string, src source, info groupInfo, people map[string]person, last *LastPost, closed closedSet) Conversation {
	ch := src.channel
	members := make([]Member, 0, len(info.memberIDs))
	for _, id := range info.memberIDs {
		if p, ok := people[id]; ok {
			members = append(members, p.member)
		}
	}
	sortMembers(members)
	c := Conversation{
		ID: ch.Id, Kind: kindOf(src.shape), Members: members, LastPost: last,
		LastActivityAt: lastActivity(ch), Open: isOpen(closed[ch.Id], ch.LastPostAt), Managed: src.shape == shape.Managed,
	}
	c.UnreadCount, c.MentionCount = unreadCounts(ch, src.membership)
	if src.membership != nil {
		c.LastViewedAt = src.membership.LastViewedAt
	}
	c.Name, c.CustomName, c.AvatarURL = naming(src.shape, ch.DisplayName, info.generated, members, viewerID)
	return c
}

// naming returns a conversation's name for viewerID, whether a user chose it, and its avatar.
// A managed group whose display name is not the one Connect generated was named by a user.
func naming(sh shape.Shape, displayName, generated string, members []Member, viewerID string) (name string, custom bool, avatar string) {
	switch {
	case sh == shape.Direct:
		other := otherMember(members, viewerID)
		return other.DisplayName, false, avatarURL(other.ID)
	case sh == shape.Managed && displayName != generated:
		return displayName, true, ""
	default:
		return groupTitle(members, viewerID), false, ""
	}
}

// welcome reports whether a conversation belongs in Connect: no bots, and when strict
// (enforce mode, where posting to them fails) no active non-staff either. Deactivated
// people keep their past conversations readable; unknown ids are ignored.
func welcome(memberIDs []string, people map[string]person, viewerID string, strict bool) bool {
	for _, id := range memberIDs {
		p, known := people[id]
		switch {
		case id == viewerID || !known || p.kind == staff.Staff:
		case p.kind == staff.Inactive, p.kind == staff.NonStaff && !strict:
		default:
			return false
		}
	}
	return true
}

// groupInfos returns each source's members: DMs from the channel name, groups from the
// cache or, on a miss, from Mattermost (in parallel).
func (s *Service) groupInfos(sources []source) ([]groupInfo, error) {
	infos := make([]groupInfo, len(sources))
	var misses []int
	now := s.now()
	for i, src := range sources {
		if src.shape == shape.Direct {
			infos[i] = groupInfo{memberIDs: shape.DirectMemberIDs(src.channel)}
			continue
		}
		if info, ok := s.groups.get(src.channel.Id); ok && info.fresh(now) {
			infos[i] = info
			continue
		}
		misses = append(misses, i)
	}
	err := inParallel(len(misses), func(k int) (err error) {
		src := sources[misses[k]]
		infos[misses[k]], err = s.fetchGroupInfo(src.channel.Id, src.shape)
		return err
	})
	return infos, err
}

func (s *Service) fetchGroupInfo(channelID string, sh shape.Shape) (groupInfo, error) {
	ids, err := s.channels.MemberIDs(channelID)
	if err != nil {
		return groupInfo{}, errors.Wrapf(err, "failed to read the members of %s", channelID)
	}
	info := groupInfo{memberIDs: ids}
	if sh == shape.Managed {
		generated, err := s.kv.Get(generatedNameKey(channelID))
		if err != nil {
			return groupInfo{}, errors.Wrapf(err, "failed to read the name of %s", channelID)
		}
		info.generated = string(generated)
		info.expires = s.now().Add(groupInfoTTL)
	}
	s.groups.put(channelID, info)
	return info, nil
}

// people reads every member once, in bulk, with their staff verdicts.
func (s *Service) people(viewerID string, infos []groupInfo) (map[string]person, error) {
	ids := uniqueIDs(viewerID, infos)
	users, err := s.directory.Users(ids)
	if err != nil {
		return nil, errors.Wrap(err, "failed to read the conversation members")
	}
	kinds := make([]staff.Kind, len(users))
	err = inParallel(len(users), func(i int) error {
		if users[i].Id == viewerID {
			kinds[i] = staff.Staff
			return nil
		}
		verdict, err := s.staff.Verdict(users[i].Id)
		kinds[i] = verdict.Kind
		return err
	})
	if err != nil {
		return nil, errors.Wrap(err, "failed to check who is staff")
	}
	people := make(map[string]person, len(users))
	for i, u := range users {
		people[u.Id] = person{member: memberOf(u), kind: kinds[i]}
	}
	return people, nil
}

func uniqueIDs(viewerID string, infos []groupInfo) []string {
	seen := map[string]bool{viewerID: true}
	ids := []string{viewerID}
	for _, info := range infos {
		for _, id := range info.memberIDs {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// lastPosts returns each source's last post from the cache, valid while the channel's
// LastPostAt is unchanged, and reads the rest (in parallel). A post that cannot be read
// leaves its preview empty rather than failing the list.
func (s *Service) lastPosts(sources []source) []*LastPost {
	posts := make([]*LastPost, len(sources))
	var misses []int
	for i, src := range sources {
		ch := src.channel
		if ch.LastPostAt == 0 {
			continue
		}
		if entry, ok := s.posts.get(ch.Id); ok && entry.lastPostAt == ch.LastPostAt {
			posts[i] = s.settledPreview(ch.Id, entry)
			continue
		}
		misses = append(misses, i)
	}
	_ = inParallel(len(misses), func(k int) error {
		i := misses[k]
		posts[i] = s.fetchLastPost(sources[i].channel)
		return nil
	})
	return posts
}

// settledPreview makes a pending preview once and keeps it for the next lists.
func (s *Service) settledPreview(channelID string, entry postEntry) *LastPost {
	if entry.pending == nil {
		return entry.post
	}
	made := preview(entry.pending)
	s.posts.update(channelID, func(current postEntry, found bool) (postEntry, bool) {
		settled := found && current.pending == entry.pending
		return postEntry{lastPostAt: current.lastPostAt, post: made}, settled
	})
	return made
}

func (s *Service) fetchLastPost(ch *model.Channel) *LastPost {
	post, err := s.channels.LatestPost(ch.Id)
	if err != nil {
		s.log.Warn("Failed to read a conversation's last post", "channel_id", ch.Id, "error", err.Error())
		return nil
	}
	last := preview(post)
	s.posts.update(ch.Id, func(old postEntry, found bool) (postEntry, bool) {
		return postEntry{lastPostAt: ch.LastPostAt, post: last}, !found || old.lastPostAt <= ch.LastPostAt
	})
	return last
}
