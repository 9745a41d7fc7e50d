package staff

import (
	"sort"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"
)

// Person is a staff member as the people picker shows them.
type Person struct {
	ID          string `json:"id"`
	Username    string `json:"username"`
	FirstName   string `json:"first_name"`
	LastName    string `json:"last_name"`
	Nickname    string `json:"nickname"`
	DisplayName string `json:"display_name"`
}

// Page is one page of picker results.
type Page struct {
	People  []Person `json:"people"`
	HasMore bool     `json:"has_more"`
}

// searchCandidates caps how many Mattermost users one search considers.
const searchCandidates = 500

// Search finds staff by username, full name or nickname, leaving out excludeID (the caller).
func (r *Roster) Search(term, excludeID string, page, perPage int) (Page, error) {
	users, err := r.people.search(term, searchCandidates)
	if err != nil {
		return Page{}, errors.Wrap(err, "failed to search users")
	}
	people := make([]Person, 0, len(users))
	for _, user := range users {
		if user.Id == excludeID {
			continue
		}
		verdict, err := r.verdictFor(user)
		if err != nil {
			return Page{}, err
		}
		if verdict.Kind == Staff {
			people = append(people, personOf(user))
		}
	}
	sort.Slice(people, func(i, j int) bool { return people[i].Username < people[j].Username })
	return paginate(people, page, perPage), nil
}

// PeopleChanged makes the next search read the users again: someone joined, left or changed.
func (r *Roster) PeopleChanged() { r.people.forget() }

func paginate(people []Person, page, perPage int) Page {
	start := min(page*perPage, len(people))
	end := min(start+perPage, len(people))
	return Page{People: people[start:end], HasMore: end < len(people)}
}

func personOf(u *model.User) Person {
	return Person{
		ID: u.Id, Username: u.Username, FirstName: u.FirstName, LastName: u.LastName, Nickname: u.Nickname,
		DisplayName: u.GetDisplayName(model.ShowNicknameFullName),
	}
}

// Explain judges username afresh, ignoring any cached verdict.
func (r *Roster) Explain(username string) (Verdict, error) {
	user, err := r.dir.UserByUsername(strings.TrimPrefix(strings.TrimSpace(username), "@"))
	if err != nil {
		return Verdict{}, errors.Wrapf(err, "no user named %s", username)
	}
	r.Forget(user.Id)
	return r.verdictFor(user)
}
