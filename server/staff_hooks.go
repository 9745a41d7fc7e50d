package main

import (
	"context"
	"io"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/mattermost/mattermost/server/public/pluginapi/cluster"

	"github.com/connectchat/mattermost-plugin-connect/server/staff"
)

const (
	staffChangedEvent = "staff_changed"
	roleSyncJobKey    = "staff_role_sync"
	roleSyncLockKey   = "staff_role_sync_lock"
)

func (p *Plugin) startStaff() error {
	p.directory = &directory{client: p.client, api: p.API}
	service, err := staff.NewService(staff.ServiceDeps{
		Directory: p.directory,
		Channels:  channels{client: p.client, botID: p.botID},
		KV:        kvStore{kv: &p.client.KV},
		Cluster:   staffCluster{plugin: p},
		Notifier:  botMessenger{api: p.API, botID: p.botID},
		Log:       &p.client.Log,
		BotID:     p.botID,
		Config:    p.config.Load,
		Source:    p.serviceNow.roleSource,
		Alert:     p.alertAdmins,
	})
	if err != nil {
		p.client.Log.Warn("Starting without the stored ServiceNow role holders", "error", err.Error())
	}
	p.staff = service
	return p.scheduleRoleSync()
}

// scheduleRoleSync (re)starts the role sync job at the configured interval; the job runs
// on one server of a cluster at a time.
func (p *Plugin) scheduleRoleSync() error {
	if p.roleSync != nil {
		_ = p.roleSync.Close()
	}
	job, err := cluster.Schedule(p.API, roleSyncJobKey, cluster.MakeWaitForInterval(p.config.Load().StaffSync), p.runScheduledRoleSync)
	p.roleSync = job
	return err
}

func (p *Plugin) runScheduledRoleSync() {
	if !p.staff.SyncDue() {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if _, err := p.staff.SyncRoles(ctx); err != nil {
		p.client.Log.Warn("ServiceNow role sync failed", "error", err.Error())
	}
}

// alertAdmins sends every system admin a direct message from the Connect bot.
func (p *Plugin) alertAdmins(problem string) {
	admins, err := p.client.User.List(&model.UserGetOptions{Role: model.SystemAdminRoleId, Active: true, PerPage: 100})
	if err != nil {
		p.client.Log.Error("Failed to list system admins", "error", err.Error())
		return
	}
	message := "**Connect Chat needs attention.** " + problem +
		"\n\nCheck the ServiceNow settings in the System Console, then run `/connect staff sync`."
	for _, admin := range admins {
		channel, err := p.client.Channel.GetDirect(p.botID, admin.Id)
		if err == nil {
			err = p.client.Post.CreatePost(&model.Post{UserId: p.botID, ChannelId: channel.Id, Message: message})
		}
		if err != nil {
			p.client.Log.Error("Failed to alert a system admin", "user_id", admin.Id, "error", err.Error())
		}
	}
}

// FileWillBeUploaded applies the same rule to files; allowed files pass unchanged.
func (p *Plugin) FileWillBeUploaded(_ *plugin.Context, info *model.FileInfo, _ io.Reader, _ io.Writer) (*model.FileInfo, string) {
	return nil, p.staff.Policy.Screen(uploadChannelID(info), info.CreatorId, "")
}

// uploadChannelID is the upload's channel. Uploads made through the plugin API leave
// ChannelId empty; their storage path still names the channel.
func uploadChannelID(info *model.FileInfo) string {
	if info.ChannelId != "" {
		return info.ChannelId
	}
	_, rest, found := strings.Cut(info.Path, "/channels/")
	if !found {
		return ""
	}
	channelID, _, _ := strings.Cut(rest, "/")
	return channelID
}

// UserHasJoinedTeam makes a new staff team member count, and be found, at once.
func (p *Plugin) UserHasJoinedTeam(_ *plugin.Context, member *model.TeamMember, _ *model.User) {
	p.directory.forgetUsers()
	p.staff.Changed(member.UserId)
}

// UserHasBeenCreated makes a new user findable in the people picker at once.
func (p *Plugin) UserHasBeenCreated(_ *plugin.Context, _ *model.User) {
	p.directory.forgetUsers()
}

// UserHasLeftTeam makes a departed staff team member stop counting at once.
func (p *Plugin) UserHasLeftTeam(_ *plugin.Context, member *model.TeamMember, _ *model.User) {
	p.staff.Changed(member.UserId)
}

// UserHasBeenDeactivated makes a deactivated user stop counting at once.
func (p *Plugin) UserHasBeenDeactivated(_ *plugin.Context, user *model.User) {
	p.directory.forgetUsers()
	p.staff.Changed(user.Id)
}

// OnPluginClusterEvent applies staff and conversation changes made on another server.
func (p *Plugin) OnPluginClusterEvent(_ *plugin.Context, ev model.PluginClusterEvent) {
	if p.conversations.OnClusterEvent(ev) {
		return
	}
	if ev.Id != staffChangedEvent {
		return
	}
	if userID := string(ev.Data); userID != "" {
		p.staff.Forget(userID)
		return
	}
	if err := p.staff.Reload(); err != nil {
		p.client.Log.Warn("Failed to reload the ServiceNow role holders", "error", err.Error())
	}
}

// staffCluster is the staff service's view of the Mattermost cluster.
type staffCluster struct{ plugin *Plugin }

func (c staffCluster) Lock(ctx context.Context) (func(), error) {
	mutex, err := cluster.NewMutex(c.plugin.API, roleSyncLockKey)
	if err != nil {
		return nil, err
	}
	if err := mutex.LockWithContext(ctx); err != nil {
		return nil, err
	}
	return mutex.Unlock, nil
}

func (c staffCluster) StaffChanged(userID string) {
	err := c.plugin.client.Cluster.PublishPluginEvent(
		model.PluginClusterEvent{Id: staffChangedEvent, Data: []byte(userID)},
		model.PluginClusterEventSendOptions{SendType: model.PluginClusterEventSendTypeReliable},
	)
	if err != nil {
		c.plugin.client.Log.Warn("Failed to tell the other servers about a staff change", "error", err.Error())
	}
}
