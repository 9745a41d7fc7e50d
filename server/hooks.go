package main

import (
	"io"
	"net/http"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"

	"github.com/connectchat/mattermost-plugin-connect/server/platform"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
)

// MessageWillBePosted refuses messages in conversations that mix staff and non-staff, says who
// removed someone from a group Connect manages, and attaches record cards from what is already known (it never waits on ServiceNow). An
// unchanged post is answered with nil, which spares both sides encoding it again.
func (p *Plugin) MessageWillBePosted(_ *plugin.Context, post *model.Post) (*model.Post, string) {
	if reason := p.staff.Policy.ScreenPost(post); reason != "" {
		return nil, reason
	}
	if removal := p.conversations.DescribeRemoval(post); removal != nil {
		return removal, ""
	}
	return p.records.Attach(post), ""
}

// MessageWillBeUpdated lets Connect's own card updates through without an edit mark (they
// are not the author's edit). Anyone else's update is screened like a new message, keeps
// Connect's cards as they were, and re-reads the records of a changed message.
func (p *Plugin) MessageWillBeUpdated(_ *plugin.Context, newPost, oldPost *model.Post) (*model.Post, string) {
	if p.records.IsOwnUpdate(newPost) {
		newPost.EditAt = oldPost.EditAt
		return newPost, ""
	}
	if reason := p.staff.Policy.Screen(newPost.ChannelId, newPost.UserId, newPost.Type); reason != "" {
		return nil, reason
	}
	records.KeepCards(newPost, oldPost)
	if newPost.Message == oldPost.Message {
		return newPost, ""
	}
	return orUnchanged(p.records.Attach(newPost), newPost), ""
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
	p.workspace.PostChanged(post.ChannelId)
	p.records.Posted(post)
	p.conversations.MessageHasBeenPosted(post)
	p.follow.MessageHasBeenPosted(post)
}

// MessageHasBeenUpdated fills in (and notes) the records of an edited message, which the
// workspace then reads again (Connect's own card updates leave the message as it was and are
// already being filled in).
func (p *Plugin) MessageHasBeenUpdated(_ *plugin.Context, newPost, oldPost *model.Post) {
	if newPost.Message != oldPost.Message {
		p.workspace.PostChanged(newPost.ChannelId)
		p.records.Posted(newPost)
	}
	p.conversations.MessageHasBeenUpdated(newPost)
}

// MessageHasBeenDeleted updates conversation previews and the workspace's records and links.
func (p *Plugin) MessageHasBeenDeleted(_ *plugin.Context, post *model.Post) {
	p.workspace.PostChanged(post.ChannelId)
	p.conversations.MessageHasBeenDeleted(post)
}

// FileWillBeUploaded applies the staff-only rule to files; allowed files pass unchanged.
func (p *Plugin) FileWillBeUploaded(_ *plugin.Context, info *model.FileInfo, _ io.Reader, _ io.Writer) (*model.FileInfo, string) {
	return nil, p.staff.Policy.Screen(platform.UploadChannelID(info), info.CreatorId, "")
}

// ReactionHasBeenAdded takes back a reaction in a conversation its author may not take part in.
func (p *Plugin) ReactionHasBeenAdded(_ *plugin.Context, reaction *model.Reaction) {
	if p.staff.Policy.Screen(reaction.ChannelId, reaction.UserId, "") != "" {
		p.removeReaction(reaction)
	}
}

func (p *Plugin) removeReaction(reaction *model.Reaction) {
	if err := p.platform.Posts.RemoveReaction(reaction); err != nil {
		p.platform.Log.Warn("Failed to remove a refused reaction", "post_id", reaction.PostId, "error", err.Error())
	}
}

// EmailNotificationWillBeSent applies the bell's email choice and the admin's email rule (it
// drops the email when they say so), and adds the record cards the message names. Mattermost
// runs it for every notification email on the server: it decides from memory and never reads
// the post.
func (p *Plugin) EmailNotificationWillBeSent(email *model.EmailNotification) (*model.EmailNotificationContent, string) {
	if reason := p.notify.EmailRejection(email); reason != "" {
		return nil, reason
	}
	return p.records.EmailContent(email), ""
}

// UserHasJoinedChannel removes people who are not staff from Connect groups, whoever added them.
func (p *Plugin) UserHasJoinedChannel(_ *plugin.Context, member *model.ChannelMember, actor *model.User) {
	actorID := ""
	if actor != nil {
		actorID = actor.Id
	}
	p.staff.ChannelMembersChanged(member.ChannelId)
	p.conversations.MemberJoined(member.ChannelId, member.UserId, actorID)
}

// UserHasLeftChannel keeps Connect groups' members and names current.
func (p *Plugin) UserHasLeftChannel(_ *plugin.Context, member *model.ChannelMember, _ *model.User) {
	p.staff.ChannelMembersChanged(member.ChannelId)
	p.conversations.MemberLeft(member.ChannelId, member.UserId)
	p.follow.MemberLeft(member.ChannelId, member.UserId)
}

// UserHasBeenCreated makes a new user findable in the people picker at once.
func (p *Plugin) UserHasBeenCreated(_ *plugin.Context, _ *model.User) { p.staff.UserCreated() }

// UserHasJoinedTeam makes a new staff team member count, and be found, at once.
func (p *Plugin) UserHasJoinedTeam(_ *plugin.Context, member *model.TeamMember, _ *model.User) {
	p.staff.UserJoinedTeam(member.UserId)
}

// UserHasLeftTeam makes a departed staff team member stop counting at once.
func (p *Plugin) UserHasLeftTeam(_ *plugin.Context, member *model.TeamMember, _ *model.User) {
	p.staff.UserLeftTeam(member.UserId)
}

// UserHasBeenDeactivated makes a deactivated user stop counting at once.
func (p *Plugin) UserHasBeenDeactivated(_ *plugin.Context, user *model.User) {
	p.staff.UserDeactivated(user.Id)
}

// OnPluginClusterEvent applies changes made on another server.
func (p *Plugin) OnPluginClusterEvent(_ *plugin.Context, ev model.PluginClusterEvent) {
	p.platform.Cluster.Dispatch(ev)
}

// ServeHTTP serves everything under /plugins/connect-chat.
func (p *Plugin) ServeHTTP(_ *plugin.Context, w http.ResponseWriter, r *http.Request) {
	p.router.ServeHTTP(w, r)
}

// ExecuteCommand answers /connect.
func (p *Plugin) ExecuteCommand(_ *plugin.Context, args *model.CommandArgs) (*model.CommandResponse, *model.AppError) {
	return p.commands.Execute(args), nil
}
