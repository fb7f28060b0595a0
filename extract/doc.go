// Package extract turns news articles into facts: subject–predicate–object statements
// about resolved entities, with an event class, a normalised date, a modality, a
// confidence and the sentence they came from. It is the contract's producer side: the
// Fact type is what package graph loads.
//
// Reading articles from files and extracting them:
//
//	arts, errs := extract.Read(ctx, paths, extract.ReadOptions{})
//	for _, o := range extract.ExtractAll(ctx, arts, 0) { // 0: one worker per core
//		if o.Err != nil { … }
//		for _, f := range o.Result.Facts { … }
//	}
//
// One article: extract.Extract(ctx, article, options…); the options turn stages off
// (WithoutEntities, WithoutTimexes), swap the verb lexicon (WithLexicon) or change the
// confidence below which facts are dropped (WithMinConfidence; DefaultMinConfidence).
// WriteCarb prints the raw clause tuples of single sentences in the CaRB benchmark's
// system format, so the clause readers can be scored on their own; CarbTuples gives
// them with the features of their confidence.
//
// # Two clause readers
//
// Clauses reads tuples with rules over POS chunks; TreeClauses reads them from a
// dependency parse (package depparse), both on the tags Analyze gives (prose's tagger,
// read by package prosetag, with the lexicon and fixes of segment.go). The news
// pipeline uses the rules alone. The CaRB tuples come from both: a clause both readers find is
// written once, and a logistic model weighs its construction, its arguments and the
// agreement of the readers into a confidence (carbconf.go).
//
// # Stages
//
// Extract runs, in this order, checking the context between stages:
//
//  1. Analyze: sentences (paragraph and line breaks always end one), tokens, Penn
//     Treebank tags, lemmas.
//  2. Recognize: entity mentions resolved to canonical entities from the embedded
//     gazetteers.
//  3. Per sentence, FindTimexes (time expressions resolved against the publication date)
//     and Clauses: raw open-extraction tuples read by rules over chunked POS tags
//     (noun phrases, verb groups, prepositions): active, passive and participial,
//     relative, coordinated, controlled (infinitives and gerunds), attribution and
//     apposition clauses, with negation, intent and reported-speech cues.
//  4. Facts (relations.go): each clause's arguments resolved to entities, or to topics
//     for common nouns; coordinations expanded; "mediate between A and B" given the A–B
//     conflict as object; "both sides" and "the other" resolved against the pair of
//     parties the article is about; classes and weights from the verb lexicon; dates from
//     the clause's time expression, else the saying's ("…, Peskov said on Friday"), else
//     the sentence's nearest one outside relative clauses, else the publication date.
//     Mediation (mediation.go) adds what clauses alone miss: hosted or facilitated talks,
//     "a Russian-brokered ceasefire", "under the auspices of the OSCE", go-betweens — with
//     the conflict of the pair named or in focus as the object when there is one.
//
// # Invariants
//
//  1. Every Fact keeps its article's ID, URL and publication date, its sentence, and the
//     byte offset of that sentence in Article.Text (Text[Offset:Offset+len(Sentence)]).
//  2. Subject and object are never the same entity and never empty; a clause whose
//     argument cannot be named (an unresolved pronoun, a vague noun) gives no fact rather
//     than a wrong one.
//  3. Predicate is a lowercase lemma with particles and prepositions joined by "_".
//  4. Date is from the sentence only when DateSource is DateFromText; otherwise it is the
//     publication date.
//  5. Confidence is in (0, 1) and reads as a probability that the fact is right: a score
//     from the clause construction, whether both arguments are named entities, modality
//     and negation, and how surely the lexicon classes the verb, calibrated against the
//     test corpus (see calibrate). Facts below the minimum confidence are dropped.
//  6. No stage panics on any input, and a failure costs one article, not a batch.
//
// # What it must never import
//
// extract is pure text processing: it never imports Cayley or any package of newsgraph
// but the pure language models it reads with (depparse, prosetag): never graph, queries,
// server, config or cmd, and carb only in tests, to score its tuples. Data flows
// extract → graph, never back.
package extract
