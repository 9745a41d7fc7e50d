package main

import "github.com/connectchat/mattermost-plugin-connect/server/config"

// defaultSettings are the defaults of the settings plugin.json puts in sections. Mattermost's
// LoadPluginConfiguration applies only the defaults of the top-level settings
// (server/channels/app/plugin_api.go), so a section setting nobody has saved would otherwise
// read as empty: the System Console shows its default, and Connect must use that same value.
// TestDefaultSettingsMatchTheManifest keeps the two in step.
func defaultSettings() config.Settings {
	on := func() *bool { v := true; return &v }
	return config.Settings{
		StaffRoles:           "itil",
		StaffSyncMinutes:     60,
		EnforcementMode:      "enforce",
		ServiceNowAuthMode:   "basic",
		RecordPrefixes:       "INC=incident\nPRB=problem\nPTASK=problem_task\nCHG=change_request\nCTASK=change_task\nREQ=sc_request\nRITM=sc_req_item\nSCTASK=sc_task\nTASK=task\nKB=kb_knowledge\nCS=sn_customerservice_case",
		NumberDigits:         7,
		MaxCardsPerMessage:   5,
		RecordCacheSeconds:   300,
		EmailRule:            "optin",
		DigestAllowed:        on(),
		DigestMinMinutes:     15,
		DigestMaxMinutes:     1440,
		DigestDefaultMinutes: 60,
		FollowPollMinutes:    5,
		CreateRecords:        on(),
		CreateTables:         "incident",
		SaveToRecords:        on(),
		AttachFiles:          on(),
		ReadReceipts:         on(),
	}
}
