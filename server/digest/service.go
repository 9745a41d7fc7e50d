// Package digest owns the opt-in email digest (F-53): each user's choice, the cluster-wide job
// that bundles their unread Connect messages into one email while they are away, and the signed
// stop link.
package digest

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/conversations"
	"github.com/connectchat/mattermost-plugin-connect/server/failure"
	"github.com/connectchat/mattermost-plugin-connect/server/i18n"
	"github.com/connectchat/mattermost-plugin-connect/server/notify"
	"github.com/connectchat/mattermost-plugin-connect/server/records"
	"github.com/connectchat/mattermost-plugin-connect/server/wire"
)

// ChangedEvent tells a user's open clients their digest settings changed: SettingsChanged or
// ConversationChanged.
const ChangedEvent = "digest_changed"

// SettingsChanged is digest_changed for the user's own settings.
type SettingsChanged struct {
	Enabled         bool `json:"enabled"`
	IntervalMinutes int  `json:"interval_minutes"`
}

// EventName implements wire.Event.
func (SettingsChanged) EventName() string { return ChangedEvent }

// ConversationChanged is digest_changed for one conversation, left out of the digest or
// taken back in.
type ConversationChanged struct {
	ConversationID string `json:"conversation_id"`
	Included       bool   `json:"included"`
}

// EventName implements wire.Event.
func (ConversationChanged) EventName() string { return ChangedEvent }

// Conversations lists and reads a user's Connect conversations.
type Conversations interface {
	All(userID string) ([]conversations.Conversation, error)
	Get(userID, channelID string) (conversations.Conversation, error)
}

// Members reads a member's LastViewedAt.
type Members interface {
	Membership(channelID, userID string) (*model.ChannelMember, error)
}

// Posts reads a conversation's messages after a time.
type Posts interface {
	PostsAfter(channelID string, since int64) ([]*model.Post, error)
}

// Files names a message's attachments.
type Files interface {
	FileNames(post *model.Post) []string
}

// Users reads a user and their presence.
type Users interface {
	User(userID string) (*model.User, error)
	Status(userID string) (string, error)
}

// Bell is the conversation's notification preferences: a conversation whose bell emails
// messages is never in the digest.
type Bell interface {
	Get(userID, channelID string) (notify.Preferences, error)
}

// KV is the part of the KV store the digest uses.
type KV interface {
	Get(key string) ([]byte, error)
	Set(key string, value []byte) error
	Delete(key string) error
	CompareAndSet(key string, oldValue, newValue []byte) (bool, error)
	CompareAndSetWithExpiry(key string, oldValue, newValue []byte, ttl time.Duration) (bool, error)
	KeysWithPrefix(prefix string) ([]string, error)
}

// Mail sends the digest through Mattermost's SMTP settings.
type Mail interface {
	Send(to, subject, htmlBody string) error
	Available() bool
}

// Links finds record mentions in a message and their ServiceNow addresses.
type Links interface {
	TextLinks(post *model.Post) []records.TextLink
}

// Clients publishes websocket events to one user's open clients.
type Clients interface {
	Publish(userID string, event wire.Event)
}

// Log is where failures nobody sees are written.
type Log interface {
	Warn(message string, keyValuePairs ...any)
}

// Deps is what the digest needs.
type Deps struct {
	Conversations Conversations
	Members       Members
	Posts         Posts
	Files         Files
	Users         Users
	Bell          Bell
	KV            KV
	Mail          Mail
	Links         Links
	Clients       Clients
	Log           Log
	Config        func() *config.Config
	// SiteURL and WorkspaceURL (the standalone workspace) are read for every digest.
	SiteURL      func() string
	WorkspaceURL func() string
	// StopURLBase is the stop link's address without its token.
	StopURLBase func() string
	BotID       string
	Now         func() time.Time
	// Languages: each digest, and each answer, is in its user's language (nil: English).
	Languages *i18n.Languages
}

// Service is the digest.
type Service struct {
	d Deps

	secretMu sync.Mutex
	secret   []byte

	stats stats
}

type stats struct {
	mu        sync.Mutex
	lastRun   time.Time
	lastError string
	sent      atomic.Int64
}

// NewService builds the digest.
func NewService(d Deps) *Service {
	if d.Now == nil {
		d.Now = time.Now
	}
	return &Service{d: d}
}

// View is a user's digest as the REST API and the bell show it.
type View struct {
	Enabled         bool   `json:"enabled"`
	IntervalMinutes int    `json:"interval_minutes"`
	MinMinutes      int    `json:"min_minutes"`
	MaxMinutes      int    `json:"max_minutes"`
	Allowed         bool   `json:"allowed"`
	EmailAvailable  bool   `json:"email_available"`
	Problem         string `json:"problem"`
}

// Change is what a user may change; nil fields stay.
type Change struct {
	Enabled         *bool `json:"enabled"`
	IntervalMinutes *int  `json:"interval_minutes"`
}

// ConversationView says whether one conversation is in the user's digest.
type ConversationView struct {
	Included bool   `json:"included"`
	Reason   string `json:"reason"`
}

// Get returns userID's digest settings.
func (s *Service) Get(userID string) (View, error) {
	settings, err := s.settings(userID)
	if err != nil {
		return View{}, err
	}
	return s.view(userID, settings), nil
}

