// Package config owns the plugin's System Console settings: the raw values Mattermost
// stores, and the validated, immutable Config every other package reads.
package config

import (
	"fmt"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/pkg/errors"
)

// Settings mirrors plugin.json's settings_schema, as Mattermost stores it.
type Settings struct {
	StaffTeams             string
	StaffGroups            string
	StaffRoles             string
	StaffSyncMinutes       int
	EnforcementMode        string
	ServiceNowURL          string
	ServiceNowAuthMode     string
	ServiceNowUsername     string
	ServiceNowPassword     string
	ServiceNowClientID     string
	ServiceNowClientSecret string
	RecordPrefixes         string
	RecordTables           string
	NumberDigits           int
	MaxCardsPerMessage     int
	RecordCacheSeconds     int
	ConversationTeam       string
	EmailRule              string
	DigestAllowed          *bool
	DigestMinMinutes       int
	DigestMaxMinutes       int
	DigestDefaultMinutes   int
	WebhookSecret          string
	FollowPollMinutes      int
	// FollowPollSeconds overrides FollowPollMinutes (tests); not in the System Console.
	FollowPollSeconds int
	FollowTables      string
	FollowTwoWay      bool
	CreateRecords     *bool
	CreateTables      string
	SaveToRecords     *bool
	AttachFiles       *bool
	ReadReceipts      *bool
}

// Mode is what happens to a message in a conversation that mixes staff and non-staff.
type Mode string

const (
	ModeOff     Mode = "off"
	ModeWarn    Mode = "warn"
	ModeEnforce Mode = "enforce"
)

// Config is the validated configuration. It is never modified after Parse.
type Config struct {
	StaffTeams  []string
	StaffGroups []string
	StaffRoles  []string
	StaffSync   time.Duration
	Enforcement Mode
	ServiceNow  ServiceNow
	Prefixes    PrefixMap
	// RecordTables are tables whose record links count besides the prefixes' tables.
	RecordTables []string
	NumberDigits int
	MaxCards     int
	RecordTTL    time.Duration

	// ConversationTeam is the team Connect's group conversations live in; "" means the first staff team.
	ConversationTeam string

	// EmailRule says whether Connect conversations send Mattermost's per-message emails only
	// to those who chose them in the bell (opt-in) or as Mattermost's own settings say (follow).
	EmailRule EmailRule

	Digest Digest

	// WebhookSecret signs ServiceNow's webhook requests.
	WebhookSecret string
	// FollowPoll is how often followed records are polled.
	FollowPoll time.Duration
	// FollowTables are the tables whose records can be followed; none set means the tables that
	// extend task (servicenow.TaskTables).
	FollowTables []string
	// FollowTwoWay writes messages of record conversations to their records.
	FollowTwoWay bool
	// CreateRecords lets staff create records from conversations (on unless turned off).
	CreateRecords bool
	// CreateTables are the tables records may be created in: each also a record table.
	CreateTables []string
	// SaveToRecords lets staff save picked messages of a conversation to a record (default on).
	SaveToRecords bool
	// AttachFiles attaches files shared in a two-way record conversation to the record
	// (default on; needs FollowTwoWay).
	AttachFiles bool
	// ReadReceipts lets staff see who has seen their messages ("Seen 10:42"); each person can
	// still turn theirs off.
	ReadReceipts bool
}

// Digest is the admin's frame for the email digest: whether users may take it, and the range
// and default of its interval in minutes.
type Digest struct {
	Allowed        bool
	MinMinutes     int
	MaxMinutes     int
	DefaultMinutes int
}

// EmailRule is the admin's choice for Mattermost's per-message emails in Connect conversations.
type EmailRule string

const (
	EmailOptIn  EmailRule = "optin"
	EmailFollow EmailRule = "follow"
)

// ServiceNow is how to reach the instance. Secrets stay in here: never log or serve a Config.
type ServiceNow struct {
	URL          string
	AuthMode     string
	Username     string
	Password     string
	ClientID     string
	ClientSecret string
}

// IsRecordTable reports whether records of table become cards: a number prefix's table, or
// one of the other record tables.
func (c *Config) IsRecordTable(table string) bool {
	for _, t := range c.Prefixes {
		if t == table {
			return true
		}
	}
	for _, t := range c.RecordTables {
		if t == table {
			return true
		}
	}
	return false
}

// Configured reports whether an instance URL is set.
func (s ServiceNow) Configured() bool { return s.URL != "" }

