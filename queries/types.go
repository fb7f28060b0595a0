package queries

import (
	"errors"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// Entity is a node as the queries return it: canonical ID, display name, type, and (in
// Resolve, Search and Describe) the aliases the graph holds for it. It is the same struct
// as the subject and object of an extracted fact.
type Entity = extract.Entity

// Errors the queries return, wrapped with what was asked.
var (
	// ErrNotFound is returned by Resolve (and every query that takes a name) when no
	// entity, alias or ID matches.
	ErrNotFound = errors.New("queries: no entity matches")

	// ErrSearchLimit is returned by Paths when the search visited PathOptions.MaxVisited
	// nodes without finding any path. Paths found before the limit are returned without it.
	ErrSearchLimit = errors.New("queries: search limit reached")

	// ErrBadDate is returned for a Since or Until that is not YYYY, YYYY-MM or YYYY-MM-DD.
	ErrBadDate = errors.New("queries: bad date (want YYYY, YYYY-MM or YYYY-MM-DD)")
)

// AmbiguousError is returned by Resolve when a name matches several entities equally well.
type AmbiguousError struct {
	Name       string   // as asked
	Candidates []Entity // every match, sorted by ID
}

func (e *AmbiguousError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "queries: %q is ambiguous:", e.Name)
	for i, c := range e.Candidates {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, " %s (%s, %s)", c.Name, c.ID, c.Type)
	}
	return b.String()
}

// Evidence is one statement behind a hop or an event: where the graph learnt it.
type Evidence struct {
	Statement    string  `json:"statement"`                // stmt:… IRI
	Sentence     string  `json:"sentence"`                 // the sentence it was read from
	Offset       int     `json:"offset"`                   // byte offset of Sentence in the article text
	Article      string  `json:"article"`                  // art:… IRI
	URL          string  `json:"url,omitempty"`            // the article's URL, when known
	Headline     string  `json:"headline,omitempty"`       // the article's headline, when known
	Published    string  `json:"published,omitempty"`      // the article's publication date
	Date         string  `json:"date,omitempty"`           // event date: YYYY-MM-DD, YYYY-MM or YYYY
	Precision    string  `json:"date_precision,omitempty"` // day, month or year
	Class        string  `json:"class,omitempty"`          // coarse event class
	Modality     string  `json:"modality,omitempty"`       // asserted, intent, negated, reported
	AttributedTo string  `json:"attributed_to,omitempty"`  // entity ID of the speaker of a reported fact
	Confidence   float64 `json:"confidence"`
}

// Link is a fact edge subject –predicate→ object, by entity ID.
type Link struct {
	Subject   string `json:"subject"`
	Predicate string `json:"predicate"`
	Object    string `json:"object"`
}

// Hop is one step of a path: the fact edge between two consecutive path nodes that has
// the most evidence. The path may walk it against its direction: Subject is then the
// later node of the path.
type Hop struct {
	Subject   Entity     `json:"subject"`
	Predicate string     `json:"predicate"`
	Object    Entity     `json:"object"`
	Reversed  bool       `json:"reversed"`       // the path goes from Object to Subject
	Date      string     `json:"date,omitempty"` // the earliest evidence date
	Evidence  []Evidence `json:"evidence"`       // by date, then statement
	Also      []Link     `json:"also,omitempty"` // other fact edges between the same two nodes
}

// Path is a chain of fact edges between two entities.
type Path struct {
	Nodes []Entity `json:"nodes"` // from the first entity to the second
	Hops  []Hop    `json:"hops"`  // len(Nodes)-1
}

// PathOptions bound and filter Paths. The zero value is usable: each field says what zero means.
type PathOptions struct {
	MaxHops    int      // longest path in hops; zero means DefaultMaxHops
	Via        []string // walk only these predicates ("mediate"); empty means every predicate
	Since      string   // keep edges with a statement dated on or after this; empty means no bound
	Until      string   // keep edges with a statement dated on or before this; empty means no bound
	K          int      // how many paths, shortest first; zero means 1
	MaxVisited int      // stop after visiting this many nodes; zero means DefaultMaxVisited
	Topics     bool     // walk through topic nodes (topic:ceasefire); false keeps them as endpoints only
}

// Defaults of PathOptions.
const (
	DefaultMaxHops    = 4
	DefaultMaxVisited = 200000
)

// TimelineOptions filter TimelineOf. The zero value lists every fact of the entity.
type TimelineOptions struct {
	With    string   // only facts linking the entity and this one (name, alias or ID); empty means any
	Classes []string // only facts of these event classes; empty means every class
	Since   string   // only events dated on or after this (YYYY[-MM[-DD]]); empty means no bound
	Until   string   // only events dated on or before this; empty means no bound
}

