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
	added, _ := s.emails.Get(email.PostId, func() (cardsText, error) { // every email has a post
		return s.emailCards(setup, email, mentions), nil
	})
	if added.text == "" {
		return nil
	}
	content := email.EmailNotificationContent
	content.MessageText += "\n" + added.text
	content.MessageHTML += added.markup
	return &content
}

// emailCards is apart from EmailContent because Mattermost runs the email hook on a fresh
// goroutine for every email: a large frame on the path of the many emails that name no record
// would make each of them grow its stack.
func (s *Service) emailCards(setup *setup, email *model.EmailNotification, mentions []Mention) cardsText {
	cards := make([]Card, len(mentions))
	for i, m := range mentions {
		cards[i] = cardFor(m.Key, nil)
	}
	ctx, cancel := context.WithTimeout(context.Background(), emailLookupTimeout)
	defer cancel()
	cards, _ = s.currentCards(ctx, setup, &model.Post{ChannelId: email.ChannelId, UserId: email.SenderId}, cards)
	if cards == nil {
		return cardsText{}
	}
	var text, markup strings.Builder
	for _, card := range cards {
		attachment := card.Attachment(setup.instanceURL, s.languages.Server())
		fmt.Fprintf(&text, "\n%s %s", attachment.Fallback, attachment.TitleLink)
		fmt.Fprintf(&markup, `<li><a href="%s">%s</a></li>`, html.EscapeString(attachment.TitleLink), html.EscapeString(attachment.Fallback))
	}
	return cardsText{text: text.String(), markup: "<ul>" + markup.String() + "</ul>"}
}

// cardsText is what the cards add to an email's text and HTML.
type cardsText struct{ text, markup string }

const (
	// emailCardsTTL covers the emails Mattermost prepares for one post, one per recipient, a
	// moment apart: their cards are the same (they depend on the post's author and channel).
	emailCardsTTL = time.Minute
	// maxEmailCards bounds the posts remembered; past it the cache starts over.
	maxEmailCards = 1000
)
