package upgrade

import (
	"context"
	"encoding/json"

	"github.com/pkg/errors"
)

// Version is the version of the data this release writes and understands. A release that
// changes how something is stored raises it and adds a Migration to it.
//
// 1: the data as every release up to 31cb5b5 wrote it. Those releases kept no version (their
// data reads as 0) and need no migration: starting on it only writes the version.
const Version = 1

const (
	versionKey = "data_version"
	lockKey    = "data_version_lock"
	// casAttempts bounds the retries of noting a downgrade when servers start at once.
	casAttempts = 5
)

// KV is the plugin's key-value store.
type KV interface {
	// Get returns nil for a missing key.
	Get(key string) ([]byte, error)
	// CompareAndSet stores newValue only while the key holds oldValue (nil: missing).
	CompareAndSet(key string, oldValue, newValue []byte) (bool, error)
}

// Logger records what an admin may need to know.
type Logger interface {
	Info(message string, keyValuePairs ...any)
	Warn(message string, keyValuePairs ...any)
}

// Migration brings data of the version before To up to To. Run must be safe to run again:
// after a crash, and after an older release ran on the data (see the package doc).
type Migration struct {
	To   int
	Name string
	Run  func(ctx context.Context) error
}

// Deps is what the check needs.
type Deps struct {
	KV KV
	// Lock takes a cluster-wide lock, so one server migrates while the others wait.
	Lock       func(ctx context.Context, key string) (unlock func(), err error)
	Log        Logger
	Migrations []Migration
}

// stored is the data version document under versionKey.
type stored struct {
	Version int `json:"version"`
	// OlderRan is the lowest older release's version that ran on this data since it was
	// migrated (0: none).
	OlderRan int `json:"older_ran,omitempty"`
}

// State is what the check found and did, for admins.
type State struct {
	// Stored is the version the data is in; Understood is this release's.
	Stored     int  `json:"stored"`
	Understood int  `json:"understood"`
	Newer      bool `json:"newer,omitempty"`
	// Migrated names the migrations this start ran.
	Migrated []string `json:"migrated,omitempty"`
}

// Check reads the data version and brings older data up to Version: one KV read when the data
// is current. Newer data (a downgrade) is left as it is. An error means the data could not be
// brought up to date, and this release should not run on it.
func Check(ctx context.Context, d Deps) (State, error) {
	return check(ctx, d, Version)
}

// check is Check for a release whose data version is release.
func check(ctx context.Context, d Deps, release int) (State, error) {
	if err := validate(d.Migrations, release); err != nil {
		return State{}, err
	}
	current, raw, err := read(d.KV)
	if err != nil {
		return State{}, err
	}
	switch {
	case current.Version > release:
		return noteNewer(d, current, raw, release), nil
	case current.Version == release && current.OlderRan == 0:
		return State{Stored: release, Understood: release}, nil
	}
	return migrate(ctx, d, release)
}

// validate checks that the migrations are in order and reach no further than Version.
func validate(migrations []Migration, release int) error {
	previous := 0
	for _, m := range migrations {
		if m.To <= previous || m.To > release || m.Run == nil {
			return errors.Errorf("data migration %q (to %d) is out of order", m.Name, m.To)
		}
		previous = m.To
	}
	return nil
}

func read(kv KV) (stored, []byte, error) {
	raw, err := kv.Get(versionKey)
	if err != nil {
		return stored{}, nil, errors.Wrap(err, "failed to read the data version")
	}
	if raw == nil {
		return stored{}, nil, nil
	}
	var s stored
	if err := json.Unmarshal(raw, &s); err != nil || s.Version < 0 {
		return stored{}, nil, errors.Errorf("the data version %q is unreadable", raw)
	}
	return s, raw, nil
}

// noteNewer leaves data a newer release wrote as it is, and notes that this older release ran
// on it, so the newer one migrates again what this one writes meanwhile. This release runs on
// the data either way: failing to note it is logged.
func noteNewer(d Deps, current stored, raw []byte, release int) State {
	d.Log.Warn("Connect's stored data is newer than this release understands: nothing is migrated down; "+
		"install the newer release again to use what only it keeps",
		"data_version", current.Version, "release_data_version", release)
	if err := markOlderRan(d.KV, current, raw, release); err != nil {
		d.Log.Warn("Failed to note that an older release runs on Connect's data", "error", err.Error())
	}
	return State{Stored: current.Version, Understood: release, Newer: true}
}

func markOlderRan(kv KV, current stored, raw []byte, release int) error {
	for range casAttempts {
		if current.Version <= release {
			return errors.New("the data version changed while noting a downgrade")
		}
		if current.OlderRan != 0 && current.OlderRan <= release {
			return nil
		}
		next := current
		next.OlderRan = release
		encoded, err := json.Marshal(next)
		if err != nil {
			return errors.Wrap(err, "failed to encode the data version")
		}
		saved, err := kv.CompareAndSet(versionKey, raw, encoded)
		if err != nil || saved {
			return errors.Wrap(err, "failed to store the data version")
		}
		if current, raw, err = read(kv); err != nil {
			return err
		}
	}
	return errors.New("the data version kept changing")
}

// migrate runs, under the cluster lock, the migrations the data has not had, writing the
// version after each.
func migrate(ctx context.Context, d Deps, release int) (State, error) {
	unlock, err := d.Lock(ctx, lockKey)
	if err != nil {
		return State{}, errors.Wrap(err, "failed to take the data migration lock")
	}
	defer unlock()
	current, raw, err := read(d.KV) // another server may have migrated while this one waited
	if err != nil {
		return State{}, err
	}
	if current.Version > release {
		return noteNewer(d, current, raw, release), nil
	}
	from := current.Version
	if current.OlderRan != 0 && current.OlderRan < from {
		from = current.OlderRan
	}
	state := State{Understood: release}
	for _, m := range d.Migrations {
		if m.To <= from {
			continue
		}
		d.Log.Info("Migrating Connect's stored data", "migration", m.Name, "to_version", m.To)
		if err := m.Run(ctx); err != nil {
			return state, errors.Wrapf(err, "data migration %q failed", m.Name)
		}
		state.Migrated = append(state.Migrated, m.Name)
		if raw, err = write(d.KV, raw, stored{Version: max(m.To, current.Version), OlderRan: olderRan(m.To, current)}); err != nil {
			return state, err
		}
	}
	if _, err = write(d.KV, raw, stored{Version: release}); err != nil {
		return state, err
	}
	state.Stored = release
	return state, nil
}

// olderRan is what stays to migrate again once the migration to version `to` has run.
func olderRan(to int, current stored) int {
	if current.OlderRan == 0 || to >= current.Version {
		return 0
	}
	return to
}

// write replaces the version document raw with next; it answers the stored bytes.
func write(kv KV, raw []byte, next stored) ([]byte, error) {
	encoded, err := json.Marshal(next)
	if err != nil {
		return nil, errors.Wrap(err, "failed to encode the data version")
	}
	if string(encoded) == string(raw) {
		return raw, nil
	}
	saved, err := kv.CompareAndSet(versionKey, raw, encoded)
	if err != nil {
		return nil, errors.Wrap(err, "failed to store the data version")
	}
	if !saved {
		return nil, errors.New("the data version changed during a migration, under the migration lock")
	}
	return encoded, nil
}
