package platform

import "github.com/mattermost/mattermost/server/public/pluginapi"

// Mail sends email through the server's SMTP settings. Mattermost sends nothing, and reports
// no error, while its email notifications are off.
type Mail struct{ client *pluginapi.Client }

// Send emails one recipient an HTML message.
func (m *Mail) Send(to, subject, htmlBody string) error {
	return m.client.Mail.Send(to, subject, htmlBody)
}

// Available reports whether Mattermost sends email: its email notifications are on and an
// SMTP server is set.
func (m *Mail) Available() bool {
	cfg := m.client.Configuration.GetConfig()
	if cfg == nil {
		return false
	}
	email := cfg.EmailSettings
	return email.SendEmailNotifications != nil && *email.SendEmailNotifications &&
		email.SMTPServer != nil && *email.SMTPServer != ""
}
