package cli

import (
	"flag"
	"io"
	"slices"
	"testing"
)

func TestParseInterspersed(t *testing.T) {
	tests := []struct {
		name string
		args []string
		pos  []string
		data string
	}{
		{"flags first", []string{"--data", "d", "a", "b"}, []string{"a", "b"}, "d"},
		{"flags between", []string{"a", "--data", "d", "b"}, []string{"a", "b"}, "d"},
		{"flags last", []string{"a", "b", "--data", "d"}, []string{"a", "b"}, "d"},
		{"no flags", []string{"a"}, []string{"a"}, ""},
		{"after --, a flag is an argument", []string{"a", "--", "--data"}, []string{"a", "--data"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := flag.NewFlagSet("x", flag.ContinueOnError)
			data := fs.String("data", "", "")
			pos, err := ParseInterspersed(fs, tc.args)
			if err != nil || !slices.Equal(pos, tc.pos) || *data != tc.data {
				t.Fatalf("got %v, data %q, err %v; want %v, %q", pos, *data, err, tc.pos, tc.data)
			}
		})
	}
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if _, err := ParseInterspersed(fs, []string{"a", "--unknown"}); err == nil {
		t.Fatal("an unknown flag was accepted")
	}
}
