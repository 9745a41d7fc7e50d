package platform

import "github.com/mattermost/mattermost/server/public/pluginapi"

// Mail sends email through the server's SMTP settings. Mattermost sends nothing, and reports
// no error, while its email notifications are off.
type Mail struct{ client *pluginapi.Client }

// Send emails one recipient an HTML message.
func (m *Mail) Send(to, subject, htmlBody string) error {
	return m.client.Mail.Send(to, subject, htmlBody)
}
