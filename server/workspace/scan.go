package workspace

import (
	"context"
	"time"

	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/records"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// scan is what a conversation's newest posts mention, the same for every member. It is
// never changed once made.
type scan struct {
	mentions  []mention
	links     []Link
	scanned   int
	complete  bool
	discussed map[servicenow.RecordKey][]records.Discussion
	// activity is the conversation's last activity (its last post) when the scan began: a
	// different one means posts were made since, on this server or another.
	activity int64
	expires  time.Time
}

// discussedElsewhere reports whether the mention index names any conversation but channelID.
func (sc *scan) discussedElsewhere(channelID string) bool {
	for _, list := range sc.discussed {
		for _, d := range list {
			if d.ChannelID != channelID {
				return true
			}
		}
	}
	return false
}

// channelState is what is kept about one conversation: its scan, the scan being made, and
// each member's answer made from the scan.
type channelState struct {
	// gen counts changes to the conversation's posts; a scan begun before one is not kept.
	gen     uint64
	scan    *scan
	flight  *flight
	answers map[string]cachedAnswer
}

type cachedAnswer struct {
	scan   *scan
	answer RecordsAndLinks
}

// flight is a scan in progress that concurrent readers of the conversation share.
type flight struct {
	done     chan struct{}
	activity int64
	scan     *scan
	err      error
}

func (s *Service) current(sc *scan, activity int64) bool {
	return sc != nil && sc.activity == activity && s.now().Before(sc.expires)
}

// cachedAnswer is userID's answer for channelID, while the scan it was made from is current.
func (s *Service) cachedAnswer(channelID, userID string, activity int64) (RecordsAndLinks, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.channels[channelID]
	if st == nil || !s.current(st.scan, activity) {
		return RecordsAndLinks{}, false
	}
	cached, ok := st.answers[userID]
	return cached.answer, ok && cached.scan == st.scan
}

func (s *Service) keepAnswer(channelID, userID string, sc *scan, answer RecordsAndLinks) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.channels[channelID]
	if st == nil || st.scan != sc {
		return
	}
	if st.answers == nil {
		st.answers = map[string]cachedAnswer{}
	}
	st.answers[userID] = cachedAnswer{scan: sc, answer: answer}
}

// scanOf returns a current scan of channelID: the kept one, the one being made, or a new one.
func (s *Service) scanOf(ctx context.Context, channelID string, activity int64) (*scan, error) {
	s.mu.Lock()
	st := s.stateOf(channelID)
	if s.current(st.scan, activity) {
		sc := st.scan
		s.mu.Unlock()
		return sc, nil
	}
	f := st.flight
	if f == nil || f.activity != activity {
		f = &flight{done: make(chan struct{}), activity: activity}
		st.flight = f
		gen := st.gen
		s.mu.Unlock()
		s.fly(channelID, st, f, gen)
	} else {
		s.mu.Unlock()
	}
	select {
	case <-f.done:
		return f.scan, f.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// fly makes the scan of f and keeps it unless the conversation's posts changed meanwhile.
func (s *Service) fly(channelID string, st *channelState, f *flight, gen uint64) {
	defer close(f.done)
	f.err = errScanFailed
	f.scan, f.err = s.read(channelID, f.activity)
	s.mu.Lock()
	defer s.mu.Unlock()
	if st.flight == f {
		st.flight = nil
	}
	if f.err == nil && st.gen == gen && s.channels[channelID] == st {
		st.scan, st.answers = f.scan, nil
	}
}

var errScanFailed = errors.New("the scan of the conversation's posts failed")

// stateOf returns channelID's state, making room for it when too many are kept. Call with mu held.
func (s *Service) stateOf(channelID string) *channelState {
	if st := s.channels[channelID]; st != nil {
		return st
	}
	if len(s.channels) >= maxCachedChannels {
		for id, st := range s.channels {
			if st.flight == nil && (st.scan == nil || !s.now().Before(st.scan.expires)) {
				delete(s.channels, id)
			}
		}
		if len(s.channels) >= maxCachedChannels {
			s.channels = map[string]*channelState{}
		}
	}
	st := &channelState{}
	s.channels[channelID] = st
	return st
}

// read scans the newest maxScannedPosts posts of channelID, newest first, and notes the
// records they mention in the mention index (so conversations with posts older than the
// index join it when they are read).
func (s *Service) read(channelID string, activity int64) (*scan, error) {
	t := newTally()
	complete := false
	for page := 0; page*scanPage < maxScannedPosts; page++ {
		posts, err := s.posts.ChannelPosts(channelID, page, scanPage)
		if err != nil {
			return nil, errors.Wrap(err, "failed to read the conversation's posts")
		}
		for _, post := range posts {
			t.add(post, s.records.Scan)
		}
		if len(posts) < scanPage {
			complete = true
			break
		}
	}
	if !complete {
		older, err := s.posts.ChannelPosts(channelID, maxScannedPosts, 1)
		if err != nil {
			return nil, errors.Wrap(err, "failed to read the conversation's posts")
		}
		complete = len(older) == 0
	}
	mentions, links := t.result()
	sc := &scan{mentions: mentions, links: links, scanned: t.scanned, complete: complete, activity: activity}
	if len(mentions) > 0 {
		latest := make(map[servicenow.RecordKey]int64, len(mentions))
		for _, m := range mentions {
			latest[m.key] = m.lastAt
		}
		sc.discussed = s.records.Discussed(channelID, latest)
	}
	sc.expires = s.now().Add(s.ttl)
	return sc, nil
}
