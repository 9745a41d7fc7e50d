package integration

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

func TestTicketNumbersBecomeCardsThatFillInForEveryone(t *testing.T) {
	alice, bob, dm := staffPair(t)
	number := freshIncident(t, "Printer on 3rd floor jams")
	posted, err := alice.post(dm, "Could you look at "+number+"?")
	require.NoError(t, err)
	require.Equal(t, []string{"pending"}, statuses(posted), "posting does not wait for ServiceNow")
	pending := cardsOn(posted)[0]
	assert.Equal(t, number, pending.Title)
	assert.Equal(t, server.ServiceNowURL+"/incident.do?sysparm_query="+url.QueryEscape("number="+number), pending.TitleLink)

	edited := waitForPostEvent(t, bob.ws, model.WebsocketEventPostEdited, func(p *model.Post) bool { return p.Id == posted.Id })
	filled := cardsOn(edited)[0]
	assert.Equal(t, number+": Printer on 3rd floor jams", filled.Title, "a linked title is plain text in every client: no markdown escapes")
	assert.Equal(t, "New", filled.Fields["State"])
	assert.Equal(t, `3 \- Moderate`, filled.Fields["Priority"])
	assert.Zero(t, edited.EditAt, "filling in a card is not an edit by the author")
}

func TestEveryPrefixAndLinkFormBecomesTheRightCard(t *testing.T) {
	alice, _, dm := staffPair(t)
	messages := map[string]string{}
	for _, s := range standin.Samples() {
		messages[s.Record.Number] = "see " + s.Record.Number
	}
	_, incidentID, _ := server.ServiceNow.Find(standin.SampleIncident2)
	sn := server.ServiceNowURL
	links := map[string]string{
		"form":            sn + "/incident.do?sys_id=" + incidentID,
		"nav_to":          sn + "/nav_to.do?uri=incident.do?sys_id=" + incidentID,
		"nav_to encoded":  sn + "/nav_to.do?uri=" + url.QueryEscape("incident.do?sys_id="+incidentID),
		"next experience": sn + "/now/nav/ui/classic/params/target/" + url.PathEscape("incident.do?sys_id="+incidentID),
		"number query":    sn + "/incident.do?sysparm_query=number=" + standin.SampleIncident2,
		"markdown link":   "[the VPN one](" + sn + "/incident.do?sys_id=" + incidentID + ")",
	}
	for form, link := range links {
		messages[form] = "look: " + link
	}
	for name, message := range messages {
		posted, err := alice.post(dm, message)
		require.NoError(t, err, name)
		filled := waitForCards(t, alice.client, posted.Id, "found")
		title := cardsOn(filled)[0].Title
		want := name
		if _, isLink := links[name]; isLink {
			want = standin.SampleIncident2
		}
		assert.True(t, strings.HasPrefix(title, want+": "), "%s: card %q", name, title)
	}
	article := waitForCards(t, alice.client, mustPost(t, alice, dm, "KB0010001 explains it").Id, "found")
	assert.Equal(t, sn+"/kb_view.do?sysparm_article=KB0010001", cardsOn(article)[0].TitleLink)
}

func TestCodeWordsAndForeignLinksStayText(t *testing.T) {
	alice, _, dm := staffPair(t)
	for _, message := range []string{
		"`INC0010001` in code",
		"```\nINC0010001\n```",
		"XINC0010001 and INC00100011",
		"[INC0010001](https://jira.example.com/browse/INC0010001)",
	} {
		posted := mustPost(t, alice, dm, message)
		assert.Empty(t, posted.Attachments(), message)
	}
	many := mustPost(t, alice, dm, strings.Join([]string{standin.SampleIncident, standin.SampleIncident2, standin.SampleProblem,
		standin.SampleProblem2, standin.SampleChange, standin.SampleChange2, standin.SampleTask}, " "))
	assert.Len(t, many.Attachments(), 5, "at most five cards per message by default")
}

func TestServiceNowTroubleNeverHoldsUpPosting(t *testing.T) {
	faults := map[string]standin.Fault{
		"slow (5 s)":        {Latency: 5 * time.Second, Times: 1},
		"401":               {Status: 401, Times: 1},
		"429 + Retry-After": {Status: 429, RetryAfter: 1, Times: 1},
		"503":               {Status: 503, Times: 3},
		"malformed JSON":    {Malformed: true, Times: 1},
	}
	alice, _, dm := staffPair(t)
	t.Cleanup(server.ServiceNow.ClearFault)
	for name, fault := range faults {
		number := freshIncident(t, "Fault "+name)
		server.ServiceNow.SetFault(fault)
		started := time.Now()
		posted := mustPost(t, alice, dm, number+" during "+name)
		postedIn := time.Since(started)
		assert.Equal(t, []string{"pending"}, statuses(posted), name)
		filled := waitForCards(t, alice.client, posted.Id, "found")
		assert.Equal(t, number+": Fault "+name, cardsOn(filled)[0].Title, name)
		t.Logf("%s: posted in %v, card filled in", name, postedIn)
		server.ServiceNow.ClearFault()
	}
}

