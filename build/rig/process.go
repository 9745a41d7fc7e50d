package rig

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/server/profiling"
)

type process struct {
	cmd    *exec.Cmd
	exited chan struct{}
}

func (s *Server) startProcess(ctx context.Context, binary string, opts Options) error {
	port := opts.Port
	if port == 0 {
		var err error
		if port, err = freePort(); err != nil {
			return err
		}
	}
	s.URL = fmt.Sprintf("http://127.0.0.1:%d", port)
	for _, dir := range []string{"data", "plugins", "client-plugins", "logs"} {
		if err := os.MkdirAll(filepath.Join(s.Dir, dir), 0o750); err != nil {
			return errors.Wrap(err, "failed to prepare the run directory")
		}
	}
	if err := installDevHost(s.Dir); err != nil {
		return err
	}
	configPath := filepath.Join(s.Dir, "config.json")
	// Settings tests change through the API live in the file: environment variables would pin them.
	if err := os.WriteFile(configPath, []byte(`{"EmailSettings":{"SendEmailNotifications":false}}`), 0o600); err != nil {
		return errors.Wrap(err, "failed to write the server config")
	}
	return s.launch(ctx, binary, configPath, port, opts.Detached, nil)
}

// launch runs the server with configPath and the rig's environment (extraEnv last, so it wins)
// and waits until it answers.
func (s *Server) launch(ctx context.Context, binary, configPath string, port int, detached bool, extraEnv []string) error {
	logFile, err := os.Create(filepath.Join(s.Dir, "logs", "server.out"))
	if err != nil {
		return errors.Wrap(err, "failed to create the server log")
	}
	defer logFile.Close()

	cmd := exec.Command(binary, "server", "--config", configPath)
	cmd.Dir = s.Dir
	cmd.Env = append(append(os.Environ(), s.serverEnv(port)...), extraEnv...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = processAttributes(detached)
	if err := cmd.Start(); err != nil {
		return errors.Wrap(err, "failed to start the Mattermost server")
	}
	s.PID = cmd.Process.Pid
	if err := writeRunRecord(s.Dir, s.PID); err != nil {
		return errors.Wrap(err, "failed to record the run")
	}
	s.process = &process{cmd: cmd, exited: make(chan struct{})}
	go func() { _ = cmd.Wait(); close(s.process.exited) }()

	fmt.Fprintf(s.log, "rig: starting Mattermost on %s (database %s, logs in %s)\n", s.URL, s.Database, s.Dir)
	return s.waitForPing(ctx)
}

// serverEnv configures the server entirely through environment variables.
func (s *Server) serverEnv(port int) []string {
	settings := map[string]string{
		"SQLSETTINGS_DRIVERNAME":                     "postgres",
		"SQLSETTINGS_DATASOURCE":                     s.pg.dataSource(s.Database),
		"SERVICESETTINGS_SITEURL":                    s.URL,
		"SERVICESETTINGS_LISTENADDRESS":              "127.0.0.1:" + strconv.Itoa(port),
		"SERVICESETTINGS_ENABLELOCALMODE":            "true",
		"SERVICESETTINGS_LOCALMODESOCKETLOCATION":    s.LocalModeSocket(),
		"SERVICESETTINGS_ENABLEUSERACCESSTOKENS":     "true",
		"SERVICESETTINGS_ENABLESECURITYFIXALERT":     "false",
		"SERVICESETTINGS_ENABLEONBOARDINGFLOW":       "false",
		"SERVICESETTINGS_ENABLEBOTACCOUNTCREATION":   "true",
		"PLUGINSETTINGS_ENABLE":                      "true",
		"PLUGINSETTINGS_ENABLEUPLOADS":               "true",
		"PLUGINSETTINGS_ENABLEMARKETPLACE":           "false",
		"PLUGINSETTINGS_AUTOMATICPREPACKAGEDPLUGINS": "false",
		"PLUGINSETTINGS_DIRECTORY":                   filepath.Join(s.Dir, "plugins"),
		"PLUGINSETTINGS_CLIENTDIRECTORY":             filepath.Join(s.Dir, "client-plugins"),
		"FILESETTINGS_DIRECTORY":                     filepath.Join(s.Dir, "data"),
		"LOGSETTINGS_FILELOCATION":                   filepath.Join(s.Dir, "logs"),
		"LOGSETTINGS_CONSOLELEVEL":                   "ERROR",
		"LOGSETTINGS_ENABLEDIAGNOSTICS":              "false",
		"TEAMSETTINGS_ENABLEOPENSERVER":              "true",
		"TEAMSETTINGS_MAXUSERSPERTEAM":               "10000",
		"RATELIMITSETTINGS_ENABLE":                   "false",
		"EMAILSETTINGS_FEEDBACKEMAIL":                "mattermost@connect.example.com",
		"EMAILSETTINGS_FEEDBACKNAME":                 "Mattermost",
	}
	if s.Mail != nil {
		// Tests that read email switch EmailSettings.SendEmailNotifications on for themselves.
		settings["EMAILSETTINGS_SMTPSERVER"] = "127.0.0.1"
		settings["EMAILSETTINGS_SMTPPORT"] = strconv.Itoa(s.Mail.Port())
		settings["EMAILSETTINGS_ENABLESMTPAUTH"] = "false"
		settings["EMAILSETTINGS_CONNECTIONSECURITY"] = ""
	}
	env := make([]string, 0, len(settings)+1)
	for key, value := range settings {
		env = append(env, "MM_"+key+"="+value)
	}
	if s.profileDir != "" {
		env = append(env, profiling.DirEnv+"="+s.profileDir) // the plugin inherits it
	}
	return env
}

// LocalModeSocket is the server's local-mode socket (admin access without a token).
func (s *Server) LocalModeSocket() string {
	return filepath.Join(s.Dir, "mattermost_local.socket")
}

func (s *Server) waitForPing(ctx context.Context) error {
	client := model.NewAPIv4Client(s.URL)
	deadline := time.Now().Add(3 * time.Minute)
	for time.Now().Before(deadline) {
		select {
		case <-s.process.exited:
			return errors.Errorf("the Mattermost server exited while starting:\n%s", s.LogTail(40))
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(300 * time.Millisecond):
		}
		if status, _, err := client.GetPing(ctx); err == nil && status == model.StatusOk {
			return nil
		}
	}
	return errors.Errorf("the Mattermost server did not answer ping within 3 minutes:\n%s", s.LogTail(40))
}

// LogTail is the end of the server's own output, for failure messages.
func (s *Server) LogTail(lines int) string {
	content, _ := os.ReadFile(filepath.Join(s.Dir, "logs", "server.out"))
	all := strings.Split(strings.TrimRight(string(content), "\n"), "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	return strings.Join(all, "\n")
}

// stop ends the server and the plugin processes it started (they share its process group).
func (p *process) stop() {
	group := -p.cmd.Process.Pid
	_ = syscall.Kill(group, syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(15 * time.Second):
	}
	_ = syscall.Kill(group, syscall.SIGKILL)
}

func processAttributes(detached bool) *syscall.SysProcAttr {
	if detached {
		return &syscall.SysProcAttr{Setsid: true}
	}
	// Pdeathsig: a test binary killed before Stop must not leave a server behind.
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

func freePort() (int, error) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, errors.Wrap(err, "failed to find a free port")
	}
	defer listener.Close()
	return listener.Addr().(*net.TCPAddr).Port, nil
}
