package rig

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

// Demo conversations SeedDemo makes. The record numbers are ones the ServiceNow stand-in knows.
const (
	DemoGroupName     = "Printer outage – 3rd floor"
	DemoDirectRecord  = standin.SampleIncident // "Email server is down for the Finance floor"
	DemoGroupRecord   = standin.SampleProblem2 // "Printers drop off the network after patching"
	demoPictureName   = "3rd-floor-printers.png"
	demoPictureWidth  = 320
	demoPictureHeight = 200
)

// demoPerson is a demo user with a session of their own.
type demoPerson struct {
	User
	client *model.Client4
}

// demoCast are the staff the demo conversations are between.
type demoCast struct{ alice, bob, carol demoPerson }

// demoLine is one message of a demo conversation.
type demoLine struct {
	from    demoPerson
	message string
}

// SeedDemo fills a fresh server with a few conversations among alice, bob and carol, made as
// they would make them: each posts with their own session, and the group is started through
// Connect's REST API. It does nothing when the conversations are already there.
//
// Mattermost takes a post's create_at only from a system admin's session, and then the post
// is the admin's, so the messages are posted now, in order.
func (s *Server) SeedDemo(ctx context.Context) error {
	cast, err := s.loginDemoCast(ctx)
	if err != nil {
		return err
	}
	seeded, err := demoAlreadySeeded(ctx, cast)
	if err != nil || seeded {
		return err
	}
	if err := seedMailIncidentDirect(ctx, cast); err != nil {
		return errors.Wrap(err, "alice ↔ bob direct conversation")
	}
	if err := s.seedPrinterGroup(ctx, cast); err != nil {
		return errors.Wrapf(err, "group %q", DemoGroupName)
	}
	return errors.Wrap(seedUnreadDirect(ctx, cast), "alice ↔ carol direct conversation")
}

func (s *Server) loginDemoCast(ctx context.Context) (demoCast, error) {
	var people [3]demoPerson
	for i, name := range []string{"alice", "bob", "carol"} {
		user, err := s.staffNamed(name)
		if err != nil {
			return demoCast{}, err
		}
		client, err := s.Login(ctx, user)
		if err != nil {
			return demoCast{}, err
		}
		people[i] = demoPerson{User: user, client: client}
	}
	return demoCast{alice: people[0], bob: people[1], carol: people[2]}, nil
}

func (s *Server) staffNamed(username string) (User, error) {
	for _, u := range s.Staff {
		if u.Username == username {
			return u, nil
		}
	}
	return User{}, errors.Errorf("the demo staff user %s does not exist", username)
}

// demoAlreadySeeded tells whether alice and bob have talked already.
func demoAlreadySeeded(ctx context.Context, cast demoCast) (bool, error) {
	channelID, err := directChannel(ctx, cast.alice, cast.bob)
	if err != nil {
		return false, err
	}
	posts, _, err := cast.alice.client.GetPostsForChannel(ctx, channelID, 0, 1, "", false, false)
	if err != nil {
		return false, errors.Wrap(err, "failed to read the alice ↔ bob direct conversation")
	}
	return len(posts.Order) > 0, nil
}

// seedMailIncidentDirect: bob asks alice about an incident, in markdown; both have read it all.
func seedMailIncidentDirect(ctx context.Context, cast demoCast) error {
	alice, bob := cast.alice, cast.bob
	channelID, err := directChannel(ctx, bob, alice)
	if err != nil {
		return err
	}
	err = postLines(ctx, channelID, []demoLine{
		{bob, "Morning Alice! Finance can't send mail since about 8:30, I logged it as " + DemoDirectRecord + "."},
		{alice, "On it. Looks like the **mail queue on EXCH-02** is stuck again."},
		{bob, "Can you paste what `Get-Queue -Server EXCH-02` says? The steps are in the [Exchange queue runbook](https://wiki.connect.example.com/runbooks/exchange-queues)."},
		{alice, "Here is what I see:\n- 2,314 messages waiting for the Finance connector\n- the transport service restarted at 08:52\n- no disk alerts on EXCH-02"},
		{bob, "**Thanks!** I'll restart the connector and tell Finance we're on it."},
	})
	if err != nil {
		return err
	}
	return markRead(ctx, channelID, alice, bob)
}

// seedPrinterGroup: alice starts a named Connect group; all three post, carol a picture.
func (s *Server) seedPrinterGroup(ctx context.Context, cast demoCast) error {
	alice, bob, carol := cast.alice, cast.bob, cast.carol
	channelID, err := s.startConnectGroup(ctx, alice, DemoGroupName, bob, carol)
	if err != nil {
		return err
	}
	err = postLines(ctx, channelID, []demoLine{
		{alice, "Every printer on the 3rd floor shows offline since last night's patch run. Probably " + DemoGroupRecord + " again."},
		{bob, "Confirmed from my desk, the print server sees them but they don't answer:\n```\n$ ping -c 2 prn-3f-01.corp.example.com\nPING prn-3f-01.corp.example.com (10.30.3.21): 56 data bytes\nRequest timeout for icmp_seq 0\nRequest timeout for icmp_seq 1\n```"},
	})
	if err != nil {
		return err
	}
	if err := postPicture(ctx, channelID, carol, "Here's the floor plan, the affected printers are marked in red."); err != nil {
		return err
	}
	if err := postLines(ctx, channelID, []demoLine{{alice, "Thanks both. I'll roll back the firmware on PRN-3F-01 first and report back here."}}); err != nil {
		return err
	}
	return markRead(ctx, channelID, alice, bob, carol)
}