// Set applies change to userID's settings, tells their open clients and returns the result.
func (s *Service) Set(userID string, change Change) (View, error) {
	limits := s.d.Config().Digest
	settings, err := s.settings(userID)
	if err != nil {
		return View{}, err
	}
	if change.Enabled != nil && *change.Enabled && !limits.Allowed {
		return View{}, failure.New(failure.Invalid, digestOff)
	}
	if minutes := change.IntervalMinutes; minutes != nil {
		if *minutes < limits.MinMinutes || *minutes > limits.MaxMinutes {
			return View{}, failure.New(failure.Invalid, i18n.M("connect.digest.interval_range", "The digest interval must be {{.Min}} to {{.Max}} minutes, not {{.Minutes}}.",
				i18n.Data{"Min": limits.MinMinutes, "Max": limits.MaxMinutes, "Minutes": *minutes}))
		}
		settings.IntervalMinutes = *minutes
	}
	if change.Enabled != nil {
		if *change.Enabled && !settings.Enabled {
			if err := s.startFrom(userID, s.d.Now()); err != nil {
				return View{}, err
			}
		}
		settings.Enabled = *change.Enabled
	}
	if err := s.store(userID, settings); err != nil {
		return View{}, err
	}
	s.d.Clients.Publish(userID, SettingsChanged{Enabled: settings.Enabled, IntervalMinutes: settings.IntervalMinutes})
	return s.view(userID, settings), nil
}

// Conversation says whether channelID, one of userID's conversations, is in their digest.
func (s *Service) Conversation(userID, channelID string) (ConversationView, error) {
	if _, err := s.d.Conversations.Get(userID, channelID); err != nil {
		return ConversationView{}, err
	}
	settings, err := s.settings(userID)
	if err != nil {
		return ConversationView{}, err
	}
	return s.conversationView(userID, channelID, settings)
}

// SetConversation leaves channelID out of userID's digest, or takes it back in.
func (s *Service) SetConversation(userID, channelID string, included bool) (ConversationView, error) {
	if _, err := s.d.Conversations.Get(userID, channelID); err != nil {
		return ConversationView{}, err
	}
	settings, err := s.settings(userID)
	if err != nil {
		return ConversationView{}, err
	}
	settings.setIncluded(channelID, included)
	if err := s.store(userID, settings); err != nil {
		return ConversationView{}, err
	}
	s.d.Clients.Publish(userID, ConversationChanged{ConversationID: channelID, Included: included})
	return s.conversationView(userID, channelID, settings)
}

func (s *Service) conversationView(userID, channelID string, settings Settings) (ConversationView, error) {
	if settings.excludes(channelID) {
		return ConversationView{Included: false, Reason: s.d.Languages.Recent(userID).Text(i18n.M("connect.digest.left_out", "You left this conversation out of your digest."))}, nil
	}
	prefs, err := s.d.Bell.Get(userID, channelID)
	if err != nil {
		return ConversationView{}, err
	}
	if prefs.Email != notify.None {
		return ConversationView{Included: false, Reason: s.d.Languages.Recent(userID).Text(i18n.M("connect.digest.bell_emails", "Its bell sends you an email for messages, so the digest leaves it out."))}, nil
	}
	return ConversationView{Included: true}, nil
}

// settings reads userID's settings; a user who never chose has the admin's default interval.
func (s *Service) settings(userID string) (Settings, error) {
	settings, found, err := readJSON[Settings](s.d.KV, settingsKey(userID))
	if err != nil {
		return Settings{}, err
	}
	limits := s.d.Config().Digest
	if !found || settings.IntervalMinutes == 0 {
		settings.IntervalMinutes = limits.DefaultMinutes
	}
	settings.IntervalMinutes = min(max(settings.IntervalMinutes, limits.MinMinutes), limits.MaxMinutes)
	return settings, nil
}

func (s *Service) store(userID string, settings Settings) error {
	if err := s.storeSettings(userID, settings); err != nil {
		return err
	}
	if settings.Enabled {
		return s.indexAdd(userID)
	}
	return s.indexRemove(userID)
}

func (s *Service) storeSettings(userID string, settings Settings) error {
	if !settings.Enabled && len(settings.Excluded) == 0 && settings.IntervalMinutes == s.d.Config().Digest.DefaultMinutes {
		return errors.Wrap(s.d.KV.Delete(settingsKey(userID)), "failed to store the digest settings")
	}
	return writeJSON(s.d.KV, settingsKey(userID), settings)
}

// startFrom makes a newly opted-in user's first digest cover what arrives from now on, and what
// was unread in the last day.
func (s *Service) startFrom(userID string, now time.Time) error {
	return writeJSON(s.d.KV, progressKey(userID), Progress{Through: now.Add(-firstDigestReach).UnixMilli(), LastRun: now.UnixMilli()})
}

// digestOff is why nobody may turn the digest on.
var digestOff = i18n.M("connect.digest.off_by_admin", "Your system admin has turned the email digest off.")

// view is settings as userID reads them (a problem in their language).
func (s *Service) view(userID string, settings Settings) View {
	limits := s.d.Config().Digest
	v := View{
		Enabled:         settings.Enabled,
		IntervalMinutes: settings.IntervalMinutes,
		MinMinutes:      limits.MinMinutes,
		MaxMinutes:      limits.MaxMinutes,
		Allowed:         limits.Allowed,
		EmailAvailable:  s.d.Mail.Available(),
	}
	switch {
	case !v.Allowed:
		v.Problem = s.d.Languages.Recent(userID).Text(digestOff)
	case !v.EmailAvailable:
		v.Problem = s.d.Languages.Recent(userID).Text(i18n.M("connect.digest.no_email", "Mattermost's email notifications are off (or no SMTP server is set), so no digest can be sent. Ask your system admin."))
	}
	return v
}
