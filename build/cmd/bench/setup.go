package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
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

// workload is one kind of channel, with recipients of one size, and one message mix.
type workload struct {
	kind string
	// size is how many conversations with other staff each recipient has (public: not counted).
	size int
	// tickets is the share of messages that name ticket numbers.
	tickets float64
	// channels holds each poster's channel, by poster index.
	channels []string
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
	return fmt.Sprintf("%-6s %4s  %-11s", w.kind, size, mix)
}

// prepare creates the posters, the recipients and their conversations, and every workload's
// channels. Connect must be running: its groups are made through its API.
func prepare(ctx context.Context, srv *rig.Server, s settings) ([]poster, []workload, error) {
	posters, err := newPosters(ctx, srv, s.posters)
	if err != nil {
		return nil, nil, err
	}
	few, many, err := newRecipients(ctx, srv, s.few, s.many)
	if err != nil {
		return nil, nil, err
	}
	toFew, err := channelsTo(ctx, srv, posters, few)
	if err != nil {
		return nil, nil, err
	}
	toMany, err := channelsTo(ctx, srv, posters, many)
	if err != nil {
		return nil, nil, err
	}
	public, err := publicChannel(ctx, srv, posters, slices.Concat(few, many))
	if err != nil {
		return nil, nil, err
	}
	return posters, workloadsOf(s, toFew, toMany, public), nil
}

func workloadsOf(s settings, toFew, toMany recipientChannels, public []string) []workload {
	workloads := []workload{
		{kind: "dm", size: s.few, channels: toFew.directs},
		{kind: "dm", size: s.many, channels: toMany.directs},
		{kind: "group", size: s.few, channels: toFew.groups},
		{kind: "group", size: s.many, channels: toMany.groups},
		{kind: publicKind, channels: public},
	}
	if s.ticketShare > 0 {
		workloads = append(workloads, workload{kind: "dm", size: s.few, tickets: s.ticketShare, channels: toFew.directs})
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

// recipientChannels are, by poster, the poster's DM with one of the recipients and the poster's
// Connect group with all of them.
type recipientChannels struct{ directs, groups []string }

func channelsTo(ctx context.Context, srv *rig.Server, posters []poster, recipients []rig.User) (recipientChannels, error) {
	directs, err := perPoster(posters, func(i int, p poster) (string, error) {
		channel, _, err := p.client.CreateDirectChannel(ctx, p.author.Id, recipients[i%len(recipients)].Id)
		return idOf(channel), errors.Wrap(err, "failed to open a direct conversation")
	})
	if err != nil {
		return recipientChannels{}, err
	}
	groups, err := perPoster(posters, func(_ int, p poster) (string, error) {
		return createConnectGroup(ctx, srv, p.client, recipients)
	})
	return recipientChannels{directs: directs, groups: groups}, err
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
	body, err := json.Marshal(map[string]any{"user_ids": ids})
	if err != nil {
		return "", errors.Wrap(err, "failed to encode a group request")
	}
	url := srv.URL + "/plugins/" + rig.PluginID + "/api/v1/conversations"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return "", errors.Wrap(err, "failed to make a group request")
	}
	req.Header.Set(model.HeaderAuth, model.HeaderBearer+" "+client.AuthToken)
	req.Header.Set("Content-Type", "application/json")
	return groupID(http.DefaultClient.Do(req))
}

func groupID(resp *http.Response, err error) (string, error) {
	if err != nil {
		return "", errors.Wrap(err, "failed to start a Connect group")
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusCreated {
		return "", errors.Errorf("starting a Connect group answered %d %s: %v", resp.StatusCode, strings.TrimSpace(string(answer)), err)
	}
	var group struct {
		ID string `json:"id"`
	}
	return group.ID, errors.Wrap(json.Unmarshal(answer, &group), "failed to read a Connect group")
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
