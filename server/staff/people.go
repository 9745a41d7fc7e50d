package staff

import (
	"strings"
	"sync"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

// People lists Mattermost's active users, a page at a time.
type People interface {
	ActiveUsers(page, perPage int) ([]*model.User, error)
}

const (
	peopleTTL     = time.Minute
	peoplePage    = 200
	maxPeopleList = 50_000
)

// peopleIndex matches a search term against usernames, first, last and full names and
// nicknames. The plugin API's user search leaves full names out, so it searches a list of the
// active users, read again at most once a minute or after forget.
type peopleIndex struct {
	source People
	now    func() time.Time

	mu     sync.Mutex
	users  []*model.User
	readAt time.Time
}

func newPeopleIndex(source People) *peopleIndex {
	return &peopleIndex{source: source, now: time.Now}
}

// search returns up to limit active users matching term (all of them for "").
func (p *peopleIndex) search(term string, limit int) ([]*model.User, error) {
	users, err := p.list()
	if err != nil {
		return nil, err
	}
	term = strings.ToLower(strings.TrimSpace(term))
	var found []*model.User
	for _, u := range users {
		if len(found) == limit {
			break
		}
		if term == "" || userMatches(u, term) {
			found = append(found, u)
		}
	}
	return found, nil
}

// forget makes the next search read the users again (someone joined, left or changed).
func (p *peopleIndex) forget() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.readAt = time.Time{}
}

func (p *peopleIndex) list() ([]*model.User, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.readAt.IsZero() && p.now().Sub(p.readAt) < peopleTTL {
		return p.users, nil
	}
	var users []*model.User
	for page := 0; len(users) < maxPeopleList; page++ {
		batch, err := p.source.ActiveUsers(page, peoplePage)
		if err != nil {
			return nil, err
		}
		users = append(users, batch...)
		if len(batch) < peoplePage {
			break
		}
	}
	p.users, p.readAt = users, p.now()
	return users, nil
}

func userMatches(u *model.User, term string) bool {
	for _, text := range []string{u.Username, u.FirstName, u.LastName, u.Nickname, u.FirstName + " " + u.LastName} {
		if strings.Contains(strings.ToLower(text), term) {
			return true
		}
	}
	return false
}
