package records

import (
	"strings"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// TextLink is a record mention in a message and where it opens in ServiceNow.
type TextLink struct {
	Start, End int
	URL        string
}

// maxTextLinks bounds the links looked for in one message of an email.
const maxTextLinks = 20

// TextLinks finds the record mentions in post's message (numbers and record links, as cards
// do) and the ServiceNow address of each, by sys_id when the post's card found the record;
// nothing while record cards are not configured.
func (s *Service) TextLinks(post *model.Post) []TextLink {
	setup := s.current.Load()
	if setup == nil || setup.instanceURL == "" {
		return nil
	}
	found := foundLinks(post, setup.instanceURL)
	mentions := setup.recognizer.Find(post.Message, maxTextLinks)
	links := make([]TextLink, 0, len(mentions))
	for _, m := range mentions {
		link := found[m.Key.Number]
		if link == "" || m.Key.Number == "" {
			link = Card{Table: m.Key.Table, Number: m.Key.Number, SysID: m.Key.SysID}.link(setup.instanceURL)
		}
		links = append(links, TextLink{Start: m.Start, End: m.End, URL: link})
	}
	return links
}

// foundLinks maps the numbers of post's cards to the links their attachments open (by sys_id
// once the record was found). Connect's cards are the post's last attachments.
func foundLinks(post *model.Post, instanceURL string) map[string]string {
	cards, attachments := cardsOf(post), post.Attachments()
	offset := len(attachments) - len(cards)
	if offset < 0 {
		return nil
	}
	found := make(map[string]string, len(cards))
	for i, card := range cards {
		if link := attachments[offset+i].TitleLink; card.Number != "" && strings.HasPrefix(link, instanceURL+"/") {
			found[card.Number] = link
		}
	}
	return found
}

// RecordKey reads the one record text names: a number or a record link of the instance.
func (s *Service) RecordKey(text string) (servicenow.RecordKey, bool) {
	setup := s.current.Load()
	if setup == nil {
		return servicenow.RecordKey{}, false
	}
	mentions := setup.recognizer.Find(strings.TrimSpace(text), 1)
	if len(mentions) == 0 {
		return servicenow.RecordKey{}, false
	}
	return mentions[0].Key, true
}
