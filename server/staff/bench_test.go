package staff

import (
	"testing"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
)

// BenchmarkScreen is the per-post decision once a channel and its members were seen.
func BenchmarkScreen(b *testing.B) {
	w := newWorld(&testing.T{})
	notifier := &fakeNotifier{notes: make(chan recordedNote, 1)}
	carol := w.dir.add(&model.User{Username: "carol"}, "itil")
	channels := map[string]string{
		"staff DM":     w.channels.direct(w.alice, w.bob),
		"staff GM":     w.channels.group(w.alice, w.bob, carol),
		"team channel": w.channels.open(),
	}
	for name, channel := range channels {
		for _, mode := range []config.Mode{config.ModeOff, config.ModeEnforce} {
			policy := NewPolicy(w.guard, func() config.Mode { return mode }, notifier, silentLog{}, nil)
			policy.Screen(channel, w.alice.Id, "")
			b.Run(name+"/"+string(mode), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if policy.Screen(channel, w.alice.Id, "") != "" {
						b.Fatal("a staff conversation was refused")
					}
				}
			})
		}
	}
}
