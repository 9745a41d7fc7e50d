package integration

import (
	"context"
	"strings"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
)

// person is a fresh user for one test, logged in, with a websocket for private messages.
type person struct {
	rig.User
	client *model.Client4
	ws     *model.WebSocketClient
}

func newPerson(t *testing.T, prefix string, teams ...*model.Team) *person {
	t.Helper()
	user := freshUser(t, prefix, teams...)
	p := &person{User: user, client: login(t, user)}
	var err error
	p.ws, err = model.NewWebSocketClient4(strings.Replace(server.URL, "http", "ws", 1), p.client.AuthToken)
	require.NoError(t, err)
	p.ws.Listen()
	t.Cleanup(p.ws.Close)
	return p
}

// freshUser makes a user for one test, deactivated when the test ends: an unlicensed server
// refuses new users past 250 active ones, and the suite makes more than that.
func freshUser(t *testing.T, prefix string, teams ...*model.Team) rig.User {
	t.Helper()
	ctx := context.Background()
	user, err := server.NewUser(ctx, prefix, teams...)
	require.NoError(t, err)
	t.Cleanup(func() {
		admin, err := server.AdminClient(ctx)
		if err == nil {
			_, err = admin.UpdateUserActive(ctx, user.Id, false)
		}
		if err != nil {
			t.Logf("failed to deactivate %s: %v", user.Username, err)
		}
	})
	return user
}

func newStaff(t *testing.T) *person {
	return newPerson(t, "agent", server.Teams.Support, server.Teams.ITIL)
}

func newCustomer(t *testing.T) *person { return newPerson(t, "customer", server.Teams.Support) }

func staffPair(t *testing.T) (*person, *person, string) {
	alice, bob := newStaff(t), newStaff(t)
	return alice, bob, alice.directWith(t, bob)
}

// offlineStaff is a staff member signed in over REST only (no websocket), set offline so
// Mattermost emails them.
func offlineStaff(t *testing.T, prefix string) (rig.User, *model.Client4) {
	t.Helper()
	ctx := context.Background()
	user := freshUser(t, prefix, server.Teams.Support, server.Teams.ITIL)
	client := login(t, user)
	admin, err := server.AdminClient(ctx)
	require.NoError(t, err)
	_, _, err = admin.UpdateUserStatus(ctx, user.Id, &model.Status{UserId: user.Id, Status: model.StatusOffline})
	require.NoError(t, err)
	return user, client
}

func login(t *testing.T, u rig.User) *model.Client4 {
	t.Helper()
	client, err := server.Login(context.Background(), u)
	require.NoError(t, err)
	return client
}

func (p *person) directWith(t *testing.T, other *person) string {
	t.Helper()
	channel, _, err := p.client.CreateDirectChannel(context.Background(), p.Id, other.Id)
	require.NoError(t, err)
	return channel.Id
}

func (p *person) groupWith(t *testing.T, others ...*person) string {
	t.Helper()
	ids := []string{p.Id}
	for _, o := range others {
		ids = append(ids, o.Id)
	}
	channel, _, err := p.client.CreateGroupChannel(context.Background(), ids)
	require.NoError(t, err)
	return channel.Id
}

func (p *person) post(channelID, message string) (*model.Post, error) {
	post, _, err := p.client.CreatePost(context.Background(), &model.Post{ChannelId: channelID, Message: message})
	return post, err
}

func mustPost(t *testing.T, p *person, channelID, message string) *model.Post {
	t.Helper()
	post, err := p.post(channelID, message)
	require.NoError(t, err)
	return post
}

func (p *person) upload(channelID string) error {
	_, _, err := p.client.UploadFile(context.Background(), []byte("ticket notes"), channelID, "notes.txt")
	return err
}

// share uploads a file into channelID and posts it.
func (p *person) share(t *testing.T, channelID, name, content string) *model.Post {
	t.Helper()
	uploaded, _, err := p.client.UploadFile(context.Background(), []byte(content), channelID, name)
	require.NoError(t, err)
	require.Len(t, uploaded.FileInfos, 1)
	post, _, err := p.client.CreatePost(context.Background(), &model.Post{ChannelId: channelID, Message: "file: " + name, FileIds: []string{uploaded.FileInfos[0].Id}})
	require.NoError(t, err)
	return post
}

func setStatus(t *testing.T, p *person, status string) {
	t.Helper()
	admin, err := server.AdminClient(context.Background())
	require.NoError(t, err)
	_, _, err = admin.UpdateUserStatus(context.Background(), p.Id, &model.Status{UserId: p.Id, Status: status})
	require.NoError(t, err)
}

func townSquare(t *testing.T, client *model.Client4) *model.Channel {
	t.Helper()
	channel, _, err := client.GetChannelByName(context.Background(), "town-square", server.Teams.Support.Id, "")
	require.NoError(t, err)
	return channel
}

func messages(t *testing.T, client *model.Client4, channelID string) []string {
	t.Helper()
	list, _, err := client.GetPostsForChannel(context.Background(), channelID, 0, 100, "", false, false)
	require.NoError(t, err)
	var texts []string
	for _, id := range list.Order {
		if post := list.Posts[id]; !strings.HasPrefix(post.Type, "system_") {
			texts = append(texts, post.Message)
		}
	}
	return texts
}

func idsOf(people ...*person) []string {
	ids := make([]string, 0, len(people))
	for _, p := range people {
		ids = append(ids, p.Id)
	}
	return ids
}

func fullName(p *person) string { return p.FirstName + " " + p.LastName }

func refusedFor(usernames ...string) string {
	names := "@" + strings.Join(usernames, " and @")
	verb := " is"
	if len(usernames) > 1 {
		verb = " are"
	}
	return names + verb + " not ITIL staff: Connect conversations are for staff only."
}
