package conversations

import (
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
)

// AddMembers adds people to a group. Adding people to a Mattermost GM, whose members are
// fixed, starts a managed group with everyone instead and returns that.
func (s *Service) AddMembers(callerID, channelID string, userIDs []string) (c Conversation, err error) {
	defer explainFailure("add people to a conversation", &err)
	l, err := s.load(callerID, channelID)
	if err != nil {
		return Conversation{}, err
	}
	newcomers, err := s.newcomers(callerID, l.conversation, userIDs)
	switch {
	case err != nil:
		return Conversation{}, err
	case len(newcomers) == 0:
		return l.conversation, nil
	case !l.conversation.Managed:
		return s.regroup(callerID, l.conversation, newcomers)
	}
	for _, id := range newcomers {
		if err := s.directory.JoinTeam(l.channel.TeamId, id); err != nil {
			return Conversation{}, errors.Wrapf(err, "failed to add %s to the conversation team", id)
		}
	}
	if err := s.addMembers(channelID, callerID, newcomers); err != nil {
		return Conversation{}, err
	}
	s.membersChanged(channelID)
	return s.conversation(callerID, channelID)
}

// newcomers validates the people to add to c: staff, not in it yet, within the size limit.
func (s *Service) newcomers(callerID string, c Conversation, userIDs []string) ([]string, error) {
	if c.Kind == Direct {
		return nil, invalid(i18n.M("connect.conversations.add_to_direct", "Start a group to add people: a direct conversation always has two people."))
	}
	requested, err := cleanMemberIDs(callerID, userIDs)
	if err != nil {
		return nil, err
	}
	newcomers := notIn(c.Members, requested)
	if len(newcomers) == 0 {
		return nil, nil
	}
	if err := checkSize(len(c.Members) + len(newcomers)); err != nil {
		return nil, err
	}
	return newcomers, s.checkPeople(newcomers)
}

// regroup starts a managed group with a GM's members and newcomers.
func (s *Service) regroup(callerID string, gm Conversation, newcomers []string) (Conversation, error) {
	var others []string
	for _, m := range gm.Members {
		if m.ID != callerID {
			others = append(others, m.ID)
		}
	}
	channel, err := s.createGroup(callerID, append(others, newcomers...), "")
	if err != nil {
		return Conversation{}, err
	}
	return s.conversation(callerID, channel.Id)
}

// RemoveMember takes someone out of a managed group; callers may remove themselves (leave).
func (s *Service) RemoveMember(callerID, channelID, memberID string) (c Conversation, err error) {
	defer explainFailure("remove someone from a conversation", &err)
	l, err := s.load(callerID, channelID)
	if err != nil {
		return Conversation{}, err
	}
	if err := checkRemovable(l.conversation, memberID); err != nil {
		return Conversation{}, err
	}
	if memberID != callerID {
		defer s.removals.begin(channelID, memberID, callerID)()
	}
	if err := s.channels.RemoveMember(channelID, memberID); err != nil {
		return Conversation{}, errors.Wrapf(err, "failed to remove %s", memberID)
	}
	s.membersChanged(channelID)
	if memberID == callerID {
		return leftBehind(l.conversation, callerID), nil
	}
	return s.conversation(callerID, channelID)
}

func checkRemovable(c Conversation, memberID string) error {
	switch {
	case c.Kind == Direct:
		return invalid(i18n.M("connect.conversations.remove_from_direct", "A direct conversation always has two people: close it instead."))
	case !c.Managed:
		return invalid(i18n.M("connect.conversations.members_fixed", "People cannot be removed from this group: its members are fixed. Start a new group without them."))
	case !hasMember(c.Members, memberID):
		return failure.New(failure.NotFound, i18n.M("connect.conversations.not_a_member", "That person is not in this conversation."))
	}
	return nil
}

// leftBehind is the conversation as the person who just left it last saw it.
func leftBehind(c Conversation, leaverID string) Conversation {
	var remaining []Member
	for _, m := range c.Members {
		if m.ID != leaverID {
			remaining = append(remaining, m)
		}
	}
	c.Members = remaining
	c.Open, c.UnreadCount, c.MentionCount = false, 0, 0
	return c
}

// Rename names a managed group; "" goes back to the member names.
func (s *Service) Rename(callerID, channelID, name string) (c Conversation, err error) {
	defer explainFailure("rename a conversation", &err)
	if name, err = cleanName(name); err != nil {
		return Conversation{}, err
	}
	l, err := s.load(callerID, channelID)
	if err != nil {
		return Conversation{}, err
	}
	switch {
	case l.conversation.Kind == Direct:
		return Conversation{}, invalid(i18n.M("connect.conversations.name_direct", "Only group conversations have a name."))
	case !l.conversation.Managed:
		return Conversation{}, invalid(i18n.M("connect.conversations.name_fixed", "This group is named after its members: add someone to it to start a group you can name."))
	}
	s.renaming.Lock()
	defer s.renaming.Unlock()
	channel := l.channel
	if name == "" {
		channel.DisplayName = generatedName(l.conversation.Members)
		err = s.kv.Set(generatedNameKey(channelID), []byte(channel.DisplayName))
	} else {
		channel.DisplayName = name
		err = s.kv.Set(generatedNameKey(channelID), nil)
	}
	if err != nil {
		return Conversation{}, errors.Wrap(err, "failed to save the group's name")
	}
	if _, err := s.channels.UpdateChannel(channel); err != nil {
		return Conversation{}, errors.Wrap(err, "failed to rename the group channel")
	}
	s.membersChanged(channelID)
	s.refresh.add(memberIDs(l.conversation), channelID)
	return s.conversation(callerID, channelID)
}

// Close hides a conversation from the caller's sidebar until the next post in it.
func (s *Service) Close(callerID, channelID string) (err error) {
	defer explainFailure("close a conversation", &err)
	l, err := s.load(callerID, channelID)
	if err != nil {
		return err
	}
	if err := s.closeFor(callerID, channelID, max(s.now().UnixMilli(), l.channel.LastPostAt)); err != nil {
		return err
	}
	s.clients.Publish(callerID, Closed{ID: channelID})
	s.refresh.add([]string{callerID}, "")
	return nil
}

// Open puts a conversation back in the caller's sidebar.
func (s *Service) Open(callerID, channelID string) (c Conversation, err error) {
	defer explainFailure("open a conversation", &err)
	return s.reopened(callerID, channelID)
}

func notIn(members []Member, ids []string) []string {
	var missing []string
	for _, id := range ids {
		if !hasMember(members, id) {
			missing = append(missing, id)
		}
	}
	return missing
}

func hasMember(members []Member, userID string) bool {
	for _, m := range members {
		if m.ID == userID {
			return true
		}
	}
	return false
}

func memberIDs(c Conversation) []string {
	ids := make([]string, 0, len(c.Members))
	for _, m := range c.Members {
		ids = append(ids, m.ID)
	}
	return ids
}
