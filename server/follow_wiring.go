package main

import (
	"crypto/rand"
	"encoding/base64"

	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/follow"
)

// followPollJob polls the followed records on one server at a time.
const followPollJob = "follow_poll"

// startFollow builds following, indexes the record conversations and schedules the poll.
func (p *Plugin) startFollow() error {
	p.follow = follow.NewService(follow.Deps{
		Upstream: func() follow.Upstream {
			if client := p.serviceNow.Current(); client != nil {
				return client
			}
			return nil
		},
		Conversations: p.conversations,
		Posts:         p.platform.Posts,
		KV:            p.platform.KV,
		Clients:       p.platform.Clients,
		Log:           p.platform.Log,
		Config:        p.config.Load,
		Users:         p.platform.Users,
		IsStaff:       p.isStaff,
		Ephemeral:     p.platform.Bot.Ephemeral,
		Lock:          p.platform.Cluster.Lock,
		Broadcast:     p.platform.Cluster.Broadcast,
		BotID:         p.platform.Bot.ID(),
	})
	p.conversations.SetRecordIndex(p.follow.RecordOf)
	p.follow.Reindex()
	p.platform.Cluster.Handle(follow.ClusterEvent, p.follow.OnIndexChanged)
	if err := p.ensureWebhookSecret(); err != nil {
		return err
	}
	return p.scheduleFollowPoll()
}

func (p *Plugin) scheduleFollowPoll() error {
	return p.platform.Jobs.Schedule(followPollJob, p.config.Load().FollowPoll, p.follow.Poll)
}

// ensureWebhookSecret generates the webhook secret on first start; the System Console can
// regenerate it.
func (p *Plugin) ensureWebhookSecret() error {
	if p.config.Load().WebhookSecret != "" {
		return nil
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return errors.Wrap(err, "failed to generate the webhook secret")
	}
	return errors.Wrap(p.platform.Server.SaveSetting("WebhookSecret", base64.StdEncoding.EncodeToString(secret)), "failed to save the webhook secret")
}
