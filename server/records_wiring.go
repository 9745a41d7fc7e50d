package main

import (
	"context"
	"fmt"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/pluginapi"

	"github.com/connectchat/mattermost-plugin-connect/server/api"
	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
)

func (p *Plugin) configureRecords(cfg *config.Config) {
	opts := records.Options{Prefixes: cfg.Prefixes, Digits: cfg.NumberDigits, MaxCards: cfg.MaxCards, TTL: cfg.RecordTTL}
	if err := p.records.Configure(opts, p.serviceNow.current()); err != nil {
		p.client.Log.Error("Record cards are off: their settings are invalid", "error", err.Error())
	}
}

// postStore is Mattermost's posts as the records service uses them.
type postStore struct{ client *pluginapi.Client }

func (s postStore) GetPost(postID string) (*model.Post, error) { return s.client.Post.GetPost(postID) }

func (s postStore) UpdatePost(post *model.Post) error { return s.client.Post.UpdatePost(post) }

func (s postStore) CreatePost(post *model.Post) error { return s.client.Post.CreatePost(post) }

// recordCommands is what /connect record acts on.
type recordCommands struct{ plugin *Plugin }

func (r recordCommands) Link(ctx context.Context, userID, channelID string, words []string) error {
	return r.plugin.records.Link(ctx, postStore{client: r.plugin.client}, userID, channelID, words)
}

func (r recordCommands) Test(ctx context.Context) (string, error) {
	client := r.plugin.serviceNow.current()
	if client == nil {
		return "", records.ErrNotConfigured
	}
	report, err := client.Check(ctx)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("Connected to %s (%s authentication) in %d ms: %s.",
		report.InstanceURL, report.AuthMode, report.Latency.Milliseconds(), describeCheck(report.TaskCount, report.SampleNumber)), nil
}

func describeCheck(taskCount int, sample string) string {
	switch {
	case taskCount >= 0 && sample != "":
		return fmt.Sprintf("Connect can read %d task records, for example %s", taskCount, sample)
	case sample != "":
		return "Connect can read task records, for example " + sample
	}
	return "the credentials work, but Connect sees no task records: check the integration user's roles (it needs read access to task and its child tables)"
}

// recordCards refreshes cards for users who can read the post.
type recordCards struct{ plugin *Plugin }

func (c recordCards) Refresh(ctx context.Context, userID, postID string) (bool, error) {
	post, err := c.plugin.client.Post.GetPost(postID)
	if err != nil || !c.plugin.API.HasPermissionToChannel(userID, post.ChannelId, model.PermissionReadChannelContent) {
		return false, api.ErrNoSuchPost
	}
	return c.plugin.records.Refresh(ctx, postID)
}
