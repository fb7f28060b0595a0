package main

import (
	"context"
	"fmt"
	"io"
	"net"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/server"
)

func newServeCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the Cayley web UI, Cayley's API and newsgraph's query endpoints",
		Long: `Serve the graph over HTTP: the Cayley web UI at / (working offline: nothing is loaded
from outside this server), Cayley's API v2 (/api/v2/query, read, formats), newsgraph's own JSON
endpoints (/api/newsgraph/path, timeline, related, entity, search) and /health.

The server binds loopback and is read-only by default. --allow-writes enables /api/v2/write
and /api/v2/delete for requests that carry the configured token (server.token, or
NEWSGRAPH_SERVER_TOKEN) as "Authorization: Bearer TOKEN". Queries stop after
server.query_timeout and return at most server.query_limit results.`,
		Example: `  $ newsgraph serve
  $ newsgraph serve --port 8080
  $ NEWSGRAPH_SERVER_TOKEN=$(openssl rand -hex 16) newsgraph serve --allow-writes
  $ curl 'http://127.0.0.1:64210/api/newsgraph/path?from=Putin&to=Azerbaijan'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadConfig(g, cmd)
			if err != nil {
				return err
			}
			sopts, err := serverOptions(cfg)
			if err != nil {
				return err
			}
			store, err := openStore(cmd.Context(), cfg, !cfg.Server.AllowWrites)
			if err != nil {
				return err
			}
			defer store.Close()
			return serveStore(cmd.Context(), cmd.OutOrStdout(), store, sopts)
		},
	}
	f := cmd.Flags()
	f.String("host", "127.0.0.1", "address to listen on")
	f.IntP("port", "p", 64210, "port to listen on")
	f.Bool("allow-writes", false, "enable the write and delete API for requests carrying server.token")
	config.BindFlag(f.Lookup("host"), "server.host")
	config.BindFlag(f.Lookup("port"), "server.port")
	config.BindFlag(f.Lookup("allow-writes"), "server.allow_writes")
	return cmd
}

// serverOptions are the server's settings from the configuration, checked before anything
// is opened: the server asks more than the configuration does (a token of some length).
func serverOptions(cfg *config.Config) (server.Options, error) {
	opts := server.Options{
		Host:            cfg.Server.Host,
		Port:            cfg.Server.Port,
		AllowWrites:     cfg.Server.AllowWrites,
		Token:           cfg.Server.Token,
		QueryTimeout:    cfg.Server.QueryTimeout,
		QueryLimit:      cfg.Server.QueryLimit,
		MaxRequestBytes: cfg.Server.MaxRequestBytes,
	}
	if err := opts.EnsureDefaults().Validate(); err != nil {
		return opts, usageErrorf("invalid server settings (server.* in newsgraph config):\n%w", err)
	}
	return opts, nil
}

// serveStore serves store until ctx is done (Ctrl+C), printing the URL once listening.
func serveStore(ctx context.Context, out io.Writer, store *graph.Store, opts server.Options) error {
	h, err := server.New(store.QuadStore(), nil, opts)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.Addr())
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	mode := "read-only"
	if opts.AllowWrites {
		mode = "writes enabled with token"
	}
	fmt.Fprintf(out, "serving the graph (%s) at http://%s/ — press Ctrl+C to stop\n", mode, ln.Addr())
	return server.Serve(ctx, ln, h)
}
