package conversations

import (
	"sort"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
)

// memberOf shows a user the way the staff picker does.
func memberOf(u *model.User) Member {
	return Member{ID: u.Id, Username: u.Username, DisplayName: u.GetDisplayName(model.ShowNicknameFullName)}
}

// sortMembers orders members by name, so names and lists read the same everywhere.
func sortMembers(members []Member) {
	sort.SliceStable(members, func(i, j int) bool {
		a, b := strings.ToLower(members[i].DisplayName), strings.ToLower(members[j].DisplayName)
		if a != b {
			return a < b
		}
		return members[i].Username < members[j].Username
	})
}

// groupTitle names a group for viewer after the other members; a group the viewer is
// alone in is named after them.
func groupTitle(members []Member, viewerID string) string {
	names := make([]string, 0, len(members))
	for _, m := range members {
		if m.ID != viewerID {
			names = append(names, m.DisplayName)
		}
	}
	if len(names) == 0 {
		for _, m := range members {
			names = append(names, m.DisplayName)
		}
	}
	return strings.Join(names, ", ")
}

// generatedName is the display name Connect stores on a managed group without a custom
// name: every member, as native clients show the channel to everyone alike.
func generatedName(members []Member) string {
	names := make([]string, 0, len(members))
	for _, m := range members {
		names = append(names, m.DisplayName)
	}
	return truncate(strings.Join(names, ", "), maxNameLength)
}

// otherMember is the person a direct conversation is with.
func otherMember(members []Member, viewerID string) Member {
	for _, m := range members {
		if m.ID != viewerID {
			return m
		}
	}
	return Member{DisplayName: "Unknown user"}
}

func avatarURL(userID string) string {
	if userID == "" {
		return ""
	}
	return "/api/v4/users/" + userID + "/image"
}
