package platform

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/pkg/errors"
)

// KV is the plugin's key-value store, shared by every server of a cluster. Values are bytes;
// GetJSON and SetJSON store JSON, as pluginapi's KV service does.
type KV struct{ api plugin.API }

// Get returns nil for a missing key.
func (kv *KV) Get(key string) ([]byte, error) {
	value, appErr := kv.api.KVGet(key)
	if appErr != nil {
		return nil, appErr
	}
	return value, nil
}

// Set stores value; nil deletes the key.
func (kv *KV) Set(key string, value []byte) error {
	if value == nil {
		return appError(kv.api.KVDelete(key))
	}
	return appError(kv.api.KVSet(key, value))
}

// SetWithExpiry stores value for ttl; nil deletes the key.
func (kv *KV) SetWithExpiry(key string, value []byte, ttl time.Duration) error {
	if value == nil {
		return kv.Set(key, nil)
	}
	_, appErr := kv.api.KVSetWithOptions(key, value, model.PluginKVSetOptions{ExpireInSeconds: int64(ttl / time.Second)})
	return appError(appErr)
}

// CompareAndSet stores newValue only while the key holds oldValue (nil: the key is missing);
// a nil newValue deletes the key. It reports whether it stored.
func (kv *KV) CompareAndSet(key string, oldValue, newValue []byte) (bool, error) {
	saved, appErr := kv.api.KVSetWithOptions(key, newValue, model.PluginKVSetOptions{Atomic: true, OldValue: oldValue})
	return saved, appError(appErr)
}

// GetJSON decodes the value of key into out; a missing key leaves out as it was.
func (kv *KV) GetJSON(key string, out any) error {
	value, err := kv.Get(key)
	if err != nil || value == nil {
		return err
	}
	return errors.Wrapf(json.Unmarshal(value, out), "failed to decode %s", key)
}

// SetJSON stores value as JSON.
func (kv *KV) SetJSON(key string, value any) error {
	data, err := json.Marshal(value)
	if err != nil {
		return errors.Wrapf(err, "failed to encode %s", key)
	}
	return kv.Set(key, data)
}

// CompareAndSetWithExpiry is CompareAndSet for a value that expires after ttl.
func (kv *KV) CompareAndSetWithExpiry(key string, oldValue, newValue []byte, ttl time.Duration) (bool, error) {
	saved, appErr := kv.api.KVSetWithOptions(key, newValue, model.PluginKVSetOptions{
		Atomic: true, OldValue: oldValue, ExpireInSeconds: int64(ttl / time.Second),
	})
	return saved, appError(appErr)
}

// KeysWithPrefix returns every key that starts with prefix.
func (kv *KV) KeysWithPrefix(prefix string) ([]string, error) {
	keys, err := allPages(kvListPage, func(page, perPage int) ([]string, error) {
		found, appErr := kv.api.KVList(page, perPage)
		return found, appError(appErr)
	})
	if err != nil {
		return nil, err
	}
	matching := keys[:0]
	for _, key := range keys {
		if strings.HasPrefix(key, prefix) {
			matching = append(matching, key)
		}
	}
	return matching, nil
}

// Delete removes key; a missing key is no error.
func (kv *KV) Delete(key string) error { return appError(kv.api.KVDelete(key)) }
