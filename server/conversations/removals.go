package conversations

import (
	"fmt"
	"sync"

	"github.com/mattermost/mattermost/server/public/model"
)

// removals remembers who is taking whom out of a group while Mattermost posts its message about
// it. The plugin API removes a member the way they would leave, so without this the group reads
// "bob left the channel." when Alice removed Bob.
type removals struct {
	mu      sync.Mutex
	pending map[removalKey]string // the remover's id
}

type removalKey struct{ channelID, memberID string }

// begin notes the removal until done is called (after the removal returned).
func (r *removals) begin(channelID, memberID, removerID string) (done func()) {
	key := removalKey{channelID, memberID}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.pending == nil {
		r.pending = map[removalKey]string{}
	}
	r.pending[key] = removerID
	return func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		delete(r.pending, key)
	}
}

func (r *removals) remover(channelID, memberID string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.pending[removalKey{channelID, memberID}]
}

// DescribeRemoval turns Mattermost's "left" message for someone Connect is removing into the
// "removed" message Mattermost itself posts when a person removes another, naming the remover.
// It returns nil for every other post.
func (s *Service) DescribeRemoval(post *model.Post) *model.Post {
	if post.Type != model.PostTypeLeaveChannel {
		return nil
	}
	removerID := s.removals.remover(post.ChannelId, post.UserId)
	if removerID == "" {
		return nil
	}
	removed := post.Clone()
	username, _ := post.GetProp("username").(string)
	removed.Type = model.PostTypeRemoveFromChannel
	removed.UserId = removerID
	removed.Message = fmt.Sprintf("@%s was removed from the channel.", username)
	removed.SetProps(model.StringInterface{
		"userId":          removerID,
		"removedUserId":   post.UserId,
		"removedUsername": username,
	})
	return removed
}