// Timeline is the facts involving an entity in event-date order, grouped by month.
type Timeline struct {
	Entity Entity  `json:"entity"`
	With   *Entity `json:"with,omitempty"`
	Events int     `json:"events"` // total over Months
	Months []Month `json:"months"`
}

// Month groups a timeline's events. Month is "YYYY-MM"; events known only to the year are
// grouped under "YYYY" before that year's months, and undated events last under "".
type Month struct {
	Month  string  `json:"month"`
	Events []Event `json:"events"`
}

// Event is one fact with every statement that states it: the same subject, predicate,
// object and date read from several articles is one event with several pieces of evidence.
type Event struct {
	Date       string     `json:"date,omitempty"`
	Precision  string     `json:"date_precision,omitempty"`
	Subject    Entity     `json:"subject"`
	Predicate  string     `json:"predicate"`
	Object     Entity     `json:"object"`
	Class      string     `json:"class,omitempty"`
	Modality   string     `json:"modality,omitempty"` // of the most confident evidence
	Confidence float64    `json:"confidence"`         // the highest of the evidence
	Evidence   []Evidence `json:"evidence"`
}

// RelatedOptions tune RelatedTo. The zero value uses the defaults.
type RelatedOptions struct {
	GapDays   int // a quiet gap longer than this many days ends an episode; zero means DefaultGapDays
	MainFacts int // main facts listed per episode; zero means DefaultMainFacts
	Linked    int // linked threads listed, the most linked first; zero means DefaultLinked
}

// Defaults of RelatedOptions.
const (
	// DefaultGapDays splits Armenia–Azerbaijan into its known flare-ups (April 2016, July
	// 2020, autumn 2020, September 2022, September 2023): the 44-day war is one episode and
	// July 2020 another, while clashes months apart stay apart.
	DefaultGapDays   = 60
	DefaultMainFacts = 5
	DefaultLinked    = 20
)

// Related is the conflict threads an entity takes part in, over time.
type Related struct {
	Entity  Entity         `json:"entity"`
	Threads []Thread       `json:"threads"`
	Linked  []LinkedThread `json:"linked"` // other threads sharing a party or a mediator
	// MoreLinked counts the links left out of Linked by RelatedOptions.Linked.
	MoreLinked int `json:"more_linked"`
}

// Thread is a conflict between two parties (conflict:a--b) as episodes over time.
type Thread struct {
	Conflict   Entity     `json:"conflict"`
	Parties    []Entity   `json:"parties"`
	Statements int        `json:"statements"` // all statements of the thread
	Hostile    int        `json:"hostile"`    // of which hostile-class
	First      string     `json:"first,omitempty"`
	Last       string     `json:"last,omitempty"`
	Episodes   []Episode  `json:"episodes"`
	Mediators  []Mediator `json:"mediators"` // over the whole thread
}

// Episode is a burst of hostile facts in a thread, separated from the next by a quiet gap.
type Episode struct {
	Start     string     `json:"start"`
	End       string     `json:"end"`
	Hostile   int        `json:"hostile"`   // hostile-class events
	Events    int        `json:"events"`    // all events in or near it
	Mediators []Mediator `json:"mediators"` // who mediated in or near it
	Main      []Event    `json:"main"`      // the best-attested events
}

// Mediator is an entity that mediated a thread, with how many statements say so.
type Mediator struct {
	Entity     Entity `json:"entity"`
	Statements int    `json:"statements"`
}

// LinkedThread is another conflict thread that shares a party or a mediator with one of
// the entity's threads: one entry per shared entity. Threads with more such links come first.
type LinkedThread struct {
	Conflict Entity `json:"conflict"`
	From     string `json:"from"` // the ID of the thread it is linked from
	Via      string `json:"via"`  // "party" or "mediator"
	Shared   Entity `json:"shared"`
}

// Profile describes one entity.
type Profile struct {
	Entity     Entity      `json:"entity"`
	Articles   int         `json:"articles"`   // articles that mention it
	Facts      int         `json:"facts"`      // statements it is the subject or object of
	AsSubject  int         `json:"as_subject"` // of which as subject
	FirstSeen  string      `json:"first_seen,omitempty"`
	LastSeen   string      `json:"last_seen,omitempty"`
	Predicates []Count     `json:"predicates"` // most frequent first
	Neighbours []Neighbour `json:"neighbours"` // most facts first
	Threads    []Entity    `json:"threads"`    // conflict threads it is a party of
}

// Count is a name with how often it occurs.
type Count struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// Neighbour is an entity linked to another by facts.
type Neighbour struct {
	Entity Entity `json:"entity"`
	Facts  int    `json:"facts"`
}
