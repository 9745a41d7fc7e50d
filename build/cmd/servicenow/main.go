// Command servicenow runs the local ServiceNow stand-in until interrupted.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	standin "github.com/connectchat/mattermost-plugin-connect/build/servicenow"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8090", "address to listen on")
	flag.Parse()
	if err := run(*addr); err != nil {
		fmt.Fprintln(os.Stderr, "servicenow stand-in:", err)
		os.Exit(1)
	}
}

func run(addr string) error {
	server, err := standin.Start(standin.Options{Addr: addr})
	if err != nil {
		return err
	}
	printBanner(server)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return server.Shutdown(shutdown)
}

func printBanner(server *standin.Server) {
	opts := server.Options()
	fmt.Printf(`ServiceNow stand-in
  Instance URL:  %s
  Basic auth:    %s / %s
  OAuth client:  %s / %s (client_credentials at POST /oauth_token.do)
  Samples:       %s, %s, %s, %s, %s (and more)
  Role holders:  role %q
Ctrl+C stops it.
`, server.URL(), opts.Username, opts.Password, opts.ClientID, opts.ClientSecret,
		standin.SampleIncident, standin.SampleProblem, standin.SampleChange, standin.SampleRequestItem,
		standin.SampleArticle, standin.SampleRole)
}
