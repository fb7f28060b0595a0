// Package server is newsgraph's HTTP front door: the Cayley web UI, made to work offline,
// Cayley's query and data API, and newsgraph's own JSON endpoints over package queries.
//
//	h, err := server.New(store.QuadStore(), nil, server.Options{})
//	ln, err := net.Listen("tcp", opts.Addr())
//	err = server.Serve(ctx, ln, h) // returns after ctx is done and requests drained
//
// # Endpoints
//
//	GET  /                        the Cayley web UI (Query, Visualize, Write)
//	GET  /health                  {"status":"ok","read_only":…,"quads":…,"nodes":…}
//	POST /api/v2/query?lang=L     a Gizmo, GraphQL or MQL query in the body (GET: ?qu=)
//	GET  /api/v2/read             quads, filtered by sub, pred, obj, label; ?format=
//	GET  /api/v2/formats          the quad formats
//	POST /api/v2/write, /delete   quads in the body; only with AllowWrites and the token
//	GET  /api/newsgraph/path      ?from=&to=[&k=&max_hops=&via=&since=&until=&topics=]
//	GET  /api/newsgraph/timeline  ?entity=[&with=&class=&since=&until=]
//	GET  /api/newsgraph/related   ?entity=[&gap_days=&main_facts=]
//	GET  /api/newsgraph/entity    ?entity=
//	GET  /api/newsgraph/search    ?q=[&limit=]
//
// Every error is {"error": "message"} with a status chosen by one function (statusOf):
// 400 bad request or query, 401 missing token, 403 writes disabled, 404 unknown path or
// entity, 405 method, 413 body too large, 421 foreign Host, 504 query timeout, 500 anything
// else.
//
// # Safety
//
// The zero Options bind loopback and serve read-only. Writes need AllowWrites and the
// Token as "Authorization: Bearer <token>"; a header token also keeps other web sites
// from writing through a user's browser. Every query runs under QueryTimeout — Gizmo's
// JavaScript VM is interrupted, which stops even `while(true){}` — and returns at most
// QueryLimit rows ("truncated": true says it was cut). Request bodies are capped at
// MaxRequestBytes. The UI is served with a Content-Security-Policy that lets the browser
// load nothing from any other origin. A server bound to loopback answers only requests
// addressed to a loopback name, so that a web page cannot reach it by DNS rebinding.
//
// # The web UI offline
//
// The UI is Cayley's own bundle (github.com/cayleygraph/cayley/ui), edited as it is
// served (uiRewrites): its API origin, baked in as http://localhost:64210, becomes the
// page's own origin; the icon web font import is dropped; the Query Shape page, whose
// API Cayley no longer has, leaves the menu. assets/newsgraph.js, loaded first, provides
// the editor the bundle would fetch from a CDN (a textarea behind Monaco's API, with
// Ctrl+Enter to run and a per-language query history), sends the write token, and tags
// icons for assets/newsgraph.css to draw. A rewrite that no longer matches the bundle
// makes New fail, so a Cayley upgrade cannot silently bring the CDN back.
//
// server must never import cmd. It reads the graph through package queries and Cayley,
// and writes only through the Write API, whose quads are not recorded by package graph's
// loader (they are not replaced or retracted with an article).
package server
