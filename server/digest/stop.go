package digest

import (
	"net/url"
	"time"
)

// StopPath is the stop link's route under the plugin, served without a Mattermost session.
const StopPath = "/digest/stop"

// StopURL is the signed link in userID's digest that stops it, valid for StopLinkLifetime.
func (s *Service) StopURL(userID string, now time.Time) (string, error) {
	signer, err := s.signer()
	if err != nil {
		return "", err
	}
	token := signer.token(userID, now.Add(StopLinkLifetime))
	return s.d.StopURLBase() + "?token=" + url.QueryEscape(token), nil
}

// CheckStop returns the user a stop token is for: ErrForged or ErrExpired otherwise (an expired
// token still names its user, whose signature it carries).
func (s *Service) CheckStop(token string) (string, error) {
	signer, err := s.signer()
	if err != nil {
		return "", err
	}
	return signer.verify(token, s.d.Now())
}

// Stop turns off the digest of the user a valid stop token is for.
func (s *Service) Stop(token string) error {
	userID, err := s.CheckStop(token)
	if err != nil {
		return err
	}
	off := false
	_, err = s.Set(userID, Change{Enabled: &off})
	return err
}

func (s *Service) signer() (signer, error) {
	s.secretMu.Lock()
	defer s.secretMu.Unlock()
	if s.secret == nil {
		secret, err := loadSecret(s.d.KV)
		if err != nil {
			return signer{}, err // tried again next time: the KV store may be back
		}
		s.secret = secret
	}
	return signer{secret: s.secret}, nil
}
