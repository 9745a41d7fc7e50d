package records

import (
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/markdown"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// Status is how much a card knows about its record.
type Status string

const (
	// Pending: posted before the details were known; they are being fetched.
	Pending Status = "pending"
	// Found: the card shows the record's details.
	Found Status = "found"
	// Missing: ServiceNow has no such record (or hides it from Connect).
	Missing Status = "missing"
	// Unavailable: ServiceNow did not answer; the details are fetched again later.
	Unavailable Status = "unavailable"
	// Restricted: the card shows the number and the link only, because the post's author or
	// someone in its channel is not ITIL staff.
	Restricted Status = "restricted"
)

// Card is one record card on a post, as stored in the post's props.
type Card struct {
	Table   string `json:"table"`
	Number  string `json:"number,omitempty"`
	SysID   string `json:"sys_id,omitempty"`
	Status  Status `json:"status"`
	Problem string `json:"problem,omitempty"`
	// Stale marks a found card whose record could not be read again: it keeps the details
	// it had until fresh ones arrive.
	Stale bool `json:"stale,omitempty"`
	// FoundTable and FoundSysID are the found record's own class and sys_id (a number names
	// neither), for the clients' Follow button.
	FoundTable string `json:"found_table,omitempty"`
	FoundSysID string `json:"found_sys_id,omitempty"`
	// UpdatedAt is when the found record last changed (RFC 3339, UTC): Connect's web part
	// shows the card's last field, "Updated", in the viewer's language and time zone from it.
	UpdatedAt string `json:"updated_at,omitempty"`

	record *servicenow.Record
}

// Key is the record the card is about.
func (c Card) Key() servicenow.RecordKey {
	return servicenow.RecordKey{Table: c.Table, Number: c.Number, SysID: c.SysID}
}

// Settled reports a card that needs no more fetching.
func (c Card) Settled() bool {
	return (c.Status == Found && !c.Stale) || c.Status == Missing || c.Status == Restricted
}

// staleNote ends the footer of a card whose details may be out of date.
func staleNote(l *i18n.Localizer) string {
	return l.Text(i18n.M("connect.records.stale", " · may be out of date: ServiceNow could not be reached"))
}

// staleAttachment is a card's previous attachment, marked as possibly out of date.
func staleAttachment(previous *model.SlackAttachment, l *i18n.Localizer) *model.SlackAttachment {
	a := *previous
	if note := staleNote(l); !strings.HasSuffix(a.Footer, note) {
		a.Footer += note
	}
	return &a
}

// restricted is card with its number and link only.
func restricted(card Card) Card {
	return Card{Table: card.Table, Number: card.Number, SysID: card.SysID, Status: Restricted}
}

func cardFor(key servicenow.RecordKey, record *servicenow.Record) Card {
	card := Card{Table: key.Table, Number: key.Number, SysID: key.SysID, Status: Pending}
	if record != nil {
		card.Status, card.record = Found, record
		card.FoundTable, card.FoundSysID = record.Table, record.SysID
		if record.UpdatedOn != "" && !record.UpdatedAt.IsZero() {
			card.UpdatedAt = record.UpdatedAt.Format(time.RFC3339)
		}
	}
	return card
}

// Attachment renders the card as a message attachment, which every Mattermost client shows.
//
// Each client has its own rule for each attachment field (read from the clients' source, Dec
// 2026, and the pinned server, 11.4), so each field gets the text its rule reads correctly:
//
//	field           web app                 mobile app       email (server)         push
//	title + link    plain text              plain text       markdown stripped      -
//	title, no link  markdown, links only    markdown         markdown stripped      -
//	text, pretext   markdown                markdown         HTML-escaped, markdown -
//	field value     markdown                markdown         HTML-escaped, markdown -
//	field title     plain (no markdown)     plain text       plain text             -
//	footer          plain, first 300 chars  plain, one line  plain text             -
//	fallback        -                       -                -                      plain text
//
// Web: webapp/channels/src/components/post_view/message_attachments/message_attachment/
// message_attachment.tsx. Mobile: app/components/post_list/post/body/content/
// message_attachments/attachment_{title,fields,footer,text,pretext}.tsx. Email: server
// channels/app/email/notification_email.go (ProcessMessageAttachments; its StripMarkdown keeps
// backslashes). Push: channels/app/notification_push.go (the message, then each fallback).
// The server also counts @-mentions in text, pretext and field values (app/notification.go).
//
// So the title always has a link and reads as written (the email strips markdown-looking pairs
// from it, the lesser harm than backslashes everywhere); footer, field titles and fallback are
// plain; record text in a markdown field goes through markdown.Literal. Connect's own renderer
// (webapp/src/components/conversation/AttachmentCard.tsx) applies the web app's rules.
//
// A card is read by everyone in its conversation, so its words are in the server's default
// language (l).
func (c Card) Attachment(instanceURL string, l *i18n.Localizer) *model.SlackAttachment {
	if c.record != nil {
		return foundAttachment(*c.record, c.link(instanceURL), l)
	}
	link := c.link(instanceURL)
	plain := c.statusText(l)
	return &model.SlackAttachment{
		Title:     cardTitle(c.label(l), link),
		TitleLink: link,
		Color:     colorUnknown,
		Text:      markdown.Literal(plain),
		Footer:    footer(c.Table, l),
		Fallback:  markdown.OneLine(c.label(l) + ": " + plain),
	}
}

// foundAttachment shows a found record; numberLink opens it when the record names no URL.
// The attachment is built once per version of the record and language (it is the same in
// every post and email until the record changes) and shared: nothing may change it
// (staleAttachment copies).
func foundAttachment(r servicenow.Record, numberLink string, l *i18n.Localizer) *model.SlackAttachment {
	return builtAttachments.get(r, numberLink, l, buildFoundAttachment)
}

func buildFoundAttachment(r servicenow.Record, numberLink string, l *i18n.Localizer) *model.SlackAttachment {
	title := r.Number
	if r.ShortDescription != "" {
		title += ": " + r.ShortDescription
	}
	link := r.URL
	if link == "" {
		link = numberLink
	}
	a := &model.SlackAttachment{
		Title:     cardTitle(title, link),
		TitleLink: link,
		Color:     priorityColor(r.Priority),
		Footer:    footer(r.Table, l),
		Fallback:  markdown.OneLine(fmt.Sprintf("%s (%s)", title, strings.Join(nonEmpty(r.State, r.Priority, r.AssignedTo), ", "))),
	}
	for _, f := range []struct {
		title i18n.Message
		value string
	}{
		{i18n.M("connect.records.field_state", "State"), r.State},
		{i18n.M("connect.records.field_priority", "Priority"), r.Priority},
		{i18n.M("connect.records.field_assigned_to", "Assigned to"), r.AssignedTo},
		{i18n.M("connect.records.field_updated", "Updated"), r.UpdatedOn},
	} {
		if f.value != "" {
			a.Fields = append(a.Fields, &model.SlackAttachmentField{Title: l.Text(f.title), Value: markdown.Literal(f.value), Short: true})
		}
	}
	if servicenow.ValidSysID(r.SysID) && servicenow.ValidTable(r.Table) {
		a.Actions = []*model.PostAction{followAction(r, l), swarmAction(r, l)}
	}
	return a
}

// cardTitle is a title as it reads: with a link every client shows it as plain text. Without
// one (no instance URL) the clients read it as markdown, so it is escaped; the email then
// shows the backslashes, which beats a title whose markdown the web app and phones apply.
func cardTitle(title, link string) string {
	if link == "" {
		return markdown.Literal(title)
	}
	return markdown.OneLine(title)
}

// statusText says, in plain text, why a card has no details.
func (c Card) statusText(l *i18n.Localizer) string {
	switch c.Status {
	case Missing:
		return l.Text(notFound(c))
	case Unavailable:
		return l.Text(i18n.M("connect.records.unavailable", "Details unavailable: {{.Problem}}. They fill in when ServiceNow answers.", i18n.Data{"Problem": c.Problem}))
	case Restricted:
		return l.Text(i18n.M("connect.records.restricted", "Record details are shown only in conversations of ITIL staff. Open the record in ServiceNow."))
	}
	return l.Text(i18n.M("connect.records.loading", "Loading details from ServiceNow…"))
}

func notFound(c Card) i18n.Message {
	if c.Number != "" {
		return servicenow.NotFoundMessage(c.Number)
	}
	return i18n.M("connect.records.table_record_not_found", "This {{.Table}} record was not found in ServiceNow", i18n.Data{"Table": c.Table})
}

func (c Card) label(l *i18n.Localizer) string {
	if c.Number != "" {
		return c.Number
	}
	return l.Text(i18n.M("connect.records.table_record", "{{.Table}} record", i18n.Data{"Table": tableLabel(c.Table, l)}))
}

// link opens the record in ServiceNow before its sys_id is known.
func (c Card) link(instanceURL string) string {
	switch {
	case c.SysID != "":
		return instanceURL + "/" + url.PathEscape(c.Table) + ".do?sys_id=" + url.QueryEscape(c.SysID)
	case c.Table == "kb_knowledge":
		return instanceURL + "/kb_view.do?sysparm_article=" + url.QueryEscape(c.Number)
	default:
		return instanceURL + "/" + url.PathEscape(c.Table) + ".do?sysparm_query=" + url.QueryEscape("number="+c.Number)
	}
}

const colorUnknown = "#8f959e"

func priorityColor(priority string) string {
	switch {
	case strings.HasPrefix(priority, "1"):
		return "#d24b4e"
	case strings.HasPrefix(priority, "2"):
		return "#f5a623"
	case strings.HasPrefix(priority, "3"):
		return "#1c58d9"
	}
	return colorUnknown
}

func footer(table string, l *i18n.Localizer) string { return "ServiceNow · " + tableLabel(table, l) }

// tableLabels name the tables Connect knows as ServiceNow's own interface does.
var tableLabels = map[string]i18n.Message{
	"incident":                i18n.M("connect.records.table.incident", "Incident"),
	"problem":                 i18n.M("connect.records.table.problem", "Problem"),
	"problem_task":            i18n.M("connect.records.table.problem_task", "Problem task"),
	"change_request":          i18n.M("connect.records.table.change_request", "Change request"),
	"change_task":             i18n.M("connect.records.table.change_task", "Change task"),
	"task":                    i18n.M("connect.records.table.task", "Task"),
	"sc_request":              i18n.M("connect.records.table.sc_request", "Request"),
	"sc_req_item":             i18n.M("connect.records.table.sc_req_item", "Requested item"),
	"sc_task":                 i18n.M("connect.records.table.sc_task", "Catalog task"),
	"kb_knowledge":            i18n.M("connect.records.table.kb_knowledge", "Knowledge article"),
	"sn_customerservice_case": i18n.M("connect.records.table.sn_customerservice_case", "Case"),
}

// tableLabel names a table: its label, or for a table Connect does not know, its name in words.
func tableLabel(table string, l *i18n.Localizer) string {
	if label, ok := tableLabels[table]; ok {
		return l.Text(label)
	}
	label := strings.ReplaceAll(table, "_", " ")
	if label == "" {
		return "Record"
	}
	return strings.ToUpper(label[:1]) + label[1:]
}

func nonEmpty(values ...string) []string {
	kept := values[:0:0]
	for _, v := range values {
		if v != "" {
			kept = append(kept, v)
		}
	}
	return kept
}

// FollowActionPath is the card's Follow button's integration, served by the plugin; Mattermost
// calls it as the user who clicked.
const FollowActionPath = "/plugins/connect-chat/api/v1/actions/follow"

// followAction is the Follow button of a found record's card (native clients show it; the
// plugin's own UI shows its own button from the post's props).
func followAction(r servicenow.Record, l *i18n.Localizer) *model.PostAction {
	return &model.PostAction{
		Id:   "follow" + r.SysID[:20],
		Type: model.PostActionTypeButton,
		Name: l.Text(i18n.M("connect.records.follow", "Follow")),
		Integration: &model.PostActionIntegration{
			URL:     FollowActionPath,
			Context: map[string]any{"table": r.Table, "sys_id": r.SysID, "number": r.Number},
		},
	}
}

// builtAttachments remembers the attachments of found records: building one costs dozens of
// allocations, on the posting path and again for its emails.
var builtAttachments = attachmentMemo{max: 2000}

type attachmentMemo struct {
	max   int
	mu    sync.Mutex
	built map[attachmentSource]*model.SlackAttachment
}

type attachmentSource struct {
	record     servicenow.Record
	numberLink string
	locale     string
}

func (m *attachmentMemo) get(r servicenow.Record, numberLink string, l *i18n.Localizer, build func(servicenow.Record, string, *i18n.Localizer) *model.SlackAttachment) *model.SlackAttachment {
	source := attachmentSource{r, numberLink, l.Locale()}
	m.mu.Lock()
	a, ok := m.built[source]
	m.mu.Unlock()
	if ok {
		return a
	}
	a = build(r, numberLink, l)
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.built == nil || len(m.built) >= m.max {
		m.built = make(map[attachmentSource]*model.SlackAttachment)
	}
	m.built[source] = a
	return a
}
