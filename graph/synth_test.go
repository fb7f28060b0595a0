package graph

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/newsgraph/newsgraph/extract"
)

// synthClasses cycles hostile, handling and neutral classes so that synthetic facts exercise
// conflict threads as well as plain edges.
var synthClasses = []struct{ predicate, class string }{
	{"accuse", "accuse"}, {"attack", "attack"}, {"agree_to", "agree"}, {"mediate", "mediate"},
	{"say", "statement"}, {"send_aid_to", "aid"}, {"sanction", "sanction"}, {"meet", "consult"},
}

// synthResults makes n articles of k facts each, the same for the same arguments. Entities come
// from small pools, so articles share nodes the way news about the same conflicts does; the
// text is generated, not taken from any article.
func synthResults(n, k int) []extract.Result {
	rng := rand.New(rand.NewPCG(uint64(n), uint64(k)))
	entity := func() extract.Entity {
		switch i := rng.IntN(100); {
		case i < 40:
			c := rng.IntN(60)
			return extract.Entity{Name: fmt.Sprintf("Country %d", c), ID: fmt.Sprintf("ent:country_%d", c), Type: extract.TypeCountry,
				Aliases: []string{fmt.Sprintf("Capital %d", c)}}
		case i < 60:
			o := rng.IntN(25)
			return extract.Entity{Name: fmt.Sprintf("Organisation %d", o), ID: fmt.Sprintf("ent:organisation_%d", o), Type: extract.TypeOrganization}
		case i < 90:
			p := rng.IntN(400)
			return extract.Entity{Name: fmt.Sprintf("Person %d", p), ID: fmt.Sprintf("ent:person_%d", p), Type: extract.TypePerson}
		default:
			tp := rng.IntN(30)
			return extract.Entity{Name: fmt.Sprintf("topic %d", tp), ID: fmt.Sprintf("topic:topic_%d", tp), Type: extract.TypeTopic}
		}
	}
	start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]extract.Result, n)
	for a := range out {
		id := fmt.Sprintf("art:%012x", uint64(a)*2654435761%(1<<48))
		pub := start.AddDate(0, 0, rng.IntN(3650))
		art := extract.Article{ID: id, URL: "https://example.org/synthetic/" + id[4:], Title: fmt.Sprintf("Synthetic article %d", a),
			Publisher: "Synthetic Wire", Published: pub}
		facts := make([]extract.Fact, k)
		offset := 0
		for i := range facts {
			s, o := entity(), entity()
			c := synthClasses[rng.IntN(len(synthClasses))]
			sentence := fmt.Sprintf("In synthetic sentence %d of article %d, %s and %s %s.", i, a, s.Name, o.Name, c.predicate)
			facts[i] = extract.Fact{Article: id, URL: art.URL, Headline: art.Title, Publisher: art.Publisher,
				Published: pub.Format(time.DateOnly), Subject: s, Predicate: c.predicate, Object: o,
				Date: pub.AddDate(0, 0, -rng.IntN(7)).Format(time.DateOnly), DatePrecision: "day", DateSource: extract.DateFromText,
				Modality: extract.Asserted, Class: c.class, Sentence: sentence, Offset: offset, Confidence: float64(rng.IntN(100)) / 100}
			offset += len(sentence) + 1
		}
		out[a] = extract.Result{Article: art, Facts: facts}
	}
	return out
}
