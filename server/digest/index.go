package digest

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/pkg/errors"
)

// The opted-in users are kept in numbered pages of at most indexPageSize user IDs, so a run
// reads one page at a time instead of every key the plugin has, and its memory does not grow
// with the number of users. A marker per user names their page; a page emptied by opt-outs
// stays (as []) so the numbering has no gaps.
const (
	indexPageSize   = 100
	indexPagePrefix = "digest_index_"
	indexedPrefix   = "digest_indexed_"
	indexBuiltKey   = "digest_index_built"
	// casAttempts bounds the retries when another server changes the same page at once.
	casAttempts = 20
)

func indexPageKey(page int) string    { return indexPagePrefix + strconv.Itoa(page) }
func indexedKey(userID string) string { return indexedPrefix + userID }

// indexPage reads one page of opted-in users; found is false past the last page.
func (s *Service) indexPage(page int) (users []string, raw []byte, found bool, err error) {
	raw, err = s.d.KV.Get(indexPageKey(page))
	if err != nil || len(raw) == 0 {
		return nil, nil, false, errors.Wrap(err, "failed to read the digest's user index")
	}
	if err := json.Unmarshal(raw, &users); err != nil {
		return nil, nil, false, errors.Wrap(err, "failed to decode the digest's user index")
	}
	return users, raw, true, nil
}

// eachIndexed calls visit for every indexed user, page by page.
func (s *Service) eachIndexed(visit func(userID string)) error {
	for page := 0; ; page++ {
		users, _, found, err := s.indexPage(page)
		if err != nil || !found {
			return err
		}
		for _, userID := range users {
			visit(userID)
		}
	}
}

// indexAdd puts userID on the first page with room, once.
func (s *Service) indexAdd(userID string) error {
	marker, err := s.d.KV.Get(indexedKey(userID))
	if err != nil || len(marker) > 0 {
		return errors.Wrap(err, "failed to read the digest's user index")
	}
	for page := 0; ; page++ {
		added, err := s.changePage(page, func(users []string) ([]string, bool) {
			if len(users) >= indexPageSize {
				return nil, false
			}
			return append(users, userID), true
		})
		if err != nil {
			return err
		}
		if added {
			return errors.Wrap(s.d.KV.Set(indexedKey(userID), []byte(strconv.Itoa(page))), "failed to store the digest's user index")
		}
	}
}

// indexRemove takes userID off their page.
func (s *Service) indexRemove(userID string) error {
	marker, err := s.d.KV.Get(indexedKey(userID))
	if err != nil || len(marker) == 0 {
		return errors.Wrap(err, "failed to read the digest's user index")
	}
	page, err := strconv.Atoi(string(marker))
	if err != nil {
		return errors.Wrap(err, "failed to decode the digest's user index")
	}
	if _, err := s.changePage(page, func(users []string) ([]string, bool) {
		return slices.DeleteFunc(users, func(id string) bool { return id == userID }), true
	}); err != nil {
		return err
	}
	return errors.Wrap(s.d.KV.Delete(indexedKey(userID)), "failed to store the digest's user index")
}

// changePage applies change to one page with compare-and-set, retrying when another server
// changed it in between; change says false to leave the page as it is.
func (s *Service) changePage(page int, change func([]string) ([]string, bool)) (bool, error) {
	for range casAttempts {
		users, raw, _, err := s.indexPage(page)
		if err != nil {
			return false, err
		}
		next, ok := change(slices.Clone(users))
		if !ok {
			return false, nil
		}
		encoded, err := json.Marshal(append([]string{}, next...))
		if err != nil {
			return false, errors.Wrap(err, "failed to encode the digest's user index")
		}
		if bytes.Equal(encoded, raw) {
			return true, nil
		}
		stored, err := s.d.KV.CompareAndSet(indexPageKey(page), raw, encoded)
		if err != nil {
			return false, errors.Wrap(err, "failed to store the digest's user index")
		}
		if stored {
			return true, nil
		}
	}
	return false, errors.New("the digest's user index kept changing; try again")
}

// buildIndex indexes the users who opted in before the index existed, once per installation.
func (s *Service) buildIndex() error {
	built, err := s.d.KV.Get(indexBuiltKey)
	if err != nil || len(built) > 0 {
		return errors.Wrap(err, "failed to read the digest's user index")
	}
	keys, err := s.d.KV.KeysWithPrefix(settingsPrefix)
	if err != nil {
		return errors.Wrap(err, "failed to list the users who take the digest")
	}
	for _, key := range keys {
		userID := strings.TrimPrefix(key, settingsPrefix)
		if settings, err := s.settings(userID); err == nil && settings.Enabled {
			if err := s.indexAdd(userID); err != nil {
				return err
			}
		}
	}
	return errors.Wrap(s.d.KV.Set(indexBuiltKey, []byte("1")), "failed to store the digest's user index")
}
