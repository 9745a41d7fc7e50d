package i18n

import "time"

// DayTime is a moment as the language writes a day and a time, in t's own time zone
// ("Jan 2, 15:04 MST", "2 janv. 15:04 CET").
func (l *Localizer) DayTime(t time.Time) string {
	return l.Text(M("connect.common.day_time", "{{.Month}} {{.Day}}, {{.Time}} {{.Zone}}", Data{
		"Month": shortMonth(t.Month()), "Day": t.Day(), "Time": t.Format("15:04"), "Zone": t.Format("MST"),
	}))
}

// shortMonth is a month's abbreviated name.
func shortMonth(m time.Month) Message {
	switch m {
	case time.January:
		return M("connect.common.month.1", "Jan")
	case time.February:
		return M("connect.common.month.2", "Feb")
	case time.March:
		return M("connect.common.month.3", "Mar")
	case time.April:
		return M("connect.common.month.4", "Apr")
	case time.May:
		return M("connect.common.month.5", "May")
	case time.June:
		return M("connect.common.month.6", "Jun")
	case time.July:
		return M("connect.common.month.7", "Jul")
	case time.August:
		return M("connect.common.month.8", "Aug")
	case time.September:
		return M("connect.common.month.9", "Sep")
	case time.October:
		return M("connect.common.month.10", "Oct")
	case time.November:
		return M("connect.common.month.11", "Nov")
	}
	return M("connect.common.month.12", "Dec")
}