// Parse validates s; the error lists every problem, in the admin's words.
func Parse(s Settings) (*Config, error) {
	var problems []string
	check := func(ok bool, format string, args ...any) {
		if !ok {
			problems = append(problems, fmt.Sprintf(format, args...))
		}
	}
	c := &Config{
		StaffTeams:   splitList(s.StaffTeams),
		StaffGroups:  trimEach(splitList(s.StaffGroups), "@"),
		StaffRoles:   splitList(s.StaffRoles),
		StaffSync:    time.Duration(orDefault(s.StaffSyncMinutes, 60)) * time.Minute,
		Enforcement:  Mode(strings.ToLower(strings.TrimSpace(orText(s.EnforcementMode, string(ModeEnforce))))),
		NumberDigits: orDefault(s.NumberDigits, 7),
		MaxCards:     orDefault(s.MaxCardsPerMessage, 5),
		RecordTTL:    time.Duration(orDefault(s.RecordCacheSeconds, 300)) * time.Second,
		ServiceNow: ServiceNow{
			URL:          strings.TrimRight(strings.TrimSpace(s.ServiceNowURL), "/"),
			AuthMode:     strings.ToLower(orText(s.ServiceNowAuthMode, "basic")),
			Username:     strings.TrimSpace(s.ServiceNowUsername),
			Password:     s.ServiceNowPassword,
			ClientID:     strings.TrimSpace(s.ServiceNowClientID),
			ClientSecret: s.ServiceNowClientSecret,
		},
	}
	c.ConversationTeam = strings.ToLower(strings.TrimSpace(s.ConversationTeam))
	c.EmailRule = EmailRule(strings.ToLower(orText(s.EmailRule, string(EmailOptIn))))
	check(c.EmailRule == EmailOptIn || c.EmailRule == EmailFollow,
		"Email for Connect conversations must be optin or follow, not %q.", s.EmailRule)
	c.Digest = Digest{
		Allowed:        s.DigestAllowed == nil || *s.DigestAllowed,
		MinMinutes:     orDefault(s.DigestMinMinutes, 15),
		MaxMinutes:     orDefault(s.DigestMaxMinutes, 1440),
		DefaultMinutes: orDefault(s.DigestDefaultMinutes, 60),
	}
	check(c.Digest.MinMinutes >= 1 && c.Digest.MinMinutes <= c.Digest.MaxMinutes && c.Digest.MaxMinutes <= 10080,
		"Digest interval range must be 1 to 10080 minutes with the shortest first, not %d to %d.", c.Digest.MinMinutes, c.Digest.MaxMinutes)
	check(c.Digest.DefaultMinutes >= c.Digest.MinMinutes && c.Digest.DefaultMinutes <= c.Digest.MaxMinutes,
		"Default digest interval must be within the range (%d to %d minutes), not %d.", c.Digest.MinMinutes, c.Digest.MaxMinutes, c.Digest.DefaultMinutes)
	c.WebhookSecret = strings.TrimSpace(s.WebhookSecret)
	c.FollowPoll = time.Duration(orDefault(s.FollowPollMinutes, 5)) * time.Minute
	if s.FollowPollSeconds > 0 {
		c.FollowPoll = time.Duration(s.FollowPollSeconds) * time.Second
	}
	check(c.FollowPoll >= time.Second && c.FollowPoll <= 24*time.Hour, "Polling interval must be 1 to 1440 minutes, not %d.", s.FollowPollMinutes)
	c.FollowTwoWay = s.FollowTwoWay
	c.SaveToRecords = s.SaveToRecords == nil || *s.SaveToRecords
	c.AttachFiles = s.AttachFiles == nil || *s.AttachFiles
	c.ReadReceipts = s.ReadReceipts == nil || *s.ReadReceipts
	c.FollowTables = splitList(strings.ToLower(s.FollowTables))
	for _, table := range c.FollowTables {
		check(IsTableName(table), "Tables that can be followed: %q is not a ServiceNow table name.", table)
	}
	c.RecordTables = splitList(strings.ToLower(s.RecordTables))
	for _, table := range c.RecordTables {
		check(IsTableName(table), "Other record tables: %q is not a ServiceNow table name (lowercase letters, digits and underscores).", table)
	}
	c.CreateRecords = s.CreateRecords == nil || *s.CreateRecords
	c.CreateTables = splitList(strings.ToLower(orText(s.CreateTables, "incident")))
	for _, table := range c.CreateTables {
		check(IsTableName(table), "Tables records can be created in: %q is not a ServiceNow table name.", table)
	}
	check(len(c.CreateTables) > 0, "Tables records can be created in: name at least one (incident by default).")
	check(c.StaffSync >= time.Minute && c.StaffSync <= 24*time.Hour, "Role sync interval must be 1 to 1440 minutes, not %d.", s.StaffSyncMinutes)
	check(c.Enforcement == ModeOff || c.Enforcement == ModeWarn || c.Enforcement == ModeEnforce,
		"Staff-only enforcement must be enforce, warn or off, not %q.", s.EnforcementMode)
	check(c.NumberDigits >= 4 && c.NumberDigits <= 12, "Digits after the prefix must be 4 to 12, not %d.", s.NumberDigits)
	check(c.MaxCards >= 1 && c.MaxCards <= 20, "Cards per message must be 1 to 20, not %d.", s.MaxCardsPerMessage)
	check(c.RecordTTL >= 10*time.Second && c.RecordTTL <= 24*time.Hour, "Record cache must be 10 to 86400 seconds, not %d.", s.RecordCacheSeconds)
	problems = append(problems, c.ServiceNow.problems()...)
	var err error
	if c.Prefixes, err = parsePrefixes(s.RecordPrefixes); err != nil {
		problems = append(problems, "Number prefixes: "+err.Error()+".")
	}
	for _, table := range c.CreateTables {
		check(c.IsRecordTable(table), "Tables records can be created in: %q is not a record table (one of the number prefixes' tables or the other record tables).", table)
	}
	if len(problems) > 0 {
		return nil, errors.New(strings.Join(problems, " "))
	}
	return c, nil
}

