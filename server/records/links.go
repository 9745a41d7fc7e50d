package records

// TextLink is a record mention in a message and where it opens in ServiceNow.
type TextLink struct {
	Start, End int
	URL        string
}

// maxTextLinks bounds the links looked for in one message of an email.
const maxTextLinks = 20

// TextLinks finds the record mentions in message (numbers and record links, as cards do) and
// the ServiceNow address of each; nothing while record cards are not configured.
func (s *Service) TextLinks(message string) []TextLink {
	setup := s.current.Load()
	if setup == nil || setup.instanceURL == "" {
		return nil
	}
	mentions := setup.recognizer.Find(message, maxTextLinks)
	links := make([]TextLink, 0, len(mentions))
	for _, m := range mentions {
		card := Card{Table: m.Key.Table, Number: m.Key.Number, SysID: m.Key.SysID}
		links = append(links, TextLink{Start: m.Start, End: m.End, URL: card.link(setup.instanceURL)})
	}
	return links
}
