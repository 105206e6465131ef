package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"accueil/intake"
)

// fakeWall is a wall clock a test moves by hand.
type fakeWall struct{ t time.Time }

func (f *fakeWall) now() time.Time { return f.t }

func TestClockMonotonicWhenWallGoesBack(t *testing.T) {
	wall := &fakeWall{t: time.UnixMilli(1_000_000)}
	c := NewClock(wall.now, intake.Timestamp{})
	steps := []time.Duration{0, time.Millisecond, 0, -time.Hour, -time.Millisecond, 2 * time.Hour, -24 * time.Hour, 0}
	prev := c.Now()
	for i, d := range steps {
		wall.t = wall.t.Add(d)
		for range 3 {
			got := c.Now()
			if got.Compare(prev) <= 0 {
				t.Fatalf("step %d: %s not after %s", i, got, prev)
			}
			prev = got
		}
	}
}

func TestClockUpdate(t *testing.T) {
	wall := &fakeWall{t: time.UnixMilli(5_000)}
	tests := []struct {
		name    string
		last    intake.Timestamp
		remote  intake.Timestamp
		want    intake.Timestamp
		wantErr error
	}{
		{"remote behind", intake.Timestamp{Wall: 4_000}, intake.Timestamp{Wall: 3_000}, intake.Timestamp{Wall: 5_000}, nil},
		{"remote ahead", intake.Timestamp{Wall: 4_000}, intake.Timestamp{Wall: 6_000, Logical: 2}, intake.Timestamp{Wall: 6_000, Logical: 3}, nil},
		{"same wall", intake.Timestamp{Wall: 5_000, Logical: 7}, intake.Timestamp{Wall: 5_000, Logical: 9}, intake.Timestamp{Wall: 5_000, Logical: 10}, nil},
		{"too far ahead", intake.Timestamp{Wall: 4_000}, intake.Timestamp{Wall: 5_000 + 25*3600*1000}, intake.Timestamp{Wall: 4_000}, ErrClockDrift},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewClock(wall.now, tt.last)
			got, err := c.Update(tt.remote)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("Update = %s, want %s", got, tt.want)
			}
			if next := c.Now(); next.Compare(got) <= 0 {
				t.Errorf("Now after Update = %s, not after %s", next, got)
			}
		})
	}
}

// A restart with the wall clock set back (a dead CMOS battery) must still
// stamp new events after the old ones.
func TestClockPersistsAcrossRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "desk.db")
	s := openAt(t, path)
	s.now = func() time.Time { return time.Now().Add(time.Hour) }
	_, _ = save(t, s, reception, person("Velindor", "Amina", "N 900 001"), nil)
	before := s.Clock().Last()
	s.Close()

	s2 := openAt(t, path)
	s2.now = func() time.Time { return time.Now().Add(-time.Hour) }
	p, _ := save(t, s2, reception, person("Tarquen", "Ali", "N 900 002"), nil)
	evs, err := s2.History(context.Background(), reception, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := evs[0].Time; got.Compare(before) <= 0 {
		t.Errorf("event after restart stamped %s, not after %s", got, before)
	}
}
