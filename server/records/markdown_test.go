package records

import (
	"testing"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
)

func TestFindSkipsCode(t *testing.T) {
	r := newTestRecognizer(t)
	chg := []found{{"CHG0010001", number("change_request", "CHG0010001")}}
	runFindCases(t, r, []findCase{
		{"inline code", "run `INC0010001` then CHG0010001", chg},
		{"double backticks", "``INC0010001 ` x`` CHG0010001", chg},
		{"triple backticks on one line", "```INC0010001``` CHG0010001", chg},
		{"code span over two lines", "a `code\nINC0010001` CHG0010001", chg},
		{"unclosed backtick is literal", "`INC0010001", []found{{"INC0010001", number("incident", "INC0010001")}}},
		{"runs of different lengths do not close", "``INC0010001` CHG0010001", []found{
			{"INC0010001", number("incident", "INC0010001")}, {"CHG0010001", number("change_request", "CHG0010001")}}},
		{"escaped backtick", "\\`INC0010001` CHG0010001", []found{
			{"INC0010001", number("incident", "INC0010001")}, {"CHG0010001", number("change_request", "CHG0010001")}}},
		{"code span does not cross a blank line", "`a\n\nINC0010001` x", []found{{"INC0010001", number("incident", "INC0010001")}}},
		{"fenced", "```\nINC0010001\n```\nCHG0010001", chg},
		{"fenced with language", "text\n```go\nx := \"INC0010001\"\n```\nCHG0010001", chg},
		{"tilde fence", "~~~\nINC0010001\n~~~\nCHG0010001", chg},
		{"longer closing fence", "````\n```\nINC0010001\n`````\nCHG0010001", chg},
		{"shorter fence does not close", "````\n```\nINC0010001\n````\nCHG0010001", chg},
		{"tilde does not close backticks", "```\n~~~\nINC0010001\n```\nCHG0010001", chg},
		{"unclosed fence runs to the end", "CHG0010001\n```\nINC0010001", chg},
		{"indented fence", "   ```\nINC0010001\n   ```\nCHG0010001", chg},
		{"fence in a block quote", "> ```\n> INC0010001\n> ```\nCHG0010001", chg},
		{"fence in a list item", "- ```\n  INC0010001\n  ```\n- CHG0010001", chg},
		{"CRLF fence", "```\r\nINC0010001\r\n```\r\nCHG0010001", chg},
		{"indented code after a blank line", "look:\n\n    INC0010001\n\nCHG0010001", chg},
		{"indented code with a tab", "look:\n\n\tINC0010001\nCHG0010001", chg},
		{"indented code at the start", "    INC0010001\n\nCHG0010001", chg},
		{"indented code with a blank line inside", "x\n\n    a\n\n    INC0010001\nCHG0010001", chg},
		{"indented paragraph continuation is text", "see\n    INC0010001", []found{{"INC0010001", number("incident", "INC0010001")}}},
		{"indented list continuation is text", "- item\n\n    INC0010001", []found{{"INC0010001", number("incident", "INC0010001")}}},
		{"three spaces is text", "x\n\n   INC0010001", []found{{"INC0010001", number("incident", "INC0010001")}}},
	})
}

func TestFindLinks(t *testing.T) {
	r := newTestRecognizer(t)
	formURL := testInstance + "/incident.do?sys_id=" + testSysID
	numberURL := testInstance + "/incident.do?sysparm_query=number=INC0010001"
	inc := number("incident", "INC0010001")
	chg := []found{{"CHG0010001", number("change_request", "CHG0010001")}}
	runFindCases(t, r, []findCase{
		{"number linked elsewhere", "[INC0010001](https://jira.example.com/browse/X-1) CHG0010001", chg},
		{"link with title", `[INC0010001](https://example.com "title") CHG0010001`, chg},
		{"link in angle brackets", "[INC0010001](<https://example.com/a b>) CHG0010001", chg},
		{"link with parentheses in URL", "[INC0010001](https://example.com/a_(b)) CHG0010001", chg},
		{"empty destination", "[INC0010001]() CHG0010001", chg},
		{"image", "![INC0010001](https://example.com/x.png) CHG0010001", chg},
		{"number in foreign bare URL", "https://jira.example.com/browse/INC0010001 CHG0010001", chg},
		{"number in foreign URL query", "http://example.com/?q=INC0010001 CHG0010001", chg},
		{"number in foreign autolink", "<https://jira.example.com/browse/INC0010001> CHG0010001", chg},
		{"number in www link", "www.example.com/INC0010001 CHG0010001", chg},
		{"number in other scheme", "ftp://example.com/INC0010001 CHG0010001", chg},
		{"number in foreign link destination", "[see](https://jira.example.com/browse/INC0010001) CHG0010001", chg},
		{"number in an instance URL that is not a record", testInstance + "/incident_list.do?sysparm_query=number=INC0010001 CHG0010001", chg},
		{"angle brackets without a URL", "<INC0010001>", []found{{"INC0010001", inc}}},
		{"brackets then parentheses apart", "[INC0010001] (note)", []found{{"INC0010001", inc}}},
		{"unclosed link", "[INC0010001](https://example.com", []found{{"INC0010001", inc}}},
		{"number linked to its record", "[INC0010001](" + formURL + ")", []found{
			{"[INC0010001](" + formURL + ")", sysID("incident", testSysID)}}},
		{"text linked to its record", "see [this one](" + numberURL + ").", []found{
			{"[this one](" + numberURL + ")", inc}}},
		{"record autolink", "<" + formURL + ">", []found{{"<" + formURL + ">", sysID("incident", testSysID)}}},
		{"number and the same record's URL", "INC0010001 is " + numberURL, []found{{"INC0010001", inc}}},
		{"URL and the same record's number", numberURL + " is INC0010001", []found{{numberURL, inc}}},
		{"link then bare number", "[x](" + numberURL + ") INC0010001", []found{{"[x](" + numberURL + ")", inc}}},
	})
}

func TestFindWithoutInstance(t *testing.T) {
	r, err := NewRecognizer(config.DefaultPrefixes(), 7, "")
	if err != nil {
		t.Fatal(err)
	}
	runFindCases(t, r, []findCase{
		{"numbers still found", "INC0010001", []found{{"INC0010001", number("incident", "INC0010001")}}},
		{"record URL ignored", testInstance + "/incident.do?sys_id=" + testSysID, nil},
		{"number URL ignored, and its number too", testInstance + "/incident.do?sysparm_query=number=INC0010001", nil},
	})
}
