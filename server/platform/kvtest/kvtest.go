// Package kvtest is the one in-memory fake of the plugin's KV store for tests: the methods
// of platform.KV with its semantics, atomic as Mattermost's store is, so that several fake
// servers of a test may share one.
package kvtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

// Memory is an in-memory KV store. Its zero value is empty and ready, its expiry following
// the wall clock; NewAt makes one that follows a test's clock.
type Memory struct {
	mu      sync.Mutex
	values  map[string][]byte
	expires map[string]time.Time
	now     func() time.Time
	reads   int
	calls   int
	// onCall and beforeCAS are a test's hooks, run outside the lock.
	onCall    func(method, key string)
	beforeCAS func(key string)
}

// New returns an empty store whose values expire by the wall clock.
func New() *Memory { return &Memory{} }

// NewAt returns an empty store whose values expire by now, a test's clock.
func NewAt(now func() time.Time) *Memory { return &Memory{now: now} }

// OnCall makes every later call of the store's methods first call hook with the method's
// name and its key (KeysWithPrefix: the prefix), outside the store's lock: to count a test's
// round trips with its other fakes', or to fail a test that must not reach the store. Set it
// before the store is shared.
func (m *Memory) OnCall(hook func(method, key string)) { m.onCall = hook }

// BeforeCompareAndSet makes every later compare-and-set first call hook with its key, outside
// the store's lock: a concurrent writer, as another server would be, which may change the
// store through its methods. Set it before the store is shared.
func (m *Memory) BeforeCompareAndSet(hook func(key string)) { m.beforeCAS = hook }

// Reads is how many times Get (or GetJSON) was called.
func (m *Memory) Reads() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.reads
}

// Calls is how many times any method of the store was called.
func (m *Memory) Calls() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.calls
}

// Value is key's value (nil: missing) for a test to look at; unlike Get, it is no call of
// the store's: it is not counted and runs no hook.
func (m *Memory) Value(key string) []byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	value, _ := m.live(key)
	return bytes.Clone(value)
}

// ExpiresAt is when key's value expires; false for a missing key or one that does not expire.
func (m *Memory) ExpiresAt(key string) (time.Time, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, found := m.live(key); !found {
		return time.Time{}, false
	}
	at, ok := m.expires[key]
	return at, ok
}

// lock counts a call of method and takes the lock; the caller unlocks.
func (m *Memory) lock(method, key string) {
	if m.onCall != nil {
		m.onCall(method, key)
	}
	m.mu.Lock()
	m.calls++
	if m.values == nil {
		m.values, m.expires = map[string][]byte{}, map[string]time.Time{}
	}
}

func (m *Memory) clock() time.Time {
	if m.now != nil {
		return m.now()
	}
	return time.Now()
}

// live is key's value unless it is missing or has expired (then it is dropped).
func (m *Memory) live(key string) ([]byte, bool) {
	if at, ok := m.expires[key]; ok && !m.clock().Before(at) {
		delete(m.values, key)
		delete(m.expires, key)
	}
	value, found := m.values[key]
	return value, found
}

// put stores value (nil: deletes the key) for ttl, which as in Mattermost counts in whole
// seconds: less than one is no expiry. The lock is held.
func (m *Memory) put(key string, value []byte, ttl time.Duration) {
	delete(m.expires, key)
	if value == nil {
		delete(m.values, key)
		return
	}
	m.values[key] = bytes.Clone(value)
	if seconds := ttl / time.Second; seconds > 0 {
		m.expires[key] = m.clock().Add(seconds * time.Second)
	}
}

// Get returns nil for a missing key.
func (m *Memory) Get(key string) ([]byte, error) {
	m.lock("Get", key)
	defer m.mu.Unlock()
	m.reads++
	value, _ := m.live(key)
	return bytes.Clone(value), nil
}

// Set stores value; nil deletes the key.
func (m *Memory) Set(key string, value []byte) error { return m.set("Set", key, value, 0) }

// SetWithExpiry stores value for ttl; nil deletes the key.
func (m *Memory) SetWithExpiry(key string, value []byte, ttl time.Duration) error {
	return m.set("SetWithExpiry", key, value, ttl)
}

// Delete removes key; a missing key is no error.
func (m *Memory) Delete(key string) error { return m.set("Delete", key, nil, 0) }

func (m *Memory) set(method, key string, value []byte, ttl time.Duration) error {
	m.lock(method, key)
	defer m.mu.Unlock()
	m.put(key, value, ttl)
	return nil
}

// CompareAndSet stores newValue only while the key holds oldValue (nil: the key is missing);
// a nil newValue deletes the key. It reports whether it stored.
func (m *Memory) CompareAndSet(key string, oldValue, newValue []byte) (bool, error) {
	return m.compareAndSet("CompareAndSet", key, oldValue, newValue, 0)
}

// CompareAndSetWithExpiry is CompareAndSet for a value that expires after ttl.
func (m *Memory) CompareAndSetWithExpiry(key string, oldValue, newValue []byte, ttl time.Duration) (bool, error) {
	return m.compareAndSet("CompareAndSetWithExpiry", key, oldValue, newValue, ttl)
}

func (m *Memory) compareAndSet(method, key string, oldValue, newValue []byte, ttl time.Duration) (bool, error) {
	if m.beforeCAS != nil {
		m.beforeCAS(key)
	}
	m.lock(method, key)
	defer m.mu.Unlock()
	current, found := m.live(key)
	if (oldValue == nil && found) || (oldValue != nil && (!found || !bytes.Equal(current, oldValue))) {
		return false, nil
	}
	m.put(key, newValue, ttl)
	return true, nil
}

// KeysWithPrefix returns every key that starts with prefix, in order.
func (m *Memory) KeysWithPrefix(prefix string) ([]string, error) {
	m.lock("KeysWithPrefix", prefix)
	defer m.mu.Unlock()
	var keys []string
	for key := range m.values {
		if _, found := m.live(key); found && strings.HasPrefix(key, prefix) {
			keys = append(keys, key)
		}
	}
	sort.Strings(keys)
	return keys, nil
}

// GetJSON decodes the value of key into out; a missing key leaves out as it was.
func (m *Memory) GetJSON(key string, out any) error {
	value, err := m.Get(key)
	if err != nil || value == nil {
		return err
	}
	if err := json.Unmarshal(value, out); err != nil {
		return fmt.Errorf("failed to decode %s: %w", key, err)
	}
	return nil
}

// SetJSON stores value as JSON.
func (m *Memory) SetJSON(key string, value any) error {
	data, err := json.Marshal(value)
	if err != nil {
		return fmt.Errorf("failed to encode %s: %w", key, err)
	}
	return m.Set(key, data)
}
