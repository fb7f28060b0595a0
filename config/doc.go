// Package config loads newsgraph's settings: built-in defaults, then a config file
// (newsgraph.yaml in the working directory or the user's config directory, or the file
// given with --config), then NEWSGRAPH_* environment variables, then command-line flags,
// each overriding the one before.
//
//	cfg, err := config.Load(config.Options{File: path, Flags: cmd.Flags()})
//
// Every value remembers where it came from (Config.Settings), so `newsgraph config`
// can show it. Load checks everything before returning and reports every problem at once,
// one per line, by key: `store.backend: unknown value "boltx" (want bolt, memory, postgres,
// cockroach)`. A file key that newsgraph does not know is an error, not silently ignored:
// a misspelt setting would otherwise fall back to its default unnoticed.
//
// config must never import Cayley or any other newsgraph package: it is read before
// anything is opened, and its errors must not depend on a store.
package config
