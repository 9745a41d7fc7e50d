package conversations

import (
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/staff"
)

// groupPurpose is the purpose native clients show for a managed group.
var groupPurpose = i18n.M("connect.conversations.group_purpose", "A Connect Chat group conversation.")

// Create starts a conversation between the caller and req.UserIDs: a DM for one other
// person, a group for more. An existing conversation with the same people is reopened
// and returned instead (created is false).
func (s *Service) Create(callerID string, req CreateRequest) (c Conversation, created bool, err error) {
	defer explainFailure("start a conversation", &err)
	others, err := cleanMemberIDs(callerID, req.UserIDs)
	if err != nil {
		return Conversation{}, false, err
	}
	if len(others) == 0 {
		return Conversation{}, false, invalid(i18n.M("connect.conversations.not_yourself", "Choose someone other than yourself."))
	}
	if err := checkSize(len(others) + 1); err != nil {
		return Conversation{}, false, err
	}
	name, err := cleanName(req.Name)
	if err != nil {
		return Conversation{}, false, err
	}
	if err := s.checkPeople(others); err != nil {
		return Conversation{}, false, err
	}
	if len(others) == 1 {
		return s.startDirect(callerID, others[0])
	}
	return s.startGroup(callerID, others, name)
}

// checkPeople refuses unknown ids and anyone who is not staff, naming them.
func (s *Service) checkPeople(ids []string) error {
	users, err := s.directory.Users(ids)
	if err != nil {
		return errors.Wrap(err, "failed to read the chosen people")
	}
	found := make(map[string]bool, len(users))
	for _, u := range users {
		found[u.Id] = true
	}
	var outsiders []staff.Verdict
	for _, id := range ids {
		if !found[id] {
			return invalid(i18n.M("connect.conversations.no_such_user", "No user with id \"{{.ID}}\".", i18n.Data{"ID": id}))
		}
		verdict, err := s.staff.Verdict(id)
		if err != nil {
			return errors.Wrap(err, "failed to check who is staff")
		}
		if verdict.Kind != staff.Staff {
			outsiders = append(outsiders, verdict)
		}
	}
	if len(outsiders) > 0 {
		return invalid(staff.Refusal(outsiders))
	}
	return nil
}

func (s *Service) startDirect(callerID, otherID string) (Conversation, bool, error) {
	before := s.now().UnixMilli()
	channel, err := s.channels.DirectChannel(callerID, otherID)
	if err != nil {
		return Conversation{}, false, errors.Wrap(err, "failed to open the direct channel")
	}
	created := channel.CreateAt >= before
	c, err := s.reopened(callerID, channel.Id)
	if err != nil {
		return Conversation{}, false, err
	}
	if created {
		s.refresh.add([]string{otherID}, channel.Id)
	}
	return c, created, nil
}

// startGroup returns the caller's group with exactly these people (and this name, when
// given), or starts a managed group.
func (s *Service) startGroup(callerID string, others []string, name string) (Conversation, bool, error) {
	existing, err := s.everything(callerID)
	if err != nil {
		return Conversation{}, false, err
	}
	people := append([]string{callerID}, others...)
	for _, c := range existing {
		if c.Kind == Group && sameMembers(c, people) && (name == "" || strings.EqualFold(c.Name, name)) {
			c, err = s.reopened(callerID, c.ID)
			return c, false, err
		}
	}
	channel, err := s.createGroup(callerID, others, name)
	if err != nil {
		return Conversation{}, false, err
	}
	c, err := s.conversation(callerID, channel.Id)
	return c, true, err
}

// reopened reopens one of the caller's conversations, tells their other tabs, and returns it.
func (s *Service) reopened(callerID, channelID string) (Conversation, error) {
	l, err := s.load(callerID, channelID)
	if err != nil {
		return Conversation{}, err
	}
	if err := s.reopenFor(callerID, channelID); err != nil {
		return Conversation{}, err
	}
	c := l.conversation
	c.Open = true
	s.refresh.add([]string{callerID}, channelID)
	return c, nil
}

