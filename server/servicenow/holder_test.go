package servicenow

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
)

func TestHolderRebuildsTheClientOnlyWhenTheSettingsChange(t *testing.T) {
	var h Holder
	h.Update(config.ServiceNow{})
	assert.Nil(t, h.Current(), "no instance URL, no client")
	assert.Equal(t, false, h.Health()["configured"])

	settings := config.ServiceNow{URL: "https://acme.service-now.com", AuthMode: "basic", Username: "connect", Password: "s3cret-pw"}
	h.Update(settings)
	first := h.Current()
	require.NotNil(t, first)
	h.Update(settings)
	assert.Same(t, first, h.Current(), "the same settings keep the client and its cache")

	settings.Password = "rotated-pw"
	h.Update(settings)
	assert.NotSame(t, first, h.Current())

	health, err := json.Marshal(h.Health())
	require.NoError(t, err)
	assert.Contains(t, string(health), "https://acme.service-now.com")
	assert.NotContains(t, string(health), "rotated-pw")
}

func TestCheckSummary(t *testing.T) {
	report := CheckReport{InstanceURL: "https://acme.service-now.com", AuthMode: AuthBasic, TaskCount: 42, SampleNumber: "INC0010001", Latency: 120 * time.Millisecond}
	assert.Equal(t, "Connected to https://acme.service-now.com (basic authentication) in 120 ms: Connect can read 42 task records, for example INC0010001.", report.Summary())

	report.TaskCount = -1
	assert.Contains(t, report.Summary(), "Connect can read task records, for example INC0010001.")

	report.SampleNumber = ""
	assert.Contains(t, report.Summary(), "check the integration user's roles")
}
