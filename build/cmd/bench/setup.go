package main

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
)

// poster is one logged-in staff member; each poster posts into its own channel of a workload.
type poster struct {
	author rig.User
	client *model.Client4
}

// workload is one kind of channel, with recipients of one size and presence, and one message mix.
type workload struct {
	kind string
	// size is how many conversations with other staff each recipient has (public: not counted).
	size int
	// tickets is the share of messages that name ticket numbers.
	tickets float64
	// presence is the status the recipients are given before each measurement: online
	// recipients get no email, offline and away ones get Mattermost's notification email.
	presence string
	// unchosen marks recipients who never set their bell: Connect's opt-in email rule drops the
	// emails Mattermost sends them without Connect.
	unchosen bool
	// mention makes every message name the recipients: in a Connect group (a private channel)
	// Mattermost emails only those mentioned.
	mention  bool
	audience *audience
}

// publicKind is the workload in a public channel, where recipients' conversations play no part.
const publicKind = "public"

func (w workload) String() string {
	size := strconv.Itoa(w.size)
	if w.kind == publicKind {
		size = "-"
	}
	mix := "plain"
	if w.tickets > 0 {
		mix = fmt.Sprintf("%.0f%% tickets", w.tickets*100)
	}
	presence := w.presence
	if w.unchosen {
		presence += ", no bell"
	}
	return fmt.Sprintf("%-6s %3s  %-11s %-16s", w.kind, size, mix, presence)
}

// workloadWidth is the width of a workload's name.
const workloadWidth = 40

// channels are the workload's channels, by poster index.
func (w workload) channels() []string {
	switch w.kind {
	case "dm":
		return w.audience.directs
	case "group":
		return w.audience.groups
	}
	return w.audience.public
}

// messages is the workload's message mix, the same for every state measured with seed.
func (w workload) messages(seed int64) *messageSource {
	prefix := ""
	if w.mention {
		for _, r := range w.audience.recipients {
			prefix += "@" + r.Username + " "
		}
	}
	return newMessageSource(seed, w.tickets, prefix)
}

// audience is a pair of recipients and the channels the posters reach them in.
type audience struct {
	recipients []rig.User
	// directs and groups hold, by poster, the poster's DM with one of the recipients and the
	// poster's Connect group with both; public is the team channel everyone shares.
	directs, groups, public []string
}

// prepare creates the posters, the recipients and their conversations, and every workload's
// channels. Connect must be running: its groups are made through its API.
func prepare(ctx context.Context, srv *rig.Server, s settings) ([]poster, []workload, error) {
	posters, err := newPosters(ctx, srv, s.posters)
	if err != nil {
		return nil, nil, err
	}
	peers, err := srv.NewUsers(ctx, "peer", min(max(s.few, s.many), maxPeers), srv.Teams.Support, srv.Teams.ITIL)
	if err != nil {
		return nil, nil, err
	}
	var audiences [3]*audience
	for i, size := range []int{s.few, s.many, s.few} {
		if audiences[i], err = newAudience(ctx, srv, posters, peers, size); err != nil {
			return nil, nil, err
		}
	}
	few, many, unchosen := audiences[0], audiences[1], audiences[2]
	if err := chooseEmailForAll(ctx, srv, few); err != nil {
		return nil, nil, err
	}
	if few.public, err = publicChannel(ctx, srv, posters, append(few.recipients, many.recipients...)); err != nil {
		return nil, nil, err
	}
	return posters, workloadsOf(s, few, many, unchosen), nil
}

func workloadsOf(s settings, few, many, unchosen *audience) []workload {
	online := []workload{
		{kind: "dm", size: s.few, audience: few},
		{kind: "dm", size: s.many, audience: many},
		{kind: "group", size: s.few, audience: few},
		{kind: "group", size: s.many, audience: many},
		{kind: publicKind, audience: few},
	}
	email := []workload{
		{kind: "dm", size: s.few, presence: "offline", audience: few},
		{kind: "group", size: s.few, presence: "offline", mention: true, audience: few},
		{kind: "dm", size: s.few, presence: "away", audience: few},
		{kind: "dm", size: s.few, presence: "offline", unchosen: true, audience: unchosen},
	}
	var workloads []workload
	for _, w := range append(online, email...) {
		if w.presence == "" {
			w.presence = "online"
		}
		workloads = append(workloads, w)
		if s.ticketShare > 0 && w.size == s.few && !w.unchosen && (w.kind == "dm" || w.kind == "group") && w.presence != "away" {
			w.tickets = s.ticketShare
			workloads = append(workloads, w)
		}
	}
	return workloads
}

func newPosters(ctx context.Context, srv *rig.Server, count int) ([]poster, error) {
	authors, err := srv.NewUsers(ctx, "author", count, srv.Teams.Support, srv.Teams.ITIL)
	if err != nil {
		return nil, err
	}
	posters := make([]poster, count)
	for i, author := range authors {
		client, err := srv.Login(ctx, author)
		if err != nil {
			return nil, err
		}
		client.HTTPClient = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: count}}
		posters[i] = poster{author: author, client: client}
	}
	return posters, nil
}

