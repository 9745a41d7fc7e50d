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

// EmailContent adds post's record cards to a notification email about it, so an email reader
// sees what the cards show. Cards still loading are looked up first. It returns nil when the
// post has no cards.
func (s *Service) EmailContent(content model.EmailNotificationContent, post *model.Post) *model.EmailNotificationContent {
	cards := cardsOf(post)
	setup := s.current.Load()
	if len(cards) == 0 || setup == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), emailLookupTimeout)
	defer cancel()
	cards, _ = s.currentCards(ctx, setup, post, cards)
	if cards == nil {
		return nil
	}
	var text, markup strings.Builder
	for _, card := range cards {
		attachment := card.Attachment(setup.instanceURL)
		fmt.Fprintf(&text, "\n%s %s", attachment.Fallback, attachment.TitleLink)
		fmt.Fprintf(&markup, `<li><a href="%s">%s</a></li>`, html.EscapeString(attachment.TitleLink), html.EscapeString(attachment.Fallback))
	}
	content.MessageText += "\n" + text.String()
	content.MessageHTML += "<ul>" + markup.String() + "</ul>"
	return &content
}
