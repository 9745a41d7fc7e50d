package records

import (
	"context"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

// emailLookupTimeout bounds how long an email waits for cards that were still loading.
// Mattermost sends notification email after the post was made, so waiting here holds up
// nobody's message.
const emailLookupTimeout = 3 * time.Second

// EmailContent adds the post's record cards to a notification email about it, so an email
// reader sees what the cards show. The cards are those the email's message text names, by the
// rule that gave the post its cards (Attach), so the post itself is never read; cards still
// loading are looked up first. It returns nil when the message names no record, and when the
// email carries no message text (the server's generic email contents show nothing of it).
func (s *Service) EmailContent(email *model.EmailNotification) *model.EmailNotificationContent {
	setup := s.current.Load()
	if setup == nil || email.MessageText == "" {
		return nil
	}
	mentions := setup.recognizer.Find(email.MessageText, setup.maxCards)
	if len(mentions) == 0 {
		return nil
	}
	return s.emailWithCards(setup, email, mentions)
}

// emailWithCards is apart from EmailContent because Mattermost runs the email hook on a fresh
// goroutine for every email: a large frame on the path of the many emails that name no record
// would make each of them grow its stack.
func (s *Service) emailWithCards(setup *setup, email *model.EmailNotification, mentions []Mention) *model.EmailNotificationContent {
	cards := make([]Card, len(mentions))
	for i, m := range mentions {
		cards[i] = cardFor(m.Key, nil)
	}
	ctx, cancel := context.WithTimeout(context.Background(), emailLookupTimeout)
	defer cancel()
	cards, _ = s.currentCards(ctx, setup, &model.Post{ChannelId: email.ChannelId, UserId: email.SenderId}, cards)
	if cards == nil {
		return nil
	}
	var text, markup strings.Builder
	for _, card := range cards {
		attachment := card.Attachment(setup.instanceURL)
		fmt.Fprintf(&text, "\n%s %s", attachment.Fallback, attachment.TitleLink)
		fmt.Fprintf(&markup, `<li><a href="%s">%s</a></li>`, html.EscapeString(attachment.TitleLink), html.EscapeString(attachment.Fallback))
	}
	content := email.EmailNotificationContent
	content.MessageText += "\n" + text.String()
	content.MessageHTML += "<ul>" + markup.String() + "</ul>"
	return &content
}
