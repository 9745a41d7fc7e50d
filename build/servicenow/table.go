package standin

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

const (
	tablePath       = "/api/now/table/"
	jsonContentType = "application/json;charset=UTF-8"
	defaultLimit    = 10000
)

// view is how a request wants records rendered.
type view struct {
	base        string // instance URL, for reference links
	display     string // "false", "true" or "all"
	excludeLink bool
	fields      []string // nil: every field
}

func newView(base string, params url.Values) view {
	v := view{base: base, display: strings.ToLower(params.Get("sysparm_display_value"))}
	if v.display != "true" && v.display != "all" {
		v.display = "false"
	}
	v.excludeLink = params.Get("sysparm_exclude_reference_link") == "true"
	for _, f := range strings.Split(params.Get("sysparm_fields"), ",") {
		if f = strings.TrimSpace(f); f != "" {
			v.fields = append(v.fields, f)
		}
	}
	return v
}

func (s *Server) handleList(w http.ResponseWriter, r *http.Request) {
	name, params := r.PathValue("table"), r.URL.Query()
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.data.tables[name]; !ok {
		writeError(w, http.StatusBadRequest, "Invalid table "+name, "")
		return
	}
	matched := s.data.match(name, ParseQuery(params.Get("sysparm_query")))
	offset, limit := paging(params)
	page := window(matched, offset, limit)
	if params.Get("sysparm_no_count") != "true" {
		w.Header().Set("X-Total-Count", strconv.Itoa(len(matched)))
		w.Header().Set("Link", pageLinks(s.url+r.URL.Path, params, offset, limit, len(matched)))
	}
	v := newView(s.url, params)
	result := make([]map[string]any, len(page))
	for i, rec := range page {
		result[i] = s.data.render(rec, v)
	}
	writeJSON(w, http.StatusOK, map[string]any{"result": result})
}

func (s *Server) handleOne(w http.ResponseWriter, r *http.Request) {
	name, sysID := r.PathValue("table"), r.PathValue("sys_id")
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.data.tables[name]; !ok {
		writeError(w, http.StatusBadRequest, "Invalid table "+name, "")
		return
	}
	for _, rec := range s.data.rows(name) {
		if rec.sysID() == sysID {
			writeJSON(w, http.StatusOK, map[string]any{"result": s.data.render(rec, newView(s.url, r.URL.Query()))})
			return
		}
	}
	writeError(w, http.StatusNotFound, "No Record found", "Record doesn't exist or ACL restricts the record retrieval")
}

func (s *store) match(name string, q Query) []row {
	var out []row
	for _, rec := range s.rows(name) {
		if q.Matches(func(field string) (string, bool) {
			c, ok := s.field(rec, field)
			return c.Value, ok
		}) {
			out = append(out, rec)
		}
	}
	return out
}

func (s *store) render(rec row, v view) map[string]any {
	out := map[string]any{}
	fields := v.fields
	if fields == nil {
		for name := range rec {
			fields = append(fields, name)
		}
	}
	for _, name := range fields {
		if c, ok := s.field(rec, name); ok {
			out[name] = v.cell(c)
		}
	}
	return out
}

func (v view) cell(c cell) any {
	if c.Ref != "" {
		return v.reference(c)
	}
	switch v.display {
	case "true":
		return c.Display
	case "all":
		return map[string]string{"display_value": c.Display, "value": c.Value}
	}
	return c.Value
}

func (v view) reference(c cell) any {
	if c.Value == "" && v.display != "all" {
		return ""
	}
	link := v.base + tablePath + c.Ref + "/" + c.Value
	out := map[string]string{}
	switch v.display {
	case "true":
		if v.excludeLink {
			return c.Display
		}
		out["display_value"] = c.Display
	case "all":
		out["display_value"], out["value"] = c.Display, c.Value
	default:
		if v.excludeLink {
			return c.Value
		}
		out["value"] = c.Value
	}
	if !v.excludeLink && c.Value != "" {
		out["link"] = link
	}
	return out
}

func paging(params url.Values) (offset, limit int) {
	offset, _ = strconv.Atoi(params.Get("sysparm_offset"))
	limit, err := strconv.Atoi(params.Get("sysparm_limit"))
	if err != nil || limit <= 0 {
		limit = defaultLimit
	}
	return max(offset, 0), limit
}

func window(rows []row, offset, limit int) []row {
	if offset >= len(rows) {
		return nil
	}
	return rows[offset:min(offset+limit, len(rows))]
}

// pageLinks builds the Link header: first, prev, next and last pages.
func pageLinks(base string, params url.Values, offset, limit, total int) string {
	link := func(at int, rel string) string {
		p := url.Values{}
		for k, v := range params {
			p[k] = v
		}
		p.Set("sysparm_offset", strconv.Itoa(at))
		p.Set("sysparm_limit", strconv.Itoa(limit))
		return fmt.Sprintf("<%s?%s>;rel=%q", base, p.Encode(), rel)
	}
	last := max(total-1, 0) / limit * limit
	links := []string{link(0, "first")}
	if offset > 0 {
		links = append(links, link(max(offset-limit, 0), "prev"))
	}
	if offset+limit < total {
		links = append(links, link(offset+limit, "next"))
	}
	return strings.Join(append(links, link(last, "last")), ",")
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", jsonContentType)
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

func writeError(w http.ResponseWriter, status int, message, detail string) {
	writeJSON(w, status, map[string]any{
		"error":  map[string]string{"message": message, "detail": detail},
		"status": "failure",
	})
}
