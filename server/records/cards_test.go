package records

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

const wj = "\u2060"

func hostileRecord() servicenow.Record {
	return servicenow.Record{
		Table: "incident", SysID: strings.Repeat("a", 32), Number: "INC0010001",
		ShortDescription: "Email server down. *Really* [see](https://evil.example) #1 _now_ `x` \\o/ <b>",
		State:            "*bold* from ServiceNow", Priority: "1 - Critical",
		AssignedTo: "@all <b>O'Brien</b> & \"Co\"", UpdatedOn: "2026-11-20 09:14:03",
		URL: testInstance + "/incident.do?sys_id=" + strings.Repeat("a", 32),
	}
}

func TestALinkedTitleReadsAsWritten(t *testing.T) {
	record := hostileRecord()
	a := cardFor(servicenow.RecordKey{Table: record.Table, Number: record.Number}, &record).Attachment(testInstance, i18n.English())

	assert.Equal(t, "INC0010001: "+record.ShortDescription, a.Title, "plain text in the web app, on phones and in email")
	assert.Equal(t, record.URL, a.TitleLink)
	assert.NotContains(t, a.Title, `\`+":")
}

func TestEveryCardTitleHasALink(t *testing.T) {
	record := hostileRecord()
	record.URL = ""
	found := cardFor(servicenow.RecordKey{Table: record.Table, Number: record.Number}, &record).Attachment(testInstance, i18n.English())
	assert.Equal(t, testInstance+"/incident.do?sysparm_query=number%3DINC0010001", found.TitleLink)

	for _, status := range []Status{Pending, Missing, Unavailable, Restricted} {
		card := Card{Table: "incident", Number: "INC0010001", Status: status, Problem: "ServiceNow could not be reached"}
		a := card.Attachment(testInstance, i18n.English())
		assert.Equal(t, "INC0010001", a.Title, status)
		assert.NotEmpty(t, a.TitleLink, status)
		assert.Equal(t, "ServiceNow · Incident", a.Footer, status)
		assert.Equal(t, "INC0010001: "+card.statusText(i18n.English()), a.Fallback, status)
	}
}

func TestATitleWithoutALinkIsEscapedMarkdown(t *testing.T) {
	assert.Equal(t, "INC0010001:"+wj+" \\*down\\*", cardTitle("INC0010001: *down*", ""))
	assert.Equal(t, "INC0010001: *down*", cardTitle("INC0010001: *down*", "https://x.example"))
}

func TestFieldValuesStayLiteralAsMarkdown(t *testing.T) {
	record := hostileRecord()
	a := cardFor(servicenow.RecordKey{Table: record.Table, Number: record.Number}, &record).Attachment(testInstance, i18n.English())

	assert.Equal(t, map[string]string{
		"State":       `\*bold\* from ServiceNow`,
		"Priority":    `1 \- Critical`,
		"Assigned to": "@" + wj + "all <b>O'Brien</b> & \"Co\"",
		"Updated":     `2026\-11\-20 09:` + wj + `14:` + wj + `03`,
	}, fields(a))
	for _, f := range a.Fields {
		assert.NotContains(t, f.Title, `\`, "field titles are plain text")
	}
}

func TestFallbackAndFooterArePlain(t *testing.T) {
	record := hostileRecord()
	a := cardFor(servicenow.RecordKey{Table: record.Table, Number: record.Number}, &record).Attachment(testInstance, i18n.English())
	assert.Equal(t, "INC0010001: "+record.ShortDescription+" (*bold* from ServiceNow, 1 - Critical, @all <b>O'Brien</b> & \"Co\")", a.Fallback)
	assert.Equal(t, "ServiceNow · Incident", a.Footer)
	assert.Equal(t, "ServiceNow · Incident"+staleNote(i18n.English()), staleAttachment(a, i18n.English()).Footer)
}

func TestStatusTextIsLiteralMarkdown(t *testing.T) {
	card := Card{Table: "incident", Number: "INC0010001", Status: Unavailable, Problem: "ServiceNow answered *429*"}
	assert.Equal(t, "Details unavailable:"+wj+" ServiceNow answered \\*429\\*\\. They fill in when ServiceNow answers\\.", card.Attachment(testInstance, i18n.English()).Text)
}

func TestAFoundRecordsCardIsBuiltOncePerVersion(t *testing.T) {
	record := servicenow.Record{Table: "incident", SysID: testSysID, Number: "INC0010001", ShortDescription: "Mail down", State: "New", Priority: "2 - High"}
	first := cardFor(number("incident", "INC0010001"), &record).Attachment("https://sn.example", i18n.English())
	again := cardFor(number("incident", "INC0010001"), &record).Attachment("https://sn.example", i18n.English())
	assert.Same(t, first, again, "the same version of a record gives the same attachment")

	changed := record
	changed.State = "In Progress"
	updated := cardFor(number("incident", "INC0010001"), &changed).Attachment("https://sn.example", i18n.English())
	assert.Equal(t, "In Progress", updated.Fields[0].Value, "a changed record reads as it is now")
	assert.Equal(t, "New", first.Fields[0].Value, "and the earlier attachment is untouched")

	stale := staleAttachment(first, i18n.English())
	assert.NotEqual(t, first.Footer, stale.Footer)
	assert.Equal(t, "ServiceNow · Incident", first.Footer, "marking a card stale copies its attachment")
}
