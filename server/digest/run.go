package digest

import (
	"slices"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/notify"
)

const (
	// Job is the cluster-wide job that sends the digests that are due.
	Job = "digest"
	// JobInterval is how often it looks.
	JobInterval = time.Minute
	// firstDigestReach is how far back a user's first digest looks for unread messages.
	firstDigestReach = 24 * time.Hour
	// claimLifetime bounds one user's digest on one server; a server that dies holding a claim
	// loses it after this, and the next run sends that digest.
	claimLifetime = time.Minute
	// maxMessagesPerConversation keeps a digest readable; the rest are counted.
	maxMessagesPerConversation = 50
)

// RunDue sends every digest that is due; the cluster job calls it on one server at a time.
func (s *Service) RunDue() { _, _ = s.run(false) }

// RunNow sends the digest of every opted-in user who is away and has unread messages, due or
// not (the admin's /connect digest run). It returns how many emails went.
func (s *Service) RunNow() (int, error) { return s.run(true) }

func (s *Service) run(force bool) (int, error) {
	now := s.d.Now()
	err := s.ready()
	if err != nil {
		s.finished(now, err)
		return 0, err
	}
	if err := s.buildIndex(); err != nil {
		s.finished(now, err)
		return 0, err
	}
	sent := 0
	var last error
	err = s.eachIndexed(func(userID string) {
		went, err := s.runUser(userID, now, force)
		if err != nil {
			s.d.Log.Warn("Failed to send an email digest", "user_id", userID, "error", err.Error())
			last = err
		}
		if went {
			sent++
		}
	})
	if err != nil {
		last = err
	}
	s.stats.sent.Add(int64(sent))
	s.finished(now, last)
	return sent, last
}

// ready says why no digest can go out at all.
func (s *Service) ready() error {
	if !s.d.Config().Digest.Allowed {
		return errors.New("the email digest is turned off in the System Console")
	}
	if !s.d.Mail.Available() {
		return errors.New("Mattermost's email notifications are off or no SMTP server is set")
	}
	return nil
}

// runUser sends userID's digest when it is due and they are away. A claim in the KV store makes
// sure one server at a time does it; progress is read again under the claim, so a digest
// another server just sent is never sent twice.
func (s *Service) runUser(userID string, now time.Time, force bool) (bool, error) {
	settings, err := s.settings(userID)
	if err != nil || !settings.Enabled {
		return false, err
	}
	progress, _, err := readJSON[Progress](s.d.KV, progressKey(userID))
	if err != nil || (!force && !due(progress, settings, now)) {
		return false, err
	}
	if away, err := s.away(userID); err != nil || !away {
		return false, err
	}
	release, claimed, err := s.claim(userID)
	if err != nil || !claimed {
		return false, err
	}
	defer release()
	if progress, _, err = readJSON[Progress](s.d.KV, progressKey(userID)); err != nil {
		return false, err
	}
	if !force && !due(progress, settings, now) {
		return false, nil
	}
	return s.send(userID, settings, progress, now)
}

func due(progress Progress, settings Settings, now time.Time) bool {
	return now.Sub(time.UnixMilli(progress.LastRun)) >= settings.interval()
}

// away: the digest is for people who are not looking; do not disturb and out of office count.
func (s *Service) away(userID string) (bool, error) {
	status, err := s.d.Users.Status(userID)
	if err != nil {
		return false, errors.Wrap(err, "failed to read the user's status")
	}
	return status != model.StatusOnline, nil
}

func (s *Service) claim(userID string) (func(), bool, error) {
	token := []byte(model.NewId())
	claimed, err := s.d.KV.CompareAndSetWithExpiry(claimKey(userID), nil, token, claimLifetime)
	if err != nil || !claimed {
		return nil, false, errors.Wrap(err, "failed to claim the user's digest")
	}
	return func() { _, _ = s.d.KV.CompareAndSet(claimKey(userID), token, nil) }, true, nil
}

