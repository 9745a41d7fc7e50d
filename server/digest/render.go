package digest

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
)

// email is one digest as its template sees it; its words are in the recipient's language.
type email struct {
	Lang     string
	Intro    string
	Sections []emailSection
	StopURL  string
	Words    emailWords
}

type emailSection struct {
	Name          string
	Messages      []emailMessage
	More          string
	MattermostURL string
	WorkspaceURL  string
}

type emailMessage struct {
	Author string
	Time   string
	Text   template.HTML
	Files  string
}

// emailWords is the fixed text of a digest.
type emailWords struct {
	OpenInMattermost, OpenInWorkspace, Why, Stop string
}

var digestTemplate = template.Must(template.New("digest").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"><body style="font-family: 'Open Sans', Arial, sans-serif; color: #3f4350; max-width: 640px;">
<p>{{.Intro}}</p>
{{range .Sections}}
<h3 style="margin: 24px 0 4px;">{{.Name}}</h3>
<p style="margin: 0 0 8px; font-size: 13px;"><a href="{{.MattermostURL}}">{{$.Words.OpenInMattermost}}</a> · <a href="{{.WorkspaceURL}}">{{$.Words.OpenInWorkspace}}</a></p>
{{range .Messages}}
<div style="margin: 0 0 10px; padding-left: 8px; border-left: 3px solid #1c58d9;">
<div style="font-size: 13px;"><strong>{{.Author}}</strong> <span style="color: #8f959e;">{{.Time}}</span></div>
<div style="white-space: pre-wrap;">{{.Text}}</div>
{{if .Files}}<div style="font-size: 13px; color: #8f959e;">{{.Files}}</div>{{end}}
</div>
{{end}}
{{if .More}}<p style="font-size: 13px;">{{.More}}</p>{{end}}
{{end}}
<hr style="border: none; border-top: 1px solid #dddddd; margin-top: 24px;">
<p style="font-size: 12px; color: #8f959e;">{{.Words.Why}}
<a href="{{.StopURL}}">{{.Words.Stop}}</a>.</p>
</body></html>
`))

// mail renders userID's digest in their language and time zone, and sends it.
func (s *Service) mail(userID string, sections []section, now time.Time) error {
	user, err := s.d.Users.User(userID)
	if err != nil {
		return errors.Wrap(err, "failed to read the digest's recipient")
	}
	stop, err := s.StopURL(userID, now)
	if err != nil {
		return err
	}
	l := s.d.Languages.Of(user)
	body, count, err := s.render(user, l, sections, stop)
	if err != nil {
		return err
	}
	subject := l.Text(i18n.Plural("connect.digest.subject", "[Connect Chat] {{.Count}} unread message", "[Connect Chat] {{.Count}} unread messages", count))
	return errors.Wrap(s.d.Mail.Send(user.Email, subject, body), "failed to send the digest email")
}

func (s *Service) render(user *model.User, l *i18n.Localizer, sections []section, stopURL string) (string, int, error) {
	view := email{Lang: l.Locale(), StopURL: stopURL, Words: emailWords{
		OpenInMattermost: l.Text(i18n.M("connect.digest.open_in_mattermost", "Open in Mattermost")),
		OpenInWorkspace:  l.Text(i18n.M("connect.digest.open_in_workspace", "Open in the Connect Workspace")),
		Why:              l.Text(i18n.M("connect.digest.why", "You get this digest because you turned it on in Connect Chat. Messages you read before it goes are left out.")),
		Stop:             l.Text(i18n.M("connect.digest.stop", "Stop these emails")),
	}}
	location := userLocation(user)
	count := 0
	for _, sec := range sections {
		names := authorNames(sec.conversation)
		out := emailSection{
			Name:          sec.conversation.Name,
			MattermostURL: strings.TrimSuffix(s.d.SiteURL(), "/") + "/_redirect/pl/" + sec.posts[len(sec.posts)-1].Id,
			WorkspaceURL:  s.d.WorkspaceURL() + "?conversation=" + url.QueryEscape(sec.conversation.ID),
		}
		if sec.more > 0 {
			out.More = l.Text(i18n.Plural("connect.digest.more",
				"and {{.Count}} earlier unread message: open the conversation to read it.",
				"and {{.Count}} earlier unread messages: open the conversation to read them.", sec.more))
		}
		for _, p := range sec.posts {
			message := emailMessage{
				Author: s.author(names, p.UserId, l),
				Time:   l.DayTime(time.UnixMilli(p.CreateAt).In(location)),
				Text:   linkRecords(p.Message, s.d.Links.TextLinks(p)),
			}
			if files := s.d.Files.FileNames(p); len(files) > 0 {
				message.Files = l.Text(i18n.M("connect.digest.attached", "Attached: {{.Files}}", i18n.Data{"Files": strings.Join(files, ", ")}))
			}
			out.Messages = append(out.Messages, message)
		}
		count += len(sec.posts) + sec.more
		view.Sections = append(view.Sections, out)
	}
	view.Intro = l.Text(i18n.Plural("connect.digest.intro",
		"Hello {{.Name}}, you have {{.Count}} unread message in Connect Chat.",
		"Hello {{.Name}}, you have {{.Count}} unread messages in Connect Chat.", count, i18n.Data{"Name": firstName(user)}))
	var buf bytes.Buffer
	if err := digestTemplate.Execute(&buf, view); err != nil {
		return "", 0, errors.Wrap(err, "failed to render the digest")
	}
	return buf.String(), count, nil
}

// linkRecords escapes text and turns its record mentions into links to ServiceNow.
func linkRecords(text string, links []records.TextLink) template.HTML {
	var out strings.Builder
	at := 0
	for _, link := range links {
		if link.Start < at || link.End > len(text) {
			continue
		}
		out.WriteString(template.HTMLEscapeString(text[at:link.Start]))
		fmt.Fprintf(&out, `<a href="%s">%s</a>`, template.HTMLEscapeString(link.URL), template.HTMLEscapeString(text[link.Start:link.End]))
		at = link.End
	}
	out.WriteString(template.HTMLEscapeString(text[at:]))
	return template.HTML(out.String()) //nolint:gosec // every part above is escaped
}

func authorNames(c conversations.Conversation) map[string]string {
	names := make(map[string]string, len(c.Members))
	for _, m := range c.Members {
		names[m.ID] = m.DisplayName
	}
	return names
}

// author names a message's author: a member, or someone who has since left.
func (s *Service) author(names map[string]string, userID string, l *i18n.Localizer) string {
	if name, ok := names[userID]; ok {
		return name
	}
	name := l.Text(i18n.M("connect.digest.someone", "Someone"))
	if user, err := s.d.Users.User(userID); err == nil {
		name = user.GetDisplayName(model.ShowFullName)
	}
	names[userID] = name
	return name
}

func firstName(user *model.User) string {
	if user.FirstName != "" {
		return user.FirstName
	}
	return user.Username
}

// userLocation is the user's own time zone, for the times in their digest.
func userLocation(user *model.User) *time.Location {
	if name := user.GetPreferredTimezone(); name != "" {
		if location, err := time.LoadLocation(name); err == nil {
			return location
		}
	}
	return time.UTC
}
