package integration

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
	"github.com/connectchat/mattermost-plugin-connect/server/creation"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

func TestCreateBySlashCommandPostsTheCardAndWritesCallerAndWorkNote(t *testing.T) {
	alice, bob, dm := staffPair(t)
	inServiceNow(alice, bob)
	mustPost(t, bob, dm, "The printer on 3 is on fire")
	mustPost(t, alice, dm, "On it.\nCalling facilities")
	description := uniqueDescription("Printer on 3 is on fire")

	answer := teamCommand(t, alice, dm, "/connect create incident "+description)
	require.Contains(t, answer, "Created [INC", answer)
	created, ok := createdWith(description)
	require.True(t, ok, "the stand-in has the record")
	assert.Equal(t, "incident", created.Table)
	assert.Equal(t, fullName(alice), created.Caller, "the asker is the caller")
	assert.Contains(t, answer, created.Number)

	note := workNoteOf(t, created.Number)
	lines := strings.Split(note, "\n")
	assert.Equal(t, fullName(alice)+" via Connect: created from a Connect conversation", lines[0])
	assert.Regexp(t, `^\[\d{4}-\d\d-\d\d \d\d:\d\d UTC\] `+fullName(bob)+`: The printer on 3 is on fire$`, lines[1])
	assert.Regexp(t, `^\[\d{4}-\d\d-\d\d \d\d:\d\d UTC\] `+fullName(alice)+`: On it\.$`, lines[2])
	assert.Equal(t, "    Calling facilities", lines[3])

	post := createdCardPost(t, bob, dm, created.Number)
	cards := cardsOn(post)
	require.Len(t, cards, 1)
	assert.Contains(t, cards[0].Title, created.Number)
	assert.Contains(t, cards[0].Text+cards[0].Title, description, "the card shows the record to the conversation")
	assert.Contains(t, suggestionsFor(t, alice.client, "/connect cr"), "connect create")
	assert.Contains(t, teamCommand(t, alice, dm, "/connect help"), "/connect create <table> <short description>")
}

func TestCreateByRESTWithAPickedMessageAnotherCallerAndFollow(t *testing.T) {
	alice, bob, carol := newStaff(t), newStaff(t), newStaff(t)
	inServiceNow(alice, bob, carol)
	group := alice.groupWith(t, bob, carol)
	mustPost(t, carol, group, "Not this one")
	picked := mustPost(t, bob, group, "VPN drops every 10 minutes since the update")
	mustPost(t, alice, group, "Nor this one")
	description := uniqueDescription("VPN drops")

	tables := route[creation.Creatable](t, alice.client, http.MethodGet, "/api/v1/records/creatable", nil)
	require.Equal(t, http.StatusOK, tables.Status, tables.Text())
	assert.Equal(t, []creation.Table{{Name: "incident", Label: "Incident"}}, tables.Body.Tables)

	body := map[string]any{"request_id": model.NewId(), "table": "incident", "short_description": description,
		"caller_id": bob.Id, "post_ids": []string{picked.Id}}
	answer := createRecord(t, alice, group, body)
	require.Equal(t, http.StatusCreated, answer.Status, answer.Text())
	card := answer.Body.Card
	require.NotNil(t, card)
	assert.Equal(t, description, card.ShortDescription)
	assert.Equal(t, fullName(bob), card.Caller)
	assert.Equal(t, "incident", card.Table)
	assert.Equal(t, server.ServiceNowURL+"/incident.do?sys_id="+card.SysID, answer.Body.Link)

	created, ok := createdWith(description)
	require.True(t, ok)
	assert.Equal(t, fullName(bob), created.Caller)
	note := workNoteOf(t, created.Number)
	assert.Contains(t, note, fullName(bob)+": VPN drops every 10 minutes since the update")
	assert.NotContains(t, note, "Not this one")
	assert.NotContains(t, note, "Nor this one")
	post := createdCardPost(t, carol, group, created.Number)
	assert.Equal(t, card.PostID, post.Id)

	again := createRecord(t, alice, group, body)
	require.Equal(t, http.StatusCreated, again.Status, again.Text())
	assert.Equal(t, card.Number, again.Body.Card.Number, "the same request answers the same record")
	assert.Equal(t, 1, countCreatedWith(description), "created once")

	followed := route[map[string]any](t, alice.client, http.MethodPost, "/api/v1/follows", map[string]any{"table": card.Table, "sys_id": card.SysID})
	require.Equal(t, http.StatusOK, followed.Status, followed.Text())
	assert.Equal(t, card.Number, followed.Body["number"])
	fromHere := uniqueDescription("From here")
	answer = createRecord(t, alice, group, map[string]any{"table": "incident", "short_description": fromHere, "from_post_id": picked.Id})
	require.Equal(t, http.StatusCreated, answer.Status, answer.Text())
	note = workNoteOf(t, answer.Body.Card.Number)
	assert.Contains(t, note, fullName(bob)+": VPN drops every 10 minutes since the update")
	assert.Contains(t, note, fullName(alice)+": Nor this one", "every later message")
	assert.NotContains(t, note, "Not this one", "nothing before it")
}

