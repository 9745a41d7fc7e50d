package swarm

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

func TestDialogOffersOnlyWhoCanBeAddedTicked(t *testing.T) {
	f := newFakes()
	plan, err := f.service().Plan("asker", servicenow.RecordKey{Table: "incident", SysID: recordID})
	require.NoError(t, err)
	d := Dialog(plan, i18n.English())
	require.NoError(t, d.IsValid(), "Mattermost opens it")
	var names []string
	for _, e := range d.Elements {
		assert.Equal(t, "bool", e.Type)
		assert.Equal(t, "true", e.Default)
		names = append(names, e.Name)
	}
	assert.Equal(t, []string{"nina", "omar", "pia"}, names)
	assert.Contains(t, d.IntroductionText, "@rosa (group member): not staff")
	assert.Contains(t, d.IntroductionText, "sam (group member): no Mattermost account")
	table, sysID, ok := ParseDialogState(d.State)
	assert.True(t, ok)
	assert.Equal(t, "incident", table)
	assert.Equal(t, recordID, sysID)
}

func TestDialogStateAndSubmissionAreChecked(t *testing.T) {
	for _, state := range []string{"", "incident", "incident x^ORactive=true", "inc^ident " + recordID, recordID + " incident"} {
		_, _, ok := ParseDialogState(state)
		assert.False(t, ok, state)
	}
	chosen := Chosen(map[string]any{"omar": true, "pia": false, "nina": "true", "rosa": 1})
	assert.ElementsMatch(t, []string{"omar", "nina"}, chosen)
}

func TestDescribeKeepsServiceNowTextLiteral(t *testing.T) {
	plan := Plan{
		Record: Record{Number: "INC0010003", AssignmentGroup: "**Ops** [x](javascript:alert(1))"},
		People: []Person{{DisplayName: "<b>Eve</b> @channel", Role: GroupMember, Status: Unavailable, Reason: NoAccount}},
	}
	plan.Record.ShortDescription = "Down _now_"
	text := Describe(plan, true, i18n.English())
	assert.NotContains(t, text, "**Ops**")
	assert.NotContains(t, text, "](javascript")
	assert.False(t, strings.Contains(text, " @channel"), text)
	assert.Contains(t, text, "Nobody new can be added")
}
