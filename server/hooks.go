package main

import (
	"io"
	"net/http"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"

	"github.com/connectchat/mattermost-plugin-connect/server/api"
	"github.com/connectchat/mattermost-plugin-connect/server/command"
	"github.com/connectchat/mattermost-plugin-connect/server/platform"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
)

// MessageWillBePosted refuses messages in conversations that mix staff and non-staff, says who
// removed someone from a group Connect manages, marks a message of a two-way record
// conversation with the journal field it goes to, and attaches record cards from what is
// already known (it never waits on ServiceNow). An
// unchanged post is answered with nil, which spares both sides encoding it again.
func (p *Plugin) MessageWillBePosted(_ *plugin.Context, post *model.Post) (*model.Post, string) {
	s := p.running.Load()
	if s == nil {
		return nil, "" // recovery screens the posts made while Connect was starting
	}
	if reason := s.staff.Policy.ScreenPost(post); reason != "" {
		return nil, reason
	}
	if removal := s.conversations.DescribeRemoval(post); removal != nil {
		return removal, ""
	}
	if s.follow.FillJournalKind(post) { // record conversations only: one map lookup for others
		return orUnchanged(s.records.Attach(post), post), ""
	}
	return s.records.Attach(post), ""
}

// MessageWillBeUpdated lets Connect's own card updates through without an edit mark (they
// are not the author's edit). Anyone else's update is screened like a new message, keeps
// Connect's cards as they were, and re-reads the records of a changed message.
func (p *Plugin) MessageWillBeUpdated(_ *plugin.Context, newPost, oldPost *model.Post) (*model.Post, string) {
	s := p.running.Load()
	if s == nil {
		return nil, ""
	}
	if s.records.IsOwnUpdate(newPost) {
		newPost.EditAt = oldPost.EditAt
		return newPost, ""
	}
	if reason := s.staff.Policy.Screen(newPost.ChannelId, newPost.UserId, newPost.Type); reason != "" {
		return nil, reason
	}
	records.KeepCards(newPost, oldPost)
	if newPost.Message == oldPost.Message {
		return newPost, ""
	}
	return orUnchanged(s.records.Attach(newPost), newPost), ""
}

// orUnchanged is changed when a hook changed the post, and post itself otherwise.
func orUnchanged(changed, post *model.Post) *model.Post {
	if changed != nil {
		return changed
	}
	return post
}

// MessageHasBeenPosted fills in record details after the post, off the posting path, notes
// the records it mentions for "also discussed in", notes the conversation's last post for
// later lists, makes the workspace read the conversation's records and links again, and
// writes a record conversation's message to its record (two-way).
func (p *Plugin) MessageHasBeenPosted(_ *plugin.Context, post *model.Post) {
	s := p.running.Load()
	if s == nil {
		return
	}
	s.workspace.PostChanged(post.ChannelId)
	s.records.Posted(post)
	s.conversations.MessageHasBeenPosted(post)
	s.follow.MessageHasBeenPosted(post)
}

// MessageHasBeenUpdated fills in (and notes) the records of an edited message, which the
// workspace then reads again (Connect's own card updates leave the message as it was and are
// already being filled in), and adds "(edited)" to the record a message went to (two-way).
func (p *Plugin) MessageHasBeenUpdated(_ *plugin.Context, newPost, oldPost *model.Post) {
	s := p.running.Load()
	if s == nil {
		return
	}
	if newPost.Message != oldPost.Message {
		s.workspace.PostChanged(newPost.ChannelId)
		s.records.Posted(newPost)
	}
	s.conversations.MessageHasBeenUpdated(newPost)
	s.follow.MessageHasBeenUpdated(newPost, oldPost)
}

// MessageHasBeenDeleted updates conversation previews and the workspace's records and links.
func (p *Plugin) MessageHasBeenDeleted(_ *plugin.Context, post *model.Post) {
	s := p.running.Load()
	if s == nil {
		return
	}
	s.workspace.PostChanged(post.ChannelId)
	s.conversations.MessageHasBeenDeleted(post)
}

// FileWillBeUploaded applies the staff-only rule to files; allowed files pass unchanged.
func (p *Plugin) FileWillBeUploaded(_ *plugin.Context, info *model.FileInfo, _ io.Reader, _ io.Writer) (*model.FileInfo, string) {
	s := p.running.Load()
	if s == nil {
		return nil, ""
	}
	return nil, s.staff.Policy.Screen(platform.UploadChannelID(info), info.CreatorId, "")
}

