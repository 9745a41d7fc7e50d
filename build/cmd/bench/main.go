// Command bench measures what Connect costs on Mattermost's post path (`make bench`). Concurrent
// posters create posts over REST on the real server in three states, interleaved in every round:
// both plugins disabled, only the floor plugin (build/floor: Connect's hooks, doing nothing), and
// only Connect. It prints each round's figures, then Connect's cost beyond the floor.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/pkg/errors"

	"github.com/connectchat/mattermost-plugin-connect/build/rig"
)

type settings struct {
	rounds, posts, warmup, posters int
	few, many                      int
	ticketShare                    float64
	settle                         time.Duration
	only                           string
	profileDir                     string
}

func main() {
	var s settings
	flag.IntVar(&s.rounds, "rounds", 5, "interleaved rounds (each measures every state)")
	flag.IntVar(&s.posts, "posts", 400, "posts measured per workload per state per round")
	flag.IntVar(&s.warmup, "warmup", 20, "unmeasured posts before each measurement")
	flag.IntVar(&s.posters, "posters", 4, "concurrent posters")
	flag.IntVar(&s.few, "few", 5, "conversations with other staff of the recipients who have few")
	flag.IntVar(&s.many, "many", 500, "conversations with other staff of the recipients who have many")
	flag.Float64Var(&s.ticketShare, "tickets", 0.2, "share of messages with ticket numbers in the staff DM ticket workload")
	flag.StringVar(&s.only, "only", "", "measure only the workloads whose name contains this text (e.g. offline)")
	flag.StringVar(&s.profileDir, "profile", "", "write a CPU profile of Connect's process per workload and round into this folder")
	flag.DurationVar(&s.settle, "settle", 300*time.Millisecond, "least time after a batch counted in its CPU time (Connect defers work by 250 ms)")
	flag.Parse()
	if s.rounds < 1 || s.posts < 1 || s.posters < 1 || s.few < 0 || s.many < 0 || s.warmup < 0 {
		fmt.Fprintln(os.Stderr, "bench: -rounds, -posts and -posters must be at least 1; -few, -many and -warmup not negative")
		os.Exit(2)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, s); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, s settings) (err error) {
	started := time.Now()
	if s.profileDir != "" {
		if err := os.MkdirAll(s.profileDir, 0o750); err != nil {
			return err
		}
		if s.profileDir, err = filepath.Abs(s.profileDir); err != nil {
			return err
		}
	}
	srv, err := rig.Start(ctx, rig.Options{Log: os.Stderr, ProfileDir: s.profileDir})
	if err != nil {
		return err
	}
	defer srv.Stop()
	if err := installFloors(ctx, srv); err != nil {
		return err
	}
	if err := sendEmailNotifications(ctx, srv); err != nil {
		return err
	}
	posters, workloads, err := prepare(ctx, srv, s)
	if err != nil {
		return err
	}
	if workloads = selected(workloads, s.only); len(workloads) == 0 {
		return errors.Errorf("no workload's name contains %q", s.only)
	}
	printHeader(srv, s, time.Since(started))
	results, err := measureRounds(ctx, srv, posters, workloads, s)
	if err != nil {
		return err
	}
	printSummary(workloads, results)
	fmt.Printf("\nwall time %s\n", time.Since(started).Round(time.Second))
	return nil
}

// sendEmailNotifications turns Mattermost's notification email on, through the rig's mail sink:
// recipients who are not online get email as on a real server.
func sendEmailNotifications(ctx context.Context, srv *rig.Server) error {
	return srv.UpdateConfig(ctx, func(cfg *model.Config) {
		cfg.EmailSettings.SendEmailNotifications = model.NewPointer(true)
	})
}

func selected(workloads []workload, only string) []workload {
	var chosen []workload
	for _, w := range workloads {
		if strings.Contains(strings.Join(strings.Fields(w.String()), " "), only) {
			chosen = append(chosen, w)
		}
	}
	return chosen
}

