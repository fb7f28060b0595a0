// Package queries answers the questions newsgraph is for, over a Cayley quad store written
// by package graph: how two entities are connected (Paths), what happened to an entity or
// between two over time (TimelineOf), which conflicts an entity takes part in and how they
// flared up (RelatedTo), what the graph knows about an entity (Describe), and which
// entities match a name (Resolve, Search). The CLI and the server both call this one API;
// every result type has JSON tags.
//
//	ent, err := queries.Resolve(ctx, qs, "Putin")
//	paths, err := queries.Paths(ctx, qs, "Armenia", "Russia", queries.PathOptions{K: 3})
//	tl, err := queries.TimelineOf(ctx, qs, "Armenia", queries.TimelineOptions{With: "Azerbaijan"})
//	rel, err := queries.RelatedTo(ctx, qs, "Azerbaijan", queries.RelatedOptions{})
//	fmt.Println(queries.PathGizmo(paths[0])) // paste into the web UI's Visualize page
//
// Entities are given by ID ("ent:russia"), name or alias, ignoring case and the kind of
// dash; a name that fits several entities gives an *AmbiguousError listing them, one that
// fits none an error wrapping ErrNotFound. Every hop and event carries its evidence: the
// statement IRI, sentence, article IRI, URL and headline, event date, class, modality and
// confidence.
//
// queries only reads the graph. It must never import server or cmd, and it takes the
// vocabulary from package graph rather than spelling IRIs itself.
//
// # Reading the store
//
// The queries use the QuadStore directly: QuadIterator prefix scans by subject or object,
// QuadDirection on the quads they yield, and values resolved in batches. A statement is
// found from an entity through <stmt> <ng:subject> <ent>. Lookups of a subject+predicate or
// object+predicate pair read one index prefix; on Cayley's key-value stores (bolt) the
// object+predicate prefix is scanned here, because Cayley's optimiser uses that index only
// when subject, predicate and object are all fixed and otherwise scans the whole store.
// Nothing is read by predicate alone. An entity's name and type are checked against the
// key counts of that index (IDs are made from names), so that naming a country mentioned
// in a thousand articles does not read a thousand quads. The same quad may be stored once
// per article label; results are deduped.
//
// Paths is a bidirectional breadth-first search over the direct fact edges
// <a> <rel:p> <b>, walked in both directions; Cayley has neither a shortest-path primitive
// nor a working FollowRecursive(Both). It expands the smaller frontier a whole level at a
// time and keeps every parent of a node at its distance, so all shortest routes through
// each meeting node can be listed; edges whose predicate is not rel:… (types, names,
// statements, ng:party) are not walked, and topics (topic:ceasefire) only end a path
// unless PathOptions.Topics is set. With Since or Until a node's edges come from its
// statements instead, keeping those dated in range. When fewer than K routes of the
// shortest length exist the search goes a level further, up to MaxHops; such longer routes
// are those whose every node sits at its breadth-first distance from one end. Routes are
// ranked by the evidence of their weakest hop, then of all hops. The search stops at
// MaxVisited nodes or when the context is done.
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
// Episodes are derived at query time, never stored: storing them would make every load
// and retract rewrite the episodes of each thread it touches, and the gap is a reader's
// choice, not a fact. RelatedTo reads a thread's statements through <ng:thread>, merges
// those stating the same fact, and sorts the hostile ones (graph.IsHostile) by event date:
//
//  1. Hostile events dated to the day or month make the episodes: a new one starts after a
//     quiet gap of more than GapDays (default 60) days.
//  2. A hostile event dated only to a year joins the first episode within that year, or
//     else becomes an episode of its own, so that "clashes in 2020" cannot merge July 2020
//     with the autumn war.
//  3. Every other dated event of the thread joins the nearest episode within GapDays.
//  4. An episode's mediators are the subjects, other than the parties, of its
//     mediate-class events and of its events whose object is the conflict, when they are
//     people, countries or organisations (a topic such as the ceasefire mediates nothing).
//
// The threads of an entity are those it is a party of or mediates; the linked threads are
// the other threads of their parties and mediators, the ones sharing the most first.
package queries
