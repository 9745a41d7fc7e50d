// Command bench drives the real Mattermost server with concurrent posters over REST and compares
// the plugin in several configurations with the plugin disabled, interleaved over several rounds
// (`make bench`).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"syscall"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
)

type settings struct {
	rounds, posts, warmup, posters int
	ticketShare                    float64
}

func main() {
	var s settings
	flag.IntVar(&s.rounds, "rounds", 5, "interleaved rounds (each measures every state)")
	flag.IntVar(&s.posts, "posts", 1000, "posts measured per state per round")
	flag.IntVar(&s.warmup, "warmup", 100, "unmeasured posts after each change of state")
	flag.IntVar(&s.posters, "posters", 4, "concurrent posters")
	flag.Float64Var(&s.ticketShare, "tickets", 0.2, "share of messages that carry ticket numbers")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, s); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, s settings) error {
	srv, err := rig.Start(ctx, rig.Options{Log: os.Stderr})
	if err != nil {
		return err
	}
	defer srv.Stop()

	posters, err := preparePosters(ctx, srv, s.posters)
	if err != nil {
		return err
	}
	fmt.Printf("Posting over REST to %s: %d posters, %d posts per state per round, %d rounds, %.0f%% with ticket numbers, %d CPUs\n\n",
		srv.URL, s.posters, s.posts, s.rounds, s.ticketShare*100, runtime.NumCPU())

	results := map[string][]round{}
	for r := 0; r < s.rounds; r++ {
		for _, st := range rotated(r) {
			if err := st.apply(ctx, srv); err != nil {
				return err
			}
			messages := newMessageSource(int64(r), s.ticketShare)
			if _, err := postAll(ctx, posters, messages, s.warmup); err != nil {
				return err
			}
			measured, err := measure(ctx, srv, posters, messages, s.posts)
			if err != nil {
				return err
			}
			results[st.name] = append(results[st.name], measured)
			fmt.Printf("round %d  %-8s  %s\n", r+1, st.name, measured)
		}
	}
	printSummary(results)
	return nil
}
