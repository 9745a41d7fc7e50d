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
func shortMonth(m time.Month) Message { return shortMonths[m-1] }

var shortMonths = [12]Message{
	M("connect.common.month.1", "Jan"), M("connect.common.month.2", "Feb"), M("connect.common.month.3", "Mar"),
	M("connect.common.month.4", "Apr"), M("connect.common.month.5", "May"), M("connect.common.month.6", "Jun"),
	M("connect.common.month.7", "Jul"), M("connect.common.month.8", "Aug"), M("connect.common.month.9", "Sep"),
	M("connect.common.month.10", "Oct"), M("connect.common.month.11", "Nov"), M("connect.common.month.12", "Dec"),
}
