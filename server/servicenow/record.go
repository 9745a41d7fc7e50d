package servicenow

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
	URL              string // opens the record in ServiceNow
}

// RoleHolder is an active ServiceNow user holding one of the asked roles.
type RoleHolder struct {
	UserName string
	Email    string
	Role     string
}
