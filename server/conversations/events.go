package conversations

import (
	"sort"
	"sync"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/shape"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
)

// Websocket events (clients receive custom_<plugin id>_<event>) and the cluster event.
const (
	EventConversationUpdated = "conversation_updated"
	EventConversationClosed  = "conversation_closed"
	EventUnreadTotals        = "unread_totals"
	// ClusterMembersChanged tells the other servers that a managed group's members or name changed.
	ClusterMembersChanged = "conversation_members_changed"
)

// channelFacts are what never changes about a channel: its shape and a DM's two members.
type channelFacts struct {
	shape     shape.Shape
	directIDs []string
}

// MessageHasBeenPosted records a conversation's new last post, for the lists read later. It
// tells nobody: every client of a member gets Mattermost's own posted event, from which the web
// app updates its list (preview, order, unread and mention counts, reopening). So the work per
// post is a cached lookup, whatever the members' conversation counts.
func (s *Service) MessageHasBeenPosted(post *model.Post) {
	if post.Type == model.PostTypeGMConvertedToChannel {
		s.GroupMessageConverted(post.ChannelId)
	}
	facts, err := s.factsOf(post.ChannelId)
	if err != nil {
		s.log.Warn("Failed to read a new post's channel", "channel_id", post.ChannelId, "error", err.Error())
		return
	}
	if facts.shape == shape.None {
		return
	}
	last := previewSource(post)
	s.posts.update(post.ChannelId, func(old postEntry, found bool) (postEntry, bool) {
		return postEntry{lastPostAt: post.CreateAt, pending: last}, !found || old.lastPostAt <= post.CreateAt
	})
}

// MessageHasBeenUpdated refreshes the cached preview when a conversation's last post was
// edited (clients update theirs from Mattermost's post_edited event).
func (s *Service) MessageHasBeenUpdated(post *model.Post) {
	s.changeLastPost(post, func(old postEntry) (postEntry, bool) {
		return postEntry{lastPostAt: old.lastPostAt, pending: previewSource(post)}, true
	})
}

// MessageHasBeenDeleted drops the cached preview when a conversation's last post was deleted;
// the next list reads the post before it (clients ask for the conversation again).
func (s *Service) MessageHasBeenDeleted(post *model.Post) {
	if s.changeLastPost(post, func(postEntry) (postEntry, bool) { return postEntry{}, false }) {
		s.posts.forget(post.ChannelId)
	}
}

// changeLastPost applies change when post is the channel's cached last post.
func (s *Service) changeLastPost(post *model.Post, change func(postEntry) (postEntry, bool)) bool {
	wasLast := false
	s.posts.update(post.ChannelId, func(old postEntry, found bool) (postEntry, bool) {
		wasLast = found && old.postID() == post.Id
		if !wasLast {
			return old, false
		}
		return change(old)
	})
	return wasLast
}

// GroupMessageConverted keeps a staff GM that someone turned into a private channel (Mattermost's
// "convert to channel") a Connect group: Connect becomes its creator, so whoever is added later
// is held to the staff-only rule as in every Connect group. A GM that already mixed staff and
// non-staff becomes an ordinary team channel.
func (s *Service) GroupMessageConverted(channelID string) {
	s.facts.forget(channelID)
	adopted, err := s.adopt(channelID)
	if err != nil {
		s.log.Error("Failed to keep a converted group message a Connect group", "channel_id", channelID, "error", err.Error())
	}
	if !adopted {
		return
	}
	s.facts.forget(channelID)
	s.staff.ChannelMembersChanged(channelID)
	s.membersChanged(channelID)
	members, err := s.channels.MemberIDs(channelID)
	if err != nil {
		s.log.Warn("Failed to read a converted group's members", "channel_id", channelID, "error", err.Error())
	}
	for _, id := range members { // anyone added while it was becoming Connect's
		s.refuseOutsider(channelID, id, "")
	}
	s.afterMembersChanged(channelID)
}

// adopt makes Connect the creator of a converted GM whose human members are all staff.
func (s *Service) adopt(channelID string) (bool, error) {
	channel, err := s.channels.Channel(channelID)
	if err != nil || channel.Type != model.ChannelTypePrivate || channel.CreatorId == s.botID {
		return false, err
	}
	members, err := s.channels.MemberIDs(channelID)
	if err != nil {
		return false, err
	}
	for _, id := range members {
		verdict, err := s.staff.Verdict(id)
		if err != nil {
			return false, err
		}
		if verdict.IsHumanOutsider() {
			return false, nil
		}
	}
	channel.CreatorId = s.botID
	_, err = s.channels.UpdateChannel(channel)
	return err == nil, err
}