// send gathers what userID has not read, emails it, then moves their progress on.
func (s *Service) send(userID string, settings Settings, progress Progress, now time.Time) (bool, error) {
	through := now.UnixMilli()
	since := max(progress.Through, now.Add(-firstDigestReach).UnixMilli())
	sections, err := s.gather(userID, settings, since, through)
	if err != nil {
		return false, err
	}
	if len(sections) > 0 {
		if err := s.mail(userID, sections, now); err != nil {
			return false, err
		}
	}
	next := Progress{Through: through, LastRun: now.UnixMilli()}
	return len(sections) > 0, writeJSON(s.d.KV, progressKey(userID), next)
}

// section is one conversation in a digest.
type section struct {
	conversation conversations.Conversation
	posts        []*model.Post
	more         int
}

func (s *Service) gather(userID string, settings Settings, since, through int64) ([]section, error) {
	list, err := s.d.Conversations.All(userID)
	if err != nil {
		return nil, errors.Wrap(err, "failed to list the user's conversations")
	}
	var sections []section
	for _, c := range list {
		if c.UnreadCount == 0 && c.MentionCount == 0 || settings.excludes(c.ID) {
			continue
		}
		found, err := s.unread(userID, c, since, through)
		if err != nil {
			return nil, err
		}
		if len(found.posts) > 0 {
			sections = append(sections, found)
		}
	}
	slices.SortFunc(sections, func(a, b section) int { return int(b.conversation.LastActivityAt - a.conversation.LastActivityAt) })
	return sections, nil
}

// unread is what userID has not read in c, after since and up to through; nothing when the
// bell already emails them c's messages (nobody gets a message twice).
func (s *Service) unread(userID string, c conversations.Conversation, since, through int64) (section, error) {
	prefs, err := s.d.Bell.Get(userID, c.ID)
	if err != nil || prefs.Email != notify.None {
		return section{}, err
	}
	member, err := s.d.Members.Membership(c.ID, userID)
	if err != nil {
		return section{}, errors.Wrap(err, "failed to read a membership")
	}
	posts, err := s.d.Posts.PostsAfter(c.ID, max(since, member.LastViewedAt))
	if err != nil {
		return section{}, errors.Wrap(err, "failed to read a conversation's messages")
	}
	posts = slices.DeleteFunc(posts, func(p *model.Post) bool { return p.CreateAt > through || !s.fromPerson(p, userID) })
	found := section{conversation: c, posts: posts}
	if extra := len(posts) - maxMessagesPerConversation; extra > 0 {
		found.posts, found.more = posts[extra:], extra
	}
	return found, nil
}

// fromPerson: a message someone else wrote, not a system message or a bot's.
func (s *Service) fromPerson(p *model.Post, userID string) bool {
	return p.UserId != userID && p.UserId != s.d.BotID && !p.IsSystemMessage() && p.GetProp(model.PostPropsFromBot) != "true"
}

func (s *Service) finished(at time.Time, err error) {
	s.stats.mu.Lock()
	defer s.stats.mu.Unlock()
	s.stats.lastRun = at
	s.stats.lastError = ""
	if err != nil {
		s.stats.lastError = err.Error()
	}
}

// Stats is the digest's part of the admin health answer.
func (s *Service) Stats() map[string]any {
	s.stats.mu.Lock()
	defer s.stats.mu.Unlock()
	subscribed := 0
	_ = s.eachIndexed(func(string) { subscribed++ })
	health := map[string]any{
		"allowed":         s.d.Config().Digest.Allowed,
		"email_available": s.d.Mail.Available(),
		"subscribed":      subscribed,
		"sent":            s.stats.sent.Load(),
	}
	if !s.stats.lastRun.IsZero() {
		health["last_run"] = s.stats.lastRun.UTC().Format(time.RFC3339)
	}
	if s.stats.lastError != "" {
		health["last_error"] = s.stats.lastError
	}
	return health
}
