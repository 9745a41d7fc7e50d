package servicenow

import "time"

// RecordKey names one record: by number (Number set) or by sys_id (SysID set).
// Table is the table the number prefix or URL maps to; it may be "task" or any
// table the admin mapped.
type RecordKey struct {
	Table  string
	Number string
	SysID  string
}

// Record is what a card shows. Values are ServiceNow display values, as text.
type Record struct {
	Table            string // the record's own class, e.g. incident (sys_class_name)
	SysID            string
	Number           string
	ShortDescription string
	State            string
	Priority         string
	AssignedTo       string
	UpdatedOn        string // as ServiceNow sends it: "2025-11-01 22:37:27" (instance time zone)
	// UpdatedAt is the same moment from sys_updated_on's value, which the Table API gives in
	// UTC; zero when ServiceNow sent none or an unreadable one.
	UpdatedAt time.Time
	URL       string // opens the record in ServiceNow
}

// RoleHolder is an active ServiceNow user holding one of the asked roles.
type RoleHolder struct {
	UserName string
	Email    string
	Role     string
}

// tableAPITime is the layout of the Table API's date-time values (always UTC).
const tableAPITime = "2006-01-02 15:04:05"

// parseTableAPITime reads a date-time value; zero when the text is not one.
func parseTableAPITime(value string) time.Time {
	t, err := time.Parse(tableAPITime, value)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}
