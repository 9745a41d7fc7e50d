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
	"github.com/connectchat/mattermost-plugin-connect/server/records"
)

// email is one digest as its template sees it.
type email struct {
	Name      string
	Count     int
	Sections  []emailSection
	StopURL   string
	Workspace string
}

type emailSection struct {
	Name          string
	Messages      []emailMessage
	More          int
	MattermostURL string
	WorkspaceURL  string
}

type emailMessage struct {
	Author string
	Time   string
	Text   template.HTML
	Files  []string
}

var digestTemplate = template.Must(template.New("digest").Parse(`<!DOCTYPE html>
<html><body style="font-family: 'Open Sans', Arial, sans-serif; color: #3f4350; max-width: 640px;">
<p>Hello {{.Name}}, you have {{.Count}} unread {{if eq .Count 1}}message{{else}}messages{{end}} in Connect Chat.</p>
{{range .Sections}}
<h3 style="margin: 24px 0 4px;">{{.Name}}</h3>
<p style="margin: 0 0 8px; font-size: 13px;"><a href="{{.MattermostURL}}">Open in Mattermost</a> · <a href="{{.WorkspaceURL}}">Open in the Connect Workspace</a></p>
{{range .Messages}}
<div style="margin: 0 0 10px; padding-left: 8px; border-left: 3px solid #1c58d9;">
<div style="font-size: 13px;"><strong>{{.Author}}</strong> <span style="color: #8f959e;">{{.Time}}</span></div>
<div style="white-space: pre-wrap;">{{.Text}}</div>
{{if .Files}}<div style="font-size: 13px; color: #8f959e;">Attached: {{range $i, $f := .Files}}{{if $i}}, {{end}}{{$f}}{{end}}</div>{{end}}
</div>
{{end}}
{{if .More}}<p style="font-size: 13px;">and {{.More}} earlier unread {{if eq .More 1}}message{{else}}messages{{end}}: open the conversation to read them.</p>{{end}}
{{end}}
<hr style="border: none; border-top: 1px solid #dddddd; margin-top: 24px;">
<p style="font-size: 12px; color: #8f959e;">You get this digest because you turned it on in Connect Chat. Messages you read before it goes are left out.
<a href="{{.StopURL}}">Stop these emails</a>.</p>
</body></html>
`))

// mail renders userID's digest and sends it.
func (s *Service) mail(userID string, sections []section, now time.Time) error {
	user, err := s.d.Users.User(userID)
	if err != nil {
		return errors.Wrap(err, "failed to read the digest's recipient")
	}
	stop, err := s.StopURL(userID, now)
	if err != nil {
		return err
	}
	body, count, err := s.render(user, sections, stop)
	if err != nil {
		return err
	}
	subject := fmt.Sprintf("[Connect Chat] %d unread %s", count, plural(count, "message", "messages"))
	return errors.Wrap(s.d.Mail.Send(user.Email, subject, body), "failed to send the digest email")
}

func (s *Service) render(user *model.User, sections []section, stopURL string) (string, int, error) {
	view := email{Name: firstName(user), StopURL: stopURL}
	location := userLocation(user)
	for _, sec := range sections {
		names := authorNames(sec.conversation)
		out := emailSection{
			Name:          sec.conversation.Name,
			More:          sec.more,
			MattermostURL: strings.TrimSuffix(s.d.SiteURL(), "/") + "/_redirect/pl/" + sec.posts[len(sec.posts)-1].Id,
			WorkspaceURL:  s.d.WorkspaceURL() + "?conversation=" + url.QueryEscape(sec.conversation.ID),
		}
		for _, p := range sec.posts {
			out.Messages = append(out.Messages, emailMessage{
				Author: s.author(names, p.UserId),
				Time:   time.UnixMilli(p.CreateAt).In(location).Format("Jan 2, 15:04 MST"),
				Text:   linkRecords(p.Message, s.d.Links.TextLinks(p)),
				Files:  s.d.Files.FileNames(p),
			})
		}
		view.Count += len(sec.posts) + sec.more
		view.Sections = append(view.Sections, out)
	}
	var buf bytes.Buffer
	if err := digestTemplate.Execute(&buf, view); err != nil {
		return "", 0, errors.Wrap(err, "failed to render the digest")
	}
	return buf.String(), view.Count, nil
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
func (s *Service) author(names map[string]string, userID string) string {
	if name, ok := names[userID]; ok {
		return name
	}
	name := "Someone"
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

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
