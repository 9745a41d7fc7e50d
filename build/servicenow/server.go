// Package standin is a local ServiceNow stand-in: the Table API, OAuth client-credentials
// tokens and basic auth, seeded sample records and role holders, and injectable faults.
// Go tests run it in-process; the dev rig runs it through build/cmd/servicenow.
package standin

import (
	"context"
	"net"
	"net/http"
	"sync"
	"time"
)

// Options sets the stand-in's credentials and address; empty fields take the defaults.
type Options struct {
	Addr         string // 127.0.0.1:0 by default
	Username     string
	Password     string
	ClientID     string
	ClientSecret string
	TokenTTL     time.Duration
}

// Default credentials.
const (
	DefaultUsername     = "connect.integration"
	DefaultPassword     = "stand-in-password"
	DefaultClientID     = "connect-client"
	DefaultClientSecret = "stand-in-secret"
	DefaultTokenTTL     = 1800 * time.Second
)

func (o Options) withDefaults() Options {
	if o.Addr == "" {
		o.Addr = "127.0.0.1:0"
	}
	o.Username = orDefault(o.Username, DefaultUsername)
	o.Password = orDefault(o.Password, DefaultPassword)
	o.ClientID = orDefault(o.ClientID, DefaultClientID)
	o.ClientSecret = orDefault(o.ClientSecret, DefaultClientSecret)
	if o.TokenTTL <= 0 {
		o.TokenTTL = DefaultTokenTTL
	}
	return o
}

func orDefault(value, fallback string) string {
	if value == "" {
		return fallback
	}
	return value
}

// Server is a running stand-in.
type Server struct {
	opts     Options
	url      string
	listener net.Listener
	http     *http.Server
	served   chan struct{}

	mu           sync.Mutex
	data         *store
	tokens       map[string]time.Time
	tokensIssued int
	fault        *Fault
	requests     []*Request
	webhook      Webhook
	mandatory    map[string][]string // create.go
	createdOrder []createdRef        // create.go
	files        attachments
}

// Start seeds the sample data and serves until Close.
func Start(opts Options) (*Server, error) {
	opts = opts.withDefaults()
	listener, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return nil, err
	}
	s := &Server{
		opts:     opts,
		url:      "http://" + listener.Addr().String(),
		listener: listener,
		served:   make(chan struct{}),
		data:     newStore(),
		tokens:   map[string]time.Time{},
	}
	s.data.seed()
	s.http = &http.Server{Handler: s.routes(), ReadHeaderTimeout: 10 * time.Second}
	go s.serve()
	return s, nil
}

func (s *Server) serve() {
	defer close(s.served)
	_ = s.http.Serve(s.listener) // returns http.ErrServerClosed once Close or Shutdown runs
}

// URL is the instance URL, e.g. http://127.0.0.1:41234.
func (s *Server) URL() string { return s.url }

// Options returns the options in effect, defaults filled in.
func (s *Server) Options() Options { return s.opts }

// Close stops serving, ending requests still in progress (a Latency fault, say).
func (s *Server) Close() {
	_ = s.http.Close()
	<-s.served
}

// Shutdown stops serving after the requests in progress are answered.
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.http.Shutdown(ctx)
	<-s.served
	return err
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /oauth_token.do", s.handleToken)
	mux.HandleFunc("GET /api/now/table/{table}", s.requireAuth(s.handleList))
	mux.HandleFunc("GET /api/now/table/{table}/{sys_id}", s.requireAuth(s.handleOne))
	mux.HandleFunc("PATCH /api/now/table/{table}/{sys_id}", s.requireAuth(s.handlePatch))
	mux.HandleFunc("POST /api/now/table/{table}", s.requireAuth(s.handleCreate))
	mux.HandleFunc("POST /api/now/attachment/file", s.requireAuth(s.handleUploadAttachment))
	mux.HandleFunc("GET /api/now/attachment", s.requireAuth(s.handleListAttachments))
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		writeError(w, http.StatusBadRequest, "Requested URI does not represent any resource", "")
	})
	root := http.NewServeMux()
	root.HandleFunc("POST "+EventsPath, s.handleSendEvent)
	root.Handle("/", s.recordRequests(s.injectFaults(mux)))
	return root
}
