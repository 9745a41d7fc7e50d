package records

import (
	"fmt"
	"html"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
)

// EmailContent adds post's record cards to a notification email about it, so an email
// reader sees what the cards show. It returns nil when post has no cards.
func EmailContent(content model.EmailNotificationContent, post *model.Post) *model.EmailNotificationContent {
	cards := connectAttachments(post)
	if len(cards) == 0 {
		return nil
	}
	var text, markup strings.Builder
	for _, card := range cards {
		summary := card.Fallback
		fmt.Fprintf(&text, "\n%s %s", summary, card.TitleLink)
		fmt.Fprintf(&markup, `<li><a href="%s">%s</a></li>`, html.EscapeString(card.TitleLink), html.EscapeString(summary))
	}
	content.MessageText += "\n" + text.String()
	content.MessageHTML += "<ul>" + markup.String() + "</ul>"
	return &content
}

// connectAttachments are the attachments that are Connect's cards.
func connectAttachments(post *model.Post) []*model.SlackAttachment {
	all := post.Attachments()
	return all[len(foreignAttachments(post)):]
}
