package standin

// Choice labels as a stock instance shows them.

var priorityLabels = map[string]string{
	"1": "1 - Critical", "2": "2 - High", "3": "3 - Moderate", "4": "4 - Low", "5": "5 - Planning",
}

var genericTaskStates = map[string]string{
	"-5": "Pending", "1": "Open", "2": "Work in Progress", "3": "Closed Complete",
	"4": "Closed Incomplete", "7": "Closed Skipped",
}

var stateLabels = map[string]map[string]string{
	"incident": {
		"1": "New", "2": "In Progress", "3": "On Hold", "6": "Resolved", "7": "Closed", "8": "Canceled",
	},
	"problem": {
		"101": "New", "102": "Assess", "103": "Root Cause Analysis", "104": "Fix in Progress",
		"106": "Resolved", "107": "Closed",
	},
	"problem_task": {"151": "New", "152": "Assess", "154": "Work in Progress", "157": "Closed"},
	"change_request": {
		"-5": "New", "-4": "Assess", "-3": "Authorize", "-2": "Scheduled", "-1": "Implement",
		"0": "Review", "3": "Closed", "4": "Canceled",
	},
	"change_task": {"-5": "Pending", "1": "Open", "2": "In Progress", "3": "Closed", "4": "Canceled"},
	"sn_customerservice_case": {
		"1": "New", "10": "Open", "18": "Awaiting Info", "6": "Resolved", "3": "Closed",
	},
	"kb_knowledge": {
		"draft": "Draft", "review": "Review", "published": "Published", "retired": "Retired",
	},
}

var classLabels = map[string]string{
	"incident": "Incident", "problem": "Problem", "problem_task": "Problem Task",
	"change_request": "Change Request", "change_task": "Change Task", "sc_request": "Request",
	"sc_req_item": "Requested Item", "sc_task": "Catalog Task", "task": "Task",
	"sn_customerservice_case": "Case", "kb_knowledge": "Knowledge",
}

func stateLabel(table, value string) string {
	labels, ok := stateLabels[table]
	if !ok {
		labels = genericTaskStates
	}
	return labelOr(labels, value)
}

func labelOr(labels map[string]string, value string) string {
	if label, ok := labels[value]; ok {
		return label
	}
	return value
}
