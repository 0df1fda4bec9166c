package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/vigilhq/vigil/internal/api"
	"github.com/vigilhq/vigil/internal/feed"
	"github.com/vigilhq/vigil/internal/fetch"
	"github.com/vigilhq/vigil/internal/store"
)

// feedsEnv names a feed list file that replaces the embedded default list.
const feedsEnv = "VIGIL_FEEDS"

// dbEnv names the database used when --db is not given.
const dbEnv = "VIGIL_DB"

const (
	defaultAddr     = "127.0.0.1:8080"
	shutdownTimeout = 10 * time.Second
)

// runConfig is what `vigil run` was asked to do.
type runConfig struct {
	db        string
	feedsFile string
	addr      string
	serve     bool // false: no API server (--once without an explicit --addr)
	interval  time.Duration
	once      bool
	hostDelay time.Duration
	timeout   time.Duration
	maxItems  int
	verbose   bool
}

func runRun(ctx context.Context, args []string, s stdio) error {
	cfg, err := parseRunFlags(args, s)
	if err != nil {
		return err
	}
	log := newLogger(s.err, cfg.verbose)

	feeds, from, err := loadFeeds(cfg.feedsFile)
	if err != nil {
		return err
	}
	log.Info("feeds", "count", len(feeds), "from", from)

	st, err := store.Open(ctx, cfg.db, log)
	if err != nil {
		return fmt.Errorf("open store %s: %w", cfg.db, err)
	}
	defer func() {
		if err := st.Close(); err != nil {
			log.Error("close store", "err", err)
		}
	}()

	hostDelay := cfg.hostDelay
	if hostDelay == 0 {
		hostDelay = -1 // fetch: negative turns the delay off, zero means its default
	}
	pipe, err := newPipeline(log, true)
	if err != nil {
		return err
	}
	client := fetch.New(log, fetch.Config{Timeout: cfg.timeout, HostDelay: hostDelay})
	poller := feed.New(log, feed.Config{
		Feeds:    feeds,
		Interval: cfg.interval,
		MaxItems: cfg.maxItems,
	}, client, pipe, st)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var srv *http.Server
	serveErr := make(chan error, 1)
	if cfg.serve {
		ln, err := net.Listen("tcp", cfg.addr)
		if err != nil {
			return fmt.Errorf("listen on %s: %w", cfg.addr, err)
		}
		srv = &http.Server{
			Handler:           api.New(log, st, api.Options{Errors: poller}),
			ReadHeaderTimeout: 5 * time.Second,
			ReadTimeout:       10 * time.Second,
			WriteTimeout:      30 * time.Second,
			IdleTimeout:       60 * time.Second,
			ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		}
		log.Info("serving API", "addr", "http://"+ln.Addr().String())
		go func() {
			if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				serveErr <- err
				cancel()
			}
		}()
	}

	if cfg.once {
		sum := poller.PollAll(ctx)
		fmt.Fprintf(s.out, "polled %d feeds: %d added, %d duplicates, %d failed items, %d feed errors, %d not modified\n",
			sum.Feeds, sum.Added, sum.Duplicates, sum.Failed, sum.FeedErrors, sum.NotModified)
	} else {
		log.Info("polling", "interval", cfg.interval)
		_ = poller.Run(ctx) // returns when ctx is done: SIGINT, SIGTERM or a server failure
		log.Info("shutting down")
	}

	var errs []error
	if srv != nil {
		sctx, scancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
		if err := srv.Shutdown(sctx); err != nil {
			errs = append(errs, fmt.Errorf("stop API server: %w", err))
		}
		scancel()
	}
	select {
	case err := <-serveErr:
		errs = append(errs, fmt.Errorf("serve API on %s: %w", cfg.addr, err))
	default:
	}
	return errors.Join(errs...)
}

// parseRunFlags reads `vigil run`'s flags.
func parseRunFlags(args []string, s stdio) (runConfig, error) {
	var cfg runConfig
	fs := newFlagSet("run", s)
	fs.StringVar(&cfg.db, "db", envOrDefaultDB(), "SQLite database `path` ($VIGIL_DB)")
	fs.StringVar(&cfg.feedsFile, "feeds", "", "feed list `file`, one URL per line (default $"+feedsEnv+", else the built-in list)")
	fs.StringVar(&cfg.addr, "addr", defaultAddr, "`address` for the read-only API; empty turns it off")
	fs.DurationVar(&cfg.interval, "interval", feed.DefaultInterval, "time between polls")
	fs.BoolVar(&cfg.once, "once", false, "poll every feed once and exit (no API unless --addr is given)")
	fs.DurationVar(&cfg.hostDelay, "host-delay", fetch.DefaultHostDelay, "minimum time between requests to one host")
	fs.DurationVar(&cfg.timeout, "timeout", fetch.DefaultTimeout, "timeout of one request")
	fs.IntVar(&cfg.maxItems, "max-items", feed.DefaultMaxItems, "newest items looked at per feed and poll")
	fs.BoolVar(&cfg.verbose, "v", false, "log every fetch")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return cfg, err
	}
	if len(pos) > 0 {
		return cfg, fmt.Errorf("%w: unexpected argument %q", errUsage, pos[0])
	}
	addrSet := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "addr" {
			addrSet = true
		}
	})
	cfg.serve = cfg.addr != "" && (!cfg.once || addrSet)
	switch {
	case cfg.interval <= 0:
		return cfg, fmt.Errorf("%w: --interval must be positive", errUsage)
	case cfg.hostDelay < 0:
		return cfg, fmt.Errorf("%w: --host-delay must not be negative", errUsage)
	case cfg.timeout <= 0:
		return cfg, fmt.Errorf("%w: --timeout must be positive", errUsage)
	case cfg.maxItems <= 0:
		return cfg, fmt.Errorf("%w: --max-items must be positive", errUsage)
	case cfg.db == "":
		return cfg, fmt.Errorf("%w: --db must not be empty", errUsage)
	}
	if cfg.serve {
		if _, _, err := net.SplitHostPort(cfg.addr); err != nil {
			return cfg, fmt.Errorf("%w: --addr %q: %v", errUsage, cfg.addr, err)
		}
	}
	return cfg, nil
}

// loadFeeds returns the feed list: from --feeds, else from $VIGIL_FEEDS,
// else the embedded default. from says which, for the log.
func loadFeeds(flagFile string) (feeds []string, from string, err error) {
	path := flagFile
	if path == "" {
		path = os.Getenv(feedsEnv)
	}
	if path == "" {
		feeds = feed.Default()
		if len(feeds) == 0 {
			return nil, "", errors.New("the built-in feed list is empty")
		}
		return feeds, "built-in list", nil
	}
	feeds, err = feed.LoadList(path)
	if err != nil {
		return nil, "", err
	}
	return feeds, path, nil
}

// envOrDefaultDB is the database path used when --db is not given:
// $VIGIL_DB, else data/vigil.db.
func envOrDefaultDB() string {
	if p := os.Getenv(dbEnv); p != "" {
		return p
	}
	return "data/vigil.db"
}
