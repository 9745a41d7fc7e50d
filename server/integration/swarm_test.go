package integration

import (
	"context"
	"net/http"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
	"github.com/connectchat/mattermost-plugin-connect/server/swarm"
)

// /connect swarm answers with the plan and opens Mattermost's interactive dialog; submitting it
// through Mattermost's own route brings in the ticked staff, never the customer whose id a
// forged submission adds.
func TestSwarmBySlashCommandAndDialog(t *testing.T) {
	c := newSwarmCast(t)
	square := townSquare(t, c.asker.client).Id

	answer := command(t, c.asker, square, "/connect swarm "+c.number)
	assert.Contains(t, answer, c.number)
	assert.Contains(t, answer, "@"+c.assignee.Username+" (assignee)")
	assert.Contains(t, answer, "@"+c.colleague.Username+" (group member)")
	assert.Contains(t, answer, "@"+c.customer.Username+" (group member): not staff")
	assert.Contains(t, answer, "@"+c.deactivated.Username+" (group member): deactivated")
	assert.Contains(t, answer, "Nora Account (group member): no Mattermost account")

	dialog := openedDialog(t, c.asker)
	assert.Equal(t, "/plugins/connect-chat"+swarm.DialogPath, dialog.URL)
	var offered []string
	for _, e := range dialog.Dialog.Elements {
		assert.Equal(t, "bool", e.Type)
		assert.Equal(t, "true", e.Default, "ticked by default")
		offered = append(offered, e.Name)
	}
	assert.ElementsMatch(t, []string{c.assignee.Id, c.colleague.Id}, offered, "only staff who can be added get a checkbox")

	resp := submitDialog(t, c.asker, square, dialog, map[string]any{
		c.assignee.Id: false, c.colleague.Id: true, c.customer.Id: true, c.deactivated.Id: true,
	})
	assert.Empty(t, resp.Error)

	follows := followsOf(t, c.asker)
	require.Len(t, follows, 1, "the asker follows the record")
	conversation := follows[0].ConversationID
	members := memberIDs(t, c.asker, conversation)
	assert.Contains(t, members, c.asker.Id)
	assert.Contains(t, members, c.colleague.Id)
	assert.NotContains(t, members, c.assignee.Id, "unticked")
	assert.NotContains(t, members, c.customer.Id, "a customer is never added")
	assert.NotContains(t, members, c.deactivated.Id)
	colleagueFollows := followsOf(t, c.colleague)
	require.Len(t, colleagueFollows, 1, "whoever is brought in follows the record")
	assert.Equal(t, conversation, colleagueFollows[0].ConversationID)
	said := announcements(t, c.asker, conversation)
	require.Len(t, said, 1)
	assert.Contains(t, said[0], "@"+c.colleague.Username)
	assert.Contains(t, said[0], fullName(c.asker))

	// Again: only the newcomer is brought in.
	command(t, c.asker, square, "/connect swarm "+c.number)
	again := openedDialog(t, c.asker)
	require.Len(t, again.Dialog.Elements, 1, "the colleague is in already")
	assert.Equal(t, c.assignee.Id, again.Dialog.Elements[0].Name)
	assert.Empty(t, submitDialog(t, c.asker, square, again, map[string]any{c.assignee.Id: true, c.colleague.Id: true}).Error)
	members = memberIDs(t, c.asker, conversation)
	assert.Contains(t, members, c.assignee.Id)
	assert.NotContains(t, members, c.customer.Id)
	said = announcements(t, c.asker, conversation)
	require.Len(t, said, 2)
	assert.Contains(t, said[1], "@"+c.assignee.Username)
	assert.NotContains(t, said[1], "@"+c.colleague.Username, "only newcomers are named")
	assert.Len(t, followsOf(t, c.assignee), 1)

	assert.Contains(t, suggestionsFor(t, c.asker.client, "/connect sw"), "connect swarm")
	assert.Contains(t, command(t, c.asker, square, "/connect help"), "/connect swarm")
}

