package standin

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Fault makes the stand-in misbehave. Latency delays the answer (a request cancelled
// meanwhile gets none); Status answers with that status and ServiceNow's error body;
// Malformed answers 200 with broken JSON. Times counts affected requests down, then the
// fault clears; 0 keeps it until ClearFault.
type Fault struct {
	Latency    time.Duration
	Status     int
	RetryAfter int // seconds, sent with a 429 when above 0
	Malformed  bool
	Times      int
	Path       string // affect only paths starting with this, e.g. "/oauth_token.do"; "" affects all
}

// SetFault replaces the current fault.
func (s *Server) SetFault(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fault = &f
}

// ClearFault ends the current fault.
func (s *Server) ClearFault() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fault = nil
}

// takeFault returns the fault that applies to this request and counts it down.
func (s *Server) takeFault(path string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fault == nil || !strings.HasPrefix(path, s.fault.Path) {
		return Fault{}, false
	}
	f := *s.fault
	if s.fault.Times > 0 {
		s.fault.Times--
		if s.fault.Times == 0 {
			s.fault = nil
		}
	}
	return f, true
}

func (s *Server) injectFaults(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, ok := s.takeFault(r.URL.Path)
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		if !wait(r, f.Latency) {
			return
		}
		switch {
		case f.Status != 0:
			writeFault(w, f)
		case f.Malformed:
			w.Header().Set("Content-Type", jsonContentType)
			w.WriteHeader(http.StatusOK)
			_, _ = w.Write([]byte(`{"result":[{"sys_id":"`))
		default:
			next.ServeHTTP(w, r)
		}
	})
}

// wait sleeps for d; false when the request was cancelled first.
func wait(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

var faultBodies = map[int][2]string{
	http.StatusBadRequest:          {"Invalid request", "The request could not be processed"},
	http.StatusUnauthorized:        {"User Not Authenticated", "Required to provide Auth information"},
	http.StatusForbidden:           {"User Not Authorized", "ACL restricts the record retrieval"},
	http.StatusNotFound:            {"No Record found", "Record doesn't exist or ACL restricts the record retrieval"},
	http.StatusTooManyRequests:     {"Rate limit exceeded", "Too many requests for this user; try again later"},
	http.StatusInternalServerError: {"Internal Server Error", "An unexpected error occurred"},
	http.StatusBadGateway:          {"Bad Gateway", "The instance did not answer the load balancer"},
	http.StatusServiceUnavailable:  {"Service Unavailable", "The instance is unavailable, try again later"},
}

func writeFault(w http.ResponseWriter, f Fault) {
	if f.Status == http.StatusTooManyRequests {
		setRateLimitHeaders(w.Header(), f.RetryAfter)
	}
	body, ok := faultBodies[f.Status]
	if !ok {
		body = [2]string{http.StatusText(f.Status), ""}
	}
	writeError(w, f.Status, body[0], body[1])
}

func setRateLimitHeaders(h http.Header, retryAfter int) {
	if retryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(retryAfter))
	}
	h.Set("X-RateLimit-Limit", "1000")
	h.Set("X-RateLimit-Reset", strconv.FormatInt(time.Now().Add(time.Duration(retryAfter)*time.Second).Unix(), 10))
	h.Set("X-RateLimit-Rule", SampleSysID("sys_rate_limit_rules", "connect"))
}