// newAudience makes two recipients with size conversations with peers each, and every poster's
// DM with one of them and Connect group with both.
func newAudience(ctx context.Context, srv *rig.Server, posters []poster, peers []rig.User, size int) (*audience, error) {
	recipients, err := srv.NewUsers(ctx, "with"+strconv.Itoa(size), 2, srv.Teams.Support, srv.Teams.ITIL)
	if err != nil {
		return nil, err
	}
	for _, recipient := range recipients {
		if err := openConversations(ctx, srv, recipient, peers, size); err != nil {
			return nil, err
		}
	}
	a := &audience{recipients: recipients}
	a.directs, err = perPoster(posters, func(i int, p poster) (string, error) {
		channel, _, err := p.client.CreateDirectChannel(ctx, p.author.Id, recipients[i%len(recipients)].Id)
		return idOf(channel), errors.Wrap(err, "failed to open a direct conversation")
	})
	if err != nil {
		return nil, err
	}
	a.groups, err = perPoster(posters, func(_ int, p poster) (string, error) {
		return createConnectGroup(ctx, srv, p.client, recipients)
	})
	return a, err
}

// chooseEmailForAll sets every recipient's bell to email all activity in the audience's
// channels, so that Mattermost sends the same email with Connect as without.
func chooseEmailForAll(ctx context.Context, srv *rig.Server, a *audience) error {
	all := map[string]any{"desktop": "all", "push": "all", "email": "all", "muted": false}
	for _, recipient := range a.recipients {
		client, err := srv.Login(ctx, recipient)
		if err != nil {
			return err
		}
		for _, channelID := range append(a.directs, a.groups...) {
			if !isMember(ctx, client, channelID, recipient.Id) {
				continue
			}
			var answer map[string]any
			if err := srv.CallConnect(ctx, client, http.MethodPut, "/api/v1/conversations/"+channelID+"/notifications", all, &answer); err != nil {
				return err
			}
		}
	}
	return nil
}

func isMember(ctx context.Context, client *model.Client4, channelID, userID string) bool {
	_, _, err := client.GetChannelMember(ctx, channelID, userID, "")
	return err == nil
}

// setPresence gives the audience's recipients status (online, away or offline), as set by
// hand: Mattermost keeps it until they change it.
func setPresence(ctx context.Context, srv *rig.Server, a *audience, status string) error {
	admin, err := srv.AdminClient(ctx)
	if err != nil {
		return err
	}
	for _, r := range a.recipients {
		if _, _, err := admin.UpdateUserStatus(ctx, r.Id, &model.Status{UserId: r.Id, Status: status}); err != nil {
			return errors.Wrapf(err, "failed to set %s %s", r.Username, status)
		}
	}
	return nil
}

func perPoster(posters []poster, open func(i int, p poster) (string, error)) ([]string, error) {
	ids := make([]string, len(posters))
	for i, p := range posters {
		id, err := open(i, p)
		if err != nil {
			return nil, err
		}
		ids[i] = id
	}
	return ids, nil
}

func idOf(channel *model.Channel) string {
	if channel == nil {
		return ""
	}
	return channel.Id
}

// createConnectGroup starts a Connect group of the client's user and members, through Connect's
// REST API as the Connect sidebar does, and returns its channel id.
func createConnectGroup(ctx context.Context, srv *rig.Server, client *model.Client4, members []rig.User) (string, error) {
	ids := make([]string, len(members))
	for i, m := range members {
		ids[i] = m.Id
	}
	var group struct {
		ID string `json:"id"`
	}
	err := srv.CallConnect(ctx, client, http.MethodPost, "/api/v1/conversations", map[string]any{"user_ids": ids}, &group)
	return group.ID, errors.Wrap(err, "failed to start a Connect group")
}

// publicChannel makes one Support team channel with every poster and recipient in it; all
// posters share it.
func publicChannel(ctx context.Context, srv *rig.Server, posters []poster, recipients []rig.User) ([]string, error) {
	admin, err := srv.AdminClient(ctx)
	if err != nil {
		return nil, err
	}
	name := "bench-" + strings.ToLower(model.NewId()[:10])
	channel, _, err := admin.CreateChannel(ctx, &model.Channel{TeamId: srv.Teams.Support.Id, Name: name, DisplayName: "Bench " + name[6:], Type: model.ChannelTypeOpen})
	if err != nil {
		return nil, errors.Wrap(err, "failed to create a public channel")
	}
	members := append([]rig.User(nil), recipients...)
	ids := make([]string, len(posters))
	for i, p := range posters {
		members = append(members, p.author)
		ids[i] = channel.Id
	}
	for _, m := range members {
		if _, _, err := admin.AddChannelMember(ctx, channel.Id, m.Id); err != nil {
			return nil, errors.Wrap(err, "failed to join the public channel")
		}
	}
	return ids, nil
}