// MemberJoined handles a join to a managed group by any path: people who may not take
// part are removed at once (enforce mode) and whoever added them is told why.
func (s *Service) MemberJoined(channelID, userID, actorID string) {
	if !s.isManaged(channelID) {
		return
	}
	s.membersChanged(channelID)
	if s.refuseOutsider(channelID, userID, actorID) {
		return
	}
	s.afterMembersChanged(channelID)
}

// MemberLeft handles someone leaving (or being removed from) a managed group.
func (s *Service) MemberLeft(channelID, userID string) {
	if !s.isManaged(channelID) {
		return
	}
	s.membersChanged(channelID)
	s.clients.Publish(userID, Closed{ID: channelID})
	s.afterMembersChanged(channelID)
}

// OnMembersChanged applies a ClusterMembersChanged event from another server: data is the group's id.
func (s *Service) OnMembersChanged(data []byte) {
	s.groups.forget(string(data))
}

func (s *Service) isManaged(channelID string) bool {
	facts, err := s.factsOf(channelID)
	if err != nil {
		s.log.Warn("Failed to read a channel", "channel_id", channelID, "error", err.Error())
	}
	return facts.shape == shape.Managed
}

// refuseOutsider applies the enforcement mode to a non-staff newcomer; it reports whether
// they were removed.
func (s *Service) refuseOutsider(channelID, userID, actorID string) bool {
	verdict, err := s.staff.Verdict(userID)
	if err != nil {
		s.log.Warn("Failed to check a new group member", "user_id", userID, "error", err.Error())
		return false
	}
	if verdict.Kind == staff.Staff || verdict.Kind == staff.ConnectBot || verdict.Kind == staff.Inactive {
		return false
	}
	reason := staff.Refusal([]staff.Verdict{verdict})
	tell := actorID
	if tell == "" {
		tell = userID
	}
	switch s.config().Enforcement {
	case config.ModeOff:
		return false
	case config.ModeWarn:
		s.notifier.Ephemeral(tell, channelID, i18n.M("connect.conversations.added_but", "Added, but note: {{.Reason}}", i18n.Data{"Reason": reason}))
		return false
	}
	if err := s.channels.RemoveMember(channelID, userID); err != nil {
		s.log.Error("Failed to remove a non-staff member from a Connect group", "channel_id", channelID, "user_id", userID, "error", err.Error())
		return false
	}
	s.notifier.Ephemeral(tell, channelID, i18n.M("connect.conversations.removed", "@{{.Username}} was removed from this conversation: {{.Reason}}", i18n.Data{"Username": verdict.Username, "Reason": reason}))
	return true
}

func (s *Service) afterMembersChanged(channelID string) {
	s.tellMembersOf(channelID)
	s.renameSoon(channelID)
}

// renameSoon regenerates a group's stored name once its members stop changing.
func (s *Service) renameSoon(channelID string) {
	s.renamesMu.Lock()
	defer s.renamesMu.Unlock()
	if timer, pending := s.renames[channelID]; pending {
		timer.Reset(s.nameDelay)
		return
	}
	s.renames[channelID] = time.AfterFunc(s.nameDelay, func() {
		s.renamesMu.Lock()
		delete(s.renames, channelID)
		s.renamesMu.Unlock()
		renamed, err := s.regenerateName(channelID)
		if err != nil {
			s.log.Warn("Failed to update a group's name after a member change", "channel_id", channelID, "error", err.Error())
		}
		if renamed {
			s.tellMembersOf(channelID)
		}
	})
}

// regenerateName keeps the stored display name of a group nobody named in step with its
// members, for native clients. Connect itself names such groups from the members it reads.
func (s *Service) regenerateName(channelID string) (renamed bool, err error) {
	s.renaming.Lock()
	defer s.renaming.Unlock()
	channel, err := s.channels.Channel(channelID)
	if err != nil {
		return false, err
	}
	info, err := s.fetchGroupInfo(channelID, shape.Managed)
	if err != nil || len(info.memberIDs) == 0 || info.generated == "" || channel.DisplayName != info.generated {
		return false, err
	}
	name, err := s.generatedNameOf(info.memberIDs)
	if err != nil || name == channel.DisplayName {
		return false, err
	}
	if err := s.kv.Set(generatedNameKey(channelID), []byte(name)); err != nil {
		return false, err
	}
	channel.DisplayName = name
	if _, err := s.channels.UpdateChannel(channel); err != nil {
		return false, err
	}
	s.membersChanged(channelID)
	return true, nil
}

