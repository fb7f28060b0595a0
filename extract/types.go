package extract

import "time"

// Article is one news item as read from its source, before analysis.
type Article struct {
	ID         string    // "art:" + first 12 hex digits of sha256(URL), or of the body when there is no URL
	URL        string    // canonical URL when the source gives one
	Title      string    // headline; never mined for entities
	Publisher  string    // e.g. "The Moscow Times", when known
	Published  time.Time // publication date (UTC midnight when only a day is known); zero when unknown
	DateSource string    // where Published came from: "article" (the input said it) or "default" (--date)
	Source     string    // file path, "-" for stdin, with "#n" for the n-th record of a multi-record file
	Text       string    // the body only: paragraphs separated by "\n\n", no boilerplate
}

// Entity is a canonical node: the same real-world actor has the same ID in every article.
type Entity struct {
	Name    string   `json:"name"`              // canonical display name, "Vladimir Putin"
	ID      string   `json:"id"`                // "ent:vladimir_putin", "topic:ceasefire", "conflict:armenia--azerbaijan"
	Type    string   `json:"type"`              // one of the Type* constants
	Aliases []string `json:"aliases,omitempty"` // other surface forms seen in this article ("Putin", "the Russian president")
}

// Entity types. They are also the local names of the rdf:type classes in the graph.
const (
	TypePerson       = "Person"
	TypeCountry      = "Country"
	TypeOrganization = "Organization"
	TypeLocation     = "Location"
	TypeEvent        = "Event"
	TypeConflict     = "Conflict"
	TypeTopic        = "Topic"
)

// Modalities of a fact.
const (
	Asserted = "asserted" // the article states it happened
	Intent   = "intent"   // someone is ready, prepared, willing or plans to do it
	Negated  = "negated"  // the article states it did not happen
	Reported = "reported" // someone said it; AttributedTo names who
)

// Date sources of a fact.
const (
	DateFromText      = "text"      // the sentence names the date
	DateFromPublished = "published" // no date in the sentence: the publication date
)

// Fact is one subject–predicate–object statement with its date and provenance.
// Its JSON form is the `extract --format jsonl` line and the input of `load --facts`.
type Fact struct {
	Article       string  `json:"article"`             // Article.ID
	URL           string  `json:"url,omitempty"`       // Article.URL
	Headline      string  `json:"headline,omitempty"`  // Article.Title
	Publisher     string  `json:"publisher,omitempty"` // Article.Publisher
	Published     string  `json:"published"`           // YYYY-MM-DD
	Subject       Entity  `json:"subject"`
	Predicate     string  `json:"predicate"` // lowercase verb lemma, particles joined with "_": "adhere_to"
	Object        Entity  `json:"object"`
	Date          string  `json:"date"`           // YYYY-MM-DD, YYYY-MM or YYYY, per DatePrecision
	DatePrecision string  `json:"date_precision"` // "day", "month", "year" or "decade" ("the 1990s": Date "1990")
	DateSource    string  `json:"date_source"`    // DateFromText or DateFromPublished
	Modality      string  `json:"modality"`
	AttributedTo  string  `json:"attributed_to,omitempty"` // entity ID of the speaker when Modality is Reported
	Class         string  `json:"class"`                   // coarse event class from the verb lexicon
	Sentence      string  `json:"sentence"`
	Offset        int     `json:"offset"` // byte offset of Sentence in Article.Text
	Confidence    float64 `json:"confidence"`
}

// Document is an article's body analysed into sentences and tokens.
type Document struct {
	Article   Article
	Sentences []Sentence
}

// Sentence is one sentence of the body. Paragraph and line breaks always end a sentence.
type Sentence struct {
	Text      string
	Offset    int // byte offset of Text in Article.Text
	Paragraph int // index of the paragraph it belongs to
	Tokens    []Token
}

// Token is a word or punctuation mark of a sentence.
type Token struct {
	Text  string
	Tag   string // Penn Treebank part-of-speech tag
	Lemma string // lowercase lemma: "accused" → "accuse", "talks" → "talk"
	Start int    // byte offset of Text in Sentence.Text
}

// Mention is a span of a sentence that refers to an entity.
type Mention struct {
	Sentence int    // index in Document.Sentences
	Start    int    // first token
	End      int    // one past the last token
	Entity   Entity // the canonical entity it resolves to
	Modifier bool   // the span only modifies a head noun: "Armenian" in "Armenian government spokesman"
}

// Timex is a time expression found in a sentence, resolved against the publication date.
type Timex struct {
	Start, End int    // byte span in the sentence text
	Text       string // as written: "on Sunday", "since 1994"
	Date       string // YYYY-MM-DD, YYYY-MM or YYYY
	Precision  string // "day", "month", "year" or "decade"
	Since      bool   // the expression opens a period ("since 1994")
}

// Result is what extraction yields for one article: the unit the loader writes atomically.
type Result struct {
	Article Article
	Facts   []Fact
}
