package replication

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"accueil/intake"
)

func FuzzDecodePush(f *testing.F) {
	f.Add([]byte(`{"schema":1,"events":[]}`))
	f.Add([]byte(`{"schema":1,"events":[{"id":"e1","entity_type":"person","entity_id":"p1","changes":[{"field":"surname","value":"X","base":"e0"}],"time":"000001700000000.0000000003","desk":"d1","staff":"s1","schema":1}]}`))
	f.Add([]byte(`{"schema":1,"events":[{"id":"e1","time":"bad"}]}`))
	f.Add([]byte(`{"schema":1}{"schema":1}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		req, err := DecodePush(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("error without ErrMalformed: %v", err)
			}
			return
		}
		again, err := json.Marshal(req)
		if err != nil {
			t.Fatalf("accepted payload does not re-encode: %v", err)
		}
		back, err := DecodePush(bytes.NewReader(again))
		if err != nil {
			t.Fatalf("re-encoded payload refused: %v\n%s", err, again)
		}
		if len(back.Events) != len(req.Events) {
			t.Fatalf("round trip lost events")
		}
		for i := range req.Events {
			a, _ := Canonical(req.Events[i])
			b, _ := Canonical(back.Events[i])
			if !bytes.Equal(a, b) {
				t.Fatalf("event %d changed in a round trip:\n%s\n%s", i, a, b)
			}
		}
	})
}

func TestDecodePushLimits(t *testing.T) {
	ev := `{"id":"e","entity_type":"person","entity_id":"p","desk":"d","schema":1}`
	tests := []struct {
		name string
		body string
		ok   bool
	}{
		{"empty batch", `{"schema":1,"events":[]}`, true},
		{"one event", `{"schema":1,"events":[` + ev + `]}`, true},
		{"too many events", `{"schema":1,"events":[` + strings.Repeat(ev+",", MaxPushEvents) + ev + `]}`, false},
		{"unknown entity", `{"schema":1,"events":[{"id":"e","entity_type":"x","entity_id":"p","desk":"d","schema":1}]}`, false},
		{"trailing data", `{"schema":1,"events":[]} x`, false},
		{"not an object", `[1,2]`, false},
		{"long ID", `{"schema":1,"events":[{"id":"` + strings.Repeat("e", 65) + `","entity_type":"person","entity_id":"p","desk":"d","schema":1}]}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodePush(strings.NewReader(tt.body))
			if (err == nil) != tt.ok {
				t.Fatalf("got %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

func TestEnrolCodeRoundTrip(t *testing.T) {
	ca, err := NewAuthority("test")
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewEnrolCode(ca.Fingerprint())
	if err != nil {
		t.Fatal(err)
	}
	s := c.String()
	spaced := strings.ToLower(s[:10]) + " - " + s[10:]
	for _, in := range []string{s, spaced} {
		got, err := ParseEnrolCode(in)
		if err != nil || got != c {
			t.Fatalf("parse %q: %v", in, err)
		}
	}
	flipped := []byte(s)
	flipped[5] = map[bool]byte{true: 'B', false: 'A'}[flipped[5] == 'A']
	if _, err := ParseEnrolCode(string(flipped)); !errors.Is(err, ErrBadCode) {
		t.Fatalf("a typo passed the checksum: %v", err)
	}
}

func TestCanonicalEmptyChanges(t *testing.T) {
	a, _ := Canonical(intake.Event{ID: "e", Changes: []intake.Change{}})
	b, _ := Canonical(intake.Event{ID: "e"})
	if !bytes.Equal(a, b) {
		t.Fatalf("%s != %s", a, b)
	}
}
