package conversations

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/mattermost/mattermost/server/public/model"
)

const previewLength = 140

var (
	codeFence     = regexp.MustCompile("(?m)^\\s*```[\\w+-]*\\s*$")
	imageMarkdown = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	linkMarkdown  = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	blockMarkers  = regexp.MustCompile(`(?m)^\s*(#{1,6}\s+|>\s?|[-*+]\s+)`)
	inlineMarkers = strings.NewReplacer("**", "", "__", "", "~~", "", "`", "")
)

// previewSource keeps of post what its preview is made of.
func previewSource(post *model.Post) *model.Post {
	source := &model.Post{Id: post.Id, UserId: post.UserId, CreateAt: post.CreateAt, Message: post.Message, FileIds: post.FileIds}
	if post.Message == "" {
		source.AddProp(model.PostPropsAttachments, post.GetProp(model.PostPropsAttachments))
	}
	return source
}

// preview is the plain-text line a conversation row shows for post.
func preview(post *model.Post) *LastPost {
	if post == nil {
		return nil
	}
	text := plainText(post.Message)
	if text == "" {
		text = attachmentText(post)
	}
	if text == "" && len(post.FileIds) > 0 {
		text = "Sent a file"
	}
	return &LastPost{ID: post.Id, UserID: post.UserId, Message: truncate(text, previewLength), CreateAt: post.CreateAt}
}

// plainText drops Markdown syntax and folds the text onto one line.
func plainText(markdown string) string {
	text := codeFence.ReplaceAllString(markdown, "")
	text = imageMarkdown.ReplaceAllString(text, "$1")
	text = linkMarkdown.ReplaceAllString(text, "$1")
	text = blockMarkers.ReplaceAllString(text, "")
	text = inlineMarkers.Replace(text)
	return strings.Join(strings.Fields(text), " ")
}

// attachmentText summarizes message attachments (record cards, integrations) for posts without text.
func attachmentText(post *model.Post) string {
	for _, a := range post.Attachments() {
		for _, candidate := range []string{a.Fallback, a.Pretext, a.Title, a.Text} {
			if text := plainText(candidate); text != "" {
				return text
			}
		}
	}
	return ""
}

// truncate shortens text to at most limit runes, marking the cut with an ellipsis.
func truncate(text string, limit int) string {
	if utf8.RuneCountInString(text) <= limit {
		return text
	}
	runes := []rune(text)
	return strings.TrimRight(string(runes[:limit-1]), " ") + "…"
}
