package graph

import (
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
)

// The vocabulary. Every IRI newsgraph writes is one of these or an entity, topic,
// conflict, relation, article or statement IRI (see the README's vocabulary section).
const (
	// Entity and article metadata.
	RDFType           = quad.IRI("rdf:type")
	SchemaName        = quad.IRI("schema:name")
	SchemaAltName     = quad.IRI("schema:alternateName")
	SchemaNewsArticle = quad.IRI("schema:NewsArticle")
	SchemaHeadline    = quad.IRI("schema:headline")
	SchemaURL         = quad.IRI("schema:url")
	SchemaPublished   = quad.IRI("schema:datePublished")
	SchemaPublisher   = quad.IRI("schema:publisher")

	// Statement nodes: one per fact, what timelines and evidence read.
	Statement     = quad.IRI("ng:Statement")
	Relation      = quad.IRI("ng:Relation") // the rdf:type of every rel: predicate, so queries can select fact edges
	NGSubject     = quad.IRI("ng:subject")
	NGPredicate   = quad.IRI("ng:predicate")
	NGObject      = quad.IRI("ng:object")
	NGDate        = quad.IRI("ng:date")
	NGPrecision   = quad.IRI("ng:datePrecision")
	NGDateSource  = quad.IRI("ng:dateSource")
	NGClass       = quad.IRI("ng:class")
	NGModality    = quad.IRI("ng:modality")
	NGAttributed  = quad.IRI("ng:attributedTo")
	NGSentence    = quad.IRI("ng:sentence")
	NGOffset      = quad.IRI("ng:offset")
	NGSource      = quad.IRI("ng:source")
	NGConfidence  = quad.IRI("ng:confidence")
	NGThread      = quad.IRI("ng:thread")      // statement → conflict:a--b it belongs to
	NGParty       = quad.IRI("ng:party")       // conflict:a--b → each party
	NGRecord      = quad.IRI("ng:record")      // article → the N-Quads it wrote (for retract/replace)
	NGContentHash = quad.IRI("ng:contentHash") // article → hash of its quads (for idempotent re-load)
	NGKey         = quad.IRI("ng:key")         // entity → NameKey of its name and of each alias (for lookups by name)
)

// NameKey is how names are looked up: lower case, one kind of dash, single spaces, so that
// "armenia-azerbaijan" finds "Armenia–Azerbaijan" through the index rather than a scan.
func NameKey(s string) string {
	s = dashes.Replace(strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

var dashes = strings.NewReplacer("–", "-", "—", "-", "‐", "-")

// EntityTypes are the types of entity nodes (extract.Type…): the loader accepts no other,
// and queries take a node of another type (a statement, an article) for no entity.
var EntityTypes = []string{
	extract.TypePerson, extract.TypeCountry, extract.TypeOrganization, extract.TypeLocation,
	extract.TypeEvent, extract.TypeConflict, extract.TypeTopic,
}

// TypeIRI is the rdf:type class of an entity type ("Country" → <ng:Country>).
func TypeIRI(t string) quad.IRI { return quad.IRI("ng:" + t) }

// RelIRI is the direct-edge predicate of a fact predicate ("mediate" → <rel:mediate>).
func RelIRI(predicate string) quad.IRI { return quad.IRI("rel:" + predicate) }
