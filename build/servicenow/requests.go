package standin

import (
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Request is what the stand-in received. Credentials are not kept, only their kind.
type Request struct {
	At       time.Time
	Method   string
	Path     string
	RawQuery string
	Params   url.Values
	Query    Query  // sysparm_query, parsed
	Auth     string // AuthNone, AuthBasic or AuthBearer
	Status   int    // what the stand-in answered; 0 when the request was cancelled unanswered
}

// Table is the table a Table API request named, or "".
func (r Request) Table() string {
	rest, ok := strings.CutPrefix(r.Path, tablePath)
	if !ok {
		return ""
	}
	table, _, _ := strings.Cut(rest, "/")
	return table
}

const maxKeptRequests = 10000

// Requests returns what the stand-in received, oldest first (the latest 10000). A request
// still being answered is included, with Status 0.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	for i, r := range s.requests {
		out[i] = *r
	}
	return out
}

// ResetRequests forgets the requests received so far.
func (s *Server) ResetRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (w *statusRecorder) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusRecorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// recordRequests logs a request on arrival, so that tests see it even while it is delayed.
func (s *Server) recordRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w}
		entry := s.keep(Request{
			At: time.Now(), Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery,
			Params: r.URL.Query(), Query: ParseQuery(r.URL.Query().Get("sysparm_query")), Auth: authKind(r),
		})
		next.ServeHTTP(rec, r)
		s.mu.Lock()
		entry.Status = rec.status
		s.mu.Unlock()
	})
}

func (s *Server) keep(r Request) *Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.requests) >= maxKeptRequests {
		s.requests = s.requests[1:]
	}
	s.requests = append(s.requests, &r)
	return &r
}