// ReactionHasBeenAdded takes back a reaction in a conversation its author may not take part in.
func (p *Plugin) ReactionHasBeenAdded(_ *plugin.Context, reaction *model.Reaction) {
	s := p.running.Load()
	if s == nil {
		return
	}
	if s.staff.Policy.Screen(reaction.ChannelId, reaction.UserId, "") != "" {
		s.removeReaction(reaction)
	}
}

func (s *services) removeReaction(reaction *model.Reaction) {
	if err := s.platform.Posts.RemoveReaction(reaction); err != nil {
		s.platform.Log.Warn("Failed to remove a refused reaction", "post_id", reaction.PostId, "error", err.Error())
	}
}

// EmailNotificationWillBeSent applies the bell's email choice and the admin's email rule (it
// drops the email when they say so), and adds the record cards the message names. Mattermost
// runs it for every notification email on the server: it decides from memory and never reads
// the post.
func (p *Plugin) EmailNotificationWillBeSent(email *model.EmailNotification) (*model.EmailNotificationContent, string) {
	s := p.running.Load()
	if s == nil {
		return nil, ""
	}
	if reason := s.notify.EmailRejection(email); reason != "" {
		return nil, reason
	}
	return s.records.EmailContent(email), ""
}

// UserHasJoinedChannel removes people who are not staff from Connect groups, whoever added
// them, and makes staff added to a record conversation its followers.
func (p *Plugin) UserHasJoinedChannel(_ *plugin.Context, member *model.ChannelMember, actor *model.User) {
	s := p.running.Load()
	if s == nil {
		return
	}
	actorID := ""
	if actor != nil {
		actorID = actor.Id
	}
	s.staff.ChannelMembersChanged(member.ChannelId)
	s.conversations.MemberJoined(member.ChannelId, member.UserId, actorID)
	s.follow.MemberJoined(member.ChannelId, member.UserId)
}

// UserHasLeftChannel keeps Connect groups' members and names current.
func (p *Plugin) UserHasLeftChannel(_ *plugin.Context, member *model.ChannelMember, _ *model.User) {
	s := p.running.Load()
	if s == nil {
		return
	}
	s.staff.ChannelMembersChanged(member.ChannelId)
	s.conversations.MemberLeft(member.ChannelId, member.UserId)
	s.follow.MemberLeft(member.ChannelId, member.UserId)
}

// UserHasBeenCreated makes a new user findable in the people picker at once.
func (p *Plugin) UserHasBeenCreated(_ *plugin.Context, _ *model.User) {
	s := p.running.Load()
	if s == nil {
		return
	}
	s.staff.UserCreated()
}

// UserHasJoinedTeam makes a new staff team member count, and be found, at once.
func (p *Plugin) UserHasJoinedTeam(_ *plugin.Context, member *model.TeamMember, _ *model.User) {
	s := p.running.Load()
	if s == nil {
		return
	}
	s.staff.UserJoinedTeam(member.UserId)
}

// UserHasLeftTeam makes a departed staff team member stop counting at once.
func (p *Plugin) UserHasLeftTeam(_ *plugin.Context, member *model.TeamMember, _ *model.User) {
	s := p.running.Load()
	if s == nil {
		return
	}
	s.staff.UserLeftTeam(member.UserId)
}

// UserHasBeenDeactivated makes a deactivated user stop counting at once.
func (p *Plugin) UserHasBeenDeactivated(_ *plugin.Context, user *model.User) {
	s := p.running.Load()
	if s == nil {
		return
	}
	s.staff.UserDeactivated(user.Id)
}

// OnPluginClusterEvent applies changes made on another server.
func (p *Plugin) OnPluginClusterEvent(_ *plugin.Context, ev model.PluginClusterEvent) {
	s := p.running.Load()
	if s == nil {
		return
	}
	s.platform.Cluster.Dispatch(ev)
}

// ServeHTTP serves everything under /plugins/connect-chat.
func (p *Plugin) ServeHTTP(_ *plugin.Context, w http.ResponseWriter, r *http.Request) {
	s := p.running.Load()
	if s == nil {
		api.Starting(w, r)
		return
	}
	s.router.ServeHTTP(w, r)
}

// ExecuteCommand answers /connect.
func (p *Plugin) ExecuteCommand(_ *plugin.Context, args *model.CommandArgs) (*model.CommandResponse, *model.AppError) {
	s := p.running.Load()
	if s == nil {
		return command.Starting(), nil
	}
	return s.commands.Execute(args), nil
}
