package records

import (
	"bytes"
	"sort"
	"strings"
	"sync"
	"time"
)

// memoryKV is the plugin KV store as several servers share it (expiry is not needed here).
type memoryKV struct {
	mu     sync.Mutex
	values map[string][]byte
	reads  int
}

func newMemoryKV() *memoryKV { return &memoryKV{values: map[string][]byte{}} }

func (kv *memoryKV) Get(key string) ([]byte, error) {
	kv.mu.Lock()
	defer kv.mu.Unlock()
	kv.reads++
	return kv.values[key], nil
}

func (kv *memoryKV) Set(key string, value []byte) error {
	kv.mu.Lock()
	defer kv.mu.Unlock()
	if value == nil {
		delete(kv.values, key)
		return nil
	}
	kv.values[key] = value
	return nil
}

func (kv *memoryKV) SetWithExpiry(key string, value []byte, _ time.Duration) error {
	return kv.Set(key, value)
}

func (kv *memoryKV) CompareAndSetWithExpiry(key string, oldValue, newValue []byte, _ time.Duration) (bool, error) {
	kv.mu.Lock()
	defer kv.mu.Unlock()
	current, found := kv.values[key]
	if (oldValue == nil && found) || (oldValue != nil && !bytes.Equal(current, oldValue)) {
		return false, nil
	}
	kv.values[key] = newValue
	return true, nil
}

func (kv *memoryKV) KeysWithPrefix(prefix string) ([]string, error) {
	kv.mu.Lock()
	defer kv.mu.Unlock()
	var keys []string
	for key := range kv.values {
		if strings.HasPrefix(key, prefix) {
			keys = append(keys, key)
		}
	}
	sort.Strings(keys)
	return keys, nil
}

func (kv *memoryKV) pendingFills() int {
	keys, _ := kv.KeysWithPrefix(fillKeyPrefix)
	return len(keys)
}
