package standin

// Seeded record numbers, two per default prefix, that tests may use.
const (
	SampleIncident       = "INC0010001"
	SampleIncident2      = "INC0010002"
	SampleProblem        = "PRB0040001"
	SampleProblem2       = "PRB0040002"
	SampleProblemTask    = "PTASK0010001"
	SampleProblemTask2   = "PTASK0010002"
	SampleChange         = "CHG0030001"
	SampleChange2        = "CHG0030002"
	SampleChangeTask     = "CTASK0010001"
	SampleChangeTask2    = "CTASK0010002"
	SampleRequest        = "REQ0010001"
	SampleRequest2       = "REQ0010002"
	SampleRequestItem    = "RITM0010001"
	SampleRequestItem2   = "RITM0010002"
	SampleCatalogTask    = "SCTASK0010001"
	SampleCatalogTask2   = "SCTASK0010002"
	SampleTask           = "TASK0010001"
	SampleTask2          = "TASK0010002"
	SampleArticle        = "KB0010001"
	SampleArticle2       = "KB0010002"
	SampleCase           = "CS0010001"
	SampleCase2          = "CS0010002"
	HostileIncident      = "INC0010666"
	HostileDescription   = "**bold** <img src=x onerror=alert(1)> <script>alert('x')</script> [link](javascript:alert(1))"
	SampleRole           = "itil"
	SampleExternalRole   = "snc_external"
	SampleAssignee       = "Beth Anglin"
	SampleIncidentState  = "In Progress"
	SampleIncidentPrio   = "2 - High"
	SampleIncidentUpdate = "2026-11-20 09:14:03"
)

// Sample is one seeded record.
type Sample struct {
	Table  string
	Record Record
}

// Samples returns the seeded records, sys_ids filled in.
func Samples() []Sample {
	out := make([]Sample, len(samples))
	for i, s := range samples {
		s.Record.SysID = SampleSysID(s.Table, s.Record.Number)
		out[i] = s
	}
	return out
}

