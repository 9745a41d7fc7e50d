// Package wiretest captures what the server sends its clients, as they receive it, and keeps
// the contract fixtures under webapp/tests/contract that the web app's tests feed to its own
// code. `go test <package> -update` rewrites a package's fixtures from the server's output.
package wiretest

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"

	"github.com/connectchat/mattermost-plugin-connect/server/wire"
)

var update = flag.Bool("update", false, "rewrite the contract fixtures (webapp/tests/contract) from the server's output")

// Message is one websocket event as a client receives it.
type Message struct {
	Event     string         `json:"event"`
	Data      map[string]any `json:"data"`
	Broadcast Broadcast      `json:"broadcast"`
}

// Broadcast says whom an event went to.
type Broadcast struct {
	UserID string `json:"user_id"`
}

// Exchange is one REST request the web app makes and the server's answer.
type Exchange struct {
	// Route is the pattern server/api registers the route under.
	Route   string  `json:"route"`
	Request Request `json:"request"`
	Status  int     `json:"status"`
	// Body is the answer as the server wrote it; null for none.
	Body json.RawMessage `json:"body"`
}

// Request is what the web app sends: Path is below /plugins/<plugin id>, with the query.
type Request struct {
	Method string          `json:"method"`
	Path   string          `json:"path"`
	Body   json.RawMessage `json:"body,omitempty"`
}

// Published is one event a Recorder received.
type Published struct {
	UserID  string
	Event   wire.Event
	Message Message
}

// Recorder stands in for the platform's Clients and keeps every event as the user's clients
// would receive it: converted by wire.Data and through the plugin RPC's gob encoding.
type Recorder struct {
	mu        sync.Mutex
	published []Published
}

// Publish implements the Clients of the services.
func (r *Recorder) Publish(userID string, ev wire.Event) {
	message := Receive(userID, ev)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.published = append(r.published, Published{UserID: userID, Event: ev, Message: message})
}

// Events returns what was published to userID under the event name, oldest first.
func (r *Recorder) Events(userID, name string) []Published {
	r.mu.Lock()
	defer r.mu.Unlock()
	var found []Published
	for _, p := range r.published {
		if p.UserID == userID && p.Event.EventName() == name {
			found = append(found, p)
		}
	}
	return found
}

// All returns everything published, oldest first.
func (r *Recorder) All() []Published {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Published(nil), r.published...)
}

// Receive is ev published to userID as their clients receive it.
func Receive(userID string, ev wire.Event) Message {
	return Message{Event: "custom_" + PluginID() + "_" + ev.EventName(), Data: throughRPC(ev), Broadcast: Broadcast{UserID: userID}}
}

// throughRPC is what Mattermost receives from PublishWebSocketEvent and sends on as JSON.
func throughRPC(ev wire.Event) map[string]any {
	var buffer bytes.Buffer
	sent := &plugin.Z_PublishWebSocketEventArgs{A: ev.EventName(), B: wire.Data(ev), C: &model.WebsocketBroadcast{}}
	if err := gob.NewEncoder(&buffer).Encode(sent); err != nil {
		panic(fmt.Sprintf("wiretest: %s cannot cross the plugin RPC: %v", ev.EventName(), err))
	}
	var received plugin.Z_PublishWebSocketEventArgs
	if err := gob.NewDecoder(&buffer).Decode(&received); err != nil {
		panic(fmt.Sprintf("wiretest: %s cannot cross the plugin RPC: %v", ev.EventName(), err))
	}
	return received.B
}

// Golden compares value, as indented JSON with stable ids, with the fixture at
// webapp/tests/contract/<name>, or writes the fixture under -update.
func Golden(t testing.TB, name string, value any) {
	t.Helper()
	var raw bytes.Buffer
	encoder := json.NewEncoder(&raw)
	encoder.SetEscapeHTML(false)
	encoder.SetIndent("", "  ")
	if err := encoder.Encode(value); err != nil {
		t.Fatalf("fixture %s: %v", name, err)
	}
	got := StableIDs(raw.Bytes())
	path := filepath.Join(FixtureDir(), filepath.FromSlash(name))
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o600); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path) //nolint:gosec // G304: a fixture of this checkout, named by the test
	if err != nil {
		t.Fatalf("no fixture %s (go test -update writes it): %v", name, err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("the server's output changed from the contract fixture %s: update the web app for it, then rewrite the fixture with go test -update.\nfixture:\n%s\nserver:\n%s", name, want, got)
	}
}

// mattermostID is a Mattermost id: 26 lower-case letters and digits.
var mattermostID = regexp.MustCompile(`\b[a-z0-9]{26}\b`)

// StableIDs replaces the Mattermost ids in raw, which fakes make up afresh on every run,
// with id000…1, id000…2, … in order of first appearance.
func StableIDs(raw []byte) []byte {
	seen := map[string][]byte{}
	return mattermostID.ReplaceAllFunc(raw, func(id []byte) []byte {
		stable, ok := seen[string(id)]
		if !ok {
			stable = fmt.Appendf(nil, "id%024d", len(seen)+1)
			seen[string(id)] = stable
		}
		return stable
	})
}

// FixtureDir is webapp/tests/contract in this checkout.
func FixtureDir() string { return filepath.Join(Root(), "webapp", "tests", "contract") }

var root = sync.OnceValue(func() string {
	dir, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			panic("wiretest: no go.mod above the working directory")
		}
		dir = parent
	}
})

// Root is the module's root directory, found above the working directory.
func Root() string { return root() }

var pluginID = sync.OnceValue(func() string {
	raw, err := os.ReadFile(filepath.Join(Root(), "plugin.json"))
	if err != nil {
		panic(err)
	}
	var manifest struct{ ID string }
	if err := json.Unmarshal(raw, &manifest); err != nil || manifest.ID == "" {
		panic(fmt.Sprintf("wiretest: plugin.json names no plugin id: %v", err))
	}
	return manifest.ID
})

// PluginID is the plugin's id, from plugin.json.
func PluginID() string { return pluginID() }