func TestAnOutageShowsNumberAndLinkThenRecovers(t *testing.T) {
	alice, _, dm := staffPair(t)
	number := freshIncident(t, "Outage test")
	server.ServiceNow.SetFault(standin.Fault{Status: 503})
	t.Cleanup(server.ServiceNow.ClearFault)
	posted := mustPost(t, alice, dm, number)
	degraded := waitForCards(t, alice.client, posted.Id, "unavailable")
	assert.Equal(t, number, cardsOn(degraded)[0].Title)
	assert.Contains(t, cardsOn(degraded)[0].Text, "Details unavailable")
	server.ServiceNow.ClearFault()
	waitForCards(t, alice.client, posted.Id, "found")
}

func TestRecordTextShowsAsText(t *testing.T) {
	alice, _, dm := staffPair(t)
	filled := waitForCards(t, alice.client, mustPost(t, alice, dm, standin.HostileIncident).Id, "found")
	card := cardsOn(filled)[0]
	// The title has a link, so the web app and the mobile app show it as plain text.
	assert.Equal(t, standin.HostileIncident+": "+standin.HostileDescription, card.Title)
	assert.True(t, strings.HasPrefix(card.TitleLink, server.ServiceNowURL+"/"), card.TitleLink)
	assert.Equal(t, `4 \- Low`, card.Fields["Priority"], "field values are markdown: escaped")
}

func TestACraftedNumberCannotChangeTheQuery(t *testing.T) {
	alice, _, dm := staffPair(t)
	server.ServiceNow.ResetRequests()
	number := freshIncident(t, "Query safety")
	for _, message := range []string{
		number + "^ORnumberSTARTSWITHINC",
		number + ",INC0010001^NQsys_id!=x",
		server.ServiceNowURL + "/incident.do?sysparm_query=number=" + number + "^ORactive=true",
	} {
		mustPost(t, alice, dm, message)
	}
	require.Eventually(t, func() bool { return len(server.ServiceNow.Requests()) > 0 }, 10*time.Second, 50*time.Millisecond)
	time.Sleep(500 * time.Millisecond)
	for _, r := range server.ServiceNow.Requests() {
		query := r.Params.Get("sysparm_query")
		assert.Regexp(t, `^(numberIN[A-Z0-9,]+|sys_idIN[0-9a-f,]+)(\^OR(numberIN[A-Z0-9,]+|sys_idIN[0-9a-f,]+))?$`, query, "query sent upstream")
		assert.NotContains(t, query, "STARTSWITH")
		assert.NotContains(t, query, "active")
		assert.NotContains(t, query, "NQ")
	}
}

func TestConnectRecordPostsCards(t *testing.T) {
	alice, _, dm := staffPair(t)
	resp, _, err := alice.client.ExecuteCommandWithTeam(context.Background(), dm, server.Teams.Support.Id, "/connect record "+standin.SampleRequestItem+" "+standin.SampleCatalogTask)
	require.NoError(t, err)
	assert.Empty(t, resp.Text)
	list, _, err := alice.client.GetPostsForChannel(context.Background(), dm, 0, 1, "", false, false)
	require.NoError(t, err)
	post := list.Posts[list.Order[0]]
	assert.Equal(t, alice.Id, post.UserId)
	assert.Equal(t, []string{"found", "found"}, statuses(post), "the records were looked up before posting")

	resp, _, err = alice.client.ExecuteCommandWithTeam(context.Background(), dm, server.Teams.Support.Id, "/connect record INC0099999")
	require.NoError(t, err)
	assert.Equal(t, "INC0099999 was not found in ServiceNow (INC0099999).", resp.Text)
	resp, _, err = alice.client.ExecuteCommandWithTeam(context.Background(), dm, server.Teams.Support.Id, "/connect record test")
	require.NoError(t, err)
	assert.Equal(t, "Only system admins can use `/connect record test`.", resp.Text)

	admin := login(t, server.Admin)
	resp, _, err = admin.ExecuteCommand(context.Background(), townSquare(t, admin).Id, "/connect record test")
	require.NoError(t, err)
	assert.Regexp(t, `^Connected to `+server.ServiceNowURL+` \(basic authentication\) in \d+ ms: Connect can read \d+ task records, for example [A-Z]+\d+\.$`, resp.Text)
}

func TestOnlyReadersCanRefreshCards(t *testing.T) {
	alice, _, dm := staffPair(t)
	posted := mustPost(t, alice, dm, standin.SampleProblem)
	waitForCards(t, alice.client, posted.Id, "found")
	path := "/api/v1/posts/" + posted.Id + "/cards/refresh"

	refreshed := route[string](t, alice.client, http.MethodPost, path, nil)
	assert.Equal(t, http.StatusOK, refreshed.Status, refreshed.Body)
	assert.JSONEq(t, `{"changed":false}`, refreshed.Body)

	outsider := route[string](t, newCustomer(t).client, http.MethodPost, path, nil)
	assert.Equal(t, http.StatusNotFound, outsider.Status, "no record data for people outside the conversation")
	assert.JSONEq(t, `{"error":"No such post."}`, outsider.Body)
	assert.Equal(t, http.StatusUnauthorized, route[string](t, nil, http.MethodPost, path, nil).Status)
}