// The REST plan and apply: who and why, unticking, customers refused at apply time, re-runs.
func TestSwarmOverREST(t *testing.T) {
	c := newSwarmCast(t)

	plan := c.plan(t, c.asker)
	require.Equal(t, http.StatusOK, plan.Status, plan.Text())
	assert.Equal(t, c.number, plan.Body.Record.Number)
	assert.Equal(t, "found", string(plan.Body.Record.Status))
	assert.Empty(t, plan.Body.ConversationID, "nobody follows it yet")
	for email, want := range map[string][2]string{
		c.assignee.Email:    {"add", ""},
		c.colleague.Email:   {"add", ""},
		c.customer.Email:    {"unavailable", swarm.NotStaff},
		c.deactivated.Email: {"unavailable", swarm.Deactivated},
		c.noAccountEmail:    {"unavailable", swarm.NoAccount},
	} {
		p := personIn(t, plan.Body, email)
		assert.Equal(t, want[0], string(p.Status), email)
		assert.Equal(t, want[1], p.Reason, email)
	}
	assert.Equal(t, swarm.Assignee, personIn(t, plan.Body, c.assignee.Email).Role)

	applied := c.apply(t, c.asker, c.colleague.Id, c.customer.Id)
	require.Equal(t, http.StatusOK, applied.Status, applied.Text())
	assert.ElementsMatch(t, []string{c.asker.Id, c.colleague.Id}, applied.Body.Added)
	assert.Equal(t, []string{c.customer.Id}, applied.Body.Refused)
	members := memberIDs(t, c.asker, applied.Body.ConversationID)
	assert.NotContains(t, members, c.customer.Id, "a customer in the assignment group is never added")
	assert.NotContains(t, members, c.assignee.Id, "not chosen")

	replan := c.plan(t, c.asker)
	assert.Equal(t, applied.Body.ConversationID, replan.Body.ConversationID)
	assert.Equal(t, "already", string(personIn(t, replan.Body, c.colleague.Email).Status))

	rerun := c.apply(t, c.asker, c.colleague.Id, c.assignee.Id)
	require.Equal(t, http.StatusOK, rerun.Status, rerun.Text())
	assert.Equal(t, []string{c.assignee.Id}, rerun.Body.Added, "only newcomers")
	assert.Equal(t, []string{c.colleague.Id}, rerun.Body.Already)
	assert.Len(t, announcements(t, c.asker, applied.Body.ConversationID), 2)
	assert.Len(t, followsOf(t, c.assignee), 1)

	// An address someone gave themselves is not trusted: it matches nobody.
	impostor := newStaff(t)
	_, _, err := impostor.client.PatchUser(context.Background(), impostor.Id, &model.UserPatch{Email: &c.noAccountEmail, Password: model.NewPointer(rig.Password)})
	require.NoError(t, err)
	claimed := c.plan(t, c.asker)
	assert.Empty(t, personIn(t, claimed.Body, c.noAccountEmail).UserID)
	assert.Equal(t, swarm.NoAccount, personIn(t, claimed.Body, c.noAccountEmail).Reason)
	assert.Equal(t, []string{impostor.Id}, c.apply(t, c.asker, impostor.Id).Body.Refused)

	// Staff only, and only what can be queried.
	assert.Equal(t, http.StatusForbidden, c.plan(t, c.customer).Status)
	assert.Equal(t, http.StatusForbidden, c.apply(t, c.customer, c.customer.Id).Status)
	bad := route[string](t, c.asker.client, http.MethodGet, "/api/v1/swarm/incident/not-a-sys-id", nil)
	assert.Equal(t, http.StatusBadRequest, bad.Status)
	assert.Contains(t, errorOf(t, bad.Raw), "sys_id")
	assert.Equal(t, http.StatusBadRequest, route[string](t, c.asker.client, http.MethodGet, "/api/v1/swarm/sys_user/"+c.sysID, nil).Status, "only the admin's tables")
	assert.Equal(t, http.StatusUnauthorized, route[string](t, nil, http.MethodGet, c.path(), nil).Status)
}

// The card's "Bring in the team" button opens the same dialog for whoever clicked.
func TestSwarmFromTheCardButton(t *testing.T) {
	c := newSwarmCast(t)
	dm := c.asker.directWith(t, c.colleague)
	post := mustPost(t, c.colleague, dm, "Who is on "+c.number+"?")
	filled := waitForCards(t, c.asker.client, post.Id, "found")
	attachments := filled.Attachments()
	actions := attachments[len(attachments)-1].Actions
	require.Len(t, actions, 2)
	require.Equal(t, "Bring in the team", actions[1].Name)

	_, err := c.asker.client.DoPostActionWithCookie(context.Background(), post.Id, actions[1].Id, "", "")
	require.NoError(t, err)
	dialog := openedDialog(t, c.asker)
	assert.Len(t, dialog.Dialog.Elements, 2)
	assert.Empty(t, submitDialog(t, c.asker, dm, dialog, map[string]any{c.assignee.Id: true, c.colleague.Id: true}).Error)
	follows := followsOf(t, c.asker)
	require.Len(t, follows, 1)
	members := memberIDs(t, c.asker, follows[0].ConversationID)
	assert.Contains(t, members, c.assignee.Id)
	assert.Contains(t, members, c.colleague.Id)
}