// membersChanged drops what this and the other servers remember about a group's members.
func (s *Service) membersChanged(channelID string) {
	s.groups.forget(channelID)
	if err := s.cluster.Broadcast(ClusterMembersChanged, channelID); err != nil {
		s.log.Warn("Failed to tell the other servers about a group change", "channel_id", channelID, "error", err.Error())
	}
}

func (s *Service) tellMembersOf(channelID string) {
	facts, err := s.factsOf(channelID)
	if err != nil {
		s.log.Warn("Failed to read a channel", "channel_id", channelID, "error", err.Error())
		return
	}
	s.tellMembers(channelID, facts)
}

// tellMembers queues conversation_updated and unread_totals for every member.
func (s *Service) tellMembers(channelID string, facts channelFacts) {
	ids, err := s.memberIDsOf(channelID, facts)
	if err != nil {
		s.log.Warn("Failed to read a conversation's members", "channel_id", channelID, "error", err.Error())
		return
	}
	s.refresh.add(ids, channelID)
}

func (s *Service) factsOf(channelID string) (channelFacts, error) {
	if facts, ok := s.facts.get(channelID); ok {
		return facts, nil
	}
	channel, err := s.channels.Channel(channelID)
	if err != nil {
		return channelFacts{}, errors.Wrapf(err, "failed to read channel %s", channelID)
	}
	facts := channelFacts{shape: shape.Of(channel, s.botID)}
	if facts.shape == shape.Direct {
		facts.directIDs = shape.DirectMemberIDs(channel)
	}
	s.facts.put(channelID, facts)
	return facts, nil
}

func (s *Service) memberIDsOf(channelID string, facts channelFacts) ([]string, error) {
	if facts.shape == shape.Direct {
		return facts.directIDs, nil
	}
	if info, ok := s.groups.get(channelID); ok && info.fresh(s.now()) {
		return info.memberIDs, nil
	}
	info, err := s.fetchGroupInfo(channelID, facts.shape)
	return info.memberIDs, err
}

// sendUpdates tells one staff user about conversations that changed, and their totals.
func (s *Service) sendUpdates(userID string, channelIDs []string) {
	verdict, err := s.staff.Verdict(userID)
	if err != nil || verdict.Kind != staff.Staff {
		return
	}
	everything, err := s.everything(userID)
	if err != nil {
		s.log.Warn("Failed to send conversation updates", "user_id", userID, "error", err.Error())
		return
	}
	wanted := make(map[string]bool, len(channelIDs))
	for _, id := range channelIDs {
		wanted[id] = true
	}
	for _, c := range everything {
		if wanted[c.ID] {
			s.clients.Publish(userID, Updated{Conversation: c})
		}
	}
	unread, mentions := totals(openOnly(everything))
	s.clients.Publish(userID, UnreadTotals{TotalUnread: unread, TotalMentions: mentions})
}

// refresher collects which conversations each user should hear about and sends them
// together after a short delay, so bursts of posts cost one update per user.
type refresher struct {
	delay time.Duration
	send  func(userID string, channelIDs []string)

	mu        sync.Mutex
	pending   map[string]map[string]bool // user → channel ids ("" entries are never stored)
	scheduled bool
}

func newRefresher(delay time.Duration, send func(userID string, channelIDs []string)) *refresher {
	return &refresher{delay: delay, send: send}
}

// add queues channelID for each user; channelID "" queues only their unread totals.
func (r *refresher) add(userIDs []string, channelID string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.pending == nil {
		r.pending = map[string]map[string]bool{}
	}
	for _, id := range userIDs {
		if r.pending[id] == nil {
			r.pending[id] = map[string]bool{}
		}
		if channelID != "" {
			r.pending[id][channelID] = true
		}
	}
	if !r.scheduled {
		r.scheduled = true
		time.AfterFunc(r.delay, r.flush)
	}
}

func (r *refresher) flush() {
	r.mu.Lock()
	pending := r.pending
	r.pending, r.scheduled = nil, false
	r.mu.Unlock()
	users := make([]string, 0, len(pending))
	for id := range pending {
		users = append(users, id)
	}
	_ = inParallel(len(users), func(i int) error {
		r.send(users[i], sortedKeys(pending[users[i]]))
		return nil
	})
}

func sortedKeys(set map[string]bool) []string {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
