package standin

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/pkg/errors"
)

const journalTable = "sys_journal_field"

var journalFields = []string{"sys_id", "element_id", "name", "element", "value", "sys_created_by", "sys_created_on"}

// TimeLayout is how ServiceNow writes date-times (UTC in values).
const TimeLayout = "2006-01-02 15:04:05"

// Now is the current time as ServiceNow writes it.
func Now() string { return time.Now().UTC().Format(TimeLayout) }

// Journal is a comment or work note as AddJournal takes it.
type Journal struct {
	SysID     string // sys_journal_field's own sys_id
	Element   string // comments or work_notes
	Value     string
	CreatedBy string // a user name
	CreatedOn string // TimeLayout, UTC
}

// AddJournal adds a comment or work note to the record with this number and marks the record
// updated, as ServiceNow does; it returns the entry as stored.
func (s *Server) AddJournal(number string, j Journal) (Journal, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	table, record, ok := s.data.byNumber(number)
	if !ok {
		return Journal{}, errors.Errorf("no record %s", number)
	}
	return s.data.addJournal(table, record, j), nil
}

func (s *store) addJournal(table string, record row, j Journal) Journal {
	if j.CreatedOn == "" {
		j.CreatedOn = Now()
	}
	if j.SysID == "" {
		j.SysID = SampleSysID(journalTable, record.sysID()+j.CreatedOn+j.Value+strconv.Itoa(len(s.tables[journalTable].rows)))
	}
	s.tables[journalTable].put(row{
		"sys_id": plain(j.SysID), "element_id": plain(record.sysID()), "name": plain(table),
		"element": plain(j.Element), "value": plain(j.Value),
		"sys_created_by": plain(j.CreatedBy), "sys_created_on": plain(j.CreatedOn),
	})
	record["sys_updated_on"] = plain(j.CreatedOn)
	return j
}

// JournalOf returns the comments and work notes on the record with this number, oldest first.
func (s *Server) JournalOf(number string) []Journal {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, record, ok := s.data.byNumber(number)
	if !ok {
		return nil
	}
	var out []Journal
	for _, r := range s.data.tables[journalTable].rows {
		if r["element_id"].Value == record.sysID() {
			out = append(out, Journal{SysID: r.sysID(), Element: r["element"].Value, Value: r["value"].Value,
				CreatedBy: r["sys_created_by"].Value, CreatedOn: r["sys_created_on"].Value})
		}
	}
	return out
}

// handlePatch updates a record as the Table API's PATCH does; work_notes and comments become
// journal entries written by the calling user.
func (s *Server) handlePatch(w http.ResponseWriter, r *http.Request) {
	name, sysID := r.PathValue("table"), r.PathValue("sys_id")
	var change map[string]string
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&change); err != nil {
		writeError(w, http.StatusBadRequest, "Exception while reading request", "The payload is not valid JSON.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.data.tables[name]
	if !ok {
		writeError(w, http.StatusBadRequest, "Invalid table "+name, "")
		return
	}
	record, found := t.get(sysID)
	if !found {
		writeError(w, http.StatusNotFound, "No Record found", "Record doesn't exist or ACL restricts the record retrieval")
		return
	}
	user, _, _ := r.BasicAuth()
	for field, value := range change {
		switch field {
		case "work_notes", "comments":
			s.data.addJournal(name, record, Journal{Element: field, Value: value, CreatedBy: user})
		default:
			if _, known := record[field]; known {
				record[field] = plain(value)
			}
		}
	}
	record["sys_updated_on"] = plain(Now())
	writeJSON(w, http.StatusOK, map[string]any{"result": s.data.render(record, newView(s.url, r.URL.Query()))})
}

// UpdateRecord changes fields of the record with this number (state and priority by value,
// assigned_to and assignment_group by name, short_description) and marks it updated now.
func (s *Server) UpdateRecord(number string, fields map[string]string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	table, record, ok := s.data.byNumber(number)
	if !ok {
		return errors.Errorf("no record %s", number)
	}
	for name, value := range fields {
		switch name {
		case "state":
			record[name] = cell{Value: value, Display: stateLabel(table, value)}
		case "priority":
			record[name] = cell{Value: value, Display: labelOr(priorityLabels, value)}
		case "assigned_to":
			record[name] = s.data.userRef(value)
		case "assignment_group":
			record[name] = s.data.groupRef(value)
		default:
			record[name] = plain(value)
		}
	}
	record["sys_updated_on"] = plain(Now())
	return nil
}

func (s *store) byNumber(number string) (string, row, bool) {
	for name, t := range s.tables {
		for _, r := range t.rows {
			if r["number"].Value == number {
				return name, r, true
			}
		}
	}
	return "", nil, false
}

// Sign is the signature Connect's webhook expects: base64 of HMAC-SHA256 over
// "<timestamp>.<body>" with the webhook secret, as the business rule in assets/servicenow
// computes it.
func Sign(secret string, timestamp int64, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(strconv.FormatInt(timestamp, 10) + "."))
	mac.Write(body)
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// SendEvent posts event to Connect's webhook at url, signed with secret at timestamp, as the
// instance's business rule does.
func SendEvent(url, secret string, timestamp int64, event any) (*http.Response, error) {
	body, err := json.Marshal(event)
	if err != nil {
		return nil, errors.Wrap(err, "failed to encode the event")
	}
	return sendSigned(Webhook{URL: url, Secret: secret}, timestamp, body)
}

func sendSigned(webhook Webhook, timestamp int64, body []byte) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, webhook.URL, bytes.NewReader(body))
	if err != nil {
		return nil, errors.Wrap(err, "failed to build the webhook request")
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Connect-Timestamp", strconv.FormatInt(timestamp, 10))
	req.Header.Set("X-Connect-Signature", Sign(webhook.Secret, timestamp, body))
	return http.DefaultClient.Do(req)
}
