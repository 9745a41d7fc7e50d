package standin

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"strings"
	"time"
)

// Auth kinds a Request records.
const (
	AuthNone   = "none"
	AuthBasic  = "basic"
	AuthBearer = "bearer"
)

func (s *Server) requireAuth(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.authenticated(r) {
			writeError(w, http.StatusUnauthorized, "User Not Authenticated", "Required to provide Auth information")
			return
		}
		next(w, r)
	}
}

func authKind(r *http.Request) string {
	header := r.Header.Get("Authorization")
	switch {
	case strings.HasPrefix(header, "Basic "):
		return AuthBasic
	case strings.HasPrefix(header, "Bearer "):
		return AuthBearer
	}
	return AuthNone
}

func (s *Server) authenticated(r *http.Request) bool {
	if user, password, ok := r.BasicAuth(); ok {
		return same(user, s.opts.Username) && same(password, s.opts.Password)
	}
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	expires, ok := s.tokens[token]
	return ok && time.Now().Before(expires)
}

func same(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

// handleToken serves POST /oauth_token.do: the client_credentials grant, and the password
// grant for completeness.
func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_request", "error_description": "unreadable form"})
		return
	}
	grant := r.PostForm.Get("grant_type")
	if grant != "client_credentials" && grant != "password" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "unsupported_grant_type", "error_description": "unsupported grant type"})
		return
	}
	if !s.validClient(r, grant) {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "server_error", "error_description": "access_denied"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"access_token": s.issueToken(),
		"scope":        "useraccount",
		"token_type":   "Bearer",
		"expires_in":   int(s.opts.TokenTTL / time.Second),
	})
}

func (s *Server) validClient(r *http.Request, grant string) bool {
	form := r.PostForm
	client := same(form.Get("client_id"), s.opts.ClientID) && same(form.Get("client_secret"), s.opts.ClientSecret)
	if grant == "password" {
		return client && same(form.Get("username"), s.opts.Username) && same(form.Get("password"), s.opts.Password)
	}
	return client
}

func (s *Server) issueToken() string {
	raw := make([]byte, 32)
	_, _ = rand.Read(raw)
	token := hex.EncodeToString(raw)
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	for old, expires := range s.tokens {
		if !now.Before(expires) {
			delete(s.tokens, old)
		}
	}
	s.tokens[token] = now.Add(s.opts.TokenTTL)
	s.tokensIssued++
	return token
}

// ExpireTokens ends every access token issued so far, as if their time had run out.
func (s *Server) ExpireTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens = map[string]time.Time{}
}

// TokensIssued counts the access tokens handed out.
func (s *Server) TokensIssued() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tokensIssued
}
