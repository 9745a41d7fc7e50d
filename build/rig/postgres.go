package rig

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	_ "github.com/lib/pq" // PostgreSQL driver for creating and dropping run databases
	"github.com/pkg/errors"
)

// defaultPostgresURL matches a local PostgreSQL with trust auth or with the password that
// build/scripts/ensure-postgres.sh sets on a machine where the rig installed PostgreSQL itself.
const defaultPostgresURL = "postgres://postgres:postgres@127.0.0.1:5432/postgres?sslmode=disable"

const rigDatabasePrefix = "connect_rig_"

type postgres struct {
	admin *url.URL
	db    *sql.DB
}

// ensurePostgres connects to PostgreSQL (CONNECT_PG_URL, else 127.0.0.1:5432), installing and
// starting Debian's postgresql first when nothing answers.
func ensurePostgres(ctx context.Context, root string, log io.Writer) (*postgres, error) {
	if log == nil {
		log = io.Discard
	}
	raw := os.Getenv("CONNECT_PG_URL")
	if raw == "" {
		raw = defaultPostgresURL
	}
	admin, err := url.Parse(raw)
	if err != nil {
		return nil, errors.Wrap(err, "CONNECT_PG_URL is not a valid URL")
	}
	db, err := sql.Open("postgres", admin.String())
	if err != nil {
		return nil, errors.Wrap(err, "failed to open PostgreSQL")
	}
	if db.PingContext(ctx) != nil {
		fmt.Fprintln(log, "rig: no PostgreSQL answers; installing and starting Debian's postgresql")
		script := exec.CommandContext(ctx, filepath.Join(root, "build", "scripts", "ensure-postgres.sh"))
		script.Stdout, script.Stderr = log, log
		if err := script.Run(); err != nil {
			return nil, errors.Wrap(err, "failed to install or start PostgreSQL")
		}
	}
	if err := waitFor(ctx, 30*time.Second, func() error { return db.PingContext(ctx) }); err != nil {
		return nil, errors.Wrapf(err, "PostgreSQL does not answer at %s", admin.Redacted())
	}
	pg := &postgres{admin: admin, db: db}
	pg.dropAbandonedDatabases(ctx, log)
	return pg, nil
}

// dataSource is the URL the Mattermost server uses for database name.
func (pg *postgres) dataSource(name string) string {
	u := *pg.admin
	u.Path = "/" + name
	return u.String()
}

func (pg *postgres) recreateDatabase(ctx context.Context, name string) error {
	if err := pg.dropDatabase(ctx, name); err != nil {
		return err
	}
	_, err := pg.db.ExecContext(ctx, "CREATE DATABASE "+quoteIdentifier(name))
	return errors.Wrapf(err, "failed to create database %s", name)
}

func (pg *postgres) dropDatabase(ctx context.Context, name string) error {
	_, err := pg.db.ExecContext(ctx, "DROP DATABASE IF EXISTS "+quoteIdentifier(name)+" WITH (FORCE)")
	return errors.Wrapf(err, "failed to drop database %s", name)
}

// dropAbandonedDatabases removes run databases whose rig process is gone (a run killed before Stop).
func (pg *postgres) dropAbandonedDatabases(ctx context.Context, log io.Writer) {
	rows, err := pg.db.QueryContext(ctx, "SELECT datname FROM pg_database WHERE starts_with(datname, $1)", rigDatabasePrefix)
	if err != nil {
		return
	}
	var abandoned []string
	for rows.Next() {
		var name string
		if rows.Scan(&name) == nil && !processAlive(ownerPID(name)) {
			abandoned = append(abandoned, name)
		}
	}
	if rows.Close() != nil || rows.Err() != nil {
		return // a partial list could miss nothing worse than a database the next run drops
	}
	for _, name := range abandoned {
		if pg.dropDatabase(ctx, name) == nil {
			fmt.Fprintf(log, "rig: dropped abandoned database %s\n", name)
		}
	}
}

// uniqueDatabaseName embeds the rig's PID so a later run can tell abandoned databases apart.
func uniqueDatabaseName() string {
	suffix := make([]byte, 4)
	_, _ = rand.Read(suffix)
	return fmt.Sprintf("%s%d_%s", rigDatabasePrefix, os.Getpid(), hex.EncodeToString(suffix))
}

func ownerPID(database string) int {
	fields := strings.Split(strings.TrimPrefix(database, rigDatabasePrefix), "_")
	pid, _ := strconv.Atoi(fields[0])
	return pid
}

func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	return syscall.Kill(pid, 0) == nil
}

func quoteIdentifier(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

func waitFor(ctx context.Context, limit time.Duration, ready func() error) error {
	deadline := time.Now().Add(limit)
	for {
		err := ready()
		if err == nil || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
	}
}
