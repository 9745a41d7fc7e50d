package follow

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/platform/kvtest"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// The index is read at start, before the settings reach the ServiceNow client: the record's
// link comes from the client in force when the conversation list asks.
func TestARecordConversationLinksToTheRecordAfterARestart(t *testing.T) {
	var upstream Upstream
	s := NewService(Deps{KV: kvtest.New(), Upstream: func() Upstream { return upstream }})
	ref := Ref{Table: "incident", SysID: "0123456789abcdef0123456789abcdef"}
	require.NoError(t, s.save(&record{Ref: ref, Number: "INC0010001", ChannelID: "conversation"}))

	s.Reindex()
	require.NotNil(t, s.RecordOf("conversation"))
	assert.Empty(t, s.RecordOf("conversation").URL, "no ServiceNow settings yet")

	client, err := servicenow.New(servicenow.Config{InstanceURL: "https://example.service-now.com", Username: "u", Password: "p"})
	require.NoError(t, err)
	upstream = client
	assert.Equal(t, "https://example.service-now.com/incident.do?sys_id="+ref.SysID, s.RecordOf("conversation").URL)
	assert.Nil(t, s.RecordOf("elsewhere"))
}