func printHeader(srv *rig.Server, s settings, setup time.Duration) {
	fmt.Printf("Posting over REST to %s, %d CPUs, set up in %s.\n", srv.URL, runtime.NumCPU(), setup.Round(time.Second))
	fmt.Printf("%d posters, %d posts per workload per state per round, %d rounds, %d warm-up posts before each.\n",
		s.posters, s.posts, s.rounds, s.warmup)
	fmt.Println("Each poster writes in its own DM with a staff recipient (dm), its own Connect group with two (group),")
	fmt.Printf("or the public channel all share (public). Recipients have %d or %d conversations with other staff besides\n", s.few, s.many)
	fmt.Printf("the bench's: a DM with each of up to %d (unlicensed, Mattermost allows 250 active users), then group messages.\n", maxPeers)
	fmt.Println("Notification email is on. Recipients are set online, away or offline before each measurement; those not")
	fmt.Println("online get Mattermost's email (through the rig's SMTP sink), which their bell asks for (email: all activity),")
	fmt.Println("except \"no bell\": they chose nothing, and Connect's opt-in rule drops what Mattermost alone would send.")
	fmt.Println("Group messages to offline recipients name them (a Connect group emails only mentions).")
	fmt.Println("CPU: the server's and its plugins' processes (not the database's), until the work the posts set off is done.")
	for _, st := range states {
		fmt.Printf("  %-8s  %s\n", st.name, st.about)
	}
	fmt.Println()
}

// results holds, for each workload (by index) and state, one sample per round.
type results []map[string][]sample

// measureRounds measures each workload in every state, one after the other, in every round:
// the machine's load drifts, and states measured seconds apart see about the same load.
func measureRounds(ctx context.Context, srv *rig.Server, posters []poster, workloads []workload, s settings) (results, error) {
	res := make(results, len(workloads))
	for i := range res {
		res[i] = map[string][]sample{}
	}
	for r := range s.rounds {
		for i, w := range workloads {
			// Every state sees the same messages in a round; rotating by workload too makes each
			// state go first equally often.
			seed := int64(r*len(workloads) + i)
			for _, st := range rotated(r + i) {
				measured, err := measureIn(ctx, srv, posters, w, st, s, seed, profilePath(s, st, w, r))
				if err != nil {
					return nil, err
				}
				res[i][st.name] = append(res[i][st.name], measured)
				fmt.Printf("round %d  %s  %-8s  %s\n", r+1, w, st.name, measured)
			}
		}
	}
	return res, nil
}

// switchQuietLimit bounds the wait for the server to go quiet after a change of state (Connect,
// once enabled again, screens the posts made while it was off).
const switchQuietLimit = 2 * time.Minute

// measureIn switches to st, sets the recipients' status, warms the workload up and measures it,
// profiling the plugin's process into profile when that is not "".
func measureIn(ctx context.Context, srv *rig.Server, posters []poster, w workload, st state, s settings, seed int64, profile string) (sample, error) {
	if err := st.apply(ctx, srv); err != nil {
		return sample{}, err
	}
	if err := setPresence(ctx, srv, w.audience, w.presence); err != nil {
		return sample{}, err
	}
	if err := warmUp(ctx, posters, w, s.warmup); err != nil {
		return sample{}, err
	}
	if err := settle(ctx, srv, s.settle, switchQuietLimit); err != nil {
		return sample{}, err
	}
	if profile == "" {
		return measure(ctx, srv, posters, w, w.messages(seed), s.posts, s.settle)
	}
	if err := srv.StartPluginProfile(); err != nil {
		return sample{}, err
	}
	measured, err := measure(ctx, srv, posters, w, w.messages(seed), s.posts, s.settle)
	if err != nil {
		return sample{}, err
	}
	return measured, srv.StopPluginProfile(profile)
}

// profilePath is where Connect's profile of one measurement goes ("" for none).
func profilePath(s settings, st state, w workload, round int) string {
	if s.profileDir == "" || st.name != "connect" {
		return ""
	}
	name := strings.Join(strings.Fields(strings.NewReplacer(",", "", "%", "").Replace(w.String())), "-")
	return filepath.Join(s.profileDir, fmt.Sprintf("%s-r%d.pprof", name, round+1))
}

// warmUp posts unmeasured messages, so that connections are open and caches filled, and names
// every ticket number once where tickets are measured, so that their records are cached.
func warmUp(ctx context.Context, posters []poster, w workload, posts int) error {
	if posts > 0 {
		if _, err := postAll(ctx, posters, w.channels(), w.messages(-1), posts); err != nil {
			return err
		}
	}
	if w.tickets > 0 {
		return nameEveryTicket(ctx, posters[0], w.channels()[0])
	}
	return nil
}
