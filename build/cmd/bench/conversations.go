package main

import (
	"context"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"
	"golang.org/x/sync/errgroup"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
)

// maxPeers is how many staff the recipients' conversations are with at most: Mattermost without a
// license refuses to create more than 250 active users.
const maxPeers = 200

// setupAtOnce bounds the concurrent requests that create conversations during setup.
const setupAtOnce = 4

// openConversations gives recipient count conversations, each with a message in it. All are
// opened before any is posted in: posting while others are being opened sometimes fails for
// lack of permission (a channel membership cache read while it changes).
func openConversations(ctx context.Context, srv *rig.Server, recipient rig.User, peers []rig.User, count int) error {
	client, err := srv.Login(ctx, recipient)
	if err != nil {
		return err
	}
	partners := conversationPartners(peers, count)
	channels := make([]string, len(partners))
	err = concurrently(len(partners), func(i int) (err error) {
		channels[i], err = openConversation(ctx, client, recipient.Id, partners[i])
		return err
	})
	if err != nil {
		return err
	}
	return concurrently(len(channels), func(i int) error {
		_, _, err := client.CreatePost(ctx, &model.Post{ChannelId: channels[i], Message: "Morning! Are you on the service desk today?"})
		return errors.Wrap(err, "failed to post in a recipient's conversation")
	})
}

// concurrently runs work(0) to work(n-1), setupAtOnce at a time, and returns the first error.
func concurrently(n int, work func(i int) error) error {
	var group errgroup.Group
	group.SetLimit(setupAtOnce)
	for i := range n {
		group.Go(func() error { return work(i) })
	}
	return group.Wait()
}

// conversationPartners lists whom count conversations are with: each peer in a DM first, then
// two peers at a time in group messages.
func conversationPartners(peers []rig.User, count int) [][]string {
	var partners [][]string
	for _, peer := range peers[:min(count, len(peers))] {
		partners = append(partners, []string{peer.Id})
	}
	for gap := 1; gap < len(peers) && len(partners) < count; gap++ {
		for i := 0; i+gap < len(peers) && len(partners) < count; i++ {
			partners = append(partners, []string{peers[i].Id, peers[i+gap].Id})
		}
	}
	return partners
}

func openConversation(ctx context.Context, client *model.Client4, userID string, others []string) (string, error) {
	if len(others) == 1 {
		channel, _, err := client.CreateDirectChannel(ctx, userID, others[0])
		return idOf(channel), errors.Wrap(err, "failed to open a recipient's DM")
	}
	channel, _, err := client.CreateGroupChannel(ctx, append([]string{userID}, others...))
	return idOf(channel), errors.Wrap(err, "failed to open a recipient's group message")
}
