package server

import (
	"strings"
	"testing"
	"time"
)

func TestOptionsDefaults(t *testing.T) {
	o := (*Options)(nil).EnsureDefaults()
	want := Options{Host: "127.0.0.1", Port: 64210, QueryTimeout: 30 * time.Second, QueryLimit: 10000, MaxRequestBytes: 1 << 20}
	if *o != want {
		t.Errorf("defaults %+v, want %+v", *o, want)
	}
	if err := o.Validate(); err != nil {
		t.Errorf("defaults do not validate: %v", err)
	}
	if got := o.Addr(); got != "127.0.0.1:64210" {
		t.Errorf("Addr() = %q", got)
	}
	if got := (&Options{Host: "::1", Port: 8080}).Addr(); got != "[::1]:8080" {
		t.Errorf("Addr() = %q", got)
	}
}

func TestOptionsValidate(t *testing.T) {
	for _, c := range []struct {
		name string
		opts Options
		want []string // one line each, in order; none means valid
	}{
		{"writes with a token", Options{AllowWrites: true, Token: testToken}, nil},
		{"token without writes is ignored", Options{Token: "short"}, nil},
		{"writes without a token", Options{AllowWrites: true}, []string{"token must be set when writes are allowed"}},
		{"short token", Options{AllowWrites: true, Token: "secret"}, []string{"token length (6) must be >= 16"}},
		{"everything wrong", Options{Port: 70000, QueryTimeout: -time.Second, QueryLimit: -1, MaxRequestBytes: -5}, []string{
			"port (70000) must be between 1 and 65535",
			"query timeout (-1s) must be > 0",
			"query limit (-1) must be > 0",
			"max request bytes (-5) must be > 0",
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.opts.EnsureDefaults().Validate()
			if len(c.want) == 0 {
				if err != nil {
					t.Errorf("unexpected error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error, want %q", c.want)
			}
			if got := strings.Split(err.Error(), "\n"); strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("errors:\n%s\nwant:\n%s", err, strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestNewRejectsBadOptions(t *testing.T) {
	_, err := New(newStore(t), nil, Options{AllowWrites: true})
	if err == nil || !strings.Contains(err.Error(), "token must be set") {
		t.Errorf("New with writes and no token: %v", err)
	}
	if _, err := New(nil, nil, Options{}); err == nil {
		t.Error("New with a nil store: no error")
	}
}
