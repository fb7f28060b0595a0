package extract

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestExtractOptions(t *testing.T) {
	a := Article{ID: "art:opt", Published: time.Date(2022, 2, 25, 0, 0, 0, 0, time.UTC),
		Text: "Ukraine accused Russia of shelling Kharkiv on Thursday. The rebels seized the airport."}
	tests := []struct {
		name  string
		opts  []Option
		check func(Fact) string // "" when the fact is as the options demand
	}{
		{"all stages", nil, func(f Fact) string {
			if f.Subject.ID == "ent:russia" && f.Object.ID == "ent:kharkiv" && f.Date != "2022-02-24" {
				return "the shelling was on Thursday 2022-02-24"
			}
			return ""
		}},
		{"without timexes", []Option{WithoutTimexes()}, func(f Fact) string {
			if f.DateSource != DateFromPublished || f.Date != "2022-02-25" {
				return "want the publication date"
			}
			return ""
		}},
		{"without entities", []Option{WithoutEntities()}, func(f Fact) string {
			if strings.HasPrefix(f.Subject.ID, "ent:") || strings.HasPrefix(f.Object.ID, "ent:") {
				return "want no entity IDs"
			}
			return ""
		}},
		{"min confidence", []Option{WithMinConfidence(0.5)}, func(f Fact) string {
			if f.Confidence < 0.5 {
				return "want confidence at least 0.5"
			}
			return ""
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(context.Background(), a, tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range res.Facts {
				if msg := tt.check(f); msg != "" {
					t.Errorf("%s: %s", renderFact(f), msg)
				}
			}
			if len(res.Facts) == 0 {
				t.Error("no facts")
			}
		})
	}
}

func TestExtractBadInput(t *testing.T) {
	for name, text := range map[string]string{
		"empty":         "",
		"blank lines":   "\n\n \n\t\n",
		"invalid utf8":  "Russia \xff\xfe accused \xc3 Ukraine.",
		"binary":        string([]byte{0, 1, 2, 3, 0xff, 0x80, '.', 0, 'a', ' ', 'b'}),
		"punctuation":   strings.Repeat(",;:.!?\"'()", 50),
		"one long word": strings.Repeat("a", 10000),
		"no spaces":     strings.Repeat("Russia,Ukraine.", 200),
		"no full stop":  strings.Repeat("Russia said Ukraine attacked Belarus and ", 20000),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Extract(context.Background(), Article{ID: "art:bad", Source: name, Text: text}); err != nil {
				t.Fatalf("Extract: %v", err)
			}
		})
	}
}

func TestExtractCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Extract(ctx, Article{Text: "Russia accused Ukraine."}); !errors.Is(err, context.Canceled) {
		t.Fatalf("Extract with a cancelled context: err = %v, want context.Canceled", err)
	}
}

func TestExtractAll(t *testing.T) {
	texts := []string{
		"Azerbaijan accused Armenia of shelling Tovuz.",
		"",
		"Israel and Hamas agreed to a truce brokered by Egypt.",
		"Turkey condemned the attack.",
	}
	arts := make([]Article, len(texts))
	for i, s := range texts {
		arts[i] = Article{ID: "art:" + string(rune('a'+i)), Text: s, Published: time.Date(2021, 5, 21, 0, 0, 0, 0, time.UTC)}
	}
	for _, workers := range []int{1, 3, 0} {
		out := ExtractAll(context.Background(), arts, workers)
		if len(out) != len(arts) {
			t.Fatalf("workers %d: %d outcomes, want %d", workers, len(out), len(arts))
		}
		for i, o := range out {
			if o.Err != nil || o.Result.Article.ID != arts[i].ID {
				t.Errorf("workers %d: outcome %d = %v, article %s", workers, i, o.Err, o.Result.Article.ID)
			}
		}
		if len(out[0].Result.Facts) == 0 || len(out[1].Result.Facts) != 0 {
			t.Errorf("workers %d: facts per article %d, %d", workers, len(out[0].Result.Facts), len(out[1].Result.Facts))
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for i, o := range ExtractAll(ctx, arts, 2) {
		if !errors.Is(o.Err, context.Canceled) {
			t.Errorf("cancelled batch: outcome %d err = %v", i, o.Err)
		}
	}
}