var samples = []Sample{
	{"incident", Record{Number: SampleIncident, ShortDescription: "Email server is down for the Finance floor", State: "2", Priority: "2", AssignedTo: "beth.anglin", UpdatedOn: SampleIncidentUpdate}},
	{"incident", Record{Number: SampleIncident2, ShortDescription: "VPN disconnects every 10 minutes", State: "1", Priority: "3", UpdatedOn: "2026-11-19 16:42:10"}},
	{"incident", Record{Number: HostileIncident, ShortDescription: HostileDescription, State: "3", Priority: "4", AssignedTo: "david.loo", UpdatedOn: "2026-11-18 08:00:00"}},
	{"problem", Record{Number: SampleProblem, ShortDescription: "Recurring mail queue stalls on EXCH-02", State: "103", Priority: "2", AssignedTo: "david.loo", UpdatedOn: "2026-11-17 11:05:44"}},
	{"problem", Record{Number: SampleProblem2, ShortDescription: "Printers drop off the network after patching", State: "101", Priority: "4", UpdatedOn: "2026-11-12 13:20:01"}},
	{"problem_task", Record{Number: SampleProblemTask, ShortDescription: "Collect mail queue logs from EXCH-02", State: "154", Priority: "3", AssignedTo: "don.goodliffe", UpdatedOn: "2026-11-17 15:31:09"}},
	{"problem_task", Record{Number: SampleProblemTask2, ShortDescription: "Review printer firmware release notes", State: "151", Priority: "4", UpdatedOn: "2026-11-13 09:00:27"}},
	{"change_request", Record{Number: SampleChange, ShortDescription: "Upgrade EXCH-02 to the latest cumulative update", State: "-2", Priority: "3", AssignedTo: "beth.anglin", UpdatedOn: "2026-11-20 07:55:12"}},
	{"change_request", Record{Number: SampleChange2, ShortDescription: "Rotate the VPN concentrator certificates", State: "-4", Priority: "2", AssignedTo: "bud.richman", UpdatedOn: "2026-11-16 18:12:40"}},
	{"change_task", Record{Number: SampleChangeTask, ShortDescription: "Take a snapshot of EXCH-02 before the upgrade", State: "1", Priority: "3", AssignedTo: "david.loo", UpdatedOn: "2026-11-20 08:01:55"}},
	{"change_task", Record{Number: SampleChangeTask2, ShortDescription: "Verify VPN clients after certificate rotation", State: "-5", Priority: "3", UpdatedOn: "2026-11-16 18:13:02"}},
	{"sc_request", Record{Number: SampleRequest, ShortDescription: "New laptop for Ana Ruiz", State: "1", Priority: "4", UpdatedOn: "2026-11-15 10:10:10"}},
	{"sc_request", Record{Number: SampleRequest2, ShortDescription: "Access to the Finance shared drive", State: "3", Priority: "4", UpdatedOn: "2026-11-10 14:44:00"}},
	{"sc_req_item", Record{Number: SampleRequestItem, ShortDescription: "Standard laptop, 16 GB", State: "2", Priority: "4", AssignedTo: "charlie.whitherspoon", UpdatedOn: "2026-11-15 10:12:31"}},
	{"sc_req_item", Record{Number: SampleRequestItem2, ShortDescription: "Shared drive access: Finance", State: "3", Priority: "4", UpdatedOn: "2026-11-10 14:45:19"}},
	{"sc_task", Record{Number: SampleCatalogTask, ShortDescription: "Image and ship the laptop", State: "2", Priority: "4", AssignedTo: "charlie.whitherspoon", UpdatedOn: "2026-11-15 11:03:45"}},
	{"sc_task", Record{Number: SampleCatalogTask2, ShortDescription: "Add Ana Ruiz to the FIN-SHARE group", State: "3", Priority: "4", AssignedTo: "luke.wilson", UpdatedOn: "2026-11-10 15:00:00"}},
	{"task", Record{Number: SampleTask, ShortDescription: "Renew the monitoring tool licence", State: "1", Priority: "3", AssignedTo: "bud.richman", UpdatedOn: "2026-11-14 09:30:00"}},
	{"task", Record{Number: SampleTask2, ShortDescription: "Update the on-call runbook", State: "-5", Priority: "5", UpdatedOn: "2026-11-11 17:25:36"}},
	{"kb_knowledge", Record{Number: SampleArticle, ShortDescription: "How to connect to the VPN from home", State: "published", UpdatedOn: "2026-10-02 12:00:00"}},
	{"kb_knowledge", Record{Number: SampleArticle2, ShortDescription: "Requesting a new laptop", State: "draft", UpdatedOn: "2026-10-09 08:45:10"}},
	{"sn_customerservice_case", Record{Number: SampleCase, ShortDescription: "Customer cannot download invoices", State: "10", Priority: "2", AssignedTo: "luke.wilson", UpdatedOn: "2026-11-19 10:20:30"}},
	{"sn_customerservice_case", Record{Number: SampleCase2, ShortDescription: "Question about contract renewal dates", State: "18", Priority: "4", UpdatedOn: "2026-11-18 12:34:56"}},
}

var assignees = []User{
	{UserName: "beth.anglin", Name: "Beth Anglin", Email: "beth.anglin@connect.example.com", Active: true},
	{UserName: "david.loo", Name: "David Loo", Email: "david.loo@connect.example.com", Active: true},
	{UserName: "don.goodliffe", Name: "Don Goodliffe", Email: "don.goodliffe@connect.example.com", Active: true},
	{UserName: "bud.richman", Name: "Bud Richman", Email: "bud.richman@connect.example.com", Active: true},
	{UserName: "charlie.whitherspoon", Name: "Charlie Whitherspoon", Email: "charlie.whitherspoon@connect.example.com", Active: true},
	{UserName: "luke.wilson", Name: "Luke Wilson", Email: "luke.wilson@connect.example.com", Active: true},
}

// SampleITILUsers returns the seeded active holders of SampleRole.
func SampleITILUsers() []User { return append([]User(nil), itilUsers...) }

var itilUsers = []User{
	{UserName: "alice", Name: "Alice Moreno", Email: "alice@connect.example.com", Active: true},
	{UserName: "bob", Name: "Bob Chen", Email: "bob@connect.example.com", Active: true},
	{UserName: "carol", Name: "Carol Adeyemi", Email: "carol@connect.example.com", Active: true},
}

var (
	inactiveITILUser = User{UserName: "frank", Name: "Frank Ortiz", Email: "frank@connect.example.com", Active: false}
	externalUser     = User{UserName: "dave", Name: "Dave Kowalski", Email: "dave@connect.example.com", Active: true}
)

func (s *store) seed() {
	for _, u := range assignees {
		s.putUser(u)
	}
	for _, u := range itilUsers {
		s.grant(SampleRole, u)
	}
	s.grant(SampleRole, inactiveITILUser)
	s.grant(SampleExternalRole, externalUser)
	for _, sample := range samples {
		s.putRecord(sample.Table, sample.Record)
	}
	s.seedGroups()
}
