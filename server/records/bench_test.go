package records

import (
	"strconv"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
)

const (
	plainMessage = "Hi team, the VPN for the Paris office dropped again around 9:30 this morning. " +
		"Users see error 809 when they connect. I restarted the gateway twice; it holds for about 20 minutes."
	twoNumbersMessage = "Hi team, INC0010001 is back: the VPN for the Paris office dropped again around 9:30. " +
		"Users see error 809 when they connect. I linked it to PRB0040012 and restarted the gateway twice."
)

func benchmarkFind(b *testing.B, message string, want int) {
	r := newTestRecognizer(b)
	if got := len(r.Find(message, 10)); got != want {
		b.Fatalf("found %d, want %d", got, want)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(message)))
	for b.Loop() {
		r.Find(message, 10)
	}
}

func BenchmarkFindPlain(b *testing.B) {
	benchmarkFind(b, plainMessage, 0)
}

func BenchmarkFindTwoNumbers(b *testing.B) {
	benchmarkFind(b, twoNumbersMessage, 2)
}

func BenchmarkFindURL(b *testing.B) {
	message := "Could someone on the network team pick this up? " + testInstance +
		"/nav_to.do?uri=incident.do%3Fsys_id%3D" + testSysID + " It has been waiting since Monday, thanks."
	benchmarkFind(b, message, 1)
}

// BenchmarkFindForeignURL is a message that needs the full scan but mentions nothing.
func BenchmarkFindForeignURL(b *testing.B) {
	message := "The vendor ticket is https://support.example.com/case/REF0012345 and the runbook is " +
		"`restart-vpn.sh`; nothing for us to file yet, just keeping everyone posted on progress."
	benchmarkFind(b, message, 0)
}

// BenchmarkEmailContent is what the email hook adds per notification email: nothing to do for a
// message naming no record, the cards of cached records for one that names two, and those
// cards again for the post's next recipient.
func BenchmarkEmailContent(b *testing.B) {
	f := newFixture(b)
	f.post(twoNumbersMessage)
	f.nextUpdate(b) // both records are cached
	email := func(postID, message string) *model.EmailNotification {
		return &model.EmailNotification{PostId: postID, ChannelId: "staff-room", SenderId: "staffer",
			EmailNotificationContent: model.EmailNotificationContent{MessageText: message}}
	}
	for _, c := range []struct {
		name  string
		email *model.EmailNotification
	}{
		{"plain", email("", plainMessage)},
		{"two records", email("", twoNumbersMessage)},
		{"two records, next recipient", email("p1", twoNumbersMessage)},
	} {
		b.Run(c.name, func(b *testing.B) {
			firstRecipient := c.email.PostId == "" // each email about a post of its own
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if firstRecipient {
					c.email.PostId = "post" + strconv.Itoa(i)
				}
				f.service.EmailContent(c.email)
			}
		})
	}
}