func TestCreateMissingMandatoryFieldIsNamedAndNothingIsCreated(t *testing.T) {
	alice, bob, dm := staffPair(t)
	inServiceNow(alice, bob)
	server.ServiceNow.SetMandatory("incident", "short_description", "caller_id", "category")
	t.Cleanup(func() { server.ServiceNow.SetMandatory("incident", standin.DefaultMandatory["incident"]...) })
	description := uniqueDescription("Needs a category")

	answer := createRecord(t, alice, dm, map[string]any{"table": "incident", "short_description": description})
	require.Equal(t, http.StatusBadRequest, answer.Status, answer.Text())
	assert.Equal(t, "ServiceNow requires Category for a new incident.", errorOf(t, answer.Raw))
	assert.Contains(t, teamCommand(t, alice, dm, "/connect create incident "+description), "ServiceNow requires Category for a new incident.")
	assert.Zero(t, countCreatedWith(description), "nothing created")
}

func TestCreateRefusals(t *testing.T) {
	alice, bob, dm := staffPair(t)
	customer := newCustomer(t)
	inServiceNow(alice, bob, customer)
	description := uniqueDescription("Refused")
	valid := map[string]any{"table": "incident", "short_description": description}

	refused := createRecord(t, customer, dm, valid)
	assert.Equal(t, http.StatusForbidden, refused.Status, "a customer")
	assert.Contains(t, refused.Text(), "connect.not_staff")
	listed := route[string](t, customer.client, http.MethodGet, "/api/v1/records/creatable", nil)
	assert.Equal(t, http.StatusForbidden, listed.Status)
	customerDM := customer.directWith(t, alice)
	assert.Contains(t, teamCommand(t, customer, customerDM, "/connect create incident "+description), "Only ITIL staff")

	table := createRecord(t, alice, dm, map[string]any{"table": "problem", "short_description": description})
	assert.Equal(t, http.StatusBadRequest, table.Status)
	assert.Equal(t, `Records can be created in incident only; "problem" is not one of them.`, errorOf(t, table.Raw))
	assert.Contains(t, teamCommand(t, alice, dm, "/connect create change_request "+description), `"change_request" is not one of them`)

	caller := createRecord(t, alice, dm, map[string]any{"table": "incident", "short_description": description, "caller_id": newStaff(t).Id})
	assert.Equal(t, http.StatusBadRequest, caller.Status)
	assert.Equal(t, "The caller must be a member of this conversation.", errorOf(t, caller.Raw))

	notInServiceNow := newStaff(t)
	group := alice.groupWith(t, bob, notInServiceNow)
	unmatched := createRecord(t, alice, group, map[string]any{"table": "incident", "short_description": description, "caller_id": notInServiceNow.Id})
	assert.Equal(t, http.StatusBadRequest, unmatched.Status)
	assert.Contains(t, errorOf(t, unmatched.Raw), "ServiceNow has no single active user with the address "+notInServiceNow.Email)

	elsewhere := mustPost(t, alice, townSquare(t, alice.client).Id, "posted elsewhere")
	picked := createRecord(t, alice, dm, map[string]any{"table": "incident", "short_description": description, "post_ids": []string{elsewhere.Id}})
	assert.Equal(t, http.StatusBadRequest, picked.Status)
	assert.Contains(t, errorOf(t, picked.Raw), "is not in this conversation")

	square := createRecord(t, alice, townSquare(t, alice.client).Id, valid)
	assert.Equal(t, http.StatusNotFound, square.Status, "not a Connect conversation")

	empty := createRecord(t, alice, dm, map[string]any{"table": "incident", "short_description": "  "})
	assert.Equal(t, "Give the record a short description.", errorOf(t, empty.Raw))

	configure(t, map[string]any{"CreateRecords": false})
	require.Eventually(t, func() bool { return createRecord(t, alice, dm, valid).Status == http.StatusForbidden }, 10*time.Second, 100*time.Millisecond)
	assert.Contains(t, teamCommand(t, alice, dm, "/connect create incident "+description), "turned off")
	assert.Zero(t, countCreatedWith(description), "nothing created")
}

