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
