package platform

import (
	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
)

// Files is Mattermost's file infos.
type Files struct{ api plugin.API }

// ChannelFiles returns a page of the file infos of channelID, newest first; Mattermost leaves
// out deleted files. page counts pages of perPage files.
func (f *Files) ChannelFiles(channelID string, page, perPage int) ([]*model.FileInfo, error) {
	infos, appErr := f.api.GetFileInfos(page, perPage, &model.GetFileInfosOptions{
		ChannelIds:     []string{channelID},
		SortBy:         model.FileinfoSortByCreated,
		SortDescending: true,
	})
	return infos, appError(appErr)
}

// FileNames names post's attachments, from its metadata when the post carries it.
func (f *Files) FileNames(post *model.Post) []string {
	if post.Metadata != nil && len(post.Metadata.Files) == len(post.FileIds) {
		names := make([]string, 0, len(post.Metadata.Files))
		for _, info := range post.Metadata.Files {
			names = append(names, info.Name)
		}
		return names
	}
	names := make([]string, 0, len(post.FileIds))
	for _, id := range post.FileIds {
		if info, appErr := f.api.GetFileInfo(id); appErr == nil {
			names = append(names, info.Name)
		}
	}
	return names
}

// Info is one file's info.
func (f *Files) Info(fileID string) (*model.FileInfo, error) {
	info, appErr := f.api.GetFileInfo(fileID)
	return info, appError(appErr)
}

// Content is one file's bytes.
func (f *Files) Content(fileID string) ([]byte, error) {
	content, appErr := f.api.GetFile(fileID)
	return content, appError(appErr)
}
