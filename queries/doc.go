// Package queries answers the questions newsgraph is for, over a Cayley quad store written
// by package graph: how two entities are connected (Paths), what happened to an entity or
// between two over time (TimelineOf), which conflicts an entity takes part in and how they
// flared up (RelatedTo), what the graph knows about an entity (Describe), and which entities
// match a name (Resolve, Search). The CLI and the server both call this one API; every
// result type has JSON tags.
//
//	ent, err := queries.Resolve(ctx, qs, "Putin")
//	paths, err := queries.Paths(ctx, qs, "Armenia", "Russia", queries.PathOptions{K: 3})
//	tl, err := queries.TimelineOf(ctx, qs, "Armenia", queries.TimelineOptions{With: "Azerbaijan"})
//	rel, err := queries.RelatedTo(ctx, qs, "Azerbaijan", queries.RelatedOptions{})
//	fmt.Println(queries.PathGizmo(paths[0])) // paste into the web UI's Visualize page
//
// Every hop and event carries its evidence: the statement IRI, sentence, article IRI, URL,
// event date, class, modality and confidence.
//
// queries reads the graph only; it never writes. It must never import server or cmd, and
// it reads the vocabulary from package graph rather than spelling IRIs itself.
//
// # Reading the store
//
// The queries use the QuadStore directly (QuadIterator, QuadDirection, batched ValuesOf)
// and fixed-value quad shapes that Cayley's key-value stores answer from one index prefix
// (subject+predicate, object+predicate); they never scan by predicate alone, which bolt has
// no index for. The same quad may be stored once per article label; results are deduped.
// A statement is found from an entity by the object index: <stmt> <ng:subject> <ent>.
//
// Paths is a bidirectional breadth-first search over the direct fact edges
// <a> <rel:p> <b>, walked in both directions, expanding the smaller frontier a whole level
// at a time and keeping every parent of a node at its distance, so that all shortest
// paths through each meeting node can be listed. Cayley has neither a shortest-path
// primitive nor a working FollowRecursive(Both). Edges whose predicate is not rel:… (types,
// names, statements) are skipped. With Since or Until, a node's edges are read from its
// statements instead, keeping those with a date in range. When K paths of the shortest
// length do not exist, the search goes one level further, up to MaxHops; paths longer
// than the shortest are those whose nodes each sit at their breadth-first distance from
// one end. The search stops at MaxVisited nodes or when the context is done.
//
// Dates are compared as intervals: "2020" covers 2020-01-01…2020-12-31 and matches any
// Since/Until range that overlaps it.
//
// # How threads and episodes live in the graph
//
// A conflict thread is the node conflict:a--b (parties sorted) with <ng:party> edges to both
// parties. Package graph writes, in each article's label, <stmt> <ng:thread> <conflict:a--b>
// for every hostile or conflict-handling statement between the two parties and for every
// statement whose object is the conflict itself ("Russia mediates Armenia–Azerbaijan"),
// and the <ng:party> edges of each thread the article touches. Because all of these quads
// belong to the article that stated them, loading an article adds its statements to the
// thread and retracting it removes them, with no derived quad to keep in step.
//
// Episodes are derived at query time, never stored: RelatedTo reads a thread's statements
// through <ng:thread>, sorts the hostile ones (graph.IsHostile) by event date, and starts a
// new episode after a quiet gap of more than GapDays (default 60) without one. A date known
// only to the month or year counts from its first day. Every other statement of the thread
// dated within the gap of an episode belongs to it; the subjects of its mediate-class
// statements, and of statements whose object is the conflict, other than the parties, are
// the episode's mediators. Storing episodes would make every load and retract rewrite the
// episodes of every thread it touches, and the gap is a reader's choice, not a fact.
package queries
