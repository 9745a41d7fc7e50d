package notify

import (
	"sync"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

// recipientTTL is how long a recipient's name and mention keys are reused for the "only
// @mentions" check: Mattermost has no hook for a changed profile, so a change counts within it.
const recipientTTL = 5 * time.Minute

// recipientCache keeps the users the @mentions check needs.
type recipientCache struct {
	mu    sync.Mutex
	users map[string]cachedRecipient
	now   func() time.Time
}

type cachedRecipient struct {
	user    *model.User
	expires time.Time
}

func newRecipientCache() recipientCache {
	return recipientCache{users: map[string]cachedRecipient{}, now: time.Now}
}

// user returns userID's user, reading it with read when it is not known or too old.
func (c *recipientCache) user(userID string, read func(string) (*model.User, error)) (*model.User, error) {
	c.mu.Lock()
	cached, ok := c.users[userID]
	c.mu.Unlock()
	if ok && c.now().Before(cached.expires) {
		return cached.user, nil
	}
	user, err := read(userID)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.users) >= maxCachedUsers {
		c.users = map[string]cachedRecipient{}
	}
	c.users[userID] = cachedRecipient{user: user, expires: c.now().Add(recipientTTL)}
	return user, nil
}
