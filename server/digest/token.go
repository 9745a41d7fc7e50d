package digest

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"github.com/pkg/errors"
)

// StopLinkLifetime is how long a digest's stop link works.
const StopLinkLifetime = 30 * 24 * time.Hour

var (
	// ErrForged is a stop token whose signature does not match.
	ErrForged = errors.New("this stop link is not valid")
	// ErrExpired is a genuine stop token past its lifetime.
	ErrExpired = errors.New("this stop link has expired")
)

// signer makes and checks stop tokens: "<user id>.<expiry unix>.<hmac>", the HMAC-SHA256 of
// the first two parts under a secret that never leaves the server.
type signer struct{ secret []byte }

func (s signer) token(userID string, expires time.Time) string {
	payload := userID + "." + strconv.FormatInt(expires.Unix(), 10)
	return payload + "." + s.mac(payload)
}

func (s signer) mac(payload string) string {
	h := hmac.New(sha256.New, s.secret)
	h.Write([]byte(payload))
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil))
}

// verify returns the user a token stops the digest for.
func (s signer) verify(token string, now time.Time) (string, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 || parts[0] == "" {
		return "", ErrForged
	}
	if !hmac.Equal([]byte(s.mac(parts[0]+"."+parts[1])), []byte(parts[2])) {
		return "", ErrForged
	}
	expires, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil {
		return "", ErrForged
	}
	if now.Unix() > expires {
		return parts[0], ErrExpired // authentic: the page can speak its owner's language
	}
	return parts[0], nil
}

// loadSecret reads the stop-link secret, creating it once across the cluster.
func loadSecret(kv KV) ([]byte, error) {
	stored, err := kv.Get(secretKey)
	if err != nil {
		return nil, errors.Wrap(err, "failed to read the digest secret")
	}
	if len(stored) > 0 {
		return hex.DecodeString(string(stored))
	}
	fresh := make([]byte, 32)
	if _, err := rand.Read(fresh); err != nil {
		return nil, errors.Wrap(err, "failed to make the digest secret")
	}
	encoded := []byte(hex.EncodeToString(fresh))
	saved, err := kv.CompareAndSet(secretKey, nil, encoded)
	if err != nil {
		return nil, errors.Wrap(err, "failed to store the digest secret")
	}
	if !saved { // another server stored one first
		return loadSecret(kv)
	}
	return fresh, nil
}
