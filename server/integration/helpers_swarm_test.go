package integration

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/swarm"
)

// swarmCast is a record whose people are of every kind: its assignee and a staff member of its
// assignment group are staff, a customer is in the group too, one member has no Mattermost
// account and one was deactivated in Mattermost.
type swarmCast struct {
	number, table, sysID       string
	asker, assignee, colleague *person
	customer, deactivated      *person
	noAccountEmail             string
}

func newSwarmCast(t *testing.T) swarmCast {
	t.Helper()
	c := swarmCast{asker: newStaff(t), assignee: newStaff(t), colleague: newStaff(t), customer: newCustomer(t), deactivated: newStaff(t)}
	c.noAccountEmail = fmt.Sprintf("nobody-%d@connect.example.com", rand.IntN(1_000_000))
	snUser := func(p *person) standin.User {
		return standin.User{UserName: p.Username, Name: fullName(p), Email: p.Email, Active: true}
	}
	server.ServiceNow.PutUser(snUser(c.assignee))
	group := fmt.Sprintf("Swarm team %d", rand.IntN(1_000_000))
	server.ServiceNow.PutGroup(standin.Group{Name: group, Active: true},
		snUser(c.colleague), snUser(c.customer), snUser(c.deactivated),
		standin.User{UserName: "no.account." + group[11:], Name: "Nora Account", Email: c.noAccountEmail, Active: true})
	c.number = fmt.Sprintf("INC%07d", 4_000_000+rand.IntN(999_999))
	server.ServiceNow.PutRecord("incident", standin.Record{Number: c.number, ShortDescription: "Payroll portal unreachable", State: "2", Priority: "1",
		AssignedTo: c.assignee.Username, AssignmentGroup: group})
	c.table, c.sysID = "incident", standin.SampleSysID("incident", c.number)

	admin, err := server.AdminClient(context.Background())
	require.NoError(t, err)
	_, err = admin.DeleteUser(context.Background(), c.deactivated.Id)
	require.NoError(t, err)
	return c
}

func (c swarmCast) path() string { return "/api/v1/swarm/" + c.table + "/" + c.sysID }

func (c swarmCast) plan(t *testing.T, p *person) reply[swarm.Plan] {
	t.Helper()
	return route[swarm.Plan](t, p.client, http.MethodGet, c.path(), nil)
}

func (c swarmCast) apply(t *testing.T, p *person, ids ...string) reply[swarm.Result] {
	t.Helper()
	return route[swarm.Result](t, p.client, http.MethodPost, c.path(), map[string]any{"user_ids": ids})
}

// personIn is the plan's entry for email.
func personIn(t *testing.T, plan swarm.Plan, email string) swarm.Person {
	t.Helper()
	for _, p := range plan.People {
		if strings.EqualFold(p.Email, email) {
			return p
		}
	}
	t.Fatalf("%s is not on the plan %+v", email, plan.People)
	return swarm.Person{}
}

// memberIDs are the user ids in a channel.
func memberIDs(t *testing.T, p *person, channelID string) []string {
	t.Helper()
	members, _, err := p.client.GetChannelMembers(context.Background(), channelID, 0, 200, "")
	require.NoError(t, err)
	ids := make([]string, 0, len(members))
	for _, m := range members {
		ids = append(ids, m.UserId)
	}
	return ids
}

// announcements are the bot's "brought in" messages in a conversation, oldest first.
func announcements(t *testing.T, p *person, channelID string) []string {
	t.Helper()
	list, _, err := p.client.GetPostsForChannel(context.Background(), channelID, 0, 100, "", false, false)
	require.NoError(t, err)
	var found []string
	for i := len(list.Order) - 1; i >= 0; i-- {
		if post := list.Posts[list.Order[i]]; post.GetProp(swarm.AnnouncementProp) != nil {
			found = append(found, post.Message)
		}
	}
	return found
}

// openedDialog waits for the dialog Mattermost tells p's client to open.
func openedDialog(t *testing.T, p *person) model.OpenDialogRequest {
	t.Helper()
	data := waitForEvent(t, p.ws, model.WebsocketEventOpenDialog, func(map[string]any) bool { return true })
	raw, ok := data["dialog"].(string)
	require.True(t, ok, "open_dialog carries the dialog: %v", data)
	var request model.OpenDialogRequest
	require.NoError(t, json.Unmarshal([]byte(raw), &request))
	return request
}

// submitDialog submits a dialog through Mattermost's own route, as the web app does.
func submitDialog(t *testing.T, p *person, channelID string, dialog model.OpenDialogRequest, submission map[string]any) *model.SubmitDialogResponse {
	t.Helper()
	resp, _, err := p.client.SubmitInteractiveDialog(context.Background(), model.SubmitDialogRequest{
		URL: dialog.URL, CallbackId: dialog.Dialog.CallbackId, State: dialog.Dialog.State,
		ChannelId: channelID, TeamId: server.Teams.Support.Id, Submission: submission,
	})
	require.NoError(t, err)
	return resp
}
