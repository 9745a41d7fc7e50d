package notify

import (
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
)

// BenchmarkEmailRejection is the email hook's decision for a recipient this server knows, per
// choice: what Connect adds to every notification email in a Connect conversation.
func BenchmarkEmailRejection(b *testing.B) {
	for _, choice := range []Level{"", All, Mention, None} {
		name := string(choice)
		if name == "" {
			name = "unchosen"
		}
		b.Run(name, func(b *testing.B) {
			f := newFakes()
			s := f.service()
			if choice != "" {
				if _, err := s.Set("u1", group, Preferences{Desktop: All, Push: All, Email: choice}); err != nil {
					b.Fatal(err)
				}
			}
			email := &model.EmailNotification{ChannelId: group, RecipientId: "u1",
				EmailNotificationContent: model.EmailNotificationContent{MessageText: "Can you take a look at the VPN issue from this morning, @alice?"}}
			s.EmailRejection(email)
			b.ReportAllocs()
			for b.Loop() {
				s.EmailRejection(email)
			}
		})
	}
}