func (s ServiceNow) problems() []string {
	if s.URL == "" {
		return nil
	}
	var problems []string
	if u, err := url.Parse(s.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" {
		problems = append(problems, fmt.Sprintf("ServiceNow instance URL %q is not an http(s) address like https://example.service-now.com.", s.URL))
	}
	switch s.AuthMode {
	case "basic":
		if s.Username == "" || s.Password == "" {
			problems = append(problems, "ServiceNow basic authentication needs a user name and a password.")
		}
	case "oauth":
		if s.ClientID == "" || s.ClientSecret == "" {
			problems = append(problems, "ServiceNow OAuth needs a client ID and a client secret.")
		}
	default:
		problems = append(problems, fmt.Sprintf("ServiceNow authentication must be basic or oauth, not %q.", s.AuthMode))
	}
	return problems
}

func parsePrefixes(text string) (PrefixMap, error) {
	if strings.TrimSpace(text) == "" {
		return DefaultPrefixes(), nil
	}
	return ParsePrefixes(text)
}

func splitList(text string) []string {
	var items []string
	for _, item := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == '\n' || r == ';' }) {
		if item = strings.TrimSpace(item); item != "" {
			items = append(items, item)
		}
	}
	return items
}

func trimEach(items []string, prefix string) []string {
	for i, item := range items {
		items[i] = strings.TrimPrefix(item, prefix)
	}
	return items
}

func orDefault(v, fallback int) int {
	if v == 0 {
		return fallback
	}
	return v
}

func orText(v, fallback string) string {
	if strings.TrimSpace(v) == "" {
		return fallback
	}
	return strings.TrimSpace(v)
}

// Store holds the current Config; readers never block writers.
type Store struct {
	current atomic.Pointer[Config]
	problem atomic.Pointer[string]
}

// Load returns the current configuration (never nil once Set or Apply was called).
func (s *Store) Load() *Config { return s.current.Load() }

// Set swaps in a new configuration.
func (s *Store) Set(c *Config) { s.current.Store(c) }

// Apply makes settings current when they are valid. Invalid settings leave the previous ones
// in force (the defaults on the first load), and Problem reports them until valid ones arrive.
func (s *Store) Apply(settings Settings) error {
	cfg, err := Parse(settings)
	if err != nil {
		message := err.Error()
		s.problem.Store(&message)
		if s.Load() == nil {
			defaults, _ := Parse(Settings{})
			s.Set(defaults)
		}
		return err
	}
	s.problem.Store(nil)
	s.Set(cfg)
	return nil
}

// Problem is why the last settings were refused; "" when they were applied.
func (s *Store) Problem() string {
	if problem := s.problem.Load(); problem != nil {
		return *problem
	}
	return ""
}
