package workspace

import (
	"sort"
	"strings"

	"github.com/mattermost/mattermost/server/public/model"

	"github.com/connectchat/mattermost-plugin-connect/server/records"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

// mention is one record as a conversation's posts mention it.
type mention struct {
	key servicenow.RecordKey
	// lastAt and postID are the newest post that mentions it.
	lastAt int64
	postID string
	// posts is how many posts mention it.
	posts int
}

// scanFunc finds the records a message mentions and the other links it shares.
type scanFunc func(message string) (mentions []servicenow.RecordKey, links []string)

// tally counts what a conversation's posts mention, read newest first in pages.
type tally struct {
	seen     map[string]bool
	mentions map[servicenow.RecordKey]*mention
	links    map[string]*Link
	scanned  int
}

func newTally() *tally {
	return &tally{seen: map[string]bool{}, mentions: map[servicenow.RecordKey]*mention{}, links: map[string]*Link{}}
}

// add counts one post. A post already counted (pages shift while posts arrive) is skipped;
// system messages ("alice added bob") share nothing.
func (t *tally) add(post *model.Post, scan scanFunc) {
	if t.seen[post.Id] {
		return
	}
	t.seen[post.Id] = true
	t.scanned++
	if strings.HasPrefix(post.Type, model.PostSystemMessagePrefix) || post.Message == "" {
		return
	}
	keys, links := scan(post.Message)
	for _, key := range keys {
		m := t.mentions[key]
		if m == nil {
			m = &mention{key: key}
			t.mentions[key] = m
		}
		m.posts++
		if m.postID == "" || post.CreateAt > m.lastAt {
			m.lastAt, m.postID = post.CreateAt, post.Id
		}
	}
	for _, url := range links {
		if l := t.links[url]; l == nil || post.CreateAt > l.CreateAt {
			t.links[url] = &Link{URL: url, PostID: post.Id, UserID: post.UserId, CreateAt: post.CreateAt}
		}
	}
}

// result is the records, most recently mentioned first, and the links, newest first, at
// most maxRecords and maxLinks.
func (t *tally) result() ([]mention, []Link) {
	mentions := make([]mention, 0, len(t.mentions))
	for _, m := range t.mentions {
		mentions = append(mentions, *m)
	}
	sort.Slice(mentions, func(i, j int) bool {
		a, b := mentions[i], mentions[j]
		if a.lastAt != b.lastAt {
			return a.lastAt > b.lastAt
		}
		return keyText(a.key) < keyText(b.key)
	})
	links := make([]Link, 0, len(t.links))
	for _, l := range t.links {
		links = append(links, *l)
	}
	sort.Slice(links, func(i, j int) bool {
		if links[i].CreateAt != links[j].CreateAt {
			return links[i].CreateAt > links[j].CreateAt
		}
		return links[i].URL < links[j].URL
	})
	return mentions[:min(len(mentions), maxRecords)], links[:min(len(links), maxLinks)]
}

func keyText(key servicenow.RecordKey) string { return key.Table + "/" + key.Number + "/" + key.SysID }

// assemble joins what the posts mention with what the cards know and where else the caller
// discusses each record. Mentions of one record by number and by sys_id link (two keys until
// ServiceNow says they are the same record) become one entry. places are the caller's
// conversations; channelID, the conversation being read, is never among its own also_in.
func assemble(channelID string, mentions []mention, entries []records.Entry, discussed map[servicenow.RecordKey][]records.Discussion, places map[string]Place) []Record {
	out := make([]Record, 0, len(mentions))
	elsewhere := make([][]records.Discussion, 0, len(mentions))
	bySysID := map[string]int{}
	for i, m := range mentions {
		e := entries[i]
		if e.Record != nil && e.SysID != "" {
			if j, ok := bySysID[e.SysID]; ok {
				out[j].Mentions += m.posts
				if m.lastAt > out[j].LastMentionedAt {
					out[j].LastMentionedAt, out[j].PostID = m.lastAt, m.postID
				}
				elsewhere[j] = append(elsewhere[j], discussed[m.key]...)
				continue
			}
			bySysID[e.SysID] = len(out)
		}
		out = append(out, Record{
			Number: e.Number, Table: e.Table, SysID: e.SysID, URL: e.URL,
			LastMentionedAt: m.lastAt, PostID: m.postID, Mentions: m.posts, Card: CardOf(e),
		})
		elsewhere = append(elsewhere, append([]records.Discussion(nil), discussed[m.key]...))
	}
	for i := range out {
		out[i].AlsoIn = alsoIn(channelID, elsewhere[i], places)
	}
	return out
}

// alsoIn are the caller's conversations other than channelID among discussions, the most
// recent mention first, each once.
func alsoIn(channelID string, discussions []records.Discussion, places map[string]Place) []Place {
	latest := map[string]int64{}
	for _, d := range discussions {
		if _, mine := places[d.ChannelID]; !mine || d.ChannelID == channelID {
			continue
		}
		if at, ok := latest[d.ChannelID]; !ok || d.At > at {
			latest[d.ChannelID] = d.At
		}
	}
	ids := make([]string, 0, len(latest))
	for id := range latest {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if latest[ids[i]] != latest[ids[j]] {
			return latest[ids[i]] > latest[ids[j]]
		}
		return ids[i] < ids[j]
	})
	found := make([]Place, 0, len(ids))
	for _, id := range ids {
		found = append(found, places[id])
	}
	return found
}

// CardOf is what a record card shows of e.
func CardOf(e records.Entry) Card {
	c := Card{Status: e.Status, Problem: e.Problem}
	if r := e.Record; r != nil && e.Status == records.Found {
		c.ShortDescription, c.State, c.Priority, c.AssignedTo, c.Updated = r.ShortDescription, r.State, r.Priority, r.AssignedTo, r.UpdatedOn
	}
	return c
}

// fileOf is a file info as the workspace lists it.
func fileOf(info *model.FileInfo) File {
	return File{
		ID: info.Id, Name: info.Name, Extension: info.Extension, MimeType: info.MimeType, Size: info.Size,
		Width: info.Width, Height: info.Height, HasPreviewImage: info.HasPreviewImage,
		UserID: info.CreatorId, PostID: info.PostId, CreateAt: info.CreateAt,
	}
}
