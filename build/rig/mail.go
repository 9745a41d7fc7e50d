package rig

import (
	"bufio"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pkg/errors"
)

// Mail is one message the server sent.
type Mail struct {
	From string
	To   []string
	Data string // headers and body as sent
}

// MailSink is a small SMTP server that keeps every message it receives, so tests can read
// the email Mattermost really sends.
type MailSink struct {
	listener net.Listener

	mu    sync.Mutex
	mails []Mail
	// received counts every message, also those Forget dropped.
	received atomic.Int64
	// delay holds back the answer to each message's DATA, as a slow SMTP server would.
	delay atomic.Int64
}

func startMailSink() (*MailSink, error) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, errors.Wrap(err, "failed to start the mail sink")
	}
	sink := &MailSink{listener: listener}
	go sink.accept()
	return sink, nil
}

// Port is where the sink listens.
func (m *MailSink) Port() int { return m.listener.Addr().(*net.TCPAddr).Port }

// SetDelay makes the sink wait d after receiving each message before it answers that it took
// it (0 answers at once): the message counts as received while the sender still waits.
func (m *MailSink) SetDelay(d time.Duration) { m.delay.Store(int64(d)) }

// Mails returns what was received so far.
func (m *MailSink) Mails() []Mail {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Mail(nil), m.mails...)
}

// Received is how many messages arrived since the sink started.
func (m *MailSink) Received() int64 { return m.received.Load() }

// Forget drops the messages kept so far (a benchmark sends more than it should hold).
func (m *MailSink) Forget() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.mails = nil
}

// WaitFor returns the first mail to recipient that matches, or an error after timeout.
func (m *MailSink) WaitFor(recipient string, matches func(Mail) bool, timeout time.Duration) (Mail, error) {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		for _, mail := range m.Mails() {
			if containsFold(mail.To, recipient) && matches(mail) {
				return mail, nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return Mail{}, errors.Errorf("no matching mail to %s within %v (%d received)", recipient, timeout, len(m.Mails()))
}

func (m *MailSink) close() { _ = m.listener.Close() }

func (m *MailSink) accept() {
	for {
		conn, err := m.listener.Accept()
		if err != nil {
			return
		}
		go m.serve(conn)
	}
}

// serve speaks just enough SMTP for Mattermost's client: no TLS, no authentication.
func (m *MailSink) serve(conn net.Conn) {
	defer conn.Close()
	reader, writer := bufio.NewReader(conn), bufio.NewWriter(conn)
	reply := func(line string) { _, _ = writer.WriteString(line + "\r\n"); _ = writer.Flush() }
	reply("220 connect-chat mail sink")
	var mail Mail
	for {
		line, err := reader.ReadString('\n')
		if err != nil {
			return
		}
		verb := strings.ToUpper(strings.TrimSpace(strings.SplitN(line, " ", 2)[0]))
		switch verb {
		case "EHLO", "HELO":
			reply("250 connect-chat")
		case "MAIL":
			mail = Mail{From: address(line)}
			reply("250 OK")
		case "RCPT":
			mail.To = append(mail.To, address(line))
			reply("250 OK")
		case "DATA":
			reply("354 end with <CRLF>.<CRLF>")
			mail.Data = readData(reader)
			m.mu.Lock()
			m.mails = append(m.mails, mail)
			m.mu.Unlock()
			m.received.Add(1)
			time.Sleep(time.Duration(m.delay.Load()))
			reply("250 OK")
		case "QUIT":
			reply("221 bye")
			return
		default:
			reply("250 OK")
		}
	}
}

func address(line string) string {
	start, end := strings.Index(line, "<"), strings.Index(line, ">")
	if start < 0 || end < start {
		return ""
	}
	return line[start+1 : end]
}

func readData(reader *bufio.Reader) string {
	var b strings.Builder
	for {
		line, err := reader.ReadString('\n')
		if err != nil || line == ".\r\n" || line == ".\n" {
			return b.String()
		}
		b.WriteString(strings.TrimPrefix(line, "."))
	}
}

func containsFold(list []string, want string) bool {
	for _, item := range list {
		if strings.EqualFold(item, want) {
			return true
		}
	}
	return false
}