func TestCreateQueuedWhileServiceNowIsDownIsCreatedOnceAfterARestart(t *testing.T) {
	configure(t, map[string]any{"FollowPollSeconds": 2})
	alice, bob, dm := staffPair(t)
	inServiceNow(alice, bob)
	mustPost(t, bob, dm, "Badge readers on floor 4 are offline")
	description := uniqueDescription("Badge readers offline")
	body := map[string]any{"request_id": model.NewId(), "table": "incident", "short_description": description}
	server.ServiceNow.SetFault(standin.Fault{Status: http.StatusServiceUnavailable, Path: "/api/now/table/incident"})
	t.Cleanup(server.ServiceNow.ClearFault)

	answer := createRecord(t, alice, dm, body)
	require.Equal(t, http.StatusAccepted, answer.Status, answer.Text())
	assert.Equal(t, `{"queued":true}`, strings.TrimSpace(answer.Text()))
	assert.Contains(t, teamCommand(t, alice, dm, "/connect create incident "+uniqueDescription("Also queued")), "Connect creates the record as soon as it can")
	retried := createRecord(t, alice, dm, body)
	require.Equal(t, http.StatusAccepted, retried.Status, "a retry of a queued request stays queued")
	assert.Zero(t, countCreatedWith(description))

	require.NoError(t, server.SetPluginEnabled(context.Background(), false))
	require.NoError(t, server.SetPluginEnabled(context.Background(), true))
	server.ServiceNow.ClearFault()
	require.Eventually(t, func() bool { return countCreatedWith(description) == 1 }, 60*time.Second, 200*time.Millisecond, "created after ServiceNow is back")
	created, _ := createdWith(description)
	assert.Equal(t, fullName(alice), created.Caller)
	assert.Contains(t, workNoteOf(t, created.Number), fullName(bob)+": Badge readers on floor 4 are offline")
	createdCardPost(t, bob, dm, created.Number)

	time.Sleep(5 * time.Second) // more retry runs
	assert.Equal(t, 1, countCreatedWith(description), "created exactly once")
	after := createRecord(t, alice, dm, body)
	require.Equal(t, http.StatusCreated, after.Status, after.Text())
	assert.Equal(t, created.Number, after.Body.Card.Number, "the same request answers the record it created")
	assert.Equal(t, 1, countCreatedWith(description))
}

func TestCreateQueuedThatServiceNowRefusesIsToldOnce(t *testing.T) {
	alice, bob, dm := staffPair(t)
	inServiceNow(alice, bob)
	ws := secondClient(t, alice)
	description := uniqueDescription("Refused later")
	// Down for the first attempt (the look-up of an earlier attempt's record, tried three times).
	server.ServiceNow.SetFault(standin.Fault{Status: http.StatusServiceUnavailable, Path: "/api/now/table/incident", Times: servicenow.DefaultMaxAttempts})
	t.Cleanup(server.ServiceNow.ClearFault)
	server.ServiceNow.SetMandatory("incident", "short_description", "caller_id", "impact")
	t.Cleanup(func() { server.ServiceNow.SetMandatory("incident", standin.DefaultMandatory["incident"]...) })

	answer := createRecord(t, alice, dm, map[string]any{"request_id": model.NewId(), "table": "incident", "short_description": description})
	require.Equal(t, http.StatusAccepted, answer.Status, answer.Text())
	told := waitForEphemeral(t, ws, dm)
	assert.Equal(t, `Connect could not create the incident "`+description+`" in ServiceNow: ServiceNow requires Impact for a new incident. Nothing was created; create it again with `+"`/connect create`"+` or Create record in the workspace.`, told.Message)
	assertNoEphemeral(t, ws, dm)
	assert.Zero(t, countCreatedWith(description))
}
