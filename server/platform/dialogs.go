package platform

import "github.com/mattermost/mattermost/server/public/model"

// OpenDialog opens an interactive dialog on the client whose slash command or message button
// gave the trigger id.
func (b *Bot) OpenDialog(request model.OpenDialogRequest) error {
	if appErr := b.api.OpenInteractiveDialog(request); appErr != nil {
		return appErr
	}
	return nil
}
