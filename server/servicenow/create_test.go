package servicenow

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

func TestMissingFieldsReadsTheRefusal(t *testing.T) {
	tests := []struct {
		name string
		err  *Error
		want []string
	}{
		{"data policy list", &Error{Kind: KindForbidden, StatusCode: 403, Message: "Operation Failed",
			Detail: "Data Policy Exception: \n\tThe following fields are mandatory: Caller\n"}, []string{"Caller"}},
		{"two fields", &Error{Kind: KindForbidden, StatusCode: 403, Message: "Operation Failed",
			Detail: "Data Policy Exception: The following fields are mandatory: Caller, Short description"}, []string{"Caller", "Short description"}},
		{"one field is mandatory", &Error{Kind: KindForbidden, StatusCode: 403, Message: "Operation Failed",
			Detail: "Data Policy Exception: \nCategory is mandatory\n"}, []string{"Category"}},
		{"bad request too", &Error{Kind: KindBadRequest, StatusCode: 400, Message: "Operation Failed",
			Detail: "The following fields are mandatory: Assignment group"}, []string{"Assignment group"}},
		{"an ACL refusal", &Error{Kind: KindForbidden, StatusCode: 403, Message: "User Not Authorized",
			Detail: "Failed API level ACL Validation"}, nil},
		{"unavailable", &Error{Kind: KindUnavailable, StatusCode: 503, Detail: "mandatory"}, nil},
		{"nil", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assert.Equal(t, tt.want, MissingFields(tt.err)) })
	}
}

func TestMissingFieldsErrorSaysWhatServiceNowRequires(t *testing.T) {
	assert.Equal(t, "ServiceNow requires Caller for a new incident", (&MissingFieldsError{Table: "incident", Fields: []string{"Caller"}}).Error())
	assert.Equal(t, "ServiceNow requires Caller, Category and Short description for a new change request",
		(&MissingFieldsError{Table: "change_request", Fields: []string{"Caller", "Category", "Short description"}}).Error())
}

func TestCreateRecordOnTheStandIn(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic)
	ctx := context.Background()
	callerID := s.PutUser(standin.User{UserName: "ana", Name: "Ana Ruiz", Email: "Ana@Connect.example.com", Active: true})

	caller, err := c.UserByEmail(ctx, "ana@connect.example.com")
	require.NoError(t, err)
	assert.Equal(t, callerID, caller.SysID)
	_, err = c.UserByEmail(ctx, "nobody@connect.example.com")
	assert.ErrorIs(t, err, ErrNoUser)
	_, err = c.UserByEmail(ctx, "x@y.com^ORemail!=")
	assert.Equal(t, KindInvalid, KindOf(err))

	record, err := c.CreateRecord(ctx, "incident", map[string]string{"short_description": "Printer on fire", "caller_id": callerID, "work_notes": "Alice via Connect", "correlation_id": "connect-0123abcd"})
	require.NoError(t, err)
	found, err := c.RecordByCorrelation(ctx, "incident", "connect-0123abcd")
	require.NoError(t, err)
	require.NotNil(t, found)
	assert.Equal(t, record.Number, found.Number)
	none, err := c.RecordByCorrelation(ctx, "incident", "connect-ffff")
	assert.NoError(t, err)
	assert.Nil(t, none)
	_, err = c.RecordByCorrelation(ctx, "incident", "x^ORnumber!=")
	assert.Equal(t, KindInvalid, KindOf(err))
	assert.Regexp(t, `^INC\d{7}$`, record.Number)
	assert.Equal(t, "incident", record.Table)
	assert.Equal(t, "Printer on fire", record.ShortDescription)
	assert.Equal(t, "New", record.State)
	assert.Equal(t, c.RecordURL("incident", record.SysID), record.URL)
	assert.Len(t, s.JournalOf(record.Number), 1)

	before := len(s.CreatedRecords())
	_, err = c.CreateRecord(ctx, "incident", map[string]string{"short_description": "No caller"})
	var missing *MissingFieldsError
	require.True(t, errors.As(err, &missing), "%v", err)
	assert.Equal(t, "ServiceNow requires Caller for a new incident", err.Error())
	assert.Len(t, s.CreatedRecords(), before, "nothing created")
	assert.Equal(t, CircuitClosed, c.Stats().Circuit)

	_, err = c.CreateRecord(ctx, "task", nil)
	assert.Equal(t, KindInvalid, KindOf(err))
	_, err = c.CreateRecord(ctx, "incident", map[string]string{"bad field": "x"})
	assert.Equal(t, KindInvalid, KindOf(err))
}

func TestCreateRecordIsNotRetried(t *testing.T) {
	s := startStandIn(t)
	c := newTestClient(t, s, AuthBasic, maxAttempts(3))
	s.SetFault(standin.Fault{Status: http.StatusServiceUnavailable, Times: 1})
	_, err := c.CreateRecord(context.Background(), "problem", map[string]string{"short_description": "x"})
	assert.ErrorIs(t, err, ErrUnavailable)
	posts := 0
	for _, r := range s.Requests() {
		if r.Method == http.MethodPost {
			posts++
		}
	}
	assert.Equal(t, 1, posts)
}

// FuzzMissingFields: whatever ServiceNow's refusal says, reading it never panics and names
// only non-empty fields.
func FuzzMissingFields(f *testing.F) {
	f.Add("Operation Failed", "Data Policy Exception: \n\tThe following fields are mandatory: Caller, Short description\n")
	f.Add("Operation Failed", "Category is mandatory")
	f.Add("", "mandatory:")
	f.Fuzz(func(t *testing.T, message, detail string) {
		for _, field := range MissingFields(&Error{Kind: KindForbidden, StatusCode: 403, Message: message, Detail: detail}) {
			if field == "" {
				t.Fatalf("an empty field name from %q / %q", message, detail)
			}
		}
	})
}
