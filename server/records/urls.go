package records

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/connectchat/mattermost-plugin-connect/server/config"
	"github.com/connectchat/mattermost-plugin-connect/server/servicenow"
)

const (
	sysIDLen = 32
	// maxURLNesting bounds URLs wrapped in URLs (Next Experience target -> nav_to.do -> form).
	maxURLNesting  = 2
	knowledgeTable = "kb_knowledge"
	classicTarget  = "now/nav/ui/classic/params/target/"
)

// instance is the configured ServiceNow instance, as record URLs are matched against it.
type instance struct {
	host     string // lowercase host[:port], without the scheme's default port
	basePath string // "" unless the instance lives under a path; no trailing slash
}

func parseInstance(raw string) (*instance, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("instance URL %q is not a URL: %w", raw, err)
	}
	scheme := strings.ToLower(u.Scheme)
	if (scheme != "http" && scheme != "https") || u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("instance URL %q must look like https://example.service-now.com", raw)
	}
	return &instance{
		host:     strings.ToLower(withoutDefaultPort(u.Host, scheme)),
		basePath: strings.TrimRight(u.EscapedPath(), "/"),
	}, nil
}

func withoutDefaultPort(host, scheme string) string {
	if strings.EqualFold(scheme, "https") {
		return strings.TrimSuffix(host, ":443")
	}
	return strings.TrimSuffix(host, ":80")
}

// recordFromURL recognizes a record URL of the instance, in the forms listed in doc.go.
func (r *Recognizer) recordFromURL(raw string) (servicenow.RecordKey, bool) {
	if r.instance == nil {
		return servicenow.RecordKey{}, false
	}
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok || (!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https")) {
		return servicenow.RecordKey{}, false
	}
	hostEnd := strings.IndexAny(rest, "/?#")
	if hostEnd < 0 {
		hostEnd = len(rest)
	}
	if !strings.EqualFold(withoutDefaultPort(rest[:hostEnd], scheme), r.instance.host) {
		return servicenow.RecordKey{}, false
	}
	pathAndQuery, _, _ := strings.Cut(rest[hostEnd:], "#")
	pathAndQuery, ok = strings.CutPrefix(pathAndQuery, r.instance.basePath)
	if !ok || (pathAndQuery != "" && pathAndQuery[0] != '/' && pathAndQuery[0] != '?') {
		return servicenow.RecordKey{}, false
	}
	key, ok := r.recordFromPath(pathAndQuery, 0)
	return key, ok && r.tables[key.Table]
}

// recordFromPath recognizes "path?query" relative to the instance root.
func (r *Recognizer) recordFromPath(pathAndQuery string, nesting int) (servicenow.RecordKey, bool) {
	path, query, _ := strings.Cut(pathAndQuery, "?")
	path = strings.TrimLeft(path, "/")
	switch {
	case nesting > maxURLNesting:
		return servicenow.RecordKey{}, false
	case path == "nav_to.do":
		inner, ok := queryParam(query, "uri")
		if !ok {
			return servicenow.RecordKey{}, false
		}
		return r.recordFromPath(inner, nesting+1)
	case strings.HasPrefix(path, classicTarget):
		_, target, _ := strings.Cut(pathAndQuery, classicTarget)
		inner, err := url.PathUnescape(target)
		if err != nil {
			return servicenow.RecordKey{}, false
		}
		return r.recordFromPath(inner, nesting+1)
	case strings.HasPrefix(path, "now/"):
		return workspaceRecord(path)
	case path == "kb_view.do":
		return r.knowledgeRecord(query)
	case strings.HasSuffix(path, ".do"):
		return formRecord(strings.TrimSuffix(path, ".do"), query)
	}
	return servicenow.RecordKey{}, false
}

// workspaceRecord recognizes now/<workspace>/record/<table>/<sys_id>[/...], as in
// now/sow/record/incident/<sys_id> and now/workspace/agent/record/incident/<sys_id>.
func workspaceRecord(path string) (servicenow.RecordKey, bool) {
	_, rest, ok := strings.Cut(path, "/record/")
	if !ok {
		return servicenow.RecordKey{}, false
	}
	table, rest, _ := strings.Cut(rest, "/")
	id, _, _ := strings.Cut(rest, "/")
	return sysIDRecord(table, id)
}

// formRecord recognizes <table>.do?sys_id=<id> and <table>.do?sysparm_query=number=<number>
// (or sys_id=<id>). A sys_id that is not a record's (-1 opens a new-record form) rules the
// URL out even if a query follows, as that query then only presets fields.
func formRecord(table, query string) (servicenow.RecordKey, bool) {
	if strings.HasSuffix(table, "_list") {
		return servicenow.RecordKey{}, false
	}
	if id, ok := queryParam(query, "sys_id"); ok {
		return sysIDRecord(table, id)
	}
	encoded, ok := queryParam(query, "sysparm_query")
	if !ok {
		return servicenow.RecordKey{}, false
	}
	field, value, _ := strings.Cut(encoded, "=")
	switch field {
	case "number":
		return numberRecord(table, value)
	case "sys_id":
		return sysIDRecord(table, value)
	}
	return servicenow.RecordKey{}, false
}

// knowledgeRecord recognizes kb_view.do?sysparm_article=<number> and ?sys_kb_id=<id>. The
// table follows the prefix map when it knows the prefix, so the URL and the bare number
// give the same key.
func (r *Recognizer) knowledgeRecord(query string) (servicenow.RecordKey, bool) {
	if id, ok := queryParam(query, "sys_kb_id"); ok {
		return sysIDRecord(knowledgeTable, id)
	}
	number, ok := queryParam(query, "sysparm_article")
	if !ok {
		return servicenow.RecordKey{}, false
	}
	table := knowledgeTable
	if mapped, ok := r.prefixes[strings.TrimRight(number, "0123456789")]; ok {
		table = mapped
	}
	return numberRecord(table, number)
}

func sysIDRecord(table, id string) (servicenow.RecordKey, bool) {
	if !config.IsTableName(table) || !isSysID(id) {
		return servicenow.RecordKey{}, false
	}
	return servicenow.RecordKey{Table: table, SysID: strings.ToLower(id)}, true
}

func numberRecord(table, number string) (servicenow.RecordKey, bool) {
	if !config.IsTableName(table) || !isRecordNumber(number) {
		return servicenow.RecordKey{}, false
	}
	return servicenow.RecordKey{Table: table, Number: number}, true
}

// queryParam returns the first value of name in a raw query, decoded. "&amp;" separators
// (URLs copied out of HTML) are tolerated.
func queryParam(query, name string) (string, bool) {
	for query != "" {
		var part string
		part, query, _ = strings.Cut(query, "&")
		key, value, _ := strings.Cut(strings.TrimPrefix(part, "amp;"), "=")
		if key != name {
			continue
		}
		decoded, err := url.QueryUnescape(value)
		return decoded, err == nil
	}
	return "", false
}

func isSysID(s string) bool {
	if len(s) != sysIDLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isDigit(c) && (c < 'a' || c > 'f') && (c < 'A' || c > 'F') {
			return false
		}
	}
	return true
}

// isRecordNumber accepts a number in a URL: 2-10 uppercase letters, then 4-12 digits.
func isRecordNumber(s string) bool {
	digits := len(s) - len(strings.TrimRight(s, "0123456789"))
	return digits >= minDigits && digits <= maxDigits && config.IsPrefix(s[:len(s)-digits])
}