// seedUnreadDirect: carol answers alice last, and alice has not looked yet (one unread).
func seedUnreadDirect(ctx context.Context, cast demoCast) error {
	alice, carol := cast.alice, cast.carol
	channelID, err := directChannel(ctx, alice, carol)
	if err != nil {
		return err
	}
	return postLines(ctx, channelID, []demoLine{
		{alice, "Carol, could you take the printer vendor's call at 3pm? I'm still on the mail incident."},
		{carol, "Sure, I'll take it and post what they say in the printer group."},
	})
}

// directChannel opens (or finds) the Mattermost direct channel, as opener's client would.
func directChannel(ctx context.Context, opener, other demoPerson) (string, error) {
	channel, _, err := opener.client.CreateDirectChannel(ctx, opener.Id, other.Id)
	if err != nil {
		return "", errors.Wrapf(err, "%s failed to open a direct channel with %s", opener.Username, other.Username)
	}
	return channel.Id, nil
}

func postLines(ctx context.Context, channelID string, lines []demoLine) error {
	for _, line := range lines {
		if err := post(ctx, line.from, &model.Post{ChannelId: channelID, Message: line.message}); err != nil {
			return err
		}
	}
	return nil
}

func post(ctx context.Context, from demoPerson, p *model.Post) error {
	_, _, err := from.client.CreatePost(ctx, p)
	return errors.Wrapf(err, "%s failed to post %q", from.Username, firstLine(p.Message))
}

func firstLine(message string) string {
	line, _, _ := strings.Cut(message, "\n")
	return line
}

// postPicture uploads the demo floor plan and posts it with message.
func postPicture(ctx context.Context, channelID string, from demoPerson, message string) error {
	picture, err := demoPicture()
	if err != nil {
		return err
	}
	upload, _, err := from.client.UploadFile(ctx, picture, channelID, demoPictureName)
	if err != nil {
		return errors.Wrapf(err, "%s failed to upload %s", from.Username, demoPictureName)
	}
	if len(upload.FileInfos) != 1 {
		return errors.Errorf("uploading %s returned %d files, not 1", demoPictureName, len(upload.FileInfos))
	}
	return post(ctx, from, &model.Post{ChannelId: channelID, Message: message, FileIds: []string{upload.FileInfos[0].Id}})
}

// demoPicture is a two-colour PNG: a pale floor with red squares where the printers are.
func demoPicture() ([]byte, error) {
	floor, red := color.RGBA{R: 0xe8, G: 0xec, B: 0xf1, A: 0xff}, color.RGBA{R: 0xd2, G: 0x2b, B: 0x2b, A: 0xff}
	picture := image.NewPaletted(image.Rect(0, 0, demoPictureWidth, demoPictureHeight), color.Palette{floor, red})
	for _, corner := range []image.Point{{40, 40}, {150, 120}, {250, 50}} {
		square := image.Rect(corner.X, corner.Y, corner.X+30, corner.Y+30)
		for y := square.Min.Y; y < square.Max.Y; y++ {
			for x := square.Min.X; x < square.Max.X; x++ {
				picture.SetColorIndex(x, y, 1)
			}
		}
	}
	var out bytes.Buffer
	if err := png.Encode(&out, picture); err != nil {
		return nil, errors.Wrap(err, "failed to draw the demo picture")
	}
	return out.Bytes(), nil
}

// markRead makes each person view the channel, as opening it would.
func markRead(ctx context.Context, channelID string, people ...demoPerson) error {
	for _, p := range people {
		if _, _, err := p.client.ViewChannel(ctx, p.Id, &model.ChannelView{ChannelId: channelID}); err != nil {
			return errors.Wrapf(err, "%s failed to view the channel", p.Username)
		}
	}
	return nil
}

// startConnectGroup starts a named Connect group of starter and members through Connect's
// REST API, as the Connect sidebar does, and returns its channel id.
func (s *Server) startConnectGroup(ctx context.Context, starter demoPerson, name string, members ...demoPerson) (string, error) {
	ids := make([]string, len(members))
	for i, m := range members {
		ids[i] = m.Id
	}
	var group struct {
		ID string `json:"id"`
	}
	err := s.CallConnect(ctx, starter.client, http.MethodPost, "/api/v1/conversations", map[string]any{"user_ids": ids, "name": name}, &group)
	if err != nil {
		return "", errors.Wrapf(err, "%s failed to start the group", starter.Username)
	}
	if group.ID == "" {
		return "", errors.New("Connect answered the new group without an id")
	}
	return group.ID, nil
}

// CallConnect sends body as JSON to one of the plugin's routes with client's session and
// decodes a successful answer into out.
func (s *Server) CallConnect(ctx context.Context, client *model.Client4, method, path string, body, out any) error {
	encoded, err := json.Marshal(body)
	if err != nil {
		return errors.Wrap(err, "failed to encode the request")
	}
	url := s.URL + "/plugins/" + PluginID + path
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(encoded))
	if err != nil {
		return errors.Wrap(err, "failed to make the request")
	}
	req.Header.Set(model.HeaderAuth, model.HeaderBearer+" "+client.AuthToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return errors.Wrapf(err, "%s %s failed", method, path)
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		return errors.Wrapf(err, "failed to read the answer to %s %s", method, path)
	}
	if resp.StatusCode >= http.StatusMultipleChoices {
		return errors.Errorf("%s %s answered %d: %s", method, path, resp.StatusCode, strings.TrimSpace(string(answer)))
	}
	return errors.Wrapf(json.Unmarshal(answer, out), "failed to decode the answer to %s %s", method, path)
}