// createGroup makes a managed group: a private channel in the conversation team, created
// by the Connect bot, with the caller and others in it (added to the team first if need be).
// Each join reaches MemberJoined, which tells the members.
func (s *Service) createGroup(callerID string, others []string, name string) (*model.Channel, error) {
	teamID, err := s.conversationTeamID()
	if err != nil {
		return nil, err
	}
	memberIDs := append([]string{callerID}, others...)
	generated, err := s.generatedNameOf(memberIDs)
	if err != nil {
		return nil, err
	}
	for _, id := range memberIDs {
		if err := s.directory.JoinTeam(teamID, id); err != nil {
			return nil, errors.Wrapf(err, "failed to add %s to the conversation team", id)
		}
	}
	displayName := name
	if displayName == "" {
		displayName = generated
	}
	channel, err := s.channels.CreateChannel(&model.Channel{
		TeamId: teamID, Type: model.ChannelTypePrivate, Name: "connect-" + model.NewId(),
		DisplayName: displayName, Purpose: s.languages.Server().Text(groupPurpose), CreatorId: s.botID,
	})
	if err != nil {
		return nil, errors.Wrap(err, "failed to create the group channel")
	}
	if name == "" {
		if err := s.kv.Set(generatedNameKey(channel.Id), []byte(generated)); err != nil {
			return nil, errors.Wrap(err, "failed to save the group's name")
		}
	}
	return channel, s.addMembers(channel.Id, callerID, memberIDs)
}

func (s *Service) addMembers(channelID, actorID string, userIDs []string) error {
	defer s.groups.forget(channelID)
	for _, id := range userIDs {
		if err := s.channels.AddMember(channelID, id, actorID); err != nil {
			return errors.Wrapf(err, "failed to add %s to the group", id)
		}
	}
	return nil
}

func (s *Service) generatedNameOf(userIDs []string) (string, error) {
	users, err := s.directory.Users(userIDs)
	if err != nil {
		return "", errors.Wrap(err, "failed to read the group's members")
	}
	members := make([]Member, 0, len(users))
	for _, u := range users {
		members = append(members, memberOf(u))
	}
	sortMembers(members)
	return generatedName(members), nil
}

// conversationTeamID is the team managed groups live in: the configured conversation team,
// else the first staff team.
func (s *Service) conversationTeamID() (string, error) {
	cfg := s.config()
	name := cfg.ConversationTeam
	if name == "" && len(cfg.StaffTeams) > 0 {
		name = cfg.StaffTeams[0]
	}
	if name == "" {
		return "", failure.New(failure.Unavailable, i18n.M("connect.conversations.no_team", "Connect cannot start group conversations yet: a system admin must set the conversation team in the System Console."))
	}
	id, err := s.directory.TeamID(name)
	if errors.Is(err, ErrMissing) {
		return "", failure.New(failure.Unavailable, i18n.M("connect.conversations.team_missing", "Connect cannot start group conversations: the conversation team \"{{.Team}}\" does not exist. A system admin must fix it in the System Console.", i18n.Data{"Team": name}))
	}
	if err != nil {
		return "", errors.Wrapf(err, "failed to find team %s", name)
	}
	return id, nil
}

// CreateRecordGroup starts a managed group named name with only callerID in it: a record
// conversation, which the record's other followers join later.
func (s *Service) CreateRecordGroup(callerID, name string) (c Conversation, err error) {
	defer explainFailure("start a record conversation", &err)
	if name, err = cleanName(name); err != nil {
		return Conversation{}, err
	}
	if err := s.checkPeople([]string{callerID}); err != nil {
		return Conversation{}, err
	}
	channel, err := s.createGroup(callerID, nil, name)
	if err != nil {
		return Conversation{}, err
	}
	return s.conversation(callerID, channel.Id)
}

// Join adds userID to a managed group on their own behalf (following its record).
func (s *Service) Join(channelID, userID string) error {
	if err := s.checkPeople([]string{userID}); err != nil {
		return err
	}
	if err := s.addMembers(channelID, userID, []string{userID}); err != nil {
		return err
	}
	s.membersChanged(channelID)
	return nil
}
