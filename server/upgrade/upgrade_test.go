package upgrade

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/connectchat/mattermost-plugin-connect/server/platform/kvtest"
)

// fixture is one cluster's KV store and lock, and the migrations of a release with data
// version 3, each counting its runs.
type fixture struct {
	kv     *kvtest.Memory
	mu     sync.Mutex
	ran    []string
	locks  int
	warned []string
	fail   map[string]error
}

func newFixture() *fixture { return &fixture{kv: kvtest.New(), fail: map[string]error{}} }

func (f *fixture) deps() Deps {
	var cluster sync.Mutex
	migration := func(to int, name string) Migration {
		return Migration{To: to, Name: name, Run: func(context.Context) error {
			f.mu.Lock()
			defer f.mu.Unlock()
			if err := f.fail[name]; err != nil {
				return err
			}
			f.ran = append(f.ran, name)
			return nil
		}}
	}
	return Deps{
		KV: f.kv,
		Lock: func(context.Context, string) (func(), error) {
			cluster.Lock()
			f.mu.Lock()
			f.locks++
			f.mu.Unlock()
			return cluster.Unlock, nil
		},
		Log:        f,
		Migrations: []Migration{migration(1, "one"), migration(2, "two"), migration(3, "three")},
	}
}

func (f *fixture) Info(string, ...any) {}
func (f *fixture) Warn(message string, _ ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.warned = append(f.warned, message)
}

func (f *fixture) store(t *testing.T, value string) {
	t.Helper()
	require.NoError(t, f.kv.Set(versionKey, []byte(value)))
}

func (f *fixture) stored() string { return string(f.kv.Value(versionKey)) }

func TestDataWithoutAVersionGetsEveryMigrationInOrder(t *testing.T) {
	f := newFixture()

	state, err := check(context.Background(), f.deps(), 3)

	require.NoError(t, err)
	assert.Equal(t, []string{"one", "two", "three"}, f.ran)
	assert.Equal(t, State{Stored: 3, Understood: 3, Migrated: []string{"one", "two", "three"}}, state)
	assert.JSONEq(t, `{"version":3}`, f.stored())
}

func TestOlderDataGetsOnlyTheMigrationsAboveItsVersion(t *testing.T) {
	f := newFixture()
	f.store(t, `{"version":1}`)

	_, err := check(context.Background(), f.deps(), 3)

	require.NoError(t, err)
	assert.Equal(t, []string{"two", "three"}, f.ran)
	assert.JSONEq(t, `{"version":3}`, f.stored())
}

func TestCurrentDataCostsOneReadAndNoLock(t *testing.T) {
	f := newFixture()
	f.store(t, `{"version":3}`)
	before := f.kv.Calls()

	state, err := check(context.Background(), f.deps(), 3)

	require.NoError(t, err)
	assert.Equal(t, 1, f.kv.Calls()-before)
	assert.Zero(t, f.locks)
	assert.Empty(t, f.ran)
	assert.Equal(t, State{Stored: 3, Understood: 3}, state)
}

func TestAnOlderReleaseNeitherMigratesDownNorWritesTheVersionBack(t *testing.T) {
	f := newFixture()
	f.store(t, `{"version":5}`)

	state, err := check(context.Background(), f.deps(), 3)

	require.NoError(t, err)
	assert.Equal(t, State{Stored: 5, Understood: 3, Newer: true}, state)
	assert.Empty(t, f.ran)
	assert.JSONEq(t, `{"version":5,"older_ran":3}`, f.stored(), "the version stays; the older release is noted")
	assert.Len(t, f.warned, 1)

	release2 := f.deps()
	release2.Migrations = release2.Migrations[:2]
	_, err = check(context.Background(), release2, 2)
	require.NoError(t, err)
	assert.JSONEq(t, `{"version":5,"older_ran":2}`, f.stored(), "the oldest release that ran is kept")
	_, err = check(context.Background(), f.deps(), 3)
	require.NoError(t, err)
	assert.JSONEq(t, `{"version":5,"older_ran":2}`, f.stored())
}

func TestTheNewerReleaseMigratesAgainWhatAnOlderOneMayHaveWritten(t *testing.T) {
	f := newFixture()
	f.store(t, `{"version":3,"older_ran":1}`)

	state, err := check(context.Background(), f.deps(), 3)

	require.NoError(t, err)
	assert.Equal(t, []string{"two", "three"}, f.ran)
	assert.Equal(t, []string{"two", "three"}, state.Migrated)
	assert.JSONEq(t, `{"version":3}`, f.stored())
}

func TestAFailedMigrationStopsTheStartAndTheNextStartResumesAfterTheLastDone(t *testing.T) {
	f := newFixture()
	f.fail["two"] = errors.New("KV unavailable")

	_, err := check(context.Background(), f.deps(), 3)

	require.Error(t, err)
	assert.Contains(t, err.Error(), `"two"`)
	assert.JSONEq(t, `{"version":1}`, f.stored())

	delete(f.fail, "two")
	_, err = check(context.Background(), f.deps(), 3)
	require.NoError(t, err)
	assert.Equal(t, []string{"one", "two", "three"}, f.ran, "one ran once")
	assert.JSONEq(t, `{"version":3}`, f.stored())
}

func TestServersStartingTogetherMigrateOnce(t *testing.T) {
	f := newFixture()
	deps := f.deps()
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = check(context.Background(), deps, 3)
		}()
	}
	wg.Wait()

	for _, err := range errs {
		require.NoError(t, err)
	}
	assert.Equal(t, []string{"one", "two", "three"}, f.ran)
	assert.JSONEq(t, `{"version":3}`, f.stored())
}

func TestAnUnreadableVersionIsNeitherMigratedNorOverwritten(t *testing.T) {
	f := newFixture()
	f.store(t, `v2`)

	_, err := check(context.Background(), f.deps(), 3)

	require.Error(t, err)
	assert.Empty(t, f.ran)
	assert.Equal(t, "v2", f.stored())
}

func TestMigrationsMustBeInOrderAndWithinTheRelease(t *testing.T) {
	for name, migrations := range map[string][]Migration{
		"out of order":     {{To: 2, Name: "b", Run: noop}, {To: 1, Name: "a", Run: noop}},
		"beyond release":   {{To: 4, Name: "d", Run: noop}},
		"twice to version": {{To: 1, Name: "a", Run: noop}, {To: 1, Name: "a2", Run: noop}},
	} {
		t.Run(name, func(t *testing.T) {
			f := newFixture()
			deps := f.deps()
			deps.Migrations = migrations

			_, err := check(context.Background(), deps, 3)

			require.Error(t, err)
			assert.Nil(t, f.kv.Value(versionKey))
		})
	}
}

func noop(context.Context) error { return nil }
